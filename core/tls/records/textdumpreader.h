// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/records/dissectreport.h"
#include "core/tls/records/recorddissector.h"
#include "core/tls/records/tcpreassembler.h"

#include <QByteArray>
#include <QHash>

#include <memory>
#include <vector>

namespace Forgeline::Tls {

// The hex forms people paste, read line by line (a device log can be gigabytes):
//  - mbedTLS debug dumps of 'input record from network' / 'output record sent to network'
//    (both directions, one stream per ssl context) inside a device log;
//  - `openssl s_client -msg` / `s_server -msg` (RecordHeader entries and their contents);
//  - packet dumps: tcpdump -X / -xx ("0x0000:  4500 ...") and Wireshark "Copy as Hex Dump"
//    ("0000   45 00 ..."), frames that go through TCP reassembly;
//  - byte-stream dumps: Wireshark "Follow TCP Stream" hex (server side indented), xxd;
//  - bare hex.
// Rows missing from a dump (offsets that jump) become gaps, not errors.
class TextDumpReader
{
public:
    TextDumpReader(const DissectLimits &limits, qint64 &keptBytes);
    ~TextDumpReader();

    void addLine(qint64 number, QByteArrayView cleanedLine);
    // For a reader that already parsed the line (the log analyzer): one mbedTLS debug message.
    void addMbedtlsDebugLine(qint64 number, QByteArrayView message, QByteArrayView context);
    // Fills kind, form, streams and notes. False when nothing in the text was a dump.
    bool finish(DissectReport &report);

    struct Row
    {
        int indent = 0;
        bool hasOffset = false;
        quint64 offset = 0;
        QByteArray bytes;
        enum Style : unsigned char { Bare, Tcpdump, Colon, Wide, Follow } style = Bare;
    };
    // One row of any of the forms above; false when the line is not a hex row.
    static bool parseRow(QByteArrayView line, Row &row);

private:
    struct LogStream;
    struct Pending;
    void mbedtlsLine(qint64 number, QByteArrayView message, QByteArrayView context);
    void flushDump();
    void opensslLine(qint64 number, QByteArrayView line);
    void flushOpensslEntry();
    void flushOpensslRecord(int side);
    void rowLine(qint64 number, const Row &row);
    void flushPacket();
    void feedStream(RecordDirection dir, QByteArrayView bytes, qint64 number);
    void notUnderstood(qint64 number, QByteArrayView line);
    LogStream &logStreamFor(QByteArrayView context, bool newConnection);

    const DissectLimits &m_limits;
    qint64 &m_keptBytes;
    std::unique_ptr<Pending> m_p;
};

} // namespace Forgeline::Tls
