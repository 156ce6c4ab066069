// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/flasher/flashsession.h"
#include "core/sim/romserialserver.h"
#include "ui/common/statusbanner.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;

namespace Forgeline::Ui {

class FlashBoardBox;
class FlashPreflightFields;
class FlashProgressRow;
class FlashStoreFields;
class PartitionTableModel;
class PreflightPanel;

// Flashing certificates and keys into a board's partitions: pick a port (or the virtual
// board), connect to read chip, MAC, flash and partition table, choose a file and format
// (size against the partition shown), write with progress/ETA and cancel, verify, and
// restore any backup with one click. The workspace presents; Flasher::FlashSession decides
// (one FlashJob at a time, the board, what was written, the backups, the rate).
// The certificate/key preflight (FlashPreflightFields) sits beside the write controls and gates
// Write: a red check disables it until the files are fixed or "Write anyway" is ticked (logged
// as an override). FlashStoreFields, FlashBoardBox and FlashProgressRow hold the store rows,
// the board box and the progress line.
// 30 members, over the ~20 rule, because what is left is read together on every click: the
// write form (partition, file, format, flash key, boot switch, buttons, gate), the table the
// partition list mirrors, the backups list, and the in-process virtual board, which stays
// here because core/sim sits above the flasher and the session must not know it.
class FlashWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit FlashWorkspace(QWidget *parent = nullptr);
    ~FlashWorkspace() override;

    // The in-process virtual board, once started (null before): the window points Monitor at it.
    Sim::RomSerialServer *virtualBoard() const { return m_virtual; }
    void setBackupDirectory(const QString &dir);

    QString portText() const;
    void setPortText(const QString &port);
    void setPayloadFile(const QString &path);
    void selectPartition(const QString &name);
    void setFormat(const QString &name);
    // Target layout (FlashStoreFields): "raw" (the file as it is), "nvs" (an NVS partition built
    // from a CSV template whose {certificate}, {key}, {mac} placeholders take the chosen files
    // and the board's MAC) or "secure-cert" (an esp_secure_cert TLV partition).
    void setLayoutName(const QString &name);
    QString layoutName() const;
    void setStoreFiles(const QString &key, const QString &ca = {}, const QString &csv = {},
                       const QString &nvsKeys = {});
    QString inspectionText() const { return m_inspection; }
    void setFlashEncryptionKeyFile(const QString &path);
    QString bannerText() const;
    QString payloadSummary() const;
    bool isBusy() const;
    const Flasher::BoardInfo &board() const;
    int partitionCount() const;
    int backupCount() const;
    QString newestBackup() const;

    // Preflight inputs (a PEM certificate may carry its chain; CAs separated by ';').
    void setPreflightFiles(const QString &cert, const QString &key, const QString &chain = {},
                           const QStringList &cas = {});
    PreflightPanel *preflightPanel() const;
    bool canWrite() const;
    QString writeGateText() const;
    void setWriteAnyway(bool on);
    // App writes into factory/ota_N of a table with otadata (flashbootswitch.cpp).
    bool makeBootPartition() const;
    void setMakeBootPartition(bool on);

public Q_SLOTS:
    void refreshPorts();
    void startVirtualBoard();
    void connectBoard();
    void write();
    void verify();
    void restoreSelected();
    void restoreBackup(const QString &path);
    void cancel();
    // Reads the chosen partition and says what it holds (NVS, esp_secure_cert: which
    // certificate; secrets summarised), in a window and the banner.
    void inspectPartition();

Q_SIGNALS:
    void jobFinished(bool ok);
    // "Monitor": watch this board's serial log in the Monitor workspace.
    void monitorRequested(const QString &port);
    // The in-process virtual board listens at `address` (again after it moved).
    void virtualBoardStarted(const QString &address);
    void statusMessage(const QString &text);

private:
    // Tests switch off the virtual board's byte pacing (tests/ui/workspacetestaccess.h).
    friend class WorkspaceTestAccess;
    void buildUi();
    // Clears the last answer from view for a new job; false (nothing cleared) while one runs.
    bool prepareJob();
    void onFinished(Flasher::FlashAction action, const Result<Flasher::FlashJobOutcome> &result);
    void updatePayloadSummary();
    void updateButtons();
    void reloadBackups();
    void showBanner(bool ok, const QString &text);
    Flasher::FlashJobRequest baseRequest() const;
    Result<QByteArray> payloadBytes() const;
    // Certificate stores (flashstores.cpp).
    void buildStoreRows(QFormLayout *form, QWidget *box);
    void updateLayoutRows();
    Result<QByteArray> storeBytes() const;
    void showInspection(const Flasher::FlashJobOutcome &outcome);
    // Preflight wiring (flashpreflight.cpp).
    QWidget *buildPreflightBox();
    void adoptPayloadForPreflight();
    bool preflightBlocksWrite() const;
    void updateWriteGate();
    void buildBootSwitchRow(QFormLayout *form, QWidget *box);
    void updateBootSwitchRow();
    QString bootSwitchText(const Flasher::FlashJobOutcome &outcome) const;

    Flasher::FlashSession *m_session;
    QComboBox *m_port = nullptr;
    QComboBox *m_baud = nullptr;
    QPushButton *m_connect = nullptr;
    FlashBoardBox *m_boardBox = nullptr;
    QTableView *m_tableView = nullptr;
    PartitionTableModel *m_table = nullptr;
    QComboBox *m_partition = nullptr;
    QLineEdit *m_file = nullptr;
    QComboBox *m_format = nullptr;
    QFormLayout *m_writeForm = nullptr;
    FlashStoreFields *m_stores = nullptr;
    QLineEdit *m_flashKey = nullptr;  // shown when the board's flash encryption is on
    QLayout *m_flashKeyRow = nullptr; // the form row it sits in
    QPushButton *m_inspect = nullptr;
    QString m_inspection;
    QLabel *m_payloadInfo = nullptr;
    QPushButton *m_write = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_cancel = nullptr;
    FlashProgressRow *m_progress = nullptr;
    StatusBanner *m_banner = nullptr;
    QListWidget *m_backups = nullptr;
    QPushButton *m_restore = nullptr;
    FlashPreflightFields *m_preflight = nullptr;
    QCheckBox *m_writeAnyway = nullptr;
    QCheckBox *m_setBoot = nullptr;
    QLabel *m_writeGate = nullptr;
    QPointer<Sim::RomSerialServer> m_virtual;
    bool m_virtualTiming = true; // the virtual board paces bytes at the baud rate
};

} // namespace Forgeline::Ui
