// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/certpayload.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <openssl/evp.h>
#include <openssl/x509.h>

namespace Forgeline::Image {

namespace {

// A class, so that lupdate files these texts under the context tr() uses.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Image::CertPayload)
};

struct PemBlock
{
    QByteArray label;
    QByteArray der;
    bool found = false;
};

PemBlock firstPemBlock(const QByteArray &text)
{
    PemBlock b;
    static const QRegularExpression re(
        QStringLiteral("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----"));
    const auto m = re.match(QString::fromLatin1(text));
    if (!m.hasMatch())
        return b;
    b.label = m.captured(1).toLatin1();
    QByteArray body = m.captured(2).toLatin1();
    body = body.simplified().replace(' ', QByteArray());
    const auto decoded
        = QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return b;
    b.der = decoded.decoded;
    b.found = !b.der.isEmpty();
    return b;
}

enum class DerKind { Unknown, Certificate, PrivateKey };

// PEM armour for a DER private key: PKCS#8 is "PRIVATE KEY"; traditional forms name the algorithm.
QByteArray privateKeyLabel(const QByteArray &der)
{
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
    if (PKCS8_PRIV_KEY_INFO *info = d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, long(der.size())); info) {
        PKCS8_PRIV_KEY_INFO_free(info);
        return "PRIVATE KEY";
    }
    p = reinterpret_cast<const unsigned char *>(der.constData());
    EVP_PKEY *k = d2i_AutoPrivateKey(nullptr, &p, long(der.size()));
    const int id = k ? EVP_PKEY_get_base_id(k) : 0;
    EVP_PKEY_free(k);
    if (id == EVP_PKEY_EC)
        return "EC PRIVATE KEY";
    if (id == EVP_PKEY_RSA)
        return "RSA PRIVATE KEY";
    return "PRIVATE KEY";
}

DerKind classifyDer(const QByteArray &der)
{
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
    if (X509 *x = d2i_X509(nullptr, &p, long(der.size())); x) {
        const bool whole
            = p == reinterpret_cast<const unsigned char *>(der.constData()) + der.size();
        X509_free(x);
        if (whole)
            return DerKind::Certificate;
    }
    p = reinterpret_cast<const unsigned char *>(der.constData());
    if (EVP_PKEY *k = d2i_AutoPrivateKey(nullptr, &p, long(der.size())); k) {
        EVP_PKEY_free(k);
        return DerKind::PrivateKey;
    }
    return DerKind::Unknown;
}

QByteArray toPem(const QByteArray &label, const QByteArray &der)
{
    QByteArray out = "-----BEGIN " + label + "-----\n";
    const QByteArray b64 = der.toBase64();
    for (qsizetype i = 0; i < b64.size(); i += 64)
        out += b64.mid(i, 64) + '\n';
    out += "-----END " + label + "-----\n";
    return out;
}

} // namespace

QString payloadFormatName(PayloadFormat format)
{
    switch (format) {
    case PayloadFormat::PemNul: return QStringLiteral("pem-nul");
    case PayloadFormat::Pem: return QStringLiteral("pem");
    case PayloadFormat::Der: return QStringLiteral("der");
    case PayloadFormat::Raw: return QStringLiteral("raw");
    }
    return {};
}

Result<PayloadFormat> payloadFormatFromName(const QString &name)
{
    for (PayloadFormat f :
         {PayloadFormat::PemNul, PayloadFormat::Pem, PayloadFormat::Der, PayloadFormat::Raw})
        if (payloadFormatName(f) == name.toLower())
            return f;
    return Error::make(
        QStringLiteral("payload.format"),
        Tr::tr("Unknown payload format \"%1\"; use pem-nul, pem, der or raw.").arg(name));
}

Result<CertPayload> encodeCertPayload(const QByteArray &input, PayloadFormat format)
{
    CertPayload out;
    if (format == PayloadFormat::Raw) {
        out.bytes = input;
        out.inputKind = Tr::tr("raw bytes");
        return out;
    }
    if (input.isEmpty())
        return Error::make(QStringLiteral("payload.empty"), Tr::tr("The file is empty."));

    const PemBlock pem = firstPemBlock(input);
    QByteArray label;
    QByteArray der;
    if (pem.found) {
        label = pem.label;
        der = pem.der;
        out.isPrivateKey = label.contains("PRIVATE KEY");
        out.inputKind = out.isPrivateKey
                            ? Tr::tr("PEM private key")
                            : Tr::tr("PEM %1").arg(QString::fromLatin1(label).toLower());
    } else {
        const DerKind kind = classifyDer(input);
        if (kind == DerKind::Unknown)
            return Error::make(
                QStringLiteral("payload.unrecognised"),
                Tr::tr("The file is neither PEM nor a DER certificate or private key."),
                QStringLiteral("%1 bytes, first byte 0x%2")
                    .arg(input.size())
                    .arg(quint8(input.at(0)), 2, 16, QLatin1Char('0')),
                Tr::tr("Choose the \"raw\" format to write it unchanged."));
        der = input;
        out.isPrivateKey = kind == DerKind::PrivateKey;
        label = out.isPrivateKey ? privateKeyLabel(input) : QByteArray("CERTIFICATE");
        out.inputKind = out.isPrivateKey ? Tr::tr("DER private key") : Tr::tr("DER certificate");
    }

    switch (format) {
    case PayloadFormat::Der: out.bytes = der; break;
    case PayloadFormat::Pem:
    case PayloadFormat::PemNul: {
        QByteArray text = pem.found ? input : toPem(label, der);
        while (text.endsWith('\0'))
            text.chop(1); // a file that already carries its NUL must not get two
        if (format == PayloadFormat::PemNul)
            text.append('\0');
        out.bytes = text;
        break;
    }
    case PayloadFormat::Raw: break;
    }
    return out;
}

Result<void> checkPayloadFits(qsizetype payloadSize, quint32 partitionSize,
                              const QString &partitionName)
{
    if (payloadSize > qsizetype(partitionSize))
        return Error::make(
            QStringLiteral("payload.too-large"),
            Tr::tr("The payload (%1 bytes) does not fit partition \"%2\" (%3 bytes).")
                .arg(payloadSize)
                .arg(partitionName)
                .arg(partitionSize),
            QStringLiteral("payload %1 > partition %2").arg(payloadSize).arg(partitionSize));
    if (payloadSize == 0)
        return Error::make(QStringLiteral("payload.empty"), Tr::tr("Nothing to write."));
    return {};
}

} // namespace Forgeline::Image
