// SPDX-License-Identifier: GPL-3.0-or-later
// Chain, time and size checks: what the server and the device's buffers make of the files.
#include "core/tls/preflightchecks.h"

#include <QCoreApplication>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <memory>

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

QString dateText(const QDateTime &d)
{
    return d.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

// Kconfig values people pick are multiples of 512; round the minimum up to one.
int suggestedBufferSize(qint64 needed) { return int(((needed + 511) / 512) * 512); }

} // namespace

qint64 certificateMessageBytes(const QList<CertificateInfo> &chain)
{
    qint64 total = 4 + 3;
    for (const CertificateInfo &c : chain)
        total += 3 + c.der.size();
    return total;
}

QByteArray pemChain(const QList<CertificateInfo> &chain)
{
    QByteArray out;
    for (const CertificateInfo &c : chain) {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
        PEM_write_bio_X509(bio.get(), c.x509.get());
        char *p = nullptr;
        const long n = BIO_get_mem_data(bio.get(), &p);
        out.append(p, qsizetype(n));
    }
    return out;
}

PreflightCheck chain(const Material &m)
{
    PreflightCheck c = make(QStringLiteral("chain"), Tr::tr("Certificate chain leads to the CA"));
    if (m.cas.isEmpty()) {
        c.status = Status::Warn;
        c.message = Tr::tr(
            "Not checked: no CA was given, so it is unknown whether the server will trust this certificate.");
        c.fix = Tr::tr(
            "Give the CA that issued the device certificate (the one the server trusts) with --ca.");
        return c;
    }
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(),
                                                                  X509_STORE_free);
    for (const CertificateInfo &ca : m.cas)
        X509_STORE_add_cert(store.get(), ca.x509.get());
    std::unique_ptr<STACK_OF(X509), void (*)(STACK_OF(X509) *)> untrusted(
        sk_X509_new_null(), [](STACK_OF(X509) * s) { sk_X509_free(s); });
    for (qsizetype i = 1; i < m.deviceChain.size(); ++i)
        sk_X509_push(untrusted.get(), m.deviceChain[i].x509.get());
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> ctx(X509_STORE_CTX_new(),
                                                                        X509_STORE_CTX_free);
    X509_STORE_CTX_init(ctx.get(), store.get(), m.deviceChain.first().x509.get(), untrusted.get());
    // Dates have their own check; a CA the server trusts may itself be an intermediate.
    X509_STORE_CTX_set_flags(ctx.get(), X509_V_FLAG_NO_CHECK_TIME | X509_V_FLAG_PARTIAL_CHAIN);
    const bool ok = X509_verify_cert(ctx.get()) == 1;
    const int err = X509_STORE_CTX_get_error(ctx.get());
    const int depth = X509_STORE_CTX_get_error_depth(ctx.get());
    X509 *failing = X509_STORE_CTX_get_current_cert(ctx.get());
    const CertificateInfo failingInfo
        = failing ? PreflightLoader::describeCertificate(failing) : CertificateInfo{};
    ERR_clear_error();
    if (ok) {
        const int length = sk_X509_num(X509_STORE_CTX_get0_chain(ctx.get()));
        c.message = Tr::tr("%1 verifies to the given CA (%2 certificate(s) in the path).")
                        .arg(m.deviceChain.first().subject)
                        .arg(length);
        return c;
    }
    c.status = Status::Fail;
    c.predictedError = QStringLiteral(
        "-0x7780"); // the server sends a fatal alert (unknown_ca for a missing issuer)
    c.diagnosisId = QStringLiteral("client-certificate-rejected");
    const QString reason = QString::fromLatin1(X509_verify_cert_error_string(err));
    if (err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY
        || err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT) {
        c.message
            = Tr::tr(
                  "The chain stops at %1: no certificate for its issuer %2 is in the chain or the CA file. "
                  "The server cannot build a path and rejects the device (alert unknown_ca).")
                  .arg(failingInfo.subject, failingInfo.issuer);
        c.fix
            = Tr::tr(
                  "If %1 is an intermediate CA, add its certificate to the chain file (--chain) so the device "
                  "sends it; if the server trusts a different CA, check that the device certificate was issued by it.")
                  .arg(failingInfo.issuer);
    } else if (err == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
               || err == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN) {
        c.message
            = Tr::tr(
                  "The chain ends in the self-signed %1, which is not the given CA: the server rejects the "
                  "device with a fatal alert (unknown_ca).")
                  .arg(failingInfo.subject);
        c.fix = Tr::tr(
            "Have the device certificate issued by the CA the server trusts, or register this CA with the server.");
    } else {
        c.message = Tr::tr("Chain verification fails at depth %1 (%2): %3.")
                        .arg(depth)
                        .arg(failingInfo.subject, reason);
        c.fix = Tr::tr("Re-issue the device certificate from the CA the server trusts.");
    }
    return c;
}

