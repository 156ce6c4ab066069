// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/preflightengine.h"

#include <QCoreApplication>

#include "core/common/logger.h"
#include "core/common/redactor.h"
#include "core/tls/errordecoder.h"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/pem.h>

#include <memory>

namespace Forgeline::Tls {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::PreflightEngine)
};

} // namespace

namespace {

using Material = PreflightChecks::Material;

// PKCS#12 archives list their extra certificates in no particular order; the device sends them
// as written, so put them in issuing order: leaf, its issuer, that one's issuer...
QList<CertificateInfo> issuingOrder(QList<CertificateInfo> certs)
{
    QList<CertificateInfo> ordered;
    if (certs.isEmpty())
        return ordered;
    ordered << certs.takeFirst();
    while (!certs.isEmpty()) {
        const QString issuer = ordered.last().issuer;
        qsizetype next = -1;
        if (!ordered.last().selfIssued) {
            for (qsizetype i = 0; i < certs.size(); ++i)
                if (certs[i].subject == issuer) {
                    next = i;
                    break;
                }
        }
        if (next < 0)
            break;
        ordered << certs.takeAt(next);
    }
    return ordered + certs;
}

// Size of the key as written (PEM + NUL), measured without ever leaving memory.
qint64 pemKeyBytes(EVP_PKEY *pkey)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (PEM_write_bio_PrivateKey(bio.get(), pkey, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return 0;
    char *p = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &p);
    OPENSSL_cleanse(p, size_t(n));
    return n + 1;
}

} // namespace

Result<Material> PreflightEngine::load(const PreflightInputs &in)
{
    if (in.password.size() >= Redactor::MinimumSecretLength)
        Redactor::registerSecret(QString::fromUtf8(in.password));
    Material m;
    if (!in.p12File.isEmpty()) {
        auto data = PreflightLoader::readInputFile(in.p12File, QStringLiteral("PKCS#12"));
        if (!data)
            return data.error();
        auto p12 = PreflightLoader::parsePkcs12(*data, in.password);
        if (!p12)
            return p12.error();
        m.fromPkcs12 = true;
        m.deviceChain = issuingOrder(p12->certificates);
        m.key = p12->key;
    } else {
        if (in.certFile.isEmpty() && in.certData.isEmpty())
            return Error::make(QStringLiteral("preflight.usage"),
                               Tr::tr("No device certificate given."), {},
                               Tr::tr("Give --cert FILE and --key FILE, or --p12 FILE."));
        if (in.keyFile.isEmpty() && in.keyData.isEmpty())
            return Error::make(
                QStringLiteral("preflight.usage"), Tr::tr("No private key given."), {},
                Tr::tr("Give --key FILE with the device certificate's private key."));
        auto certData
            = in.certFile.isEmpty()
                  ? Result<QByteArray>(in.certData)
                  : PreflightLoader::readInputFile(in.certFile, Tr::tr("device certificate"));
        if (!certData)
            return certData.error();
        auto certs
            = PreflightLoader::parseCertificates(*certData, Tr::tr("device certificate file"));
        if (!certs)
            return certs.error();
        m.deviceChain = *certs;
        // A private copy either way: it is wiped as soon as the key is parsed.
        auto keyData
            = in.keyFile.isEmpty()
                  ? Result<QByteArray>(QByteArray(in.keyData.constData(), in.keyData.size()))
                  : PreflightLoader::readInputFile(in.keyFile, Tr::tr("private key"));
        if (!keyData)
            return keyData.error();
        auto key = PreflightLoader::parsePrivateKey(*keyData, in.password);
        OPENSSL_cleanse(keyData->data(), size_t(keyData->size()));
        if (!key)
            return key.error();
        m.key = *key;
        m.keyFileBytes = keyData->size() + (key->encoding == QLatin1String("PEM") ? 1 : 0);
    }
    if (!in.chainFile.isEmpty()) {
        auto data = PreflightLoader::readInputFile(in.chainFile, Tr::tr("chain"));
        if (!data)
            return data.error();
        auto certs = PreflightLoader::parseCertificates(*data, Tr::tr("chain file"));
        if (!certs)
            return certs.error();
        m.deviceChain += *certs;
    }
    for (const QString &caFile : in.caFiles) {
        auto data = PreflightLoader::readInputFile(caFile, Tr::tr("CA"));
        if (!data)
            return data.error();
        auto certs = PreflightLoader::parseCertificates(*data, Tr::tr("CA file"));
        if (!certs)
            return certs.error();
        m.cas += *certs;
    }
    if (m.keyFileBytes == 0 && m.key.pkey)
        m.keyFileBytes = pemKeyBytes(m.key.pkey.get());
    return m;
}

