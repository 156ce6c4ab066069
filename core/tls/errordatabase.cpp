// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/errordatabase.h"

#include "core/common/jsonstringlist.h"
#include "core/common/translations.h"
#include "core/tls/idfversions.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Forgeline::Tls {

namespace {

// Rows of a tab-separated data file, comments and blank lines skipped.
QList<QStringList> readTsv(const QString &file)
{
    QList<QStringList> rows;
    QFile f(QStringLiteral(":/forgeline/data/errors/") + file);
    if (!f.open(QIODevice::ReadOnly))
        return rows; // a missing table shows up in tests as unknown codes, never as a crash
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty() || line.startsWith('#'))
            continue;
        QStringList cols = QString::fromUtf8(line).split(QLatin1Char('\t'));
        for (QString &c : cols)
            c = c.trimmed();
        rows.append(cols);
    }
    return rows;
}

qint64 parseValue(const QString &text)
{
    QString t = text;
    bool negative = false;
    if (t.startsWith(QLatin1Char('-'))) {
        negative = true;
        t.remove(0, 1);
    }
    bool ok = false;
    const qint64 v = t.startsWith(QStringLiteral("0x"), Qt::CaseInsensitive)
                         ? t.mid(2).toLongLong(&ok, 16)
                         : t.toLongLong(&ok, 10);
    return negative ? -v : v;
}

} // namespace

ErrorDatabase::ErrorDatabase()
{
    loadModules();
    loadMbedtls();
    loadEspTls();
    loadSimple(QStringLiteral("psa.tsv"), m_psa, QStringLiteral("PSA"), true);
    loadSimple(QStringLiteral("esperr.tsv"), m_espErr, QString(), false);
    loadSimple(QStringLiteral("wiced.tsv"), m_wiced, QStringLiteral("WICED"), false);
    loadSimple(QStringLiteral("legacy.tsv"), m_legacy, QStringLiteral("TropicSSL"), false);
    loadSimple(QStringLiteral("x509flags.tsv"), m_flags, QStringLiteral("X509"), false);
    loadKnowledge();

    for (const MbedtlsEntry &e : std::as_const(m_mbedtls))
        m_allNames << e.name;
    for (const EspTlsEntry &e : std::as_const(m_espTls))
        m_allNames << e.name;
    for (const auto *list : {&m_psa, &m_espErr, &m_wiced, &m_legacy, &m_flags}) {
        for (const SimpleEntry &e : *list) {
            m_allNames << e.name;
            if (list == &m_wiced && e.name.startsWith(QStringLiteral("TLS_")))
                m_allNames << QStringLiteral("WICED_") + e.name;
        }
    }
    m_allNames.removeDuplicates();
}

void ErrorDatabase::loadMbedtls()
{
    for (const QStringList &row : readTsv(QStringLiteral("mbedtls.tsv"))) {
        if (row.size() < 3)
            continue;
        MbedtlsEntry e;
        e.value = int(parseValue(row.at(0)));
        e.name = row.at(1);
        for (const QString &v : row.at(2).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (const auto version = parseMbedtlsVersion(v))
                e.versions << *version;
        }
        e.meaning = row.value(3);
        // Longest module prefix wins: CTR_DRBG before a hypothetical CTR, PKCS12 before PK.
        const QString rest = e.name.mid(int(qstrlen("MBEDTLS_ERR_")));
        for (auto it = m_modules.cbegin(); it != m_modules.cend(); ++it) {
            if (rest.startsWith(it.key() + QLatin1Char('_')) && it.key().size() > e.module.size())
                e.module = it.key();
        }
        const int index = int(m_mbedtls.size());
        m_mbedtls.append(e);
        m_mbedtlsByValue[e.value].append(index);
        m_mbedtlsByName[e.name].append(index);
    }
}

void ErrorDatabase::loadEspTls()
{
    for (const QStringList &row : readTsv(QStringLiteral("esptls.tsv"))) {
        if (row.size() < 5)
            continue;
        m_espTls.append({int(parseValue(row.at(0))), row.at(1), row.at(2), row.at(3), row.at(4)});
    }
}

