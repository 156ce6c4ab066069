// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/readingbuilder.h"

#include <QCoreApplication>

namespace Forgeline::Tls {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::ReadingBuilder)
};

} // namespace

namespace {

QStringList versionNames(const QList<MbedtlsVersion> &versions)
{
    QStringList out;
    for (MbedtlsVersion v : versions)
        out << mbedtlsVersionName(v);
    return out;
}

QString shortName(const QString &name)
{
    return name.startsWith(QStringLiteral("MBEDTLS_ERR_")) ? name.mid(12) : name;
}

// The advice an mbedTLS reading gets when nobody wrote a specific one. A composite names both
// modules in one sentence rather than repeating the sentence per half.
QString debugLogFix(const QStringList &strerrorNames)
{
    if (strerrorNames.size() == 2) {
        return Tr::
            tr("Enable CONFIG_MBEDTLS_DEBUG=y with CONFIG_MBEDTLS_DEBUG_LEVEL_DEBUG (level 3) and read the "
               "lines just before the error to see which %1 call failed and which %2 call under it caused that.")
                .arg(strerrorNames.at(0), strerrorNames.at(1));
    }
    return Tr::
        tr("Enable CONFIG_MBEDTLS_DEBUG=y with CONFIG_MBEDTLS_DEBUG_LEVEL_DEBUG (level 3) and read the "
           "line just before the error to see which %1 call failed.")
            .arg(strerrorNames.join(QStringLiteral(" / ")));
}

const QString EspTlsDocs = QStringLiteral(
    "https://docs.espressif.com/projects/esp-idf/en/latest/esp32/api-reference/protocols/esp_tls.html");
const QString ErrorCodesDocs = QStringLiteral(
    "https://docs.espressif.com/projects/esp-idf/en/latest/esp32/api-reference/error-codes.html");

} // namespace

ReadingBuilder::ReadingBuilder(const ErrorDatabase &db, std::optional<MbedtlsVersion> pinned,
                               std::optional<IdfVersion> idf)
    : m_db(db), m_pinned(pinned), m_idf(idf)
{}

QString ReadingBuilder::hexCode(qint64 value, int width)
{
    const quint64 magnitude = value < 0 ? quint64(-(value + 1)) + 1 : quint64(value);
    return (value < 0 ? QStringLiteral("-0x") : QStringLiteral("0x"))
           + QString::number(magnitude, 16).toUpper().rightJustified(width, QLatin1Char('0'));
}

bool ReadingBuilder::inPinned(const MbedtlsEntry &entry) const
{
    return !m_pinned || entry.versions.contains(*m_pinned);
}

void ReadingBuilder::applyKnowledge(Reading &r, const QString &key) const
{
    if (const Knowledge *k = m_db.knowledge(key)) {
        r.causes += k->causes;
        r.fixes += k->fixes;
        r.references += k->references;
        if (r.diagnosisId.isEmpty())
            r.diagnosisId = k->diagnosisId;
        if (!k->note.isEmpty())
            r.versionNote
                = r.versionNote.isEmpty() ? k->note : r.versionNote + QLatin1Char(' ') + k->note;
    }
}

