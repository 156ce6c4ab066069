// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/demopool.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace Forgeline::Sim {

namespace {

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;

Error sslError(const QString &what)
{
    char buf[256] = {};
    ERR_error_string_n(ERR_get_error(), buf, sizeof buf);
    return Error::make(QStringLiteral("demo.pool"),
                       QStringLiteral("Could not make the demo certificate pool."),
                       what + QStringLiteral(": ") + QString::fromLatin1(buf));
}

PKey newKey() { return PKey(EVP_EC_gen("P-256"), EVP_PKEY_free); }

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

Cert newCert(EVP_PKEY *key, const QString &commonName, long serial, X509 *issuer,
             EVP_PKEY *issuerKey)
{
    Cert cert(X509_new(), X509_free);
    if (!cert)
        return cert;
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3650L * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("Forgeline demo"), -1, -1,
                               0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);
    // A v3 certificate is a CA only with basicConstraints CA:TRUE (RFC 5280 4.2.1.9): without
    // it OpenSSL ("invalid CA certificate") and mbedTLS refuse every pair the CA signed, so a
    // TLS server could not trust the pool.
    if (!issuer
        && !(
            addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE")
            && addExtension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign")))
        cert.reset();
    if (cert && X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        cert.reset();
    return cert;
}

QByteArray pem(X509 *cert)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_X509(bio.get(), cert);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(len));
}

QByteArray pem(EVP_PKEY *key)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(len));
}

Result<void> writeFile(const QString &path, const QByteArray &bytes, bool secret)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::make(QStringLiteral("demo.pool"),
                           QStringLiteral("Could not write the demo certificate pool."),
                           path + QStringLiteral(": ") + f.errorString());
    if (secret)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(bytes);
    if (!f.commit())
        return Error::make(QStringLiteral("demo.pool"),
                           QStringLiteral("Could not write the demo certificate pool."),
                           path + QStringLiteral(": ") + f.errorString());
    return {};
}

} // namespace

QString defaultDemoPoolDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/demo-pool");
}

Result<QStringList> writeDemoPool(const QString &dirPath, int count, const QString &prefix)
{
    const QDir dir(dirPath);
    if (!QDir().mkpath(dirPath))
        return Error::make(QStringLiteral("demo.pool"),
                           QStringLiteral("Could not make the demo certificate pool."), dirPath);
    PKey caKey = newKey();
    if (!caKey)
        return sslError(QStringLiteral("CA key"));
    Cert ca = newCert(caKey.get(), QStringLiteral("Forgeline demo CA, not for production"), 1,
                      nullptr, nullptr);
    if (!ca)
        return sslError(QStringLiteral("CA certificate"));
    bool wroteCa = false;
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const QString id = prefix + QStringLiteral("%1").arg(i, 4, 10, QLatin1Char('0'));
        ids << id;
        const QString crt = dir.filePath(id + QStringLiteral(".crt"));
        const QString keyPath = dir.filePath(id + QStringLiteral(".key"));
        if (QFile::exists(crt) && QFile::exists(keyPath))
            continue;
        PKey key = newKey();
        if (!key)
            return sslError(QStringLiteral("device key"));
        Cert cert = newCert(key.get(), id, 1000 + i, ca.get(), caKey.get());
        if (!cert)
            return sslError(QStringLiteral("device certificate"));
        if (auto r = writeFile(keyPath, pem(key.get()), true); !r)
            return r.error();
        if (auto r = writeFile(crt, pem(cert.get()), false); !r)
            return r.error();
        wroteCa = true;
    }
    // The CA that signed the newest pairs; older pairs from an earlier run keep theirs.
    if (wroteCa || !QFile::exists(dir.filePath(QStringLiteral("ca.pem"))))
        if (auto r = writeFile(dir.filePath(QStringLiteral("ca.pem")), pem(ca.get()), false); !r)
            return r.error();
    return ids;
}

} // namespace Forgeline::Sim
