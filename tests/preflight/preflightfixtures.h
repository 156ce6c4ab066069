// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Certificates and keys made at test time with the OpenSSL API: nothing secret is committed.
// A small PKI helper: keys of any type, certificates with chosen dates, EKU and padding, and
// the file forms a technician meets (PEM, DER, encrypted PEM, encrypted PKCS#8, PKCS#12).

#include "core/tls/preflightengine.h"

#include <QByteArray>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>
#include <QTemporaryDir>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace PreflightFixtures {

using KeyPtr = std::shared_ptr<EVP_PKEY>;
using CertPtr = std::shared_ptr<X509>;

// "ec:P-256", "ec:secp256k1", "ed25519", "rsa:2048"
inline KeyPtr makeKey(const QString &spec)
{
    EVP_PKEY *k = nullptr;
    if (spec.startsWith(QLatin1String("ec:")))
        k = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", spec.mid(3).toLatin1().constData());
    else if (spec == QLatin1String("ed25519"))
        k = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    else if (spec.startsWith(QLatin1String("rsa:")))
        k = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(spec.mid(4).toInt()));
    return KeyPtr(k, EVP_PKEY_free);
}

struct CertOptions
{
    bool ca = false;
    QString eku = QStringLiteral("clientAuth"); // empty = no EKU extension
    long notBeforeDays = -1;
    long notAfterDays = 365;
    int paddingBytes = 0; // an nsComment of this size, to grow the certificate
};

inline void addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (ext) {
        X509_add_ext(cert, ext, -1);
        X509_EXTENSION_free(ext);
    }
}