PreflightCheck extendedKeyUsage(const Material &m)
{
    PreflightCheck c = make(QStringLiteral("extended-key-usage"),
                            Tr::tr("Certificate may be used by a TLS client"));
    const CertificateInfo &leaf = m.deviceChain.first();
    if (!leaf.ekuAllowsClientAuth || !leaf.keyUsageAllowsSigning) {
        c.status = Status::Fail;
        c.predictedError
            = QStringLiteral("-0x7780"); // servers answer with unsupported_certificate (43)
        c.diagnosisId = QStringLiteral("client-certificate-rejected");
        c.message
            = !leaf.ekuAllowsClientAuth
                  ? Tr::tr(
                        "The extended key usage of %1 does not include clientAuth (TLS Web Client Authentication); "
                        "a server checking it rejects the certificate with a fatal alert.")
                        .arg(leaf.subject)
                  : Tr::tr(
                        "The key usage of %1 lacks digitalSignature, which a TLS client needs to sign CertificateVerify; "
                        "a server checking it rejects the certificate.")
                        .arg(leaf.subject);
        c.fix = Tr::tr(
            "Re-issue the certificate with extendedKeyUsage=clientAuth and keyUsage=digitalSignature.");
        return c;
    }
    if (leaf.isCa) {
        c.status = Status::Warn;
        c.message
            = Tr::tr(
                  "%1 is a CA certificate (basicConstraints CA:TRUE); some servers refuse CA certificates as client certificates.")
                  .arg(leaf.subject);
        c.fix = Tr::tr("Issue the device an end-entity certificate (CA:FALSE).");
        return c;
    }
    c.message
        = leaf.hasExtendedKeyUsage
              ? Tr::tr("Extended key usage includes clientAuth.")
              : Tr::tr(
                  "No extended key usage restriction: any use, including TLS client, is allowed.");
    return c;
}

PreflightCheck validity(const Material &m, const QDateTime &now)
{
    PreflightCheck c = make(QStringLiteral("validity"), Tr::tr("Certificates are valid now"));
    for (const CertificateInfo &cert : m.deviceChain) {
        if (cert.notAfter.isValid() && cert.notAfter < now) {
            c.status = Status::Fail;
            c.predictedError
                = QStringLiteral("-0x7780"); // the server sends certificate_expired (45)
            c.diagnosisId = QStringLiteral("certificate-expired");
            c.message
                = Tr::tr(
                      "%1 expired on %2; the server rejects it with a fatal alert (certificate_expired).")
                      .arg(cert.subject, dateText(cert.notAfter));
            c.fix = Tr::tr("Issue a new certificate before flashing.");
            return c;
        }
        if (cert.notBefore.isValid() && cert.notBefore > now) {
            c.status = Status::Fail;
            c.predictedError = QStringLiteral("-0x7780");
            c.diagnosisId = QStringLiteral("certificate-not-yet-valid");
            c.message
                = Tr::tr(
                      "%1 is not valid before %2; until then the server rejects it with a fatal alert.")
                      .arg(cert.subject, dateText(cert.notBefore));
            c.fix = Tr::tr(
                "Check the issuing machine's clock and re-issue the certificate with a start date in the past.");
            return c;
        }
    }
    const CertificateInfo &leaf = m.deviceChain.first();
    if (leaf.notAfter.isValid() && leaf.notAfter < now.addDays(30)) {
        c.status = Status::Warn;
        c.message = Tr::tr("%1 expires on %2, within 30 days.")
                        .arg(leaf.subject, dateText(leaf.notAfter));
        c.fix = Tr::tr("Renew the certificate before shipping the device.");
        return c;
    }
    c.message
        = Tr::tr("Valid from %1 until %2.").arg(dateText(leaf.notBefore), dateText(leaf.notAfter));
    return c;
}

PreflightCheck deviceClock(const TargetProfile &t, DeviceClock clock)
{
    PreflightCheck c
        = make(QStringLiteral("device-clock"), Tr::tr("Device clock and certificate dates"));
    if (!t.haveTimeDate) {
        c.message
            = Tr::tr(
                  "%1 builds mbedTLS with CONFIG_MBEDTLS_HAVE_TIME_DATE=n: the device ignores certificate dates, "
                  "so %2 does not fail the handshake (and an expired server certificate goes unnoticed).")
                  .arg(t.title, clock == DeviceClock::Unset
                                    ? Tr::tr("a clock still at 1970 (no SNTP)")
                                    : Tr::tr("the clock"));
        if (clock == DeviceClock::Unset)
            c.fix = Tr::tr(
                "Nothing to do for this target. If the firmware sets CONFIG_MBEDTLS_HAVE_TIME_DATE=y, start SNTP and wait for the first sync before TLS.");
        return c;
    }
    if (clock == DeviceClock::Synced) {
        c.message = Tr::tr(
            "CONFIG_MBEDTLS_HAVE_TIME_DATE=y and the clock is synced before TLS: dates are checked against the real time.");
        return c;
    }
    c.status = Status::Fail;
    c.predictedError = QStringLiteral("-0x2700");
    c.diagnosisId = QStringLiteral("certificate-not-yet-valid");
    c.message = Tr::tr(
        "With CONFIG_MBEDTLS_HAVE_TIME_DATE=y and no SNTP the device clock reads 1970-01-01, so every server "
        "certificate starts in the future: verification fails with -0x2700 (flag 0x200 BADCERT_FUTURE, "
        "\"The certificate validity starts in the future\").");
    c.fix = Tr::tr(
        "Start SNTP (esp_sntp_init) and wait for sntp_get_sync_status() == SNTP_SYNC_STATUS_COMPLETED before the "
        "first TLS connection, or restore a saved time; then re-run with --device-clock synced.");
    return c;
}