void PreflightEngine::explain(PreflightCheck &check, const TargetProfile &target)
{
    if (check.predictedError.isEmpty())
        return;
    DecodeOptions options;
    options.mbedtls = target.mbedtlsVersion;
    const DecodeResult decoded = ErrorDecoder::instance().decode(check.predictedError, options);
    for (const Reading &r : decoded.readings) {
        if (r.kind != Reading::Kind::Mbedtls && r.kind != Reading::Kind::MbedtlsComposite)
            continue;
        check.predictedName = r.name;
        check.predictedMeaning = r.meaning;
        break;
    }
}

PreflightReport PreflightEngine::evaluate(const Material &m, const TargetProfile &target,
                                          const PreflightInputs &in)
{
    namespace C = PreflightChecks;
    PreflightReport report;
    report.target = target;
    report.deviceClock = in.deviceClock;
    const CertificateInfo &leaf = m.deviceChain.first();
    report.inputs << Tr::tr("device certificate: %1 (%2, signed with %3)")
                         .arg(leaf.subject, leaf.key.text(), leaf.signatureAlgorithm);
    for (qsizetype i = 1; i < m.deviceChain.size(); ++i)
        report.inputs << Tr::tr("chain certificate %1: %2").arg(i).arg(m.deviceChain[i].subject);
    report.inputs << Tr::tr("private key: %1 %2, %3%4")
                         .arg(m.key.encoding, m.key.form,
                              m.key.pkey ? m.key.key.text() : Tr::tr("not decrypted"),
                              m.key.encrypted ? QStringLiteral(", encrypted") : QString());
    for (const CertificateInfo &ca : m.cas)
        report.inputs << Tr::tr("CA: %1").arg(ca.subject);

    const QDateTime now = in.now.isValid() ? in.now : QDateTime::currentDateTimeUtc();
    report.checks << C::keyFormat(m, target) << C::keyMatchesCertificate(m)
                  << C::keyAlgorithm(m, target) << C::certificateParse(m, target) << C::chain(m)
                  << C::extendedKeyUsage(m) << C::validity(m, now)
                  << C::deviceClock(target, in.deviceClock) << C::certificateMessageSize(m, target);
    if (in.partitionSize || in.keyPartitionSize)
        report.checks << C::partitionSize(m, in.partitionSize, in.keyPartitionSize);
    for (PreflightCheck &check : report.checks)
        explain(check, target);
    return report;
}

Result<PreflightReport> PreflightEngine::run(const PreflightInputs &in)
{
    auto target = TargetProfiles::load(in.targetId);
    if (!target)
        return target.error();
    for (const QString &o : in.overrides) {
        auto applied = TargetProfiles::applyOverride(*target, o);
        if (!applied)
            return applied.error();
    }
    auto material = load(in);
    if (!material)
        return material.error();
    PreflightReport report = evaluate(*material, *target, in);
    int fails = 0;
    for (const PreflightCheck &c : report.checks)
        fails += c.status == PreflightCheck::Status::Fail;
    Logger::instance().info(QStringLiteral("preflight"),
                            QStringLiteral("%1 against %2: %3 check(s), %4 failed")
                                .arg(material->deviceChain.first().subject, target->id)
                                .arg(report.checks.size())
                                .arg(fails));
    return report;
}

// ---- report helpers (preflight.h) ----

QString statusName(PreflightCheck::Status status)
{
    switch (status) {
    case PreflightCheck::Status::Pass: return QStringLiteral("pass");
    case PreflightCheck::Status::Warn: return QStringLiteral("warn");
    case PreflightCheck::Status::Fail: return QStringLiteral("fail");
    }
    return {};
}

bool PreflightReport::hasFail() const
{
    for (const PreflightCheck &c : checks)
        if (c.status == PreflightCheck::Status::Fail)
            return true;
    return false;
}

bool PreflightReport::hasWarn() const
{
    for (const PreflightCheck &c : checks)
        if (c.status == PreflightCheck::Status::Warn)
            return true;
    return false;
}

const PreflightCheck *PreflightReport::find(const QString &id) const
{
    for (const PreflightCheck &c : checks)
        if (c.id == id)
            return &c;
    return nullptr;
}

} // namespace Forgeline::Tls
