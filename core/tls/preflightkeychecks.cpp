// SPDX-License-Identifier: GPL-3.0-or-later
// The key and certificate-parsing checks: what the device's mbedTLS does when it loads the files.
#include "core/tls/preflightchecks.h"

#include <QCoreApplication>

#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/x509.h>

namespace Forgeline::Tls::PreflightChecks {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::PreflightChecks)
};

} // namespace

namespace {

using Status = PreflightCheck::Status;

QString versionText(const TargetProfile &t)
{
    return t.title; // "ESP-IDF v4.0 (mbedTLS 2.16)"
}

bool isEdwardsOrMontgomery(const QString &alg)
{
    return alg == QLatin1String("ED25519") || alg == QLatin1String("ED448")
           || alg == QLatin1String("X25519") || alg == QLatin1String("X448");
}

} // namespace

std::optional<ParsePrediction> predictKeyParse(const KeyDescription &key, const TargetProfile &t)
{
    if (isEdwardsOrMontgomery(key.algorithm) || key.algorithm == QLatin1String("DSA")
        || key.algorithm == QLatin1String("RSA-PSS")) {
        // pk_get_pk_alg(): an OID missing from mbedTLS's public-key table (no EdDSA up to 3.6, docs/dev/tls.md, "Mbed TLS in each ESP-IDF release").
        return ParsePrediction{QStringLiteral("-0x3C80"),
                               Tr::tr("%1 has no %2 keys, so parsing fails with PK_UNKNOWN_PK_ALG")
                                   .arg(versionText(t), key.algorithm)};
    }
    if (key.algorithm == QLatin1String("EC") && !t.ecp)
        return ParsePrediction{
            QStringLiteral("-0x3C80"),
            Tr::tr(
                "this build has no elliptic-curve support (MBEDTLS_ECP_C off), so an EC key is an unknown algorithm")};
    if (key.algorithm == QLatin1String("EC") && key.curve != QLatin1String("explicit parameters")
        && !t.curves.contains(key.curve))
        return ParsePrediction{
            QStringLiteral("-0x3A00"),
            Tr::tr(
                "the curve %1 is not enabled (CONFIG_MBEDTLS_ECP_DP_%2_ENABLED), so parsing fails with PK_UNKNOWN_NAMED_CURVE")
                .arg(key.curve, key.curve.toUpper())};
    return std::nullopt;
}

PreflightCheck keyFormat(const Material &m, const TargetProfile &t)
{
    PreflightCheck c
        = make(QStringLiteral("key-format"), Tr::tr("Private key is in a form mbedTLS reads"));
    const PrivateKeyInfo &k = m.key;
    if (k.encrypted) {
        // mbedtls_pk_parse_key() with no password: both the legacy PEM and the PKCS#8 path end in
        // MBEDTLS_ERR_PK_PASSWORD_REQUIRED (the PEM-layer -0x1300 is mapped to the PK code).
        c.status = Status::Fail;
        c.predictedError = QStringLiteral("-0x3C00");
        c.diagnosisId = QStringLiteral("key-parse-error");
        c.message
            = Tr::tr(
                  "The private key is encrypted (%1 %2). Firmware that loads it without a password "
                  "(esp_tls_cfg_t.clientkey_password unset, the usual case) fails with -0x3C00 PK_PASSWORD_REQUIRED%3.")
                  .arg(k.encoding, k.form,
                       k.pkey ? Tr::tr("; the given password does decrypt it") : QString());
        c.fix = Tr::tr(
            "Write the key unencrypted (openssl pkey -in KEY -out key-plain.pem) and protect the partition "
            "with flash encryption, or set clientkey_password in the firmware (encrypted PKCS#8 with AES "
            "needs PKCS5 support in the device's mbedTLS).");
        return c;
    }
    if (k.encoding == QLatin1String("PEM") && k.form == QLatin1String("SEC1") && !t.ecp) {
        c.status = Status::Fail;
        c.predictedError = QStringLiteral("-0x3D00");
        c.diagnosisId = QStringLiteral("key-parse-error");
        c.message = Tr::tr(
            "An \"EC PRIVATE KEY\" PEM block is not recognised by a build without elliptic curves: "
            "mbedtls_pk_parse_key() returns -0x3D00 PK_KEY_INVALID_FORMAT.");
        c.fix = Tr::tr("Use an RSA key, or enable CONFIG_MBEDTLS_ECP_C and the curve.");
        return c;
    }
    c.message
        = Tr::tr("%1 %2 key, not encrypted: mbedtls_pk_parse_key() reads this form%3.")
              .arg(k.encoding, k.form,
                   k.encoding == QLatin1String("PKCS#12")
                       ? Tr::tr(" once it is written out as PEM (mbedTLS has no PKCS#12 reader)")
                       : QString());
    return c;
}