Reading ReadingBuilder::mbedtls(const MbedtlsEntry &e) const
{
    Reading r;
    r.kind = Reading::Kind::Mbedtls;
    r.value = e.value;
    r.canonical = hexCode(e.value);
    r.name = e.name;
    r.module = e.module;
    r.meaning = e.meaning;
    r.versions = versionNames(e.versions);

    QStringList notes;
    if (m_pinned && !e.versions.contains(*m_pinned))
        notes << Tr::tr("Not defined with this meaning in mbedTLS %1 (the version you pinned).")
                     .arg(mbedtlsVersionName(*m_pinned));
    bool sharedValue = false;
    for (const MbedtlsEntry *other : m_db.mbedtlsByValue(e.value)) {
        if (other->name == e.name || other->versions == e.versions)
            continue; // same-version aliases (deprecated *_INVALID_KEY_LENGTH) are not a meaning change
        sharedValue = true;
        notes << Tr::tr("In mbedTLS %1 the same value is %2 (%3).")
                     .arg(versionNames(other->versions).join(QStringLiteral(", ")),
                          shortName(other->name), other->meaning);
    }
    QList<MbedtlsVersion> missing;
    for (MbedtlsVersion v : allMbedtlsVersions()) {
        if (!e.versions.contains(v))
            missing << v;
    }
    if (!missing.isEmpty() && !sharedValue && notes.isEmpty())
        notes << Tr::tr("%1 is not defined in mbedTLS %2.")
                     .arg(shortName(e.name), versionNames(missing).join(QStringLiteral(", ")));
    const QString alias = m_db.psaAliasOf(e.name);
    if (!alias.isEmpty()) {
        for (const SimpleEntry &p : m_db.psaEntries()) {
            if (p.name == alias)
                notes << Tr::tr("In mbedTLS 4.0 %1 is an alias of %2 (%3).")
                             .arg(shortName(e.name), alias)
                             .arg(p.value);
        }
    }
    r.versionNote = notes.join(QLatin1Char(' '));

    applyKnowledge(r, e.name);
    if (const ModuleInfo *m = m_db.module(e.module)) {
        if (r.causes.isEmpty())
            r.causes << Tr::tr("Raised by the %1 module: %2.").arg(m->strerrorName, m->description);
        if (r.fixes.isEmpty())
            r.fixes << debugLogFix({m->strerrorName});
        if (r.references.isEmpty())
            r.references << m->reference;
    }
    return r;
}

Reading ReadingBuilder::composite(const MbedtlsEntry &high, const MbedtlsEntry &low) const
{
    Reading r;
    r.kind = Reading::Kind::MbedtlsComposite;
    r.value = qint64(high.value) + low.value;
    r.canonical = hexCode(r.value);
    r.name = high.name + QStringLiteral(" + ") + low.name;
    r.module = high.module + QStringLiteral(" + ") + low.module;
    r.meaning = high.meaning + Tr::tr(" Caused by: ") + low.meaning;
    for (MbedtlsVersion v : high.versions) {
        if (low.versions.contains(v))
            r.versions << mbedtlsVersionName(v);
    }
    r.versionNote
        = Tr::tr(
              "A composite code: the high-level %1 (%2) plus the low-level %3 (%4) that caused it "
              "(MBEDTLS_ERROR_ADD). mbedTLS 4.0 no longer adds codes together.")
              .arg(shortName(high.name), hexCode(high.value), shortName(low.name),
                   hexCode(low.value));
    r.parts << mbedtls(high) << mbedtls(low);
    // Each half without hand-written fixes carries the same debug-log advice; a composite gives it
    // once, for the halves that need it, and its parts keep only advice specific to them.
    QStringList needDebugLog;
    for (Reading &part : r.parts) {
        const ModuleInfo *m = m_db.module(part.module);
        if (m && part.fixes.removeAll(debugLogFix({m->strerrorName})) > 0)
            needDebugLog << m->strerrorName;
    }
    needDebugLog.removeDuplicates();
    applyKnowledge(r, r.canonical); // hand-written advice for well-known pairs (-0x4290, -0x262E)
    if (r.causes.isEmpty()) {
        r.causes = r.parts.at(1).causes + r.parts.at(0).causes;
        r.fixes = r.parts.at(1).fixes + r.parts.at(0).fixes;
        if (!needDebugLog.isEmpty())
            r.fixes << debugLogFix(needDebugLog);
        r.references = r.parts.at(0).references;
    }
    if (r.fixes.isEmpty() && !needDebugLog.isEmpty())
        r.fixes << debugLogFix(needDebugLog);
    if (r.diagnosisId.isEmpty())
        r.diagnosisId = !r.parts.at(1).diagnosisId.isEmpty() ? r.parts.at(1).diagnosisId
                                                             : r.parts.at(0).diagnosisId;
    r.fixes.removeDuplicates();
    r.causes.removeDuplicates();
    r.references.removeDuplicates();
    return r;
}

