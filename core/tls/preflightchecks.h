// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/preflight.h"
#include "core/tls/preflightloader.h"

#include <QDateTime>

#include <optional>

namespace Forgeline::Tls::PreflightChecks {

// Everything the checks look at, already parsed. deviceChain is leaf first, in sending order.
struct Material
{
    QList<CertificateInfo> deviceChain;
    QList<CertificateInfo> cas;
    PrivateKeyInfo key;
    qint64 keyFileBytes = 0; // size of the key as it would be written (PEM: + NUL)
    bool fromPkcs12 = false;
};

// What mbedTLS returns when it parses a key or certificate of this kind on this target.
struct ParsePrediction
{
    QString code;   // "-0x3C80"
    QString reason; // plain words
};
std::optional<ParsePrediction> predictKeyParse(const KeyDescription &key,
                                               const TargetProfile &target);

// Where every check starts: passing, until its rule finds otherwise.
inline PreflightCheck make(const QString &id, const QString &title)
{
    PreflightCheck c;
    c.id = id;
    c.title = title;
    return c;
}

// Key checks (preflightkeychecks.cpp)
PreflightCheck keyFormat(const Material &m, const TargetProfile &target);
PreflightCheck keyMatchesCertificate(const Material &m);
PreflightCheck keyAlgorithm(const Material &m, const TargetProfile &target);
PreflightCheck certificateParse(const Material &m, const TargetProfile &target);

// Chain, time and size checks (preflightchainchecks.cpp)
PreflightCheck chain(const Material &m);
PreflightCheck extendedKeyUsage(const Material &m);
PreflightCheck validity(const Material &m, const QDateTime &now);
PreflightCheck deviceClock(const TargetProfile &target, DeviceClock clock);
PreflightCheck certificateMessageSize(const Material &m, const TargetProfile &target);
PreflightCheck partitionSize(const Material &m, std::optional<qint64> certPartition,
                             std::optional<qint64> keyPartition);

// 4-byte handshake header + 3-byte list length + (3-byte length + DER) per certificate:
// exactly what mbedtls_ssl_write_certificate() compares with the out buffer.
qint64 certificateMessageBytes(const QList<CertificateInfo> &chain);
QByteArray pemChain(const QList<CertificateInfo> &chain);

} // namespace Forgeline::Tls::PreflightChecks
