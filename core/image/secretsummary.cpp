// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/secretsummary.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace Forgeline::Image {

namespace {

QByteArray withoutNul(const QByteArray &bytes)
{
    QByteArray b = bytes;
    while (b.endsWith('\0'))
        b.chop(1);
    return b;
}

EVP_PKEY *parsePrivateKey(const QByteArray &bytes)
{
    const QByteArray text = withoutNul(bytes);
    if (text.contains("-----BEGIN")) {
        BIO *bio = BIO_new_mem_buf(text.constData(), int(text.size()));
        // No passphrase callback: an encrypted key must not prompt on a terminal.
        EVP_PKEY *key = PEM_read_bio_PrivateKey(
            bio, nullptr, [](char *, int, int, void *) { return 0; }, nullptr);
        BIO_free(bio);
        return key;
    }
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    return d2i_AutoPrivateKey(nullptr, &p, long(bytes.size()));
}

QString algorithmOf(EVP_PKEY *key)
{
    const int id = EVP_PKEY_get_base_id(key);
    if (id == EVP_PKEY_EC) {
        char group[64] = {};
        size_t len = 0;
        if (EVP_PKEY_get_group_name(key, group, sizeof group, &len) == 1) {
            const int nid = OBJ_sn2nid(group);
            const char *nist = nid != NID_undef ? EC_curve_nid2nist(nid) : nullptr;
            return QStringLiteral("EC %1").arg(QString::fromLatin1(nist ? nist : group));
        }
        return QStringLiteral("EC");
    }
    if (id == EVP_PKEY_RSA)
        return QStringLiteral("RSA %1").arg(EVP_PKEY_get_bits(key));
    if (id == EVP_PKEY_ED25519)
        return QStringLiteral("Ed25519");
    return QString::fromLatin1(OBJ_nid2sn(id));
}

QString nameLine(X509_NAME *name)
{
    BIO *bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    const QString s = QString::fromUtf8(data, len);
    BIO_free(bio);
    return s;
}

X509 *parseCertificate(const QByteArray &bytes)
{
    const QByteArray text = withoutNul(bytes);
    if (text.contains("-----BEGIN CERTIFICATE-----")) {
        BIO *bio = BIO_new_mem_buf(text.constData(), int(text.size()));
        X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        return cert;
    }
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    X509 *cert = d2i_X509(nullptr, &p, long(bytes.size()));
    // DER must be the whole value, or random bytes that start like a SEQUENCE would pass.
    if (cert && p != reinterpret_cast<const unsigned char *>(bytes.constData()) + bytes.size()) {
        X509_free(cert);
        return nullptr;
    }
    return cert;
}

} // namespace

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

std::optional<QString> privateKeySummary(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return std::nullopt;
    const QString hash = sha256Hex(bytes).left(16) + QStringLiteral("…");
    EVP_PKEY *key = parsePrivateKey(bytes);
    if (key) {
        const QString algorithm = algorithmOf(key);
        EVP_PKEY_free(key);
        return QStringLiteral("[private key: %1, %2 bytes, sha256 %3]")
            .arg(algorithm)
            .arg(bytes.size())
            .arg(hash);
    }
    // Armoured as a key but unreadable (encrypted, damaged): still a secret.
    if (bytes.contains("PRIVATE KEY-----"))
        return QStringLiteral("[private key: unreadable PEM, %1 bytes, sha256 %2]")
            .arg(bytes.size())
            .arg(hash);
    return std::nullopt;
}

QString certificateFingerprint(const QByteArray &bytes)
{
    X509 *cert = parseCertificate(bytes);
    if (!cert)
        return {};
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    X509_digest(cert, EVP_sha256(), md, &len);
    X509_free(cert);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(md), int(len)).toHex());
}

std::optional<QString> certificateSummary(const QByteArray &bytes)
{
    X509 *cert = parseCertificate(bytes);
    if (!cert)
        return std::nullopt;
    const QString subject = nameLine(X509_get_subject_name(cert));
    const QString issuer = nameLine(X509_get_issuer_name(cert));
    struct tm t = {};
    QString until;
    if (ASN1_TIME_to_tm(X509_get0_notAfter(cert), &t) == 1)
        until = QStringLiteral("%1-%2-%3")
                    .arg(t.tm_year + 1900)
                    .arg(t.tm_mon + 1, 2, 10, QLatin1Char('0'))
                    .arg(t.tm_mday, 2, 10, QLatin1Char('0'));
    X509_free(cert);
    return QStringLiteral("certificate %1, issued by %2, valid to %3, sha256 %4")
        .arg(subject, issuer, until, certificateFingerprint(bytes).left(16) + QStringLiteral("…"));
}

bool isSecretName(const QString &name)
{
    static const QRegularExpression re(
        QStringLiteral("(pass|pswd|pwd|secret|pop|psk|priv|private|_key$|^key$|token)"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

} // namespace Forgeline::Image