void ErrorDatabase::loadSimple(const QString &file, QList<SimpleEntry> &out,
                               const QString &defaultModule, bool psaAliases)
{
    for (const QStringList &row : readTsv(file)) {
        if (row.size() < 3)
            continue;
        SimpleEntry e;
        e.value = parseValue(row.at(0));
        e.name = row.at(1);
        if (row.size() >= 4 && !psaAliases) {
            e.module = row.at(2);
            e.meaning = row.at(3);
        } else {
            e.module = defaultModule;
            e.meaning = row.at(2);
        }
        if (psaAliases && row.size() >= 4) {
            e.aliases = row.at(3).split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &alias : std::as_const(e.aliases))
                m_psaAlias.insert(alias, e.name);
        }
        if (e.module.isEmpty())
            e.module = defaultModule;
        out.append(e);
    }
}

void ErrorDatabase::loadModules()
{
    for (const QStringList &row : readTsv(QStringLiteral("modules.tsv"))) {
        if (row.size() < 4)
            continue;
        m_modules.insert(row.at(0), {row.at(0), row.at(1), row.at(2), row.at(3)});
    }
}

void ErrorDatabase::loadKnowledge()
{
    QFile f(QStringLiteral(":/forgeline/data/errors/knowledge.json"));
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key().startsWith(QLatin1Char('_')))
            continue; // comments
        const QJsonObject o = it.value().toObject();
        Knowledge k;
        k.causes = jsonStringList(o.value(QStringLiteral("causes")));
        k.fixes = jsonStringList(o.value(QStringLiteral("fixes")));
        k.references = jsonStringList(o.value(QStringLiteral("references")));
        k.diagnosisId = o.value(QStringLiteral("diagnosisId")).toString();
        k.note = o.value(QStringLiteral("note")).toString();
        m_knowledge.insert(it.key(), k);
    }
    // Causes, fixes and notes in the interface language where translated, keyed by the English
    // sentence; a sentence without a translation stays English.
    QFile local(
        QStringLiteral(":/forgeline/data/errors/knowledge.%1.json").arg(Translations::current()));
    if (!local.open(QIODevice::ReadOnly))
        return;
    const QJsonObject texts = QJsonDocument::fromJson(local.readAll())
                                  .object()
                                  .value(QStringLiteral("texts"))
                                  .toObject();
    const auto translate = [&texts](QString &text) { text = texts.value(text).toString(text); };
    for (Knowledge &k : m_knowledge) {
        std::for_each(k.causes.begin(), k.causes.end(), translate);
        std::for_each(k.fixes.begin(), k.fixes.end(), translate);
        translate(k.note);
    }
}

QList<const MbedtlsEntry *> ErrorDatabase::mbedtlsByValue(int value) const
{
    QList<const MbedtlsEntry *> out;
    for (int i : m_mbedtlsByValue.value(value))
        out << &m_mbedtls.at(i);
    return out;
}

QList<const MbedtlsEntry *> ErrorDatabase::mbedtlsByName(const QString &name) const
{
    QList<const MbedtlsEntry *> out;
    for (int i : m_mbedtlsByName.value(name))
        out << &m_mbedtls.at(i);
    return out;
}

QList<const EspTlsEntry *> ErrorDatabase::espTlsByValue(int value) const
{
    QList<const EspTlsEntry *> out;
    for (const EspTlsEntry &e : m_espTls) {
        if (e.value == value)
            out << &e;
    }
    return out;
}

QList<const EspTlsEntry *> ErrorDatabase::espTlsByName(const QString &name) const
{
    QList<const EspTlsEntry *> out;
    for (const EspTlsEntry &e : m_espTls) {
        if (e.name == name)
            out << &e;
    }
    return out;
}

const SimpleEntry *ErrorDatabase::find(const QList<SimpleEntry> &list, qint64 value)
{
    for (const SimpleEntry &e : list) {
        if (e.value == value)
            return &e;
    }
    return nullptr;
}

const ModuleInfo *ErrorDatabase::module(const QString &prefix) const
{
    const auto it = m_modules.constFind(prefix);
    return it == m_modules.cend() ? nullptr : &it.value();
}

const Knowledge *ErrorDatabase::knowledge(const QString &key) const
{
    const auto it = m_knowledge.constFind(key);
    return it == m_knowledge.cend() ? nullptr : &it.value();
}

QString ErrorDatabase::psaAliasOf(const QString &mbedtlsName) const
{
    return m_psaAlias.value(mbedtlsName);
}

} // namespace Forgeline::Tls