PreflightCheck keyMatchesCertificate(const Material &m)
{
    PreflightCheck c = make(QStringLiteral("key-matches-certificate"),
                            Tr::tr("Private key belongs to the certificate"));
    if (!m.key.pkey || m.deviceChain.isEmpty()) {
        c.status = Status::Warn;
        c.message = Tr::tr("Not checked: the private key is encrypted and no password was given.");
        c.fix = Tr::tr(
            "Give the key's password with --password-file to compare it with the certificate.");
        return c;
    }
    EVP_PKEY *certKey = X509_get0_pubkey(m.deviceChain.first().x509.get());
    if (certKey && EVP_PKEY_eq(certKey, m.key.pkey.get()) == 1) {
        c.message = Tr::tr("The private key's public half equals the key in %1.")
                        .arg(m.deviceChain.first().subject);
        return c;
    }
    // mbedtls_ssl_conf_own_cert() does not compare them: the device signs CertificateVerify with
    // the wrong key and the server answers with a decrypt_error alert.
    c.status = Status::Fail;
    c.predictedError = QStringLiteral("-0x7780");
    c.diagnosisId = QStringLiteral("client-certificate-rejected");
    c.message
        = Tr::tr(
              "The private key (%1) does not belong to the device certificate %2 (%3). The device sends the "
              "certificate, signs with the other key, and the server rejects the handshake with a fatal alert.")
              .arg(m.key.key.text(), m.deviceChain.first().subject,
                   m.deviceChain.first().key.text());
    c.fix = Tr::tr(
        "Pair each certificate with the key it was issued for (compare openssl x509 -pubkey and openssl pkey -pubout).");
    return c;
}

PreflightCheck keyAlgorithm(const Material &m, const TargetProfile &t)
{
    PreflightCheck c = make(QStringLiteral("key-algorithm"),
                            Tr::tr("Key algorithm, curve and size are supported"));
    // The certificate describes the same key, and is readable even when the key is encrypted.
    const KeyDescription key
        = m.key.pkey ? m.key.key
                     : (m.deviceChain.isEmpty() ? KeyDescription{} : m.deviceChain.first().key);
    if (const auto p = predictKeyParse(key, t)) {
        c.status = Status::Fail;
        c.predictedError = p->code;
        c.diagnosisId = QStringLiteral("unsupported-key-algorithm");
        c.message = Tr::tr("The device key is %1: %2.").arg(key.text(), p->reason);
        c.fix = Tr::tr(
            "Issue the device a key mbedTLS supports: ECDSA P-256 (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256) or RSA-2048.");
        if (p->code == QLatin1String("-0x3A00"))
            c.fix = Tr::tr("Enable CONFIG_MBEDTLS_ECP_DP_%1_ENABLED, or use a P-256 key.")
                        .arg(key.curve.toUpper());
        return c;
    }
    if (key.algorithm == QLatin1String("RSA") && t.hardwareMpi && !t.largeKeySoftwareMpi
        && key.bits >= t.rsaHwLimitBits) {
        // The private operation also runs a full-size exp_mod (blinding, result check), which the
        // accelerator refuses; field reports show MPI_ALLOC_FAILED as the low-level part.
        c.status = Status::Fail;
        c.predictedError = QStringLiteral("-0x4310");
        c.diagnosisId = QStringLiteral("unsupported-key-algorithm");
        c.message
            = Tr::tr(
                  "RSA-%1 is beyond the RSA accelerator with CONFIG_MBEDTLS_HARDWARE_MPI=y and "
                  "CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI=n: signing fails with RSA_PRIVATE_FAILED + MPI_ALLOC_FAILED "
                  "(-0x4310; verifying with such a key shows -0x4290).")
                  .arg(key.bits);
        c.fix = Tr::tr(
            "Set CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI=y, or use RSA-2048/3072 or an ECDSA P-256 key.");
        return c;
    }
    if (key.algorithm == QLatin1String("RSA") && key.bits < 2048) {
        c.status = Status::Warn;
        c.message
            = Tr::tr("RSA-%1 parses, but servers increasingly reject RSA keys under 2048 bits.")
                  .arg(key.bits);
        c.fix = Tr::tr("Use RSA-2048 or ECDSA P-256.");
        return c;
    }
    if (key.algorithm == QLatin1String("EC") && !t.x509ProfileCurves.isEmpty()
        && !t.x509ProfileCurves.contains(key.curve)) {
        c.status = Status::Warn;
        c.predictedError = QStringLiteral("-0x7780");
        c.diagnosisId = QStringLiteral("client-certificate-rejected");
        c.message
            = Tr::tr(
                  "The curve %1 is compiled in, but mbedTLS %2 leaves it out of its default TLS groups and X.509 "
                  "profile; a server that applies a similar policy rejects this certificate with a fatal alert (inference).")
                  .arg(key.curve, t.mbedtls);
        c.fix = Tr::tr("Prefer secp256r1 (P-256) or secp384r1 for device keys.");
        return c;
    }
    c.message = Tr::tr("%1 is supported by %2.").arg(key.text(), versionText(t));
    return c;
}

