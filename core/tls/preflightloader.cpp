// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/preflightloader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstring>
#include <ctime>

namespace Forgeline::Tls {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::PreflightLoader)
};

} // namespace

namespace {

// Certificates and keys are a few KiB; anything much larger is the wrong file.
constexpr qint64 kMaxInputBytes = 1024 * 1024;

struct BioDeleter
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

BioPtr memoryBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), int(data.size())));
}

// Drains OpenSSL's thread-local error queue into one line for Error::detail.
QString opensslErrors()
{
    QStringList parts;
    unsigned long e = 0;
    while ((e = ERR_get_error()) != 0) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        parts << QString::fromLatin1(buf);
    }
    return parts.join(QStringLiteral("; "));
}

QString nameText(const X509_NAME *name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *p = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &p);
    return QString::fromUtf8(p, int(n));
}

QDateTime asn1Time(const ASN1_TIME *t)
{
    struct tm tm;
    std::memset(&tm, 0, sizeof tm);
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), QTimeZone::utc());
}

struct PasswordContext
{
    const QByteArray *password = nullptr;
    bool asked = false;
};

int passwordCallback(char *buf, int size, int /*rwflag*/, void *userdata)
{
    auto *ctx = static_cast<PasswordContext *>(userdata);
    ctx->asked = true;
    if (!ctx->password || ctx->password->isEmpty() || ctx->password->size() > size)
        return -1;
    std::memcpy(buf, ctx->password->constData(), size_t(ctx->password->size()));
    return int(ctx->password->size());
}

bool looksLikePem(const QByteArray &data) { return data.contains("-----BEGIN "); }

QString firstPemLabel(const QByteArray &data)
{
    static const QRegularExpression re(QStringLiteral("-----BEGIN ([A-Z0-9 ]{1,40})-----"));
    const auto m = re.match(QString::fromLatin1(data.left(64 * 1024)));
    return m.hasMatch() ? m.captured(1) : QString();
}

// The first private-key block of a PEM file, whatever precedes it: `openssl ecparam -genkey`
// writes "EC PARAMETERS" first, and combined files put the certificate first. mbedTLS finds
// the key block the same way (it searches for the key's BEGIN line).
struct PemBlock
{
    QString label;
    QByteArray text;
};

PemBlock privateKeyBlock(const QByteArray &data)
{
    static const QRegularExpression re(
        QStringLiteral("-----BEGIN ([A-Z0-9 ]{0,40}PRIVATE KEY)-----"));
    const QString text = QString::fromLatin1(data);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return {};
    const QByteArray end = "-----END " + m.captured(1).toLatin1() + "-----";
    const qsizetype stop = data.indexOf(end, m.capturedStart());
    if (stop < 0)
        return {m.captured(1), data.mid(m.capturedStart())};
    return {m.captured(1),
            data.mid(m.capturedStart(), stop + end.size() - m.capturedStart()) + '\n'};
}

Error keyError(const QString &message, const QString &detail = {}, const QString &fix = {})
{
    return Error::make(QStringLiteral("preflight.key"), message, detail, fix);
}

} // namespace

QString KeyDescription::text() const
{
    if (algorithm == QLatin1String("EC"))
        return curve.isEmpty() ? QStringLiteral("EC") : Tr::tr("EC %1").arg(curve);
    if (algorithm.startsWith(QLatin1String("RSA")))
        return QStringLiteral("%1 %2").arg(algorithm).arg(bits);
    return algorithm;
}

namespace PreflightLoader {

KeyDescription describeKey(EVP_PKEY *pkey)
{
    KeyDescription d;
    if (!pkey)
        return d;
    d.bits = EVP_PKEY_get_bits(pkey);
    switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA: d.algorithm = QStringLiteral("RSA"); break;
    case EVP_PKEY_RSA_PSS: d.algorithm = QStringLiteral("RSA-PSS"); break;
    case EVP_PKEY_EC: d.algorithm = QStringLiteral("EC"); break;
    case EVP_PKEY_ED25519: d.algorithm = QStringLiteral("ED25519"); break;
    case EVP_PKEY_ED448: d.algorithm = QStringLiteral("ED448"); break;
    case EVP_PKEY_X25519: d.algorithm = QStringLiteral("X25519"); break;
    case EVP_PKEY_X448: d.algorithm = QStringLiteral("X448"); break;
    case EVP_PKEY_DSA: d.algorithm = QStringLiteral("DSA"); break;
    default: {
        const char *name = EVP_PKEY_get0_type_name(pkey);
        d.algorithm = name ? QString::fromLatin1(name).toUpper() : QStringLiteral("unknown");
    }
    }
    if (d.algorithm == QLatin1String("EC")) {
        char group[80] = {};
        size_t len = 0;
        if (EVP_PKEY_get_group_name(pkey, group, sizeof group, &len) == 1) {
            d.curve = QString::fromLatin1(group, int(len));
            // OpenSSL uses the X9.62 names for two of the NIST curves; mbedTLS uses SEC names.
            if (d.curve == QLatin1String("prime256v1"))
                d.curve = QStringLiteral("secp256r1");
            else if (d.curve == QLatin1String("prime192v1"))
                d.curve = QStringLiteral("secp192r1");
        } else {
            d.curve = Tr::tr("explicit parameters");
        }
    }
    return d;
}

