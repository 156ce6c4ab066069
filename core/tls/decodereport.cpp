// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/decodereport.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Forgeline::Tls {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::DecodeReport)
};

} // namespace

QString readingKindName(Reading::Kind kind)
{
    switch (kind) {
    case Reading::Kind::Mbedtls: return QStringLiteral("mbedtls");
    case Reading::Kind::MbedtlsComposite: return QStringLiteral("mbedtls-composite");
    case Reading::Kind::Psa: return QStringLiteral("psa");
    case Reading::Kind::EspTls: return QStringLiteral("esp-tls");
    case Reading::Kind::EspErr: return QStringLiteral("esp-err");
    case Reading::Kind::X509Flags: return QStringLiteral("x509-flags");
    case Reading::Kind::Vendor: return QStringLiteral("vendor");
    case Reading::Kind::LegacyNumbering: return QStringLiteral("legacy-numbering");
    }
    return QStringLiteral("unknown");
}

static QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

QJsonObject readingToJson(const Reading &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), readingKindName(r.kind));
    o.insert(QStringLiteral("interpretation"), r.interpretation);
    o.insert(QStringLiteral("value"), double(r.value));
    o.insert(QStringLiteral("code"), r.canonical);
    o.insert(QStringLiteral("name"), r.name);
    o.insert(QStringLiteral("module"), r.module);
    o.insert(QStringLiteral("meaning"), r.meaning);
    o.insert(QStringLiteral("causes"), toArray(r.causes));
    o.insert(Tr::tr("fixes"), toArray(r.fixes));
    o.insert(QStringLiteral("versions"), toArray(r.versions));
    if (!r.versionNote.isEmpty())
        o.insert(QStringLiteral("versionNote"), r.versionNote);
    o.insert(QStringLiteral("references"), toArray(r.references));
    if (!r.diagnosisId.isEmpty())
        o.insert(QStringLiteral("diagnosisId"), r.diagnosisId);
    o.insert(QStringLiteral("inference"), r.inference);
    o.insert(QStringLiteral("score"), r.score);
    if (!r.parts.isEmpty()) {
        QJsonArray parts;
        for (const Reading &p : r.parts)
            parts.append(readingToJson(p));
        o.insert(QStringLiteral("parts"), parts);
    }
    return o;
}

QJsonObject decodeResultToJson(const DecodeResult &result)
{
    QJsonObject o;
    o.insert(QStringLiteral("input"), result.input);
    o.insert(QStringLiteral("known"), result.known());
    QJsonArray readings;
    for (const Reading &r : result.readings)
        readings.append(readingToJson(r));
    o.insert(QStringLiteral("readings"), readings);
    if (!result.message.isEmpty())
        o.insert(QStringLiteral("message"), result.message);
    if (!result.closest.isEmpty())
        o.insert(QStringLiteral("closest"), toArray(result.closest));
    return o;
}

static void appendList(QString &out, const QString &title, const QStringList &items,
                       const QString &indent)
{
    if (items.isEmpty())
        return;
    out += indent % title % QStringLiteral(":\n");
    for (const QString &item : items)
        out += indent % QStringLiteral("  - ") % item % QLatin1Char('\n');
}

// Parts (composite halves, single flag bits) get one line and their meaning: the advice for the
// whole is already printed above them.
static void appendPart(QString &out, const Reading &p, const QString &indent)
{
    out += indent % p.canonical % QStringLiteral("  ") % p.name % QStringLiteral("  [") % p.module
           % QStringLiteral("]\n");
    if (!p.meaning.isEmpty())
        out += indent % QStringLiteral("  ") % p.meaning % QLatin1Char('\n');
}

static void appendReading(QString &out, const Reading &r, const QString &indent)
{
    QString head = r.canonical;
    if (!r.name.isEmpty())
        head += QStringLiteral("  ") % r.name;
    if (!r.module.isEmpty())
        head += QStringLiteral("  [") % r.module % QLatin1Char(']');
    if (r.inference)
        head += Tr::tr("  (inference)");
    out += indent % head % QLatin1Char('\n');
    if (!r.interpretation.isEmpty())
        out += indent % Tr::tr("  how: ") % r.interpretation % QLatin1Char('\n');
    if (!r.meaning.isEmpty())
        out += indent % Tr::tr("  meaning: ") % r.meaning % QLatin1Char('\n');
    if (!r.parts.isEmpty()) {
        out += indent % Tr::tr("  parts:\n");
        for (const Reading &p : r.parts)
            appendPart(out, p, indent + QStringLiteral("    "));
    }
    if (!r.versions.isEmpty())
        out += indent % Tr::tr("  defined in: ") % r.versions.join(QStringLiteral(", "))
               % QLatin1Char('\n');
    if (!r.versionNote.isEmpty())
        out += indent % Tr::tr("  versions: ") % r.versionNote % QLatin1Char('\n');
    if (!r.diagnosisId.isEmpty())
        out += indent % Tr::tr("  diagnosis: ") % r.diagnosisId % QLatin1Char('\n');
    const QString sub = indent + QStringLiteral("  ");
    appendList(out, Tr::tr("likely causes"), r.causes, sub);
    appendList(out, Tr::tr("fixes"), r.fixes, sub);
    appendList(out, Tr::tr("read more"), r.references, sub);
}

QString decodeResultToText(const DecodeResult &result)
{
    QString out = Tr::tr("Input: ") % (result.input.isEmpty() ? Tr::tr("(empty)") : result.input)
                  % QLatin1Char('\n');
    if (!result.known()) {
        out += result.message % QLatin1Char('\n');
        appendList(out, Tr::tr("closest readings"), result.closest, QString());
        return out;
    }
    for (int i = 0; i < result.readings.size(); ++i) {
        out += Tr::tr("Reading %1 of %2:\n").arg(i + 1).arg(result.readings.size());
        appendReading(out, result.readings.at(i), QStringLiteral("  "));
    }
    return out;
}

} // namespace Forgeline::Tls
