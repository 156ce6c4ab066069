// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sim/boardprofile.h"
#include "ui/common/statusbanner.h"

#include "core/common/result.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;

namespace Forgeline::Protocomm {
class ProvisionController;
struct SessionTarget;
} // namespace Forgeline::Protocomm
namespace Forgeline::Sim {
class ProtocommVirtualBoard;
}

namespace Forgeline::Ui {

class ProvisionStepList;
class ScanResultModel;

// Wi-Fi provisioning of one board at a time over protocomm (SoftAP / HTTP): address or QR
// payload, PoP (Security 2: username and password), secure session, scan, credentials, live status until Connected or failed
// with the reason and the next step. The session and the run are a Protocomm::ProvisionController's
// (core/protocomm/provisioncontroller.h): this widget reads its fields, forwards clicks and shows
// what the controller reports. Widgets in provisionworkspaceui.cpp, showing the session (connect,
// scan, custom endpoint) in provisionsession.cpp, showing the run in provisionapply.cpp, QR intake
// in provisionqrintake.cpp. The virtual board stays here: core/sim is above core/protocomm.
// Its ~25 members are the form's widgets (address, PoP, security, networks, credentials,
// custom endpoint): each click reads several of them, so they stay together.
class ProvisionWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit ProvisionWorkspace(QWidget *parent = nullptr);
    ~ProvisionWorkspace() override;

    QString bannerText() const;
    bool isBusy() const;
    bool isSessionOpen() const;
    int provisionedCount() const;

public Q_SLOTS:
    void startVirtualBoard();
    void connectToDevice();
    void scan();
    void provision();
    void sendCustom();
    void cancel();

Q_SIGNALS:
    void statusMessage(const QString &text);
    void sessionChanged(bool open);
    void provisioningFinished(bool connected);
    void busyChanged(bool busy);
    // "Monitor": watch the board's serial log (Provision knows its address, not its port).
    void monitorRequested();

private:
    // Tests choose the board "Start a virtual board" creates (default: the built-in PROV_FL0001)
    // and a shorter status poll (tests/ui/workspacetestaccess.h).
    friend class WorkspaceTestAccess;
    void buildUi();
    void bindSession();
    void bindRun();
    void watchForQrPayload(QLineEdit *edit);
    void applyQrPayload(QLineEdit *edit, const QString &text);
    void showBanner(const QString &text, Tone tone);
    // What the board form says: address, security, PoP, username.
    Protocomm::SessionTarget sessionTarget() const;
    void showAddressError(const Error &error);
    void updateButtons();
    void log(const QString &message, bool warning = false);
    // The Username row only matters for Security 2: shown when it is chosen, detected, or given.
    void updateUsernameRow();

    QLineEdit *m_address = nullptr;
    QLineEdit *m_pop = nullptr;
    QLineEdit *m_username = nullptr;
    QFormLayout *m_deviceForm = nullptr;
    QComboBox *m_security = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_virtual = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_deviceInfo = nullptr;
    ProvisionStepList *m_steps = nullptr;
    QTableView *m_networks = nullptr;
    ScanResultModel *m_scanModel = nullptr;
    QPushButton *m_scan = nullptr;
    QLineEdit *m_ssid = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QPushButton *m_provision = nullptr;
    StatusBanner *m_banner = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QLineEdit *m_customData = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_reply = nullptr;
    QListWidget *m_boards = nullptr;

    QHash<QLineEdit *, QString>
        m_lastPlainText; // what a field held before a scanner typed JSON into it
    Protocomm::ProvisionController *m_controller = nullptr;
    std::unique_ptr<Sim::ProtocommVirtualBoard> m_board;
    Sim::BoardProfile m_virtualProfile;
};

} // namespace Forgeline::Ui
