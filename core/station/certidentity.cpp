// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/boardrun.h"

#include <QCoreApplication>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace Forgeline::Station {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Station::CertIdentity)
};

} // namespace

Result<std::pair<QString, QString>> certificateIdentity(const QByteArray &certificate)
{
    X509 *cert = nullptr;
    if (certificate.contains("-----BEGIN")) {
        BIO *bio = BIO_new_mem_buf(certificate.constData(), int(certificate.size()));
        cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
    } else {
        const auto *p = reinterpret_cast<const unsigned char *>(certificate.constData());
        cert = d2i_X509(nullptr, &p, long(certificate.size()));
    }
    if (!cert)
        return Error::make(
            QStringLiteral("pool.certificate"), Tr::tr("The pool's certificate cannot be read."),
            Tr::tr("neither PEM nor DER X.509"), Tr::tr("Replace the pair in the pool."));
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    X509_digest(cert, EVP_sha256(), md, &len);
    const QString fingerprint
        = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(md), int(len)).toHex(':'));
    QString serial;
    if (BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get_serialNumber(cert), nullptr)) {
        if (char *hex = BN_bn2hex(bn)) {
            serial = QString::fromLatin1(hex).toLower();
            OPENSSL_free(hex);
        }
        BN_free(bn);
    }
    X509_free(cert);
    return std::pair{fingerprint, serial};
}

} // namespace Forgeline::Station
