// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/tls/handshaketrace.h"
#include "core/tls/logreader.h"
#include "core/tls/records/dissectreport.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <memory>
#include <vector>

namespace Forgeline::Tls {

struct LogLine;
class TextDumpReader;

// Everything a log tells about TLS: its handshakes and the lines around them.
struct LogAnalysis
{
    QString source; // file name as the user gave it
    LogReadStats stats;
    MbedtlsGeneration generation = MbedtlsGeneration::Unknown;
    QList<HandshakeTrace> traces; // in order of appearance (the oldest may be dropped in huge logs)
    int tracesSeen = 0;           // including dropped ones
    QList<HandshakeEvent> sessionEvents; // protocomm / security1 lines, outside any TLS handshake
    qint64 mbedtlsLines = 0;             // lines that came from the mbedTLS debug callback
    DissectReport records;               // the TLS records the log dumped (debug level 4), if any

    bool hasContent() const { return !traces.isEmpty() || !sessionEvents.isEmpty(); }
    // The trace to diagnose: the last one that failed, else the last one.
    const HandshakeTrace *failingTrace() const;
    // The trace to compare against: the last one that succeeded, else the last one.
    const HandshakeTrace *workingTrace() const;
};

// Turns log lines into handshake traces, one line at a time, so a file never has to be
// held in memory. Connections are told apart by the ssl-context pointer when the build
// prints one, and otherwise by a new ClientHello starting after a previous one.
class TraceBuilder
{
public:
    // Huge logs keep the first failures and the most recent connections, not all of them.
    static constexpr int MaxTracesKept = 256;
    static constexpr int MaxEventsPerTrace = 50000;

    TraceBuilder();
    ~TraceBuilder();

    void addLine(qint64 lineNumber, QByteArrayView cleanedLine);
    LogAnalysis finish();

    // Reads and analyses a file; fails with a clear message for empty, binary and TLS-free input.
    static Result<LogAnalysis> analyseFile(const QString &path,
                                           const LogReader::Progress &progress = {});
    static Result<LogAnalysis> analyseBytes(QByteArrayView data, const QString &sourceName = {});

private:
    struct Slot
    {
        HandshakeTrace trace;
        bool sawClientHello = false;
        bool sawRetry = false;
        bool certificateOpen = false;
        int pendingCertificateSize = 0;
    };

    void addDebugLine(qint64 number, const LogLine &line);
    void addApplicationLine(qint64 number, const LogLine &line);
    Slot &slotFor(QByteArrayView context);
    Slot &startTrace(QString context);
    Slot *lastSlot();
    void append(Slot &slot, HandshakeEvent event);
    void noteFile(QByteArrayView file);
    void evictIfNeeded();
    bool handleCertificateLine(Slot &slot, qint64 number, QByteArrayView message);

    std::vector<Slot> m_slots;
    LogAnalysis m_result;
    int m_lastSlotIndex = -1; // trace index that received the latest event
    QByteArray m_lastFile;
    QByteArray m_lastContext;
    bool m_sawCli = false;
    bool m_sawMsg = false;
    bool m_sawV3 = false;
    // Record dumps go to the record dissector as they stream past (bounded: 8 MB kept).
    qint64 m_keptRecordBytes = 0;
    std::unique_ptr<TextDumpReader> m_records;
};

} // namespace Forgeline::Tls
