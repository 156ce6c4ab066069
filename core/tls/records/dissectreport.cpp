// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/records/dissectreport.h"

#include "core/tls/handshaketrace.h"
#include "core/tls/records/tlsnames.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Forgeline::Tls {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Forgeline::Tls::DissectReportWriter", text, disambiguation,
                                       n);
}

QString recordTypeName(const TlsRecord &r)
{
    if (r.sslv2)
        return QStringLiteral("sslv2_client_hello");
    const QString name = contentTypeName(r.type);
    return name.isEmpty() ? QString::number(r.type) : name;
}

QJsonObject messageJson(const MessagePiece &p)
{
    return QJsonObject{{QStringLiteral("type"), p.type},
                       {QStringLiteral("name"), p.name},
                       {QStringLiteral("length"), qint64(p.length)},
                       {QStringLiteral("fragment"), fragmentId(p.fragment)}};
}

} // namespace

QString inputKindId(DissectInputKind kind)
{
    switch (kind) {
    case DissectInputKind::Pcap: return QStringLiteral("pcap");
    case DissectInputKind::Pcapng: return QStringLiteral("pcapng");
    case DissectInputKind::HexDump: return QStringLiteral("hexdump");
    case DissectInputKind::MbedtlsLog: return QStringLiteral("mbedtls-log");
    case DissectInputKind::OpensslMsg: return QStringLiteral("openssl-msg");
    case DissectInputKind::Hex: return QStringLiteral("hex");
    }
    return {};
}

const TlsStream *DissectReport::stream(int id) const
{
    for (const TlsStream &s : streams) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

QString DissectReportWriter::recordSummary(const TlsRecord &r)
{
    QString text = QStringLiteral("%1 %2 len=%3")
                       .arg(recordTypeName(r), TlsNames::version(r.version))
                       .arg(r.length);
    if (r.encrypted)
        text += tr(" encrypted");
    if (r.alertLevel >= 0)
        text += QStringLiteral(" %1 %2").arg(r.alertLevel == 2 ? tr("fatal") : tr("warning"),
                                             alertDescriptionName(r.alertDescription));
    if (!r.pieces.isEmpty()) {
        QStringList names;
        for (const MessagePiece &p : r.pieces)
            names << (p.fragment == FragmentKind::Whole
                          ? p.name
                          : QStringLiteral("%1(%2)").arg(p.name, fragmentId(p.fragment)));
        text += QStringLiteral(" [%1]").arg(names.join(QStringLiteral(", ")));
    }
    if (r.truncated)
        text += tr(" (truncated)");
    if (r.missingBytes)
        text += tr(" (%1 bytes missing)").arg(r.missingBytes);
    return text;
}

QJsonObject DissectReportWriter::toJson(const DissectReport &report)
{
    const QString positionKey
        = report.positionsAreLines ? QStringLiteral("line") : QStringLiteral("frame");
    QJsonArray streams;
    for (const TlsStream &s : report.streams) {
        QJsonArray records;
        for (const TlsRecord &r : s.records) {
            QJsonArray messages;
            for (const MessagePiece &p : r.pieces)
                messages.append(messageJson(p));
            QJsonObject o{{QStringLiteral("dir"), directionId(r.dir)},
                          {positionKey, r.position},
                          {QStringLiteral("type"), r.type},
                          {QStringLiteral("type_name"), recordTypeName(r)},
                          {QStringLiteral("version"), TlsNames::version(r.version)},
                          {QStringLiteral("length"), qint64(r.length)},
                          {QStringLiteral("encrypted"), r.encrypted},
                          {QStringLiteral("messages"), messages}};
            if (r.truncated)
                o.insert(QStringLiteral("truncated"), true);
            if (r.missingBytes)
                o.insert(QStringLiteral("missing_bytes"), qint64(r.missingBytes));
            records.append(o);
        }
        QJsonArray alerts;
        for (const TlsAlert &a : s.alerts)
            alerts.append(
                QJsonObject{{QStringLiteral("dir"), directionId(a.dir)},
                            {positionKey, a.position},
                            {QStringLiteral("level"),
                             a.level == 2 ? QStringLiteral("fatal") : QStringLiteral("warning")},
                            {QStringLiteral("description"), a.description},
                            {QStringLiteral("name"), alertDescriptionName(a.description)}});
        QJsonArray gaps;
        for (const StreamGap &g : s.gaps)
            gaps.append(QJsonObject{{QStringLiteral("dir"), directionId(g.dir)},
                                    {QStringLiteral("offset"), qint64(g.offset)},
                                    {QStringLiteral("bytes"), qint64(g.bytes)},
                                    {positionKey, g.position}});
        QJsonObject o{{QStringLiteral("id"), s.id},         {QStringLiteral("client"), s.client},
                      {QStringLiteral("server"), s.server}, {QStringLiteral("records"), records},
                      {QStringLiteral("alerts"), alerts},   {QStringLiteral("gaps"), gaps}};
        if (s.midStream)
            o.insert(QStringLiteral("mid_stream"), true);
        if (s.serverVersion)
            o.insert(QStringLiteral("negotiated_version"), TlsNames::version(s.serverVersion));
        if (!s.notes.isEmpty())
            o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(s.notes));
        streams.append(o);
    }
    QJsonArray findings;
    for (const RecordFinding &f : report.findings) {
        QJsonArray evidence;
        for (const FindingEvidence &e : f.evidence)
            evidence.append(
                QJsonObject{{positionKey, e.position}, {QStringLiteral("text"), e.text}});
        findings.append(
            QJsonObject{{QStringLiteral("id"), f.id},
                        {QStringLiteral("title"), f.title},
                        {QStringLiteral("stream"), f.stream},
                        {QStringLiteral("explanation"), f.explanation},
                        {QStringLiteral("evidence"), evidence},
                        {QStringLiteral("fixes"), QJsonArray::fromStringList(f.fixes)}});
    }
    QJsonObject input{{QStringLiteral("kind"), inputKindId(report.kind)},
                      {QStringLiteral("source"), report.source}};
    if (!report.form.isEmpty())
        input.insert(QStringLiteral("form"), report.form);
    input.insert(report.positionsAreLines ? QStringLiteral("lines") : QStringLiteral("frames"),
                 report.units);
    if (!report.notes.isEmpty())
        input.insert(QStringLiteral("not_understood"), QJsonArray::fromStringList(report.notes));
    return QJsonObject{{QStringLiteral("input"), input},
                       {QStringLiteral("streams"), streams},
                       {QStringLiteral("findings"), findings}};
}