PreflightCheck certificateMessageSize(const Material &m, const TargetProfile &t)
{
    PreflightCheck c = make(QStringLiteral("certificate-message-size"),
                            Tr::tr("Certificate message fits the TX buffer"));
    const qint64 needed = certificateMessageBytes(m.deviceChain);
    const int limit = t.effectiveOutContentLen();
    const QString option = t.outContentLenOption();
    if (needed <= limit) {
        c.message = Tr::tr("The Certificate message is %1 bytes (%2 certificate(s)); %3 is %4.")
                        .arg(needed)
                        .arg(m.deviceChain.size())
                        .arg(option)
                        .arg(limit);
        return c;
    }
    c.status = Status::Fail;
    c.diagnosisId = QStringLiteral("tx-buffer-too-small");
    // Same check in 2.x and 3.x (mbedtls_ssl_write_certificate), different return value (docs/dev/tls.md, "Error sets per Mbed TLS version").
    c.predictedError = t.isMbedtls3() ? QStringLiteral("-0x6A00") : QStringLiteral("-0x7500");
    c.message
        = Tr::tr(
              "When the server asks for a client certificate, the device must send %1 bytes (%2 certificate(s)) but "
              "%3 is %4: the handshake fails with %5 and the log shows \"certificate too large, %1 > %4\".")
              .arg(needed)
              .arg(m.deviceChain.size())
              .arg(option)
              .arg(limit)
              .arg(c.predictedError);
    if (needed <= 16384) {
        c.fix
            = Tr::tr(
                  "Set %1=%2 (at least %3)%4, or send fewer certificates (the leaf alone is %5 bytes).")
                  .arg(option)
                  .arg(suggestedBufferSize(needed))
                  .arg(needed)
                  .arg(t.asymmetricContentLen
                           ? QString()
                           : Tr::tr(", or enable CONFIG_MBEDTLS_ASYMMETRIC_CONTENT_LEN"))
                  .arg(certificateMessageBytes({m.deviceChain.first()}));
    } else {
        c.fix
            = Tr::tr(
                  "No buffer setting fits: TLS records carry at most 16384 bytes. Send only the leaf and the "
                  "intermediates the server lacks (the leaf alone is %1 bytes).")
                  .arg(certificateMessageBytes({m.deviceChain.first()}));
    }
    return c;
}

PreflightCheck partitionSize(const Material &m, std::optional<qint64> certPartition,
                             std::optional<qint64> keyPartition)
{
    PreflightCheck c = make(QStringLiteral("partition-size"), Tr::tr("Payload fits its partition"));
    const qint64 pemNul = pemChain(m.deviceChain).size() + 1;
    const qint64 der = m.deviceChain.first().der.size();
    QStringList found;
    QStringList fixes;
    if (certPartition) {
        if (pemNul > *certPartition) {
            c.status = PreflightCheck::Status::Fail;
            found
                << Tr::tr(
                       "the certificate payload (PEM + NUL) is %1 bytes but the partition holds %2")
                       .arg(pemNul)
                       .arg(*certPartition);
            if (m.deviceChain.size() == 1 && der <= *certPartition)
                fixes
                    << Tr::tr(
                           "write DER (%1 bytes) if the firmware passes it to mbedtls_x509_crt_parse_der()")
                           .arg(der);
            fixes << Tr::tr("enlarge the certificate partition to %1 (partitions.csv)")
                         .arg(QStringLiteral("0x%1").arg(((pemNul + 4095) / 4096) * 4096, 0, 16));
        } else {
            found << Tr::tr("certificate payload %1 of %2 bytes (PEM + NUL; DER of the leaf: %3)")
                         .arg(pemNul)
                         .arg(*certPartition)
                         .arg(der);
        }
    }
    if (keyPartition) {
        if (m.keyFileBytes > *keyPartition) {
            c.status = PreflightCheck::Status::Fail;
            found << Tr::tr("the key payload is %1 bytes but the key partition holds %2")
                         .arg(m.keyFileBytes)
                         .arg(*keyPartition);
            fixes << Tr::tr(
                "enlarge the key partition or use an EC key (a P-256 PEM key is about 240 bytes)");
        } else {
            found << Tr::tr("key payload %1 of %2 bytes").arg(m.keyFileBytes).arg(*keyPartition);
        }
    }
    c.message = found.join(QStringLiteral("; ")) + QLatin1Char('.');
    c.message[0] = c.message[0].toUpper();
    c.fix = fixes.join(QStringLiteral("; or "));
    if (!c.fix.isEmpty()) {
        c.fix[0] = c.fix[0].toUpper();
        c.fix += QLatin1Char('.');
    }
    return c;
}

} // namespace Forgeline::Tls::PreflightChecks