Reading ReadingBuilder::psa(const SimpleEntry &e) const
{
    Reading r;
    r.kind = Reading::Kind::Psa;
    r.value = e.value;
    r.canonical = QString::number(e.value);
    r.name = e.name;
    r.module = QStringLiteral("PSA");
    r.meaning = e.meaning;
    const bool firmwareFramework = e.value >= -131;
    r.versions = firmwareFramework ? QStringList{QStringLiteral("PSA-FF")}
                                   : QStringList{QStringLiteral("2.28"), QStringLiteral("3.0"),
                                                 QStringLiteral("3.6"), QStringLiteral("4.0")};
    QString note = Tr::tr("PSA status %1 = %2.").arg(e.value).arg(hexCode(e.value, 2));
    if (!e.aliases.isEmpty())
        note += Tr::tr(" In mbedTLS 4.0 these legacy names have this value: %1.")
                    .arg(e.aliases.join(QStringLiteral(", ")));
    r.versionNote = note;
    applyKnowledge(r, e.name);
    r.references << QStringLiteral("https://arm-software.github.io/psa-api/crypto/");
    return r;
}

bool ReadingBuilder::idfMatches(const EspTlsEntry &e) const
{
    return m_idf && idfInRange(*m_idf, e.idfFrom, e.idfTo);
}

Reading ReadingBuilder::espTls(const EspTlsEntry &e) const
{
    Reading r;
    r.kind = Reading::Kind::EspTls;
    r.value = e.value;
    r.canonical = hexCode(e.value);
    r.name = e.name;
    r.module = QStringLiteral("esp-tls");
    r.meaning = e.meaning;
    r.versions << (e.idfTo.isEmpty()      ? Tr::tr("ESP-IDF v%1+").arg(e.idfFrom)
                   : e.idfFrom == e.idfTo ? Tr::tr("ESP-IDF v%1").arg(e.idfFrom)
                                          : Tr::tr("ESP-IDF v%1–v%2").arg(e.idfFrom, e.idfTo));
    QStringList others;
    for (const EspTlsEntry *o : m_db.espTlsByValue(e.value)) {
        if (o != &e)
            others << Tr::tr("%1 in ESP-IDF v%2%3")
                          .arg(o->name, o->idfFrom,
                               o->idfTo.isEmpty() ? QStringLiteral("+")
                                                  : QStringLiteral("–v") + o->idfTo);
    }
    r.versionNote = Tr::tr("esp-tls codes were renumbered in ESP-IDF v4.4.");
    if (!others.isEmpty())
        r.versionNote += Tr::tr(" The same number is %1.").arg(others.join(QStringLiteral("; ")));
    if (m_idf && !idfMatches(e))
        r.versionNote += Tr::tr(" Not this meaning in ESP-IDF v%1.").arg(m_idf->toString());
    applyKnowledge(r, e.name);
    if (r.fixes.isEmpty())
        r.fixes << Tr::tr(
            "Print the underlying mbedTLS code with esp_tls_get_and_clear_last_error() (\"Last tls stack error number\") and decode that.");
    r.references << EspTlsDocs;
    return r;
}

Reading ReadingBuilder::espErr(const SimpleEntry &e) const
{
    Reading r;
    r.kind = Reading::Kind::EspErr;
    r.value = e.value;
    r.canonical = e.value < 0 ? QString::number(e.value) : hexCode(e.value, 1);
    r.name = e.name;
    r.module = e.module;
    r.meaning = e.meaning;
    r.versions << QStringLiteral("ESP-IDF");
    applyKnowledge(r, e.name);
    r.references << ErrorCodesDocs;
    return r;
}

Reading ReadingBuilder::wiced(const SimpleEntry &e) const
{
    Reading r;
    r.kind = Reading::Kind::Vendor;
    r.value = e.value;
    r.canonical = QString::number(e.value);
    r.name = e.name;
    r.module = QStringLiteral("WICED");
    r.meaning = e.meaning;
    r.versions << Tr::tr("WICED Studio 4.x");
    r.versionNote = e.name.startsWith(QStringLiteral("TLS_"))
                        ? Tr::tr("Also reported as WICED_%1 in wiced_result_t.").arg(e.name)
                        : QString();
    applyKnowledge(r, e.name);
    if (r.fixes.isEmpty())
        r.fixes << Tr::tr(
            "Enable BESL/TLS debug output in the WICED application and compare with a working peer; WICED 6.x replaced this TLS engine with mbedTLS.");
    r.references << Tr::tr(
        "WICED Studio 4.1 SDK: WICED/security/BESL/include/besl_structures.h (TLS_RESULT_LIST)");
    return r;
}