PreflightCheck certificateParse(const Material &m, const TargetProfile &t)
{
    PreflightCheck c
        = make(QStringLiteral("certificate-parse"), Tr::tr("Certificates parse on the device"));
    // mbedtls_x509_crt_parse_der() reads the signature algorithm before the public key, so an
    // EdDSA signature is reported before an unsupported key in the same certificate.
    for (const CertificateInfo &cert : m.deviceChain) {
        if (cert.signatureNid == NID_ED25519 || cert.signatureNid == NID_ED448
            || ((cert.signatureNid == NID_ecdsa_with_SHA256
                 || cert.signatureNid == NID_ecdsa_with_SHA384
                 || cert.signatureNid == NID_ecdsa_with_SHA512
                 || cert.signatureNid == NID_ecdsa_with_SHA1)
                && !t.ecp)) {
            c.status = Status::Fail;
            c.predictedError = QStringLiteral("-0x262E");
            c.diagnosisId = QStringLiteral("unsupported-key-algorithm");
            c.message
                = Tr::tr(
                      "%1 is signed with %2, which %3 does not know: mbedtls_x509_crt_parse() fails with "
                      "X509_UNKNOWN_SIG_ALG + OID_NOT_FOUND (-0x262E).")
                      .arg(cert.subject, cert.signatureAlgorithm, versionText(t));
            c.fix = Tr::tr("Have the certificate issued by an RSA or ECDSA CA.");
            return c;
        }
        if (const auto p = predictKeyParse(cert.key, t)) {
            c.status = Status::Fail;
            c.predictedError = p->code;
            c.diagnosisId = QStringLiteral("unsupported-key-algorithm");
            c.message
                = Tr::tr(
                      "%1 holds a %2 public key: %3; mbedtls_x509_crt_parse() returns that code.")
                      .arg(cert.subject, cert.key.text(), p->reason);
            c.fix = Tr::tr("Issue the certificate for an ECDSA P-256 or RSA-2048 key.");
            return c;
        }
    }
    if (m.deviceChain.size() == 1)
        c.message = Tr::tr("The device certificate uses algorithms %1 parses.").arg(versionText(t));
    else
        c.message = Tr::tr("All %1 certificates use algorithms %2 parses.")
                        .arg(m.deviceChain.size())
                        .arg(versionText(t));
    return c;
}

} // namespace Forgeline::Tls::PreflightChecks
