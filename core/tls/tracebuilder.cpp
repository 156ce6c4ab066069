// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/tracebuilder.h"

#include "core/tls/logline.h"
#include "core/tls/records/dissector.h"
#include "core/tls/records/textdumpreader.h"
#include "core/tls/tracetext.h"

#include <QCoreApplication>

#include <cstring>

namespace Forgeline::Tls {

using T = HandshakeEvent::Type;
using namespace TraceText;

namespace {

bool isX509InfoKey(QByteArrayView m)
{
    static const char *const keys[] = {
        "cert. version",        "serial number",  "issuer name",    "subject name",
        "issued  on",           "expires on",     "signed using",   "RSA key size",
        "EC key size",          "EC_DH key size", "ECDSA key size", "basic constraints",
        "subject alt name",     "key usage",      "ext key usage",  "cert. type",
        "certificate policies",
    };
    for (const char *key : keys) {
        if (m.startsWith(QByteArrayView(key)))
            return true;
    }
    return false;
}

QString valueAfterColon(QByteArrayView m)
{
    const qsizetype colon = m.indexOf(QByteArrayView(" : "));
    if (colon < 0)
        return {};
    return QString::fromUtf8(m.sliced(colon + 3)).trimmed();
}

} // namespace

const HandshakeTrace *LogAnalysis::failingTrace() const
{
    for (qsizetype i = traces.size() - 1; i >= 0; --i) {
        if (traces.at(i).finalErrorCode() != 0 && !traces.at(i).succeeded())
            return &traces.at(i);
    }
    return traces.isEmpty() ? nullptr : &traces.last();
}

const HandshakeTrace *LogAnalysis::workingTrace() const
{
    for (qsizetype i = traces.size() - 1; i >= 0; --i) {
        if (traces.at(i).succeeded())
            return &traces.at(i);
    }
    return traces.isEmpty() ? nullptr : &traces.last();
}

namespace {

const DissectLimits &logRecordLimits()
{
    static const DissectLimits limits = [] {
        DissectLimits l;
        l.keptRecordBytes = 8 << 20;
        // The findings need facts only; the Records view dissects the log again with details.
        l.decodeDetails = false;
        return l;
    }();
    return limits;
}

} // namespace

TraceBuilder::TraceBuilder()
    : m_records(std::make_unique<TextDumpReader>(logRecordLimits(), m_keptRecordBytes))
{}

TraceBuilder::~TraceBuilder() = default;

namespace {

// Copies into the buffer already there: level-4 lines alternate between source files and
// connections, and a new allocation per line showed up in the diagnose profile.
void keep(QByteArray &buffer, QByteArrayView value)
{
    buffer.resize(value.size());
    if (!value.isEmpty())
        std::memcpy(buffer.data(), value.data(), size_t(value.size()));
}

} // namespace

void TraceBuilder::noteFile(QByteArrayView file)
{
    if (file == QByteArrayView(m_lastFile))
        return;
    keep(m_lastFile, file);
    if (file == QByteArrayView("ssl_cli.c") || file == QByteArrayView("ssl_srv.c"))
        m_sawCli = true;
    else if (file == QByteArrayView("ssl_msg.c"))
        m_sawMsg = true;
    else if (file.startsWith(QByteArrayView("ssl_tls12_"))
             || file.startsWith(QByteArrayView("ssl_tls13_"))
             || file == QByteArrayView("ssl_client.c"))
        m_sawV3 = true;
}

TraceBuilder::Slot *TraceBuilder::lastSlot()
{
    if (m_lastSlotIndex < 0)
        return nullptr;
    for (auto it = m_slots.rbegin(); it != m_slots.rend(); ++it) {
        if (it->trace.index == m_lastSlotIndex)
            return &*it;
    }
    return nullptr;
}

TraceBuilder::Slot &TraceBuilder::startTrace(QString context)
{
    // By value: eviction and push_back move slots, and callers pass a slot's own context.
    evictIfNeeded();
    Slot slot;
    slot.trace.index = m_result.tracesSeen++;
    slot.trace.context = std::move(context);
    m_slots.push_back(std::move(slot));
    m_lastSlotIndex = m_slots.back().trace.index;
    return m_slots.back();
}

void TraceBuilder::evictIfNeeded()
{
    if (int(m_slots.size()) < MaxTracesKept)
        return;
    // Drop the oldest successful connection; failures are what the user came for.
    for (auto it = m_slots.begin(); it != m_slots.end(); ++it) {
        if (it->trace.succeeded()) {
            m_slots.erase(it);
            return;
        }
    }
    m_slots.erase(m_slots.begin());
}

TraceBuilder::Slot &TraceBuilder::slotFor(QByteArrayView context)
{
    // Consecutive lines nearly always come from the same connection: skip the lookup.
    if (context == QByteArrayView(m_lastContext)) {
        if (Slot *slot = lastSlot();
            slot && slot->trace.context == QLatin1String(context.data(), context.size()))
            return *slot;
    }
    keep(m_lastContext, context);
    const QString key = context.isEmpty() ? QString() : QString::fromLatin1(context);
    for (auto it = m_slots.rbegin(); it != m_slots.rend(); ++it) {
        if (it->trace.context == key) {
            m_lastSlotIndex = it->trace.index;
            return *it;
        }
    }
    return startTrace(key);
}

void TraceBuilder::append(Slot &slot, HandshakeEvent event)
{
    if (event.endLine < event.line)
        event.endLine = event.line;
    QList<HandshakeEvent> &events = slot.trace.events;
    if (events.size() >= MaxEventsPerTrace) {
        // Past the cap keep only what rules need, never the bulk record traffic.
        switch (event.type) {
        case T::FetchWant:
        case T::Received:
        case T::Sent:
        case T::RecordIn:
        case T::RecordOut:
        case T::HandshakeMessage:
        case T::CiphersuiteOffered:
            if (event.code == 0)
                return;
            break;
        default: break;
        }
    }
    events.append(std::move(event));
}

void TraceBuilder::addLine(qint64 number, QByteArrayView cleaned)
{
    if (cleaned.isEmpty())
        return;
    const LogLine line = parseLogLine(cleaned);
    if (line.isMbedtlsDebug()) {
        ++m_result.mbedtlsLines;
        addDebugLine(number, line);
    } else if (!line.message.isEmpty()) {
        addApplicationLine(number, line);
    }
}

bool TraceBuilder::handleCertificateLine(Slot &slot, qint64 number, QByteArrayView m)
{
    if (!slot.certificateOpen || slot.trace.events.isEmpty())
        return false;
    HandshakeEvent &event = slot.trace.events.last();
    if (event.type != T::Certificate) {
        slot.certificateOpen = false;
        return false;
    }
    CertificateFacts &c = slot.trace.certificates[event.a];
    const bool continuation = !m.isEmpty() && (m[0] == ' ' || m[0] == '\t');
    if (m.startsWith(QByteArrayView("value of 'crt->")) || continuation || isHexDumpRow(m)) {
        event.endLine = number;
        return true;
    }
    if (!isX509InfoKey(m)) {
        slot.certificateOpen = false;
        return false;
    }
    event.endLine = number;
    if (m.startsWith(QByteArrayView("subject name")))
        c.subject = valueAfterColon(m);
    else if (m.startsWith(QByteArrayView("issuer name")))
        c.issuer = valueAfterColon(m);
    else if (m.startsWith(QByteArrayView("issued  on")))
        c.issuedOn = valueAfterColon(m);
    else if (m.startsWith(QByteArrayView("expires on")))
        c.expiresOn = valueAfterColon(m);
    else if (m.startsWith(QByteArrayView("signed using")))
        c.signedUsing = valueAfterColon(m);
    else if (m.contains(QByteArrayView("key size"))) {
        const qsizetype sp = m.indexOf(' ');
        c.keyType = QString::fromLatin1(m.first(sp > 0 ? sp : 0));
        c.keyBits = int(readInt(m, m.indexOf(QByteArrayView(" : ")) + 3).value_or(0));
    }
    return true;
}

void TraceBuilder::addDebugLine(qint64 number, const LogLine &line)
{
    noteFile(line.file);
    const QByteArrayView m = line.message;
    m_records->addMbedtlsDebugLine(number, m, line.context);
    Slot &slot = slotFor(line.context);

    // Hex rows are the bulk of a level-4 log: fold them into the event they belong to.
    if (isHexDumpRow(m) || m.startsWith(QByteArrayView("dumping '"))
        || m.startsWith(QByteArrayView("value of '"))) {
        if (handleCertificateLine(slot, number, m))
            return;
        if (!slot.trace.events.isEmpty())
            slot.trace.events.last().endLine = number;
        return;
    }
    if (handleCertificateLine(slot, number, m))
        return;

    HandshakeEvent e;
    e.line = number;
    if (classifyDebugMessage(m, e)) {
        // typed
    } else if (line.debugLevel == 1 && !m.isEmpty()) {
        e.type = T::Notice;
        e.text = QString::fromUtf8(m);
    } else {
        return;
    }

    switch (e.type) {
    case T::HandshakeStart:
        // Non-blocking callers re-enter mbedtls_ssl_handshake many times per connection.
        for (const HandshakeEvent &old : slot.trace.events) {
            if (old.type == T::HandshakeStart)
                return;
        }
        break;
    case T::StateChange: {
        if (m.startsWith(QByteArrayView("server")) || m.startsWith(QByteArrayView("tls13 server")))
            slot.trace.serverSide = true;
        const bool hello = e.text == QLatin1String("CLIENT_HELLO")
                           || e.text == QLatin1String("HELLO_REQUEST")
                           || (e.text.isEmpty() && (e.a == 0 || e.a == 1));
        if (e.text == QLatin1String("HELLO_RETRY_REQUEST"))
            slot.sawRetry = true;
        if (hello && slot.sawClientHello && !slot.sawRetry && !slot.trace.serverSide) {
            Slot &fresh = startTrace(slot.trace.context);
            append(fresh, std::move(e));
            return;
        }
        // The same state is logged on every re-entry while waiting for data.
        for (auto it = slot.trace.events.crbegin(); it != slot.trace.events.crend(); ++it) {
            if (it->type == T::StateChange) {
                if (it->a == e.a && it->text == e.text)
                    return;
                break;
            }
        }
        break;
    }
    case T::MessageWritten:
        if (e.text == QLatin1String("client hello")) {
            if (slot.sawClientHello && !slot.sawRetry && !slot.trace.serverSide) {
                Slot &fresh = startTrace(slot.trace.context);
                fresh.sawClientHello = true;
                append(fresh, std::move(e));
                return;
            }
            slot.sawClientHello = true;
        }
        break;
    case T::HandshakeMessage:
        if (e.a == 11)
            slot.pendingCertificateSize = int(e.b) + 4;
        break;
    case T::Certificate: {
        CertificateFacts facts;
        facts.own = e.b != 0;
        facts.index = int(e.code);
        e.code = 0;
        if (!facts.own)
            facts.sizeBytes = slot.pendingCertificateSize;
        e.a = slot.trace.certificates.size();
        e.b = 0;
        slot.trace.certificates.append(facts);
        slot.certificateOpen = true;
        break;
    }
    case T::AlertReceived:
        // Level-1 "is a fatal alert message (msg N)" repeats what the level-2 line said.
        if (e.text == QLatin1String("fatal-echo")) {
            for (auto it = slot.trace.events.crbegin();
                 it != slot.trace.events.crend() && it->line >= number - 8; ++it) {
                if (it->type == T::AlertReceived && it->b == e.b)
                    return;
            }
            e.text.clear();
        }
        break;
    case T::CiphersuiteChosen:
        if (e.a < 0) {
            // "chosen ciphersuite: TLS-ECDHE-..." names the suite logged just before.
            for (auto it = slot.trace.events.rbegin(); it != slot.trace.events.rend(); ++it) {
                if (it->type == T::CiphersuiteChosen) {
                    it->text = e.text;
                    break;
                }
            }
            return;
        }
        break;
    default: break;
    }
    append(slot, std::move(e));
}

void TraceBuilder::addApplicationLine(qint64 number, const LogLine &line)
{
    HandshakeEvent e;
    e.line = number;
    if (!classifyApplicationLine(line, e))
        return;
    if (e.type == T::SessionError) {
        m_result.sessionEvents.append(std::move(e));
        return;
    }
    // esp-tls and friends print no context pointer: their lines belong to the latest connection.
    Slot *slot = lastSlot();
    if (slot && e.type == T::HandshakeReturned) {
        for (const HandshakeEvent &old : slot->trace.events) {
            if (old.type == T::HandshakeReturned) {
                slot = nullptr; // a retry without debug output: a new connection
                break;
            }
        }
    }
    if (!slot)
        slot = &startTrace(QString());
    append(*slot, std::move(e));
}

LogAnalysis TraceBuilder::finish()
{
    if (m_sawV3)
        m_result.generation = MbedtlsGeneration::V3;
    else if (m_sawCli && m_sawMsg)
        m_result.generation = MbedtlsGeneration::V2Modern;
    else if (m_sawCli)
        m_result.generation = MbedtlsGeneration::V2Legacy;
    else if (m_sawMsg)
        m_result.generation = MbedtlsGeneration::V2Modern;

    for (Slot &slot : m_slots) {
        slot.trace.generation = m_result.generation;
        for (HandshakeEvent &e : slot.trace.events) {
            if (e.type == T::StateChange && e.text.isEmpty())
                e.text = handshakeStateName(int(e.a), m_result.generation);
        }
        if (!slot.trace.events.isEmpty())
            m_result.traces.append(std::move(slot.trace));
    }
    m_slots.clear();
    for (int i = 0; i < m_result.traces.size(); ++i)
        m_result.traces[i].index = i;
    if (m_records->finish(m_result.records))
        (void)Dissector::addFindings(m_result.records, {});
    return std::move(m_result);
}

Result<LogAnalysis> TraceBuilder::analyseBytes(QByteArrayView data, const QString &sourceName)
{
    TraceBuilder builder;
    const auto stats
        = LogReader::readBytes(data, [&](qint64 n, QByteArrayView l) { builder.addLine(n, l); });
    if (!stats)
        return stats.error();
    LogAnalysis analysis = builder.finish();
    analysis.source = sourceName;
    analysis.records.source = sourceName;
    analysis.stats = stats.value();
    if (!analysis.hasContent())
        return Error::make(
            QStringLiteral("diagnose.nohandshake"),
            QCoreApplication::translate(
                "Forgeline::Tls::TraceBuilder",
                "No TLS handshake, mbedTLS error or provisioning session found in %1 lines.")
                .arg(analysis.stats.lines),
            {},
            QCoreApplication::translate(
                "Forgeline::Tls::TraceBuilder",
                "Enable CONFIG_MBEDTLS_DEBUG (level 4) and capture the log again."));
    return analysis;
}

Result<LogAnalysis> TraceBuilder::analyseFile(const QString &path,
                                              const LogReader::Progress &progress)
{
    TraceBuilder builder;
    const auto stats = LogReader::readFile(
        path, [&](qint64 n, QByteArrayView l) { builder.addLine(n, l); }, progress);
    if (!stats)
        return stats.error();
    LogAnalysis analysis = builder.finish();
    analysis.source = path;
    analysis.records.source = path;
    analysis.stats = stats.value();
    if (!analysis.hasContent())
        return Error::make(
            QStringLiteral("diagnose.nohandshake"),
            QCoreApplication::translate(
                "Forgeline::Tls::TraceBuilder",
                "No TLS handshake, mbedTLS error or provisioning session found in %1 (%2 lines).")
                .arg(path)
                .arg(analysis.stats.lines),
            {},
            QCoreApplication::translate(
                "Forgeline::Tls::TraceBuilder",
                "Enable CONFIG_MBEDTLS_DEBUG (level 4) and capture the log again."));
    return analysis;
}

} // namespace Forgeline::Tls
