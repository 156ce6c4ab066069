// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/tls/errordecoder.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Forgeline::Tls {

// What a device's mbedTLS build accepts and how big its buffers are: an ESP-IDF release with
// its default Kconfig (resources/data/targets/*.json), optionally with the user's overrides.
struct TargetProfile
{
    QString id;      // "idf-4.0"
    QString title;   // "ESP-IDF v4.0 (mbedTLS 2.16)"
    QString idf;     // "4.0"
    QString mbedtls; // "2.16", "3.2.1"
    MbedtlsVersion mbedtlsVersion = MbedtlsVersion::V2_28;

    bool asymmetricContentLen = true;
    int outContentLen = 4096; // CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN (used when asymmetric)
    int inContentLen = 16384;
    int maxContentLen = 16384; // CONFIG_MBEDTLS_SSL_MAX_CONTENT_LEN (used when not asymmetric)
    bool haveTimeDate = false;
    bool ecp = true;
    QStringList curves;            // curves compiled in (CONFIG_MBEDTLS_ECP_DP_*_ENABLED)
    QStringList x509ProfileCurves; // curves the default X.509 verification profile accepts
    bool ed25519 = false;
    bool hardwareMpi = true;
    bool largeKeySoftwareMpi = false;
    int rsaHwLimitBits = 4096; // RSA keys this large fail on the accelerator without the fallback
    QStringList notes;
    QStringList overridden; // "out_content_len=16384" for every override applied

    bool isMbedtls3() const
    {
        return mbedtlsVersion != MbedtlsVersion::V2_16 && mbedtlsVersion != MbedtlsVersion::V2_28;
    }
    // The size the Certificate handshake message must fit in.
    int effectiveOutContentLen() const
    {
        return asymmetricContentLen ? outContentLen : maxContentLen;
    }
    // The Kconfig option that sets effectiveOutContentLen().
    QString outContentLenOption() const;
};

class TargetProfiles
{
public:
    static QStringList ids(); // "idf-3.3" ... "idf-5.5", in release order
    static QString defaultId() { return QStringLiteral("idf-4.0"); }
    static Result<TargetProfile> load(const QString &id); // "idf-4.0", "4.0", "v4.0" all work

    // Applies "name=value" overrides (out_content_len=16384, have_time_date=1, curves=a,b ...).
    static Result<void> applyOverride(TargetProfile &profile, const QString &assignment);
    static QStringList overrideNames();
};

} // namespace Forgeline::Tls
