// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/records/recordfindings.h"
#include "core/tls/records/tlsrecord.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Forgeline::Tls {

enum class DissectInputKind : unsigned char { Pcap, Pcapng, HexDump, MbedtlsLog, OpensslMsg, Hex };
QString inputKindId(
    DissectInputKind kind); // "pcap", "pcapng", "hexdump", "mbedtls-log", "openssl-msg", "hex"

// Everything one input yielded, in the order it came.
struct DissectReport
{
    QString source;
    DissectInputKind kind = DissectInputKind::Hex;
    QString form;                   // finer than kind: "tcpdump -X", "xxd", "Follow TCP Stream" ...
    bool positionsAreLines = false; // positions are line numbers (text) rather than frames
    qint64 units = 0;               // frames or lines read
    qint64 inputBytes = 0;
    QList<TlsStream> streams;
    QList<RecordFinding> findings;
    QStringList notes; // what was not understood, in words

    const TlsStream *stream(int id) const;
};

namespace DissectReportWriter {
QJsonObject toJson(const DissectReport &report);
QString toText(const DissectReport &report);
// "handshake 22 TLS 1.2 len=1710 [Certificate, ClientKeyExchange(first)]" for one record.
QString recordSummary(const TlsRecord &record);
} // namespace DissectReportWriter

} // namespace Forgeline::Tls
