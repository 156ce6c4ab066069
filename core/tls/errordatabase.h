// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/errordecoder.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Forgeline::Tls {

// Hand-written advice for one code (resources/data/errors/knowledge.json).
struct Knowledge
{
    QStringList causes;
    QStringList fixes;
    QStringList references;
    QString diagnosisId;
    QString note;
};

struct MbedtlsEntry
{
    int value = 0;                  // negative, as the headers define it
    QString name;                   // MBEDTLS_ERR_SSL_CONN_EOF
    QList<MbedtlsVersion> versions; // where the value has this name
    QString meaning;
    QString module; // MBEDTLS_ERR_<module>_...: "SSL", "MPI", "CTR_DRBG"
};

struct EspTlsEntry
{
    int value = 0;
    QString name;
    QString idfFrom; // "4.4"
    QString idfTo;   // "" = still current
    QString meaning;
};

struct SimpleEntry
{
    qint64 value = 0;
    QString name;
    QString module;
    QString meaning;
    QStringList aliases; // PSA: mbedTLS 4.0 names that equal this value
};

struct ModuleInfo
{
    QString prefix;       // MPI
    QString strerrorName; // BIGNUM
    QString description;
    QString reference;
};

// All error facts, loaded once from the embedded resources/data/errors/*. Immutable afterwards.
class ErrorDatabase
{
public:
    ErrorDatabase();

    QList<const MbedtlsEntry *> mbedtlsByValue(int value) const;
    QList<const MbedtlsEntry *> mbedtlsByName(const QString &name) const;
    const QList<MbedtlsEntry> &mbedtlsEntries() const { return m_mbedtls; }
    QList<const EspTlsEntry *> espTlsByValue(int value) const;
    QList<const EspTlsEntry *> espTlsByName(const QString &name) const;
    const SimpleEntry *psa(qint64 value) const { return find(m_psa, value); }
    const SimpleEntry *espErr(qint64 value) const { return find(m_espErr, value); }
    const SimpleEntry *wiced(qint64 value) const { return find(m_wiced, value); }
    const SimpleEntry *legacy(qint64 value) const { return find(m_legacy, value); }
    const QList<SimpleEntry> &x509Flags() const { return m_flags; }
    const QList<SimpleEntry> &psaEntries() const { return m_psa; }
    const QList<SimpleEntry> &espErrEntries() const { return m_espErr; }
    const QList<SimpleEntry> &wicedEntries() const { return m_wiced; }
    const QList<SimpleEntry> &legacyEntries() const { return m_legacy; }
    const QList<EspTlsEntry> &espTlsEntries() const { return m_espTls; }
    const ModuleInfo *module(const QString &prefix) const;
    const Knowledge *knowledge(
        const QString &key) const; // macro name or canonical code ("-0x4290")
    QString psaAliasOf(
        const QString &mbedtlsName) const; // "PSA_ERROR_INSUFFICIENT_MEMORY" in 4.0, or ""
    // Every name the decoder accepts in reverse, upper-case.
    const QStringList &allNames() const { return m_allNames; }

private:
    static const SimpleEntry *find(const QList<SimpleEntry> &list, qint64 value);
    void loadMbedtls();
    void loadEspTls();
    void loadSimple(const QString &file, QList<SimpleEntry> &out, const QString &defaultModule,
                    bool psaAliases);
    void loadModules();
    void loadKnowledge();

    QList<MbedtlsEntry> m_mbedtls;
    QHash<int, QList<int>> m_mbedtlsByValue;
    QHash<QString, QList<int>> m_mbedtlsByName;
    QList<EspTlsEntry> m_espTls;
    QList<SimpleEntry> m_psa, m_espErr, m_wiced, m_legacy, m_flags;
    QHash<QString, ModuleInfo> m_modules;
    QHash<QString, Knowledge> m_knowledge;
    QHash<QString, QString> m_psaAlias;
    QStringList m_allNames;
};

} // namespace Forgeline::Tls