QString DissectReportWriter::toText(const DissectReport &report)
{
    QStringList out;
    const QString unit = report.positionsAreLines ? tr("line") : tr("frame");
    out << tr("%1: %2%3, %n stream(s)", nullptr, int(report.streams.size()))
               .arg(report.source, inputKindId(report.kind),
                    report.form.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(report.form));
    for (const QString &n : report.notes)
        out << tr("  not understood: %1").arg(n);
    for (const TlsStream &s : report.streams) {
        out << QString();
        out << tr("stream %1: %2 → %3%4")
                   .arg(s.id)
                   .arg(s.client, s.server, s.midStream ? tr(" (starts mid-way)") : QString());
        for (const TlsRecord &r : s.records) {
            out << QStringLiteral("  %1 %2 %3  %4")
                       .arg(unit, QString::number(r.position).rightJustified(6),
                            r.dir == RecordDirection::ClientToServer ? QStringLiteral("C→S")
                                                                     : QStringLiteral("S→C"),
                            recordSummary(r));
        }
        for (const StreamGap &g : s.gaps)
            out << tr("  gap: %1 bytes missing %2 after %3 %4")
                       .arg(g.bytes)
                       .arg(directionId(g.dir), unit)
                       .arg(g.position);
        for (const QString &n : s.notes)
            out << tr("  note: %1").arg(n);
    }
    if (!report.findings.isEmpty()) {
        out << QString() << tr("Findings:");
        for (const RecordFinding &f : report.findings) {
            out << QStringLiteral("  [%1] %2 (stream %3)").arg(f.id, f.title).arg(f.stream);
            out << QStringLiteral("    %1").arg(f.explanation);
            for (const FindingEvidence &e : f.evidence)
                out << QStringLiteral("    %1 %2: %3").arg(unit).arg(e.position).arg(e.text);
            for (const QString &fix : f.fixes)
                out << QStringLiteral("    fix: %1").arg(fix);
        }
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace Forgeline::Tls
