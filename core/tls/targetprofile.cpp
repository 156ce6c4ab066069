// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/targetprofile.h"

#include "core/common/jsonstringlist.h"
#include "core/tls/idfversions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Forgeline::Tls {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::TargetProfile)
};

} // namespace

namespace {

const QString kDir = QStringLiteral(":/forgeline/data/targets");

Result<bool> parseBool(const QString &name, const QString &value)
{
    const QString v = value.trimmed().toLower();
    if (v == QLatin1String("1") || v == QLatin1String("y") || v == QLatin1String("yes")
        || v == QLatin1String("true") || v == QLatin1String("on"))
        return true;
    if (v == QLatin1String("0") || v == QLatin1String("n") || v == QLatin1String("no")
        || v == QLatin1String("false") || v == QLatin1String("off"))
        return false;
    return Error::make(QStringLiteral("preflight.override"),
                       Tr::tr("%1 takes y or n, not \"%2\".").arg(name, value));
}

Result<int> parseLength(const QString &name, const QString &value)
{
    bool ok = false;
    const int n = value.trimmed().toInt(&ok);
    // The Kconfig range of every *_CONTENT_LEN option.
    if (!ok || n < 512 || n > 16384)
        return Error::make(
            QStringLiteral("preflight.override"),
            Tr::tr("%1 must be a number of bytes from 512 to 16384, not \"%2\".").arg(name, value));
    return n;
}

} // namespace

QString TargetProfile::outContentLenOption() const
{
    return asymmetricContentLen ? QStringLiteral("CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN")
                                : QStringLiteral("CONFIG_MBEDTLS_SSL_MAX_CONTENT_LEN");
}

QStringList TargetProfiles::ids()
{
    QStringList out;
    const QStringList files = QDir(kDir).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &f : files)
        out << f.chopped(5);
    std::sort(out.begin(), out.end(), [](const QString &a, const QString &b) {
        const auto va = IdfVersion::parse(QStringView(a).mid(4));
        const auto vb = IdfVersion::parse(QStringView(b).mid(4));
        if (va && vb)
            return va->compare(*vb) < 0;
        return a < b;
    });
    return out;
}

Result<TargetProfile> TargetProfiles::load(const QString &requested)
{
    QString id = requested.trimmed().toLower();
    if (!id.startsWith(QLatin1String("idf-"))) {
        if (id.startsWith(QLatin1Char('v')))
            id.remove(0, 1);
        id.prepend(QStringLiteral("idf-"));
    }
    QFile file(kDir + QLatin1Char('/') + id + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("preflight.target"),
                           Tr::tr("Unknown target \"%1\".").arg(requested),
                           Tr::tr("no resource %1").arg(file.fileName()),
                           Tr::tr("Use one of: %1").arg(ids().join(QStringLiteral(", "))));
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return Error::make(QStringLiteral("preflight.target"),
                           Tr::tr("The target profile %1 is damaged.").arg(id),
                           parseError.errorString());
    TargetProfile p;
    p.id = root.value(QLatin1String("id")).toString(id);
    p.title = root.value(QLatin1String("title")).toString();
    p.idf = root.value(QLatin1String("idf")).toString();
    p.mbedtls = root.value(QLatin1String("mbedtls")).toString();
    const auto version = parseMbedtlsVersion(p.mbedtls);
    if (!version)
        return Error::make(QStringLiteral("preflight.target"),
                           Tr::tr("The target profile %1 is damaged.").arg(id),
                           Tr::tr("unknown mbedTLS version %1").arg(p.mbedtls));
    p.mbedtlsVersion = *version;
    const QJsonObject d = root.value(QLatin1String("defaults")).toObject();
    p.asymmetricContentLen = d.value(QLatin1String("asymmetric_content_len")).toBool(true);
    p.outContentLen = d.value(QLatin1String("out_content_len")).toInt(4096);
    p.inContentLen = d.value(QLatin1String("in_content_len")).toInt(16384);
    p.maxContentLen = d.value(QLatin1String("max_content_len")).toInt(16384);
    p.haveTimeDate = d.value(QLatin1String("have_time_date")).toBool(false);
    p.ecp = d.value(QLatin1String("ecp")).toBool(true);
    p.curves = jsonStringList(d.value(QLatin1String("curves")));
    p.x509ProfileCurves = jsonStringList(d.value(QLatin1String("x509_profile_curves")));
    p.ed25519 = d.value(QLatin1String("ed25519")).toBool(false);
    p.hardwareMpi = d.value(QLatin1String("hardware_mpi")).toBool(true);
    p.largeKeySoftwareMpi = d.value(QLatin1String("large_key_software_mpi")).toBool(false);
    p.rsaHwLimitBits = d.value(QLatin1String("rsa_hw_limit_bits")).toInt(4096);
    p.notes = jsonStringList(root.value(QLatin1String("notes")));
    return p;
}