CertificateInfo describeCertificate(X509 *cert)
{
    CertificateInfo c;
    X509_up_ref(cert);
    c.x509 = std::shared_ptr<X509>(cert, X509_free);
    unsigned char *der = nullptr;
    const int derLen = i2d_X509(cert, &der);
    if (derLen > 0) {
        c.der = QByteArray(reinterpret_cast<const char *>(der), derLen);
        OPENSSL_free(der);
    }
    c.subject = nameText(X509_get_subject_name(cert));
    c.issuer = nameText(X509_get_issuer_name(cert));
    c.notBefore = asn1Time(X509_get0_notBefore(cert));
    c.notAfter = asn1Time(X509_get0_notAfter(cert));
    c.key = describeKey(X509_get0_pubkey(cert));
    c.signatureNid = X509_get_signature_nid(cert);
    const char *ln = OBJ_nid2ln(c.signatureNid);
    c.signatureAlgorithm = ln ? QString::fromLatin1(ln) : QStringLiteral("unknown");
    c.isCa = X509_check_ca(cert) > 0;
    c.selfIssued = X509_check_issued(cert, cert) == X509_V_OK;
    const uint32_t flags = X509_get_extension_flags(cert);
    c.hasExtendedKeyUsage = flags & EXFLAG_XKUSAGE;
    if (c.hasExtendedKeyUsage)
        c.ekuAllowsClientAuth = X509_get_extended_key_usage(cert) & (XKU_SSL_CLIENT | XKU_ANYEKU);
    c.hasKeyUsage = flags & EXFLAG_KUSAGE;
    if (c.hasKeyUsage)
        c.keyUsageAllowsSigning = X509_get_key_usage(cert) & KU_DIGITAL_SIGNATURE;
    ERR_clear_error();
    return c;
}

Result<QByteArray> readInputFile(const QString &path, const QString &what)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::make(QStringLiteral("preflight.notfound"),
                           Tr::tr("The %1 file %2 does not exist.").arg(what, path));
    if (!info.isFile())
        return Error::make(QStringLiteral("preflight.notfile"),
                           Tr::tr("The %1 path %2 is not a file.").arg(what, path));
    if (info.size() > kMaxInputBytes)
        return Error::make(
            QStringLiteral("preflight.toolarge"),
            Tr::tr("The %1 file %2 is %3 bytes: too large to be a certificate or key.")
                .arg(what, path)
                .arg(info.size()));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("preflight.open"),
                           Tr::tr("Cannot read the %1 file %2.").arg(what, path),
                           file.errorString());
    QByteArray data = file.readAll();
    if (data.trimmed().isEmpty())
        return Error::make(QStringLiteral("preflight.empty"),
                           Tr::tr("The %1 file %2 is empty.").arg(what, path), {},
                           Tr::tr("Export the %1 again; the file has no content.").arg(what));
    return data;
}

Result<QList<CertificateInfo>> parseCertificates(const QByteArray &data, const QString &what)
{
    ERR_clear_error();
    if (data.trimmed().isEmpty())
        return Error::make(QStringLiteral("preflight.empty"), Tr::tr("The %1 is empty.").arg(what));
    QList<CertificateInfo> out;
    if (looksLikePem(data)) {
        BioPtr bio = memoryBio(data);
        while (X509 *x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
            out << describeCertificate(x);
            X509_free(x);
        }
        const QString detail = opensslErrors(); // the end-of-input "no start line" is expected
        if (out.isEmpty()) {
            const QString label = firstPemLabel(data);
            if (label.contains(QLatin1String("PRIVATE KEY")))
                return Error::make(
                    QStringLiteral("preflight.cert"),
                    Tr::tr("The %1 holds a private key (%2), not a certificate.").arg(what, label),
                    detail,
                    QStringLiteral("Choose the certificate file (-----BEGIN CERTIFICATE-----)."));
            return Error::make(
                QStringLiteral("preflight.cert"),
                Tr::tr("The %1 contains no readable certificate.").arg(what), detail,
                QStringLiteral(
                    "Provide a PEM (-----BEGIN CERTIFICATE-----) or DER X.509 certificate."));
        }
        return out;
    }
    const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
    const auto *end = p + data.size();
    while (p < end) {
        // Some exporters pad DER files with NULs or a newline; mbedTLS ignores bytes after the
        // certificate's SEQUENCE as well.
        if (!out.isEmpty() && std::all_of(p, end, [](unsigned char b) {
                return b == 0 || b == '\n' || b == '\r' || b == ' ';
            }))
            break;
        const unsigned char *start = p;
        X509 *x = d2i_X509(nullptr, &p, long(end - p));
        if (!x) {
            const QString detail = opensslErrors();
            if (out.isEmpty() || start == reinterpret_cast<const unsigned char *>(data.constData()))
                return Error::make(
                    QStringLiteral("preflight.cert"),
                    Tr::tr("The %1 is neither a PEM nor a DER certificate.").arg(what), detail,
                    QStringLiteral(
                        "Provide a PEM (-----BEGIN CERTIFICATE-----) or DER X.509 certificate."));
            return Error::make(QStringLiteral("preflight.cert"),
                               Tr::tr("The %1 has unreadable data after certificate %2.")
                                   .arg(what)
                                   .arg(out.size()),
                               detail);
        }
        out << describeCertificate(x);
        X509_free(x);
    }
    return out;
}

