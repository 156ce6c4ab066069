// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/idfversions.h"

#include <QRegularExpression>

namespace Forgeline::Tls {

QString mbedtlsVersionName(MbedtlsVersion v)
{
    switch (v) {
    case MbedtlsVersion::V2_16: return QStringLiteral("2.16");
    case MbedtlsVersion::V2_28: return QStringLiteral("2.28");
    case MbedtlsVersion::V3_0: return QStringLiteral("3.0");
    case MbedtlsVersion::V3_6: return QStringLiteral("3.6");
    case MbedtlsVersion::V4_0: return QStringLiteral("4.0");
    }
    return QString();
}

QList<MbedtlsVersion> allMbedtlsVersions()
{
    return {MbedtlsVersion::V2_16, MbedtlsVersion::V2_28, MbedtlsVersion::V3_0, MbedtlsVersion::V3_6,
            MbedtlsVersion::V4_0};
}

std::optional<MbedtlsVersion> parseMbedtlsVersion(QStringView text)
{
    const auto idf = IdfVersion::parse(text); // same "v1.2.3" grammar
    if (!idf)
        return std::nullopt;
    // Releases between the ones we know map to the error set they share (tls.md §2).
    if (idf->major == 2 && idf->minor >= 16 && idf->minor < 28)
        return idf->minor >= 21 ? MbedtlsVersion::V2_28 : MbedtlsVersion::V2_16;
    if (idf->major == 2 && idf->minor == 28)
        return MbedtlsVersion::V2_28;
    if (idf->major == 3 && idf->minor <= 2)
        return MbedtlsVersion::V3_0;
    if (idf->major == 3 && idf->minor <= 6)
        return MbedtlsVersion::V3_6;
    if (idf->major == 4 && idf->minor == 0)
        return MbedtlsVersion::V4_0;
    return std::nullopt;
}

std::optional<MbedtlsVersion> mbedtlsForIdf(QStringView idfVersion)
{
    const auto idf = IdfVersion::parse(idfVersion);
    if (!idf)
        return std::nullopt;
    // tls.md §4.6: v4.0-v4.4.0 ship 2.16.x, v4.4.1+ 2.28.x, v5.0-v5.4 3.1-3.6, v5.5 3.6, v6.0 4.0.
    if (idf->major < 4)
        return MbedtlsVersion::V2_16; // the oldest error set we know; v3.x shipped 2.6-2.16
    if (idf->major == 4)
        return (idf->minor > 4 || (idf->minor == 4 && idf->patch >= 1)) ? MbedtlsVersion::V2_28 : MbedtlsVersion::V2_16;
    if (idf->major == 5)
        return MbedtlsVersion::V3_6;
    if (idf->major == 6)
        return MbedtlsVersion::V4_0;
    return std::nullopt;
}

std::optional<IdfVersion> IdfVersion::parse(QStringView text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*[vV]?(\\d{1,3})(?:\\.(\\d{1,3}))?(?:\\.(\\d{1,3}))?(?:[-+.].*)?\\s*$"));
    const auto m = re.match(text.toString());
    if (!m.hasMatch())
        return std::nullopt;
    IdfVersion v;
    v.major = m.captured(1).toInt();
    v.minor = m.captured(2).isEmpty() ? 0 : m.captured(2).toInt();
    v.patch = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
    return v;
}

int IdfVersion::compare(const IdfVersion &o) const
{
    if (major != o.major)
        return major < o.major ? -1 : 1;
    if (minor != o.minor)
        return minor < o.minor ? -1 : 1;
    if (patch != o.patch)
        return patch < o.patch ? -1 : 1;
    return 0;
}

QString IdfVersion::toString() const
{
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch);
}

bool idfInRange(const IdfVersion &idf, const QString &from, const QString &to)
{
    const auto lo = IdfVersion::parse(from);
    if (lo && IdfVersion{idf.major, idf.minor, 0}.compare(*lo) < 0)
        return false;
    if (to.isEmpty())
        return true;
    const auto hi = IdfVersion::parse(to);
    return !hi || IdfVersion{idf.major, idf.minor, 0}.compare(*hi) <= 0;
}

} // namespace Forgeline::Tls
