// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace Forgeline::Image {

// How a certificate or key is laid out in its partition.
enum class PayloadFormat {
    PemNul, // PEM text plus one NUL: firmware passing strlen+1 to mbedtls_x509_crt_parse needs it
    Pem,    // PEM text as is
    Der,    // binary DER
    Raw,    // the file's bytes, untouched
};

QString payloadFormatName(PayloadFormat format); // "pem-nul", "pem", "der", "raw"
Result<PayloadFormat> payloadFormatFromName(const QString &name);

struct CertPayload
{
    QByteArray bytes;  // what goes to flash
    QString inputKind; // "PEM certificate", "DER private key", ...
    bool isPrivateKey = false;
};

// Converts PEM or DER input to `format`. DER is recognised with OpenSSL (certificate or
// private key), so DER->PEM gets the right armour label.
Result<CertPayload> encodeCertPayload(const QByteArray &input, PayloadFormat format);

// "8193 of 8192 bytes" style check before writing.
Result<void> checkPayloadFits(qsizetype payloadSize, quint32 partitionSize,
                              const QString &partitionName);

} // namespace Forgeline::Image