Result<PrivateKeyInfo> parsePrivateKey(const QByteArray &data, const QByteArray &password)
{
    ERR_clear_error();
    if (data.trimmed().isEmpty())
        return keyError(Tr::tr("The private key is empty."));
    PrivateKeyInfo info;
    PasswordContext ctx{&password, false};
    EVP_PKEY *pkey = nullptr;

    if (looksLikePem(data)) {
        info.encoding = QStringLiteral("PEM");
        PemBlock block = privateKeyBlock(data);
        const QString label = block.label.isEmpty() ? firstPemLabel(data) : block.label;
        if (label == QLatin1String("RSA PRIVATE KEY"))
            info.form = QStringLiteral("PKCS#1");
        else if (label == QLatin1String("EC PRIVATE KEY"))
            info.form = QStringLiteral("SEC1");
        else if (label == QLatin1String("PRIVATE KEY"))
            info.form = QStringLiteral("PKCS#8");
        else if (label == QLatin1String("ENCRYPTED PRIVATE KEY"))
            info.form = Tr::tr("encrypted PKCS#8");
        else if (label == QLatin1String("OPENSSH PRIVATE KEY"))
            return keyError(
                Tr::tr(
                    "The private key is in OpenSSH format, which neither mbedTLS nor this check reads."),
                {},
                Tr::tr(
                    "Convert it: ssh-keygen -p -m PEM -f KEYFILE, or export the key as PKCS#8 PEM."));
        else if (label.contains(QLatin1String("CERTIFICATE")))
            return keyError(
                Tr::tr("The key file holds a certificate, not a private key."), {},
                QStringLiteral("Choose the private key file (-----BEGIN PRIVATE KEY-----)."));
        else
            return keyError(Tr::tr("The key file contains no private key (found \"%1\").")
                                .arg(label.isEmpty() ? Tr::tr("no PEM block") : label));
        if (block.text.contains("Proc-Type: 4,ENCRYPTED"))
            info.form = Tr::tr("encrypted PEM (Proc-Type)");
        info.encrypted = info.form.startsWith(QLatin1String("encrypted"));
        BioPtr bio = memoryBio(block.text);
        pkey = PEM_read_bio_PrivateKey(bio.get(), nullptr, passwordCallback, &ctx);
        OPENSSL_cleanse(block.text.data(), size_t(block.text.size()));
    } else {
        info.encoding = QStringLiteral("DER");
        const auto *begin = reinterpret_cast<const unsigned char *>(data.constData());
        const auto *p = begin;
        if (X509_SIG *sig = d2i_X509_SIG(nullptr, &p, long(data.size()));
            sig && p == begin + data.size()) {
            X509_SIG_free(sig);
            info.form = Tr::tr("encrypted PKCS#8");
            info.encrypted = true;
            BioPtr bio = memoryBio(data);
            pkey = d2i_PKCS8PrivateKey_bio(bio.get(), nullptr, passwordCallback, &ctx);
        } else {
            if (sig)
                X509_SIG_free(sig);
            p = begin;
            if (PKCS8_PRIV_KEY_INFO *p8 = d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, long(data.size()));
                p8 && p == begin + data.size()) {
                info.form = QStringLiteral("PKCS#8");
                pkey = EVP_PKCS82PKEY(p8);
                PKCS8_PRIV_KEY_INFO_free(p8);
            } else {
                if (p8)
                    PKCS8_PRIV_KEY_INFO_free(p8);
                p = begin;
                pkey = d2i_AutoPrivateKey(nullptr, &p, long(data.size()));
                if (pkey && p != begin + data.size()) {
                    EVP_PKEY_free(pkey);
                    pkey = nullptr;
                }
                if (pkey)
                    info.form = EVP_PKEY_get_base_id(pkey) == EVP_PKEY_EC
                                    ? QStringLiteral("SEC1")
                                    : QStringLiteral("PKCS#1");
            }
        }
    }

    const QString detail = opensslErrors();
    if (!pkey) {
        if (info.encrypted && password.isEmpty()) {
            info.key.algorithm = Tr::tr("unknown (encrypted)");
            return info; // the checks report what the device does with an encrypted key
        }
        if (info.encrypted)
            return Error::make(QStringLiteral("preflight.key-password"),
                               Tr::tr("The password does not decrypt the private key."), detail,
                               Tr::tr("Check the password file (only its first line is used)."));
        if (info.encoding == QLatin1String("DER"))
            return keyError(
                Tr::tr("The key file is neither a PEM nor a DER private key."), detail,
                QStringLiteral(
                    "Provide the key as PEM (-----BEGIN PRIVATE KEY-----) or DER (PKCS#1, SEC1 or PKCS#8)."));
        return keyError(
            Tr::tr("The %1 private key cannot be read; the file is damaged.").arg(info.form),
            detail);
    }
    info.pkey = std::shared_ptr<EVP_PKEY>(pkey, EVP_PKEY_free);
    info.key = describeKey(pkey);
    return info;
}

