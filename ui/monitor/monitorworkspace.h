// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/monitor/monitorevents.h"
#include "core/monitor/serialmonitor.h"
#include "ui/common/statusbanner.h"

#include <QMutex>
#include <QPointer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QPushButton;
class QSortFilterProxyModel;
class QThread;
class QTimer;

namespace Forgeline::Ui {

class MonitorLogModel;

// The board's serial console, live: its log (ESP-IDF colours, filter, pause), the codes in it
// as links into Decode, and a findings strip that turns red with the diagnosis when a TLS
// handshake fails (green when one succeeds). The SerialMonitor runs on its own thread; lines
// reach the model in batches so a 2 Mbaud debug log scrolls without stalling the window.
// Files: monitorworkspaceui.cpp (widgets), monitorworkspace.cpp (the feed), monitorfindings.cpp
// (codes, handshake, server report), monitorcapture.cpp (save and Diagnose).
// Its 24 members are one screen's widgets and one feed's batching state, each used in one place;
// grouping them would only add a level of indirection to the hot path of the feed.
class MonitorWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit MonitorWorkspace(QWidget *parent = nullptr);
    ~MonitorWorkspace() override;

    void setPort(const QString &port);
    // Lists a port that is not a system serial port (the in-process virtual board) under a
    // name, first in the list and chosen unless the user already picked another port.
    void offerPort(const QString &label, const QString &address);
    QString port() const;
    void setBaud(int baud);
    // "Reset into firmware" when the monitor opens (hard reset, or the ROM's reboot command).
    void setResetIntoFirmware(bool on);
    bool isRunning() const { return m_monitor != nullptr; }
    MonitorLogModel *logModel() const { return m_model; }
    QTableView *logView() const { return m_view; }
    StatusBanner *findingsStrip() const { return m_findings; }
    StatusBanner *serverReportLabel() const { return m_serverReport; }
    const std::optional<Monitor::HandshakeResultEvent> &lastHandshake() const
    {
        return m_lastHandshake;
    }
    // The kept log (or the last TLS connection only) written to a file for Diagnose.
    QString writeCapture(bool lastConnectionOnly) const;

public Q_SLOTS:
    void start();
    void stop();
    void setPaused(bool paused);
    void clear();
    void setFilter(const QString &text);
    void sendLine(const QString &text);
    void diagnoseThis();
    void compareWithWorking(const QString &workingCapture = {});
    void saveTo(const QString &path = {});
    // What the virtual boards' TLS server made of a board's handshake: the other end's view.
    void showServerReport(bool ok, const QString &text);

Q_SIGNALS:
    void diagnoseRequested(const QString &failingLog, const QString &workingLog);
    void decodeRequested(const QString &code);
    void statusMessage(const QString &text);
    void handshakeSeen(bool ok);

private:
    void onEvent(const Monitor::MonitorEvent &event);
    void flushPending();
    void drainInbox();
    void showChanges();
    void showHandshake(const Monitor::HandshakeResultEvent &e);
    void updateButtons();

    QComboBox *m_port = nullptr;
    QComboBox *m_baud = nullptr;
    QCheckBox *m_reset = nullptr;
    QPushButton *m_startStop = nullptr;
    QLabel *m_state = nullptr;
    StatusBanner *m_findings = nullptr;
    QLabel *m_codes = nullptr;
    StatusBanner *m_serverReport = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QPushButton *m_pause = nullptr;
    QLineEdit *m_send = nullptr;
    MonitorLogModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTimer *m_flush = nullptr;
    QThread *m_thread = nullptr;
    QPointer<Monitor::SerialMonitor> m_monitor;
    QList<Monitor::LineEvent> m_pending;
    struct Inbox
    {
        QMutex mutex;
        QList<Monitor::MonitorEvent> events;
    };
    std::shared_ptr<Inbox> m_inbox = std::make_shared<Inbox>();
    QStringList m_recentCodes;
    std::optional<Monitor::HandshakeResultEvent> m_lastHandshake;
    bool m_paused = false;
    bool m_codesChanged = false;
    bool m_handshakeChanged = false;
};

} // namespace Forgeline::Ui
