// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/idfversions.h"

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
    return {MbedtlsVersion::V2_16, MbedtlsVersion::V2_28, MbedtlsVersion::V3_0,
            MbedtlsVersion::V3_6, MbedtlsVersion::V4_0};
}

std::optional<MbedtlsVersion> parseMbedtlsVersion(QStringView text)
{
    const auto idf = IdfVersion::parse(text); // same "v1.2.3" grammar
    if (!idf)
        return std::nullopt;
    // Releases between the ones we know map to the error set they share (docs/dev/tls.md, "Error sets per Mbed TLS version").
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
    // docs/dev/tls.md, "Mbed TLS in each ESP-IDF release": v4.0-v4.4.0 ship 2.16.x, v4.4.1+ 2.28.x, v5.0-v5.4 3.1-3.6, v5.5 3.6, v6.0 4.0.
    if (idf->major < 4)
        return MbedtlsVersion::V2_16; // the oldest error set we know; v3.x shipped 2.6-2.16
    if (idf->major == 4)
        return (idf->minor > 4 || (idf->minor == 4 && idf->patch >= 1)) ? MbedtlsVersion::V2_28
                                                                        : MbedtlsVersion::V2_16;
    if (idf->major == 5)
        return MbedtlsVersion::V3_6;
    if (idf->major == 6)
        return MbedtlsVersion::V4_0;
    return std::nullopt;
}

std::optional<IdfVersion> IdfVersion::parse(QStringView text)
{
    // "v4.4.1", "4.4", "5", "v5.2-dev", "3.6.2+esp": up to three numbers, then any suffix
    // after '-', '+' or '.'. Hand-written so it stays lock-free for concurrent decoders.
    QStringView t = text.trimmed();
    if (!t.isEmpty() && (t.front() == QLatin1Char('v') || t.front() == QLatin1Char('V')))
        t = t.mid(1);
    int numbers[3] = {0, 0, 0};
    int count = 0;
    qsizetype i = 0;
    while (count < 3 && i < t.size() && t.at(i).isDigit()) {
        int value = 0;
        int digits = 0;
        while (i < t.size() && t.at(i).isDigit() && digits < 4) {
            value = value * 10 + t.at(i).digitValue();
            ++i;
            ++digits;
        }
        if (i < t.size() && t.at(i).isDigit())
            return std::nullopt; // absurdly long component
        numbers[count++] = value;
        if (i < t.size() && t.at(i) == QLatin1Char('.') && i + 1 < t.size() && t.at(i + 1).isDigit()
            && count < 3)
            ++i;
        else
            break;
    }
    if (count == 0)
        return std::nullopt;
    if (i < t.size() && !QStringView(u"-+.").contains(t.at(i)))
        return std::nullopt;
    return IdfVersion{numbers[0], numbers[1], numbers[2]};
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