Result<Pkcs12Contents> parsePkcs12(const QByteArray &data, const QByteArray &password)
{
    ERR_clear_error();
    if (data.isEmpty())
        return Error::make(QStringLiteral("preflight.p12"), Tr::tr("The PKCS#12 file is empty."));
    const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
    PKCS12 *p12 = d2i_PKCS12(nullptr, &p, long(data.size()));
    if (!p12)
        return Error::make(
            QStringLiteral("preflight.p12"),
            Tr::tr("The file is not a PKCS#12 (.p12/.pfx) archive."), opensslErrors(),
            Tr::tr(
                "Export the certificate and key again as PKCS#12, or give them as PEM with --cert and --key."));
    std::unique_ptr<PKCS12, decltype(&PKCS12_free)> guard(p12, PKCS12_free);

    // An archive exported "without password" may use no password or the empty one.
    const QByteArray pass = password;
    const char *passArg = pass.isEmpty() ? nullptr : pass.constData();
    if (PKCS12_mac_present(p12)) {
        const bool ok
            = pass.isEmpty()
                  ? (PKCS12_verify_mac(p12, nullptr, 0) == 1 || PKCS12_verify_mac(p12, "", 0) == 1)
                  : PKCS12_verify_mac(p12, pass.constData(), int(pass.size())) == 1;
        if (!ok)
            return Error::make(
                QStringLiteral("preflight.p12-password"),
                pass.isEmpty()
                    ? Tr::tr("The PKCS#12 archive is protected by a password; none was given.")
                    : Tr::tr("Wrong password for the PKCS#12 archive."),
                opensslErrors(),
                Tr::tr("Give the right password with --password-file (first line of the file)."));
        if (pass.isEmpty() && PKCS12_verify_mac(p12, nullptr, 0) != 1)
            passArg = "";
    }
    EVP_PKEY *pkey = nullptr;
    X509 *cert = nullptr;
    STACK_OF(X509) *ca = nullptr;
    if (PKCS12_parse(p12, passArg, &pkey, &cert, &ca) != 1)
        return Error::make(
            QStringLiteral("preflight.p12"), Tr::tr("The PKCS#12 archive cannot be opened."),
            opensslErrors(),
            Tr::tr(
                "Archives using RC2/3DES need OpenSSL's legacy provider; export again with AES (openssl pkcs12 -export)."));
    Pkcs12Contents out;
    if (cert) {
        out.certificates << describeCertificate(cert);
        X509_free(cert);
    }
    for (int i = 0; ca && i < sk_X509_num(ca); ++i)
        out.certificates << describeCertificate(sk_X509_value(ca, i));
    sk_X509_pop_free(ca, X509_free);
    if (pkey) {
        out.key.pkey = std::shared_ptr<EVP_PKEY>(pkey, EVP_PKEY_free);
        out.key.encoding = QStringLiteral("PKCS#12");
        out.key.form = QStringLiteral("PKCS#8");
        out.key.key = describeKey(pkey);
    }
    ERR_clear_error();
    if (out.certificates.isEmpty() || !out.key.pkey)
        return Error::make(
            QStringLiteral("preflight.p12"),
            Tr::tr("The PKCS#12 archive lacks %1.")
                .arg(out.key.pkey ? QStringLiteral("a certificate") : Tr::tr("a private key")));
    return out;
}

} // namespace PreflightLoader

} // namespace Forgeline::Tls
