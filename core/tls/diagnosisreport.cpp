// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/diagnosisreport.h"

#include "core/common/buildinfo.h"
#include "core/common/redactor.h"
#include "core/tls/logline.h"
#include "core/tls/logreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

namespace Forgeline::Tls {

namespace {

// A class, so that lupdate files these texts under the context tr() uses.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::DiagnosisReport)
};

QString esc(const QString &text) { return Redactor::redact(text).toHtmlEscaped(); }

QString fileName(const QString &path)
{
    return path.isEmpty() ? QString() : QFileInfo(path).fileName();
}

QJsonObject divergenceJson(const Divergence &d)
{
    return QJsonObject{{QStringLiteral("good_line"), d.goodLine},
                       {QStringLiteral("bad_line"), d.badLine},
                       {QStringLiteral("summary"), Redactor::redact(d.summary)}};
}

// Dumps whose bytes are secrets (docs/dev/tls.md, "Debug log format": levels 3 and 4) and private MPI values.
bool isSecretLabel(const QString &message)
{
    static const char *const words[]
        = {"secret",     "key block",  "key",     "psk",     "password",
           "passphrase", "pop",        "ECDH: z", "ECDH: d", "crt->rsa.D",
           "crt->rsa.P", "crt->rsa.Q", "'x'",     "IV",      "iv"};
    const qsizetype open = message.indexOf(QLatin1Char('\''));
    const qsizetype close = message.indexOf(QLatin1Char('\''), open + 1);
    if (open < 0 || close < 0)
        return false;
    const QString label = message.mid(open + 1, close - open - 1);
    for (const char *w : words) {
        const QLatin1String word(w);
        if (word == QLatin1String("IV") || word == QLatin1String("iv")) {
            if (label.split(QLatin1Char(' ')).contains(word))
                return true;
            continue;
        }
        if (label.contains(word, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString eventRow(const HandshakeEvent &e, const HandshakeTrace &trace, bool highlighted)
{
    using T = HandshakeEvent::Type;
    QString arrow;
    switch (e.type) {
    case T::MessageWritten:
    case T::RecordOut:
    case T::Sent:
    case T::AlertSent: arrow = QStringLiteral("&rarr;"); break;
    case T::MessageParsed:
    case T::RecordIn:
    case T::Received:
    case T::AlertReceived:
    case T::HandshakeMessage: arrow = QStringLiteral("&larr;"); break;
    default: arrow = QStringLiteral("&middot;"); break;
    }
    return QStringLiteral("<tr%1><td class=n>%2</td><td class=a>%3</td><td>%4</td></tr>\n")
        .arg(highlighted ? QStringLiteral(" class=hl") : QString())
        .arg(e.line)
        .arg(arrow, esc(describeEvent(e, &trace)));
}

} // namespace

QJsonObject DiagnosisReportWriter::toJson(const DiagnosisReport &r)
{
    QJsonObject root;
    root.insert(QStringLiteral("bad_log"), r.badFile);
    root.insert(QStringLiteral("good_log"),
                r.goodFile.isEmpty() ? QJsonValue() : QJsonValue(r.goodFile));
    if (r.finalError) {
        root.insert(QStringLiteral("final_error"),
                    QJsonObject{{QStringLiteral("code"), formatCode(r.finalError->code)},
                                {QStringLiteral("name"), r.finalError->name},
                                {QStringLiteral("meaning"), r.finalError->meaning},
                                {QStringLiteral("line"), r.finalError->line}});
    } else {
        root.insert(QStringLiteral("final_error"), QJsonValue());
    }
    QJsonArray diagnoses;
    for (const Diagnosis &d : r.diagnoses) {
        QJsonArray evidence;
        for (const EvidenceLine &e : d.evidence) {
            evidence.append(QJsonObject{{QStringLiteral("file"), e.file},
                                        {QStringLiteral("line"), e.line},
                                        {QStringLiteral("text"), Redactor::redact(e.text)}});
        }
        diagnoses.append(
            QJsonObject{{QStringLiteral("id"), d.id},
                        {QStringLiteral("title"), d.title},
                        {QStringLiteral("confidence"), qRound(d.confidence * 100) / 100.0},
                        {QStringLiteral("explanation"), Redactor::redact(d.explanation)},
                        {QStringLiteral("evidence"), evidence},
                        {QStringLiteral("fixes"), QJsonArray::fromStringList(d.fixes)}});
    }
    root.insert(QStringLiteral("diagnoses"), diagnoses);
    QJsonArray errors;
    for (const DecodedError &e : r.decodedErrors) {
        errors.append(QJsonObject{{QStringLiteral("code"), formatCode(e.code)},
                                  {QStringLiteral("name"), e.name},
                                  {QStringLiteral("line"), e.firstLine}});
    }
    root.insert(QStringLiteral("errors"), errors);
    if (r.good) {
        const Divergence *first = r.diff ? r.diff->first() : nullptr;
        root.insert(QStringLiteral("divergence"),
                    first ? QJsonValue(divergenceJson(*first)) : QJsonValue());
        QJsonArray later;
        if (r.diff) {
            for (qsizetype i = 1; i < r.diff->divergences.size() && i <= 50; ++i)
                later.append(divergenceJson(r.diff->divergences.at(i)));
        }
        root.insert(QStringLiteral("later_divergences"), later);
    }
    if (const HandshakeTrace *t = r.badHandshake()) {
        root.insert(QStringLiteral("handshake"),
                    QJsonObject{{QStringLiteral("index"), t->index},
                                {QStringLiteral("of"), r.bad.tracesSeen},
                                {QStringLiteral("first_line"), t->firstLine()},
                                {QStringLiteral("last_line"), t->lastLine()},
                                {QStringLiteral("succeeded"), t->succeeded()},
                                {QStringLiteral("library"), generationName(t->generation)}});
    }
    root.insert(QStringLiteral("lines_read"), r.bad.stats.lines);
    return root;
}

QString DiagnosisReportWriter::toText(const DiagnosisReport &r)
{
    QString out;
    if (r.finalError)
        out += Tr::tr("Handshake failed with %1 %2 (line %3)\n")
                   .arg(formatCode(r.finalError->code), r.finalError->name)
                   .arg(r.finalError->line);
    else if (const HandshakeTrace *t = r.badHandshake(); t && t->succeeded())
        out += Tr::tr("The handshake succeeded.\n");
    if (r.diff) {
        if (const Divergence *d = r.diff->first())
            out += Tr::tr("\nFirst divergence (working line %1, failing line %2):\n  %3\n")
                       .arg(d->goodLine)
                       .arg(d->badLine)
                       .arg(d->summary);
        else
            out += Tr::tr("\nThe two handshakes follow the same steps.\n");
    }
    const HandshakeTrace *diagnosed = r.badHandshake();
    if (r.diagnoses.isEmpty() && !(diagnosed && diagnosed->succeeded()))
        out += Tr::tr("\nNo known failure pattern matched.\n");
    int rank = 0;
    for (const Diagnosis &d : r.diagnoses) {
        out += QStringLiteral("\n%1. [%2] %3 (%4%)\n   %5\n")
                   .arg(++rank)
                   .arg(d.id, d.title)
                   .arg(qRound(d.confidence * 100))
                   .arg(d.explanation);
        for (const EvidenceLine &e : d.evidence)
            out += QStringLiteral("   %1:%2  %3\n").arg(fileName(e.file)).arg(e.line).arg(e.text);
        for (const QString &fix : d.fixes)
            out += QStringLiteral("   - %1\n").arg(fix);
    }
    return Redactor::redact(out);
}

QString DiagnosisReportWriter::toHtml(const DiagnosisReport &r)
{
    QString h;
    h += QStringLiteral(
             "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>%1</title>\n")
             .arg(esc(Tr::tr("Forgeline TLS diagnosis")));
    h += QStringLiteral(
        "<style>body{font:14px sans-serif;max-width:60em;margin:2em auto;color:#222}"
        "h1{font-size:1.4em}.card{border:1px solid #ccc;border-radius:6px;padding:.6em 1em;margin:1em 0}"
        ".id{font-family:monospace;color:#555}.conf{float:right;color:#555}"
        "table{border-collapse:collapse;width:100%}td{padding:1px 6px;font-family:monospace;font-size:12px}"
        "td.n{color:#888;text-align:right}td.a{text-align:center}tr.hl{background:#fde2a7}"
        ".err{color:#a00;font-weight:bold}</style></head><body>\n");
    h += QStringLiteral("<h1>%1</h1>\n<p>%2: <b>%3</b>")
             .arg(esc(Tr::tr("TLS handshake diagnosis")), esc(Tr::tr("Failing log")),
                  esc(fileName(r.badFile)));
    if (!r.goodFile.isEmpty())
        h += QStringLiteral(" &middot; %1: <b>%2</b>")
                 .arg(esc(Tr::tr("working log")), esc(fileName(r.goodFile)));
    h += QStringLiteral("</p>\n");
    if (r.finalError)
        h += QStringLiteral("<p class=err>%1</p>\n")
                 .arg(esc(Tr::tr("Handshake failed with %1 %2 (line %3)")
                              .arg(formatCode(r.finalError->code), r.finalError->name)
                              .arg(r.finalError->line)));
    const Divergence *first = r.diff ? r.diff->first() : nullptr;
    if (first)
        h += QStringLiteral("<h2>%1</h2><p>%2</p>\n")
                 .arg(esc(Tr::tr("First divergence")), esc(first->summary));

    h += QStringLiteral("<h2>%1</h2>\n").arg(esc(Tr::tr("Diagnosis")));
    for (const Diagnosis &d : r.diagnoses) {
        h += QStringLiteral(
                 "<div class=card><span class=conf>%1%</span><h3>%2 <span class=id>%3</span></h3><p>%4</p><ul>")
                 .arg(qRound(d.confidence * 100))
                 .arg(esc(d.title), esc(d.id), esc(d.explanation));
        for (const EvidenceLine &e : d.evidence)
            h += QStringLiteral("<li><code>%1:%2</code> %3</li>")
                     .arg(esc(fileName(e.file)))
                     .arg(e.line)
                     .arg(esc(e.text));
        h += QStringLiteral("</ul><b>%1</b><ul>").arg(esc(Tr::tr("Fixes")));
        for (const QString &fix : d.fixes)
            h += QStringLiteral("<li>%1</li>").arg(esc(fix));
        h += QStringLiteral("</ul></div>\n");
    }
    if (!r.decodedErrors.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2><table>\n")
                 .arg(esc(Tr::tr("Error codes in the failing handshake")));
        for (const DecodedError &e : r.decodedErrors)
            h += QStringLiteral("<tr><td class=n>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n")
                     .arg(e.firstLine)
                     .arg(esc(formatCode(e.code)), esc(e.name), esc(e.meaning));
        h += QStringLiteral("</table>\n");
    }
    if (const HandshakeTrace *t = r.badHandshake()) {
        h += QStringLiteral("<h2>%1</h2><table>\n")
                 .arg(esc(Tr::tr("Failing handshake, step by step")));
        int rows = 0;
        for (int i = 0; i < t->events.size() && rows < 2000; ++i) {
            const HandshakeEvent &e = t->events.at(i);
            using T = HandshakeEvent::Type;
            if (e.type == T::FetchWant || e.type == T::CiphersuiteOffered)
                continue;
            h += eventRow(e, *t, first && first->badEvent == i);
            ++rows;
        }
        h += QStringLiteral("</table>\n");
    }
    h += QStringLiteral("<p style='color:#888'>%1</p></body></html>\n")
             .arg(esc(
                 Tr::tr("Generated by Forgeline %1. Secrets (keys, PoP, passphrases) are removed.")
                     .arg(BuildInfo::applicationVersion())));
    return h;
}

Result<void> DiagnosisReportWriter::writeHtml(const DiagnosisReport &report, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(QStringLiteral("diagnose.report"),
                           Tr::tr("Cannot write the report to %1.").arg(path), file.errorString());
    file.write(toHtml(report).toUtf8());
    if (!file.commit())
        return Error::make(QStringLiteral("diagnose.report"),
                           Tr::tr("Cannot write the report to %1.").arg(path), file.errorString());
    return {};
}

QString DiagnosisReportWriter::redactLine(const QString &line, bool &inSecretDump)
{
    const QByteArray bytes = line.toUtf8();
    const LogLine parsed = parseLogLine(bytes);
    const QString message = QString::fromUtf8(parsed.message);
    if (parsed.isMbedtlsDebug()) {
        if (message.startsWith(QLatin1String("dumping '"))
            || message.startsWith(QLatin1String("value of '"))) {
            inSecretDump = isSecretLabel(message);
            return Redactor::redact(line);
        }
        if (inSecretDump && isHexDumpRow(parsed.message)) {
            const qsizetype at = line.lastIndexOf(message);
            return (at >= 0 ? line.left(at) : QString()) + Redactor::placeholder();
        }
        inSecretDump = false;
    } else if (!line.trimmed().isEmpty()) {
        inSecretDump = false;
    }
    return Redactor::redact(line);
}

Result<qint64> DiagnosisReportWriter::writeRedactedLog(const QString &inputPath,
                                                       const QString &outputPath)
{
    QSaveFile out(outputPath);
    if (!out.open(QIODevice::WriteOnly))
        return Error::make(QStringLiteral("diagnose.redact"),
                           Tr::tr("Cannot write %1.").arg(outputPath), out.errorString());
    bool inSecret = false;
    bool pemKey = false;
    qint64 written = 0;
    const auto read = LogReader::readFile(inputPath, [&](qint64, QByteArrayView raw) {
        QString line = QString::fromUtf8(raw);
        // PEM private keys may be pasted into serial logs; drop the whole block.
        if (line.contains(QLatin1String("-----BEGIN"))
            && line.contains(QLatin1String("PRIVATE KEY")))
            pemKey = true;
        if (pemKey) {
            if (line.contains(QLatin1String("-----END")))
                pemKey = false;
            line = Redactor::placeholder();
        } else {
            line = redactLine(line, inSecret);
        }
        out.write(line.toUtf8());
        out.write("\n");
        ++written;
    });
    if (!read)
        return read.error();
    if (!out.commit())
        return Error::make(QStringLiteral("diagnose.redact"),
                           Tr::tr("Cannot write %1.").arg(outputPath), out.errorString());
    return written;
}

} // namespace Forgeline::Tls
