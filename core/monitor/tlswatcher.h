// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/monitor/codespotter.h"
#include "core/monitor/monitorevents.h"

#include <QByteArrayView>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <memory>

namespace Forgeline::Tls {
class TraceBuilder;
}

namespace Forgeline::Monitor {

// Follows a live log one line at a time and says when a TLS connection starts and how it
// ended. Each line is parsed once and given to a TraceBuilder that holds only the current
// connection, so nothing is re-read however long the board runs. When the connection is
// over it is diagnosed by the same engine `diagnose` uses; the line numbers are the
// capture's, so the answer matches `diagnose` on the capture file.
//
// A connection opens at "=> handshake" (or the ClientHello), or at the application's report
// of a failure when the start was not seen. A successful one is over at the "<= handshake"
// after "handshake: done"; a failed one once another starts, SettleLines lines pass without
// anything about TLS, the log goes quiet (idle()), the application's success pattern appears,
// or the stream ends (finish()). The settling keeps esp-tls' lines after the failure
// ("Failed to verify peer certificate!") in the connection.
class TlsWatcher
{
public:
    static constexpr int SettleLines = 40;

    explicit TlsWatcher(QString sourceName = {});
    ~TlsWatcher();

    // A line that means "the application is connected" (e.g. MQTT_EVENT_CONNECTED); empty: none.
    void setSuccessPattern(const QRegularExpression &pattern) { m_success = pattern; }
    void setSourceName(const QString &name) { m_source = name; }

    // `cleaned` as the log reader delivers it (no CR, no colour codes).
    QList<MonitorEvent> addLine(qint64 lineNumber, QByteArrayView cleaned);
    // The log has been quiet for a while: a settled connection is reported now.
    QList<MonitorEvent> idle();
    // End of stream: whatever is open is reported.
    QList<MonitorEvent> finish();

    bool connectionOpen() const { return bool(m_builder); }

private:
    void open(qint64 line, QList<MonitorEvent> &out);
    void close(QList<MonitorEvent> &out);

    QString m_source;
    QRegularExpression m_success;
    CodeSpotter m_codes;
    std::unique_ptr<Tls::TraceBuilder> m_builder;
    qint64 m_openedAt = 0;
    qint64 m_lastLine = 0;
    bool m_ended = false;    // the connection failed or completed; settling
    bool m_doneSeen = false; // "handshake: done" in this connection
    bool m_lastOk = false;   // the last connection reported succeeded
    int m_linesSinceTls = 0;
    Tls::MbedtlsGeneration m_generation = Tls::MbedtlsGeneration::Unknown;
};

} // namespace Forgeline::Monitor
