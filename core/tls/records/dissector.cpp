// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/records/dissector.h"

#include "core/common/translations.h"

#include "core/tls/logreader.h"
#include "core/tls/records/capturereader.h"
#include "core/tls/records/textdumpreader.h"
#include "core/tls/targetprofile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace Forgeline::Tls {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return Translations::translateFirst({"Forgeline::Tls::Dissector", "Forgeline::Tls"}, text,
                                        disambiguation, n);
}

// A binary file that starts with a TLS record: the raw bytes of one direction.
void dissectRaw(QByteArrayView data, DissectReport &report, const DissectLimits &limits,
                qint64 &kept)
{
    report.kind = DissectInputKind::Hex;
    report.form = tr("raw bytes");
    TlsStream stream;
    stream.client = tr("client");
    stream.server = tr("server");
    {
        RecordDissector dissector(stream, limits, kept);
        const bool server = data.size() > 5 && data[0] == 0x16 && data[5] == 2;
        dissector.feed(server ? RecordDirection::ServerToClient : RecordDirection::ClientToServer,
                       data, 1);
        dissector.finish();
    }
    report.streams.append(std::move(stream));
}

Result<DissectReport> conclude(DissectReport report, const DissectOptions &options)
{
    // Connections without a single TLS record are summarised, not listed.
    QList<TlsStream> kept;
    int silent = 0;
    for (TlsStream &s : report.streams) {
        if (!s.records.isEmpty()) {
            kept.append(std::move(s));
        } else if (++silent <= 3) {
            report.notes << tr("stream %1 (%2 → %3) carried no TLS%4")
                                .arg(s.id)
                                .arg(s.client, s.server,
                                     s.notes.isEmpty() ? QString()
                                                       : QStringLiteral(": ") + s.notes.first());
        }
    }
    if (silent > 3)
        report.notes << tr("%n more connection(s) carried no TLS.", nullptr, silent - 3);
    report.streams = std::move(kept);
    if (options.stream) {
        QList<TlsStream> only;
        for (TlsStream &s : report.streams) {
            if (s.id == *options.stream)
                only.append(std::move(s));
        }
        if (only.isEmpty())
            return Error::make(
                QStringLiteral("dissect.nostream"),
                tr("There is no TLS stream %1 in %2.").arg(*options.stream).arg(report.source), {},
                tr("Run without --stream to list the streams."));
        report.streams = std::move(only);
    }
    const Result<void> findings = Dissector::addFindings(report, options.targetId);
    if (!findings)
        return findings.error();
    return report;
}

} // namespace

Result<void> Dissector::addFindings(DissectReport &report, const QString &targetId)
{
    FindingContext context;
    context.positionsAreLines = report.positionsAreLines;
    if (!targetId.isEmpty()) {
        const auto profile = TargetProfiles::load(targetId);
        if (!profile)
            return profile.error();
        context.inputBufferBytes
            = profile->asymmetricContentLen ? profile->inContentLen : profile->maxContentLen;
        context.target = profile->title;
    }
    report.findings.clear();
    for (const TlsStream &s : report.streams)
        report.findings += findRecordProblems(s, context);
    return {};
}

Result<DissectReport> Dissector::dissectBytes(QByteArrayView data, const QString &sourceName,
                                              const DissectOptions &options)
{
    DissectReport report;
    report.source = sourceName;
    report.inputBytes = data.size();
    qint64 kept = 0;
    if (data.isEmpty())
        return Error::make(QStringLiteral("dissect.empty"), tr("%1 is empty.").arg(sourceName));
    if (CaptureReader::isCapture(data)) {
        const auto read = CaptureReader::readBytes(data, report, options.limits, kept);
        if (!read)
            return read.error();
        return conclude(std::move(report), options);
    }
    if (LogReader::looksBinary(data.first(std::min<qsizetype>(data.size(), 4096)))) {
        if (!looksLikeTlsRecord(data.first(std::min<qsizetype>(data.size(), 3))))
            return Error::make(
                QStringLiteral("dissect.unknown"),
                tr("%1 is neither a capture (pcap, pcapng), a text hex dump nor TLS bytes (it "
                   "starts with %2).")
                    .arg(sourceName,
                         QString::fromLatin1(data.first(std::min<qsizetype>(data.size(), 8))
                                                 .toByteArray()
                                                 .toHex(' '))));
        dissectRaw(data, report, options.limits, kept);
        return conclude(std::move(report), options);
    }
    TextDumpReader reader(options.limits, kept);
    const auto stats = LogReader::readBytes(
        data, [&](qint64 n, QByteArrayView line) { reader.addLine(n, line); });
    if (!stats)
        return stats.error();
    if (!reader.finish(report))
        return Error::make(QStringLiteral("dissect.nothing"),
                           tr("No TLS records, capture or hex dump found in %1 (%2 lines).")
                               .arg(sourceName)
                               .arg(stats->lines),
                           report.notes.join(QLatin1Char('\n')),
                           tr("Give a .pcap/.pcapng file, a hex dump (tcpdump -X, xxd, Wireshark), "
                              "openssl -msg output "
                              "or a device log with mbedTLS debug level 4."));
    report.units = report.units ? report.units : stats->lines;
    return conclude(std::move(report), options);
}

Result<DissectReport> Dissector::dissectFile(const QString &path, const DissectOptions &options,
                                             const Progress &progress)
{
    QFile file(path);
    if (!QFileInfo::exists(path))
        return Error::make(QStringLiteral("dissect.notfound"), tr("%1 does not exist.").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("dissect.open"),
                           tr("Cannot open %1: %2").arg(path, file.errorString()));
    const QByteArray head = file.peek(4096);
    file.close();
    DissectReport report;
    report.source = path;
    report.inputBytes = QFileInfo(path).size();
    qint64 kept = 0;
    if (CaptureReader::isCapture(head)) {
        const auto read = CaptureReader::readFile(path, report, options.limits, kept, progress);
        if (!read)
            return read.error();
        return conclude(std::move(report), options);
    }
    if (LogReader::looksBinary(head)
        && !(head.size() >= 2 && quint8(head[0]) == 0x1f && quint8(head[1]) == 0x8b)) {
        // Raw TLS bytes are small in practice (one saved stream); read them whole.
        if (!file.open(QIODevice::ReadOnly))
            return Error::make(QStringLiteral("dissect.open"),
                               tr("Cannot open %1: %2").arg(path, file.errorString()));
        const QByteArray data = file.read(64ll << 20);
        return dissectBytes(data, path, options);
    }
    TextDumpReader reader(options.limits, kept);
    const auto stats = LogReader::readFile(
        path, [&](qint64 n, QByteArrayView line) { reader.addLine(n, line); }, progress);
    if (!stats)
        return stats.error();
    if (!reader.finish(report))
        return Error::make(QStringLiteral("dissect.nothing"),
                           tr("No TLS records, capture or hex dump found in %1 (%2 lines).")
                               .arg(path)
                               .arg(stats->lines),
                           report.notes.join(QLatin1Char('\n')),
                           tr("Give a .pcap/.pcapng file, a hex dump (tcpdump -X, xxd, Wireshark), "
                              "openssl -msg output "
                              "or a device log with mbedTLS debug level 4."));
    report.units = report.units ? report.units : stats->lines;
    return conclude(std::move(report), options);
}

} // namespace Forgeline::Tls
