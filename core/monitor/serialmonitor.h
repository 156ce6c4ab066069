// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/monitor/lineredactor.h"
#include "core/monitor/linesplitter.h"
#include "core/monitor/monitorevents.h"
#include "core/monitor/tlswatcher.h"

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QString>

#include <deque>
#include <memory>

class QTimer;

namespace Forgeline::Flasher {
class SerialLink;
class ResetRunner;
} // namespace Forgeline::Flasher

namespace Forgeline::Monitor {

struct MonitorOptions
{
    QString port;          // device path, pty or socket://HOST:PORT
    qint32 baud = 115200;  // the firmware's console rate
    bool reset = false;    // hard reset into the firmware after opening
    QString capturePath;   // every line (redacted) is written here when set
    int tailLines = 10000; // lines kept in memory for tail()
    bool reconnect = true; // wait for a lost port to come back
    int reconnectIntervalMs = 300;
    int idleMs = 300;                  // quiet this long: a settled TLS connection is reported
    QRegularExpression successPattern; // the application's "connected" line
};

// Watches a board's console: opens the link, optionally resets the board into its firmware,
// cuts the output into lines, keeps a bounded tail, streams a capture, and reports lines,
// error codes, TLS connections and their diagnosis as typed events. Lives on the event loop
// of the thread that owns it (the CLI's main loop, the GUI's worker, a station runner).
class SerialMonitor : public QObject
{
    Q_OBJECT
public:
    explicit SerialMonitor(MonitorOptions options, QObject *parent = nullptr);
    ~SerialMonitor() override;

    void start();
    // Ends with an EndEvent carrying `reason` (default "stopped"); idempotent.
    void stop(const QString &reason = QStringLiteral("stopped"), const QString &message = {});
    // Sends text to the board's console (a line ending is added when missing).
    void sendLine(const QString &text);

    bool isRunning() const { return m_running; }
    bool isPortLost() const { return m_lost; }
    qint64 linesSeen() const { return m_splitter.lines(); }
    qint64 bytesSeen() const { return m_bytes; }
    // Bytes handed to the capture file (64-bit: a capture passes 4 GiB in a long soak).
    qint64 captureBytes() const { return m_captureBytes; }
    const std::deque<LineEvent> &tail() const { return m_tail; }
    const MonitorOptions &options() const { return m_options; }

Q_SIGNALS:
    void monitorEvent(const Forgeline::Monitor::MonitorEvent &event);
    void finished(const QString &reason);

private:
    void openLink();
    void onOpened();
    void onFailed(const Forgeline::Error &error);
    void onData(const QByteArray &bytes);
    void onLine(qint64 number, QByteArrayView raw, bool cut);
    void resetBoard();
    void publish(QList<MonitorEvent> events);
    void status(const QString &kind, const QString &message);
    void captureFailed();
    void scheduleReconnect();

    MonitorOptions m_options;
    QPointer<Flasher::SerialLink> m_link;
    Flasher::ResetRunner *m_reset = nullptr;
    LineSplitter m_splitter;
    LineRedactor m_redactor;
    TlsWatcher m_watcher;
    QFile m_capture;
    std::deque<LineEvent> m_tail;
    QTimer *m_idle = nullptr;
    QTimer *m_retry = nullptr;
    QTimer *m_presence = nullptr;
    QByteArray m_scratch;
    qint64 m_bytes = 0;
    qint64 m_captureBytes = 0;
    int m_noiseRun = 0;
    bool m_noiseReported = false;
    bool m_running = false;
    bool m_stopping = false;
    bool m_everOpened = false;
    bool m_lost = false;
    bool m_resetDone = false;
};

} // namespace Forgeline::Monitor