// Self-signed when issuer is null.
inline CertPtr makeCert(const QString &cn, const KeyPtr &key, const CertPtr &issuer,
                        const KeyPtr &issuerKey, const CertOptions &o = {})
{
    static long serial = 1000;
    X509 *x = X509_new();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), ++serial);
    X509_NAME *name = X509_NAME_new();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.toUtf8().constData()), -1,
                               -1, 0);
    X509_set_subject_name(x, name);
    X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer.get()) : name);
    X509_NAME_free(name);
    X509_gmtime_adj(X509_getm_notBefore(x), o.notBeforeDays * 86400L);
    X509_gmtime_adj(X509_getm_notAfter(x), o.notAfterDays * 86400L);
    X509_set_pubkey(x, key.get());
    X509 *iss = issuer ? issuer.get() : x;
    addExtension(x, iss, NID_basic_constraints, o.ca ? "critical,CA:TRUE" : "CA:FALSE");
    addExtension(x, iss, NID_key_usage,
                 o.ca ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature");
    if (!o.ca && !o.eku.isEmpty())
        addExtension(x, iss, NID_ext_key_usage, o.eku.toLatin1());
    addExtension(x, iss, NID_subject_key_identifier, "hash");
    if (o.paddingBytes > 0)
        addExtension(x, iss, NID_netscape_comment, QByteArray(o.paddingBytes, 'p'));
    EVP_PKEY *signer = issuer ? issuerKey.get() : key.get();
    const int signerId = EVP_PKEY_get_base_id(signer);
    const bool pure = signerId == EVP_PKEY_ED25519 || signerId == EVP_PKEY_ED448;
    X509_sign(x, signer, pure ? nullptr : EVP_sha256());
    return CertPtr(x, X509_free);
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

inline QByteArray bioBytes(BIO *bio)
{
    char *p = nullptr;
    const long n = BIO_get_mem_data(bio, &p);
    QByteArray out(p, int(n));
    BIO_free(bio);
    return out;
}

inline QByteArray certPem(const CertPtr &c)
{
    BIO *b = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(b, c.get());
    return bioBytes(b);
}

inline QByteArray certDer(const CertPtr &c)
{
    BIO *b = BIO_new(BIO_s_mem());
    i2d_X509_bio(b, c.get());
    return bioBytes(b);
}

enum class KeyForm { Pkcs8Pem, TraditionalPem, Der, EncryptedPkcs8Pem, EncryptedTraditionalPem };

// The password-protected forms, each with the row name data-driven tests give it.
inline QList<QPair<const char *, KeyForm>> encryptedKeyForms()
{
    return {{"encrypted PKCS#8", KeyForm::EncryptedPkcs8Pem},
            {"encrypted traditional PEM", KeyForm::EncryptedTraditionalPem}};
}

inline QByteArray keyBytes(const KeyPtr &k, KeyForm form, const QByteArray &password = {})
{
    BIO *b = BIO_new(BIO_s_mem());
    switch (form) {
    case KeyForm::Pkcs8Pem:
        PEM_write_bio_PrivateKey(b, k.get(), nullptr, nullptr, 0, nullptr, nullptr);
        break;
    case KeyForm::TraditionalPem:
        PEM_write_bio_PrivateKey_traditional(b, k.get(), nullptr, nullptr, 0, nullptr, nullptr);
        break;
    case KeyForm::Der: i2d_PrivateKey_bio(b, k.get()); break;
    case KeyForm::EncryptedPkcs8Pem:
        PEM_write_bio_PKCS8PrivateKey(b, k.get(), EVP_aes_256_cbc(), password.constData(),
                                      int(password.size()), nullptr, nullptr);
        break;
    case KeyForm::EncryptedTraditionalPem:
        PEM_write_bio_PrivateKey_traditional(
            b, k.get(), EVP_aes_128_cbc(),
            reinterpret_cast<const unsigned char *>(password.constData()), int(password.size()),
            nullptr, nullptr);
        break;
    }
    return bioBytes(b);
}

inline QByteArray pkcs12(const KeyPtr &k, const CertPtr &c, const QList<CertPtr> &extra,
                         const QByteArray &password)
{
    STACK_OF(X509) *ca = sk_X509_new_null();
    for (const CertPtr &e : extra)
        sk_X509_push(ca, e.get());
    PKCS12 *p12
        = PKCS12_create(password.constData(), "device", k.get(), c.get(), ca, 0, 0, 0, 0, 0);
    sk_X509_free(ca);
    BIO *b = BIO_new(BIO_s_mem());
    i2d_PKCS12_bio(b, p12);
    PKCS12_free(p12);
    return bioBytes(b);
}

// A CA with one device certificate under it, written to `dir` as ca.pem, <name>.pem, <name>.key.
struct Pki
{
    QString dir;
    KeyPtr caKey = makeKey(QStringLiteral("ec:P-256"));
    CertPtr ca = makeCert(QStringLiteral("Preflight Test Root"), caKey, nullptr, nullptr,
                          CertOptions{true, {}, -1, 3650, 0});

    QString path(const QString &name) const { return QDir(dir).filePath(name); }
    QString writeCa() const
    {
        writeFile(path(QStringLiteral("ca.pem")), certPem(ca));
        return path(QStringLiteral("ca.pem"));
    }
};

// A temporary folder for the generated files; renew() gives each test function an empty one.
class ScratchDir
{
public:
    bool renew()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        return m_dir->isValid();
    }
    bool isValid() const { return m_dir->isValid(); }
    QString filePath(const QString &name) const { return m_dir->filePath(name); }
    // Returns the path, to hand straight to the code under test.
    QString write(const QString &name, const QByteArray &data) const
    {
        const QString p = filePath(name);
        writeFile(p, data);
        return p;
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir = std::make_unique<QTemporaryDir>();
};

// A leaf under one intermediate, both padded: about 4.5 KiB of DER in the Certificate message,
// more than the 4096-byte TX buffer of IDF 4.0, while the PEM still fits an 8 KiB partition.
struct IssuedChain
{
    KeyPtr intermediateKey;
    CertPtr intermediate;
    KeyPtr key;
    CertPtr leaf;
};

inline IssuedChain makeOversizedChain(const Pki &pki)
{
    IssuedChain c;
    c.intermediateKey = makeKey(QStringLiteral("ec:P-256"));
    c.intermediate = makeCert(QStringLiteral("Intermediate"), c.intermediateKey, pki.ca, pki.caKey,
                              CertOptions{true, {}, -1, 3000, 2500});
    c.key = makeKey(QStringLiteral("ec:P-256"));
    c.leaf = makeCert(QStringLiteral("device-big"), c.key, c.intermediate, c.intermediateKey,
                      CertOptions{false, QStringLiteral("clientAuth"), -1, 365, 1200});
    return c;
}

// The engine's report; an empty one, after a warning with the reason, when it refused the inputs.
inline Forgeline::Tls::PreflightReport runPreflight(const Forgeline::Tls::PreflightInputs &in,
                                                    bool *ok = nullptr)
{
    const auto r = Forgeline::Tls::PreflightEngine::run(in);
    if (!r)
        qWarning() << r.error().message << r.error().detail;
    if (ok)
        *ok = r.ok();
    return r.ok() ? r.value() : Forgeline::Tls::PreflightReport{};
}

// By value, and an empty check when the report has none with this id: callers often pass a
// temporary report.
inline Forgeline::Tls::PreflightCheck check(const Forgeline::Tls::PreflightReport &r,
                                            const char *id)
{
    const Forgeline::Tls::PreflightCheck *c = r.find(QString::fromLatin1(id));
    return c ? *c : Forgeline::Tls::PreflightCheck{};
}

} // namespace PreflightFixtures