Reading ReadingBuilder::legacy(const SimpleEntry &e) const
{
    Reading r;
    r.kind = Reading::Kind::LegacyNumbering;
    r.value = e.value;
    r.canonical = hexCode(e.value);
    r.name = e.name;
    r.module = QStringLiteral("TropicSSL");
    r.meaning = e.meaning;
    r.inference = true;
    r.versions << Tr::tr("XySSL / TropicSSL / early PolarSSL (WICED 4.x BESL)");
    r.versionNote = Tr::tr(
        "Inference: this value is not an mbedTLS code (it has no high-level module); it matches "
        "the older XySSL/TropicSSL numbering that the WICED 4.x BESL TLS engine inherits.");
    applyKnowledge(r, e.name);
    return r;
}

Reading ReadingBuilder::flags(quint32 bits) const
{
    Reading r;
    r.kind = Reading::Kind::X509Flags;
    r.value = bits;
    r.canonical = QStringLiteral("0x")
                  + QString::number(bits, 16).toUpper().rightJustified(8, QLatin1Char('0'));
    r.module = QStringLiteral("X509");
    r.versions = versionNames(allMbedtlsVersions());
    if (bits == 0xFFFFFFFFu) {
        r.name = Tr::tr("(verify result unavailable)");
        r.meaning = Tr::tr(
            "mbedtls_ssl_get_verify_result() returns 0xFFFFFFFF when there is no session or no verification result.");
        applyKnowledge(r, QStringLiteral("X509_FLAGS_UNAVAILABLE"));
        return r;
    }
    QStringList names;
    QStringList meanings;
    quint32 known = 0;
    for (const SimpleEntry &f : m_db.x509Flags()) {
        if ((bits & quint32(f.value)) == 0)
            continue;
        known |= quint32(f.value);
        Reading part;
        part.kind = Reading::Kind::X509Flags;
        part.value = f.value;
        part.canonical = QStringLiteral("0x") + QString::number(f.value, 16).toUpper();
        part.name = f.name;
        part.module = QStringLiteral("X509");
        part.meaning = f.meaning;
        part.versions = r.versions;
        applyKnowledge(part, f.name);
        names << f.name.mid(int(qstrlen("MBEDTLS_X509_")));
        meanings << f.meaning;
        r.causes += part.causes;
        r.fixes += part.fixes;
        r.references += part.references;
        if (r.diagnosisId.isEmpty())
            r.diagnosisId = part.diagnosisId;
        r.parts << part;
    }
    if (bits & ~known)
        meanings << Tr::tr("Unknown bits %1 (\"Unknown reason\").").arg(hexCode(bits & ~known, 1));
    r.name = names.isEmpty() ? Tr::tr("(no flags)") : names.join(QStringLiteral(" + "));
    r.meaning = bits == 0 ? Tr::tr("No verification problem.") : meanings.join(QLatin1Char(' '));
    r.versionNote = Tr::tr(
        "X.509 verify-result flags (mbedtls_x509_crt_verify / mbedtls_ssl_get_verify_result), identical from 2.16 to 4.0. "
        "With authmode REQUIRED any set flag makes the handshake fail with -0x2700.");
    r.causes.removeDuplicates();
    r.fixes.removeDuplicates();
    r.references.removeDuplicates();
    return r;
}

Reading ReadingBuilder::success() const
{
    Reading r;
    r.kind = Reading::Kind::EspErr;
    r.canonical = QStringLiteral("0");
    r.name = QStringLiteral("ESP_OK / PSA_SUCCESS");
    r.module = QStringLiteral("-");
    r.meaning = Tr::tr("Zero means success in mbedTLS, PSA and ESP-IDF; it is not an error.");
    return r;
}

} // namespace Forgeline::Tls
