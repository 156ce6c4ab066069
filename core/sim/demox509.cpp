// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/demox509.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

namespace Forgeline::Sim::DemoX509 {

namespace {

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

bool addExtensions(X509 *cert, X509 *signer, Kind kind)
{
    switch (kind) {
    case Kind::Ca:
        return addExtension(cert, signer, NID_basic_constraints, "critical,CA:TRUE")
               && addExtension(cert, signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    case Kind::Server:
        return addExtension(cert, signer, NID_basic_constraints, "CA:FALSE")
               && addExtension(cert, signer, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
    case Kind::Client: return true;
    }
    return false;
}

template<typename Writer>
QByteArray toPem(Writer write)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!bio || !write(bio.get()))
        return {};
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(len));
}

} // namespace

PKey newP256Key() { return PKey(EVP_EC_gen("P-256"), EVP_PKEY_free); }

Cert makeCert(const CertSpec &spec, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuerKey)
{
    Cert cert(X509_new(), X509_free);
    if (!cert)
        return cert;
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), spec.serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), spec.validDays * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = spec.commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("Forgeline demo"), -1, -1,
                               0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
    if (!addExtensions(cert.get(), signer, spec.kind)
        || X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        cert.reset();
    return cert;
}

QByteArray pem(X509 *cert)
{
    return toPem([cert](BIO *bio) { return PEM_write_bio_X509(bio, cert) == 1; });
}

QByteArray pem(EVP_PKEY *key)
{
    return toPem([key](BIO *bio) {
        return PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    });
}

QString lastError()
{
    char buf[256] = {};
    ERR_error_string_n(ERR_get_error(), buf, sizeof buf);
    return QString::fromLatin1(buf);
}

} // namespace Forgeline::Sim::DemoX509
