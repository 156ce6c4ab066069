// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/monitor/tlswatcher.h"

#include "core/tls/diagnosisengine.h"
#include "core/tls/logline.h"
#include "core/tls/tracebuilder.h"
#include "core/tls/tracetext.h"

namespace Forgeline::Monitor {

using T = Tls::HandshakeEvent::Type;

TlsWatcher::TlsWatcher(QString sourceName) : m_source(std::move(sourceName)) {}

TlsWatcher::~TlsWatcher() = default;

void TlsWatcher::open(qint64 line, QList<MonitorEvent> &out)
{
    m_builder = std::make_unique<Tls::TraceBuilder>();
    m_openedAt = line;
    m_ended = false;
    m_doneSeen = false;
    m_lastOk = false;
    m_linesSinceTls = 0;
    out.append(TlsStartEvent{line});
}

void TlsWatcher::close(QList<MonitorEvent> &out)
{
    if (!m_builder)
        return;
    Tls::LogAnalysis analysis = m_builder->finish();
    m_builder.reset();
    m_ended = false;
    m_doneSeen = false;
    if (analysis.generation != Tls::MbedtlsGeneration::Unknown)
        m_generation = analysis.generation;
    if (analysis.traces.isEmpty())
        return;
    analysis.source = m_source;
    analysis.stats.lines = m_lastLine;
    auto report = std::make_shared<Tls::DiagnosisReport>(
        Tls::DiagnosisEngine::diagnose(std::move(analysis), std::nullopt));
    report->badFile = m_source;
    HandshakeResultEvent e;
    const Tls::HandshakeTrace *trace = report->badHandshake();
    e.ok = trace && trace->succeeded() && !report->finalError;
    e.firstLine = trace ? trace->firstLine() : m_openedAt;
    e.lastLine = trace ? trace->lastLine() : m_lastLine;
    e.finalError = report->finalError;
    if (!e.ok)
        e.diagnoses = report->diagnoses;
    e.report = std::move(report);
    m_lastOk = e.ok; // the application's "connected" line that follows says the same
    out.append(std::move(e));
}

QList<MonitorEvent> TlsWatcher::addLine(qint64 number, QByteArrayView cleaned)
{
    QList<MonitorEvent> out;
    m_lastLine = number;
    if (cleaned.isEmpty()) {
        // mbedTLS' debug entries are followed by a blank line; they say nothing either way.
        return out;
    }
    for (CodeEvent &c : m_codes.scan(number, cleaned, m_generation))
        out.append(std::move(c));

    const Tls::LogLine line = Tls::parseLogLine(cleaned);
    Tls::HandshakeEvent e;
    bool tls = false;
    if (line.isMbedtlsDebug()) {
        tls = true;
        Tls::TraceText::classifyDebugMessage(line.message, e);
    } else if (!line.message.isEmpty()) {
        tls = Tls::TraceText::classifyApplicationLine(line, e) && e.type != T::SessionError;
    }
    const bool starts
        = tls && line.isMbedtlsDebug()
          && (e.type == T::HandshakeStart
              || (e.type == T::MessageWritten && e.text == QLatin1String("client hello")));
    const bool success = m_success.isValid() && !m_success.pattern().isEmpty()
                         && m_success.match(QString::fromUtf8(line.message)).hasMatch();

    // A new connection closes the previous one when that one already ended, or when a
    // second "=> handshake" shows the previous one was abandoned (a retry after a timeout).
    if (starts && m_builder && (m_ended || e.type == T::HandshakeStart))
        close(out);
    // A connection opens at its start, or at the application's report of a failure when the
    // start was not seen (no debug output, or the monitor attached mid-handshake). Record
    // traffic after a handshake opens nothing: it belongs to no handshake.
    const bool failureLine
        = tls && !line.isMbedtlsDebug()
          && (e.type == T::HandshakeReturned || e.type == T::Timeout || e.type == T::AppVerifyFailed
              || (e.type == T::AppError && e.code != 0));
    if (!m_builder && (starts || failureLine))
        open(number, out);
    if (m_builder)
        m_builder->addLine(number, cleaned);
    // "<= handshake" right after "handshake: done": the connection is up, nothing more to wait for.
    if (m_builder && m_doneSeen && line.isMbedtlsDebug()
        && line.message == QByteArrayView("<= handshake")) {
        close(out);
        return out;
    }

    if (tls) {
        m_linesSinceTls = 0;
        switch (e.type) {
        case T::HandshakeDone:
            m_doneSeen = m_builder != nullptr;
            m_ended = true;
            break;
        case T::HandshakeReturned:
        case T::Timeout:
        case T::AppVerifyFailed:
        case T::AppVerified: m_ended = true; break;
        case T::AppError: m_ended = m_ended || e.code != 0; break;
        default: break;
        }
    } else if (m_builder && m_ended && ++m_linesSinceTls >= SettleLines) {
        close(out);
    }
    if (success && m_builder)
        close(out);
    else if (success && !m_lastOk) {
        // Firmware without mbedTLS debug output says nothing about a good handshake; its
        // application line is the only sign.
        HandshakeResultEvent ok;
        ok.ok = true;
        ok.firstLine = ok.lastLine = number;
        out.append(std::move(ok));
        m_lastOk = true;
    }
    return out;
}

QList<MonitorEvent> TlsWatcher::idle()
{
    QList<MonitorEvent> out;
    if (m_builder && m_ended)
        close(out);
    return out;
}

QList<MonitorEvent> TlsWatcher::finish()
{
    QList<MonitorEvent> out;
    close(out);
    return out;
}

} // namespace Forgeline::Monitor