QStringList TargetProfiles::overrideNames()
{
    return {QStringLiteral("out_content_len"),
            QStringLiteral("in_content_len"),
            QStringLiteral("max_content_len"),
            QStringLiteral("asymmetric_content_len"),
            QStringLiteral("have_time_date"),
            QStringLiteral("ecp"),
            QStringLiteral("curves"),
            QStringLiteral("hardware_mpi"),
            QStringLiteral("large_key_software_mpi"),
            QStringLiteral("rsa_hw_limit_bits")};
}

Result<void> TargetProfiles::applyOverride(TargetProfile &p, const QString &assignment)
{
    const qsizetype eq = assignment.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return Error::make(
            QStringLiteral("preflight.override"),
            Tr::tr("An override is name=value, e.g. out_content_len=8192; got \"%1\".")
                .arg(assignment));
    QString name = assignment.left(eq).trimmed().toLower();
    if (name.startsWith(QLatin1String("config_mbedtls_")))
        name = name.mid(15);
    else if (name.startsWith(QLatin1String("config_")))
        name = name.mid(7);
    if (name.startsWith(QLatin1String("ssl_")))
        name = name.mid(4);
    const QString value = assignment.mid(eq + 1).trimmed();

    auto setBool = [&](bool &field) -> Result<void> {
        const auto b = parseBool(name, value);
        if (!b)
            return b.error();
        field = *b;
        return {};
    };
    auto setLength = [&](int &field) -> Result<void> {
        const auto n = parseLength(name, value);
        if (!n)
            return n.error();
        field = *n;
        return {};
    };

    Result<void> applied;
    if (name == QLatin1String("out_content_len")) {
        applied = setLength(p.outContentLen);
        p.asymmetricContentLen = true; // the option only exists with asymmetric buffers
    } else if (name == QLatin1String("in_content_len")) {
        applied = setLength(p.inContentLen);
    } else if (name == QLatin1String("max_content_len")) {
        applied = setLength(p.maxContentLen);
    } else if (name == QLatin1String("asymmetric_content_len")) {
        applied = setBool(p.asymmetricContentLen);
    } else if (name == QLatin1String("have_time_date")) {
        applied = setBool(p.haveTimeDate);
    } else if (name == QLatin1String("ecp") || name == QLatin1String("ecp_c")) {
        applied = setBool(p.ecp);
    } else if (name == QLatin1String("hardware_mpi")) {
        applied = setBool(p.hardwareMpi);
    } else if (name == QLatin1String("large_key_software_mpi")) {
        applied = setBool(p.largeKeySoftwareMpi);
    } else if (name == QLatin1String("rsa_hw_limit_bits")) {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 1024 || n > 16384)
            return Error::make(QStringLiteral("preflight.override"),
                               Tr::tr("rsa_hw_limit_bits must be from 1024 to 16384."));
        p.rsaHwLimitBits = n;
    } else if (name == QLatin1String("curves")) {
        // "curves=secp256r1,secp384r1" replaces the list; "+secp256k1" / "-secp256k1" edit it.
        const QStringList items = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        const bool edit
            = !items.isEmpty() && std::all_of(items.begin(), items.end(), [](const QString &s) {
                  return s.trimmed().startsWith(QLatin1Char('+'))
                         || s.trimmed().startsWith(QLatin1Char('-'));
              });
        if (!edit)
            p.curves.clear();
        for (QString item : items) {
            item = item.trimmed();
            if (item.startsWith(QLatin1Char('-'))) {
                p.curves.removeAll(item.mid(1));
                p.x509ProfileCurves.removeAll(item.mid(1));
            } else {
                const QString c = item.startsWith(QLatin1Char('+')) ? item.mid(1) : item;
                if (!p.curves.contains(c))
                    p.curves << c;
            }
        }
    } else {
        return Error::make(QStringLiteral("preflight.override"),
                           Tr::tr("Unknown override \"%1\".").arg(name), {},
                           Tr::tr("Known: %1").arg(overrideNames().join(QStringLiteral(", "))));
    }
    if (!applied)
        return applied;
    p.overridden << name + QLatin1Char('=') + value;
    return {};
}

} // namespace Forgeline::Tls
