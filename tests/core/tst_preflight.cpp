// SPDX-License-Identifier: GPL-3.0-or-later
// Preflight engine against certificates and keys generated here with the OpenSSL API.
#include "core/tls/preflightengine.h"
#include "core/tls/targetprofile.h"

#include "../preflight/preflightfixtures.h"

#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Tls;
using namespace PreflightFixtures;

class TestPreflight : public QObject
{
    Q_OBJECT

private:
    ScratchDir m_dir;
    Pki m_pki;

    // A device certificate + key issued by the test CA, written as dev.pem / dev.key.
    PreflightInputs device(const QString &keySpec = QStringLiteral("ec:P-256"),
                           const CertOptions &o = {}, KeyPtr *keyOut = nullptr)
    {
        const KeyPtr key = makeKey(keySpec);
        const CertPtr cert = makeCert(QStringLiteral("device-1"), key, m_pki.ca, m_pki.caKey, o);
        if (keyOut)
            *keyOut = key;
        PreflightInputs in;
        in.certFile = m_dir.write(QStringLiteral("dev.pem"), certPem(cert));
        in.keyFile = m_dir.write(QStringLiteral("dev.key"), keyBytes(key, KeyForm::Pkcs8Pem));
        in.caFiles = {m_dir.write(QStringLiteral("ca.pem"), certPem(m_pki.ca))};
        return in;
    }

    static PreflightReport runOk(const PreflightInputs &in)
    {
        bool ok = false;
        const PreflightReport report = runPreflight(in, &ok);
        [&] { QVERIFY(ok); }();
        return report;
    }

private Q_SLOTS:
    void init() { QVERIFY(m_dir.renew()); }

    void profilesLoad()
    {
        const QStringList ids = TargetProfiles::ids();
        QCOMPARE(ids.first(), QStringLiteral("idf-3.3"));
        QCOMPARE(ids.last(), QStringLiteral("idf-5.5"));
        QCOMPARE(ids.size(), 12);
        for (const QString &id : ids) {
            const auto p = TargetProfiles::load(id);
            QVERIFY2(p.ok(), qPrintable(id));
            QVERIFY(!p->haveTimeDate);
            QCOMPARE(p->isMbedtls3(), id.startsWith(QLatin1String("idf-5")));
        }
        QCOMPARE(TargetProfiles::load(QStringLiteral("4.0"))->effectiveOutContentLen(), 4096);
        QCOMPARE(TargetProfiles::load(QStringLiteral("v3.3"))->effectiveOutContentLen(), 16384);
        QVERIFY(!TargetProfiles::load(QStringLiteral("idf-9.9")).ok());
        auto p = TargetProfiles::load(QStringLiteral("idf-4.0"));
        QVERIFY(TargetProfiles::applyOverride(
                    *p, QStringLiteral("CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN=8192"))
                    .ok());
        QCOMPARE(p->effectiveOutContentLen(), 8192);
        QVERIFY(!TargetProfiles::applyOverride(*p, QStringLiteral("out_content_len=99999")).ok());
        QVERIFY(!TargetProfiles::applyOverride(*p, QStringLiteral("bogus=1")).ok());
    }

    void matchingKeyPasses()
    {
        const PreflightReport r = runOk(device());
        QVERIFY(!r.hasFail());
        QCOMPARE(check(r, "key-matches-certificate").status, PreflightCheck::Status::Pass);
        QCOMPARE(check(r, "chain").status, PreflightCheck::Status::Pass);
        QCOMPARE(check(r, "key-format").status, PreflightCheck::Status::Pass);
    }

    void mismatchedKeyFails()
    {
        PreflightInputs in = device();
        in.keyFile
            = m_dir.write(QStringLiteral("other.key"),
                          keyBytes(makeKey(QStringLiteral("ec:P-256")), KeyForm::TraditionalPem));
        const PreflightReport r = runOk(in);
        const PreflightCheck &c = check(r, "key-matches-certificate");
        QCOMPARE(c.status, PreflightCheck::Status::Fail);
        QCOMPARE(c.predictedError, QStringLiteral("-0x7780"));
        QCOMPARE(c.diagnosisId, QStringLiteral("client-certificate-rejected"));
        QCOMPARE(check(r, "key-format").message.contains(QLatin1String("SEC1")), true);
    }

    void oversizedChain_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("name");
        QTest::newRow("idf-4.4 (2.x)") << QStringLiteral("idf-4.4") << QStringLiteral("-0x7500")
                                       << QStringLiteral("MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE");
        QTest::newRow("idf-5.2 (3.x)") << QStringLiteral("idf-5.2") << QStringLiteral("-0x6A00")
                                       << QStringLiteral("MBEDTLS_ERR_SSL_BUFFER_TOO_SMALL");
    }

    void oversizedChain()
    {
        QFETCH(QString, target);
        QFETCH(QString, code);
        QFETCH(QString, name);
        const auto [intKey, inter, key, leaf] = makeOversizedChain(m_pki);
        PreflightInputs in;
        in.certFile = m_dir.write(QStringLiteral("leaf.pem"), certPem(leaf));
        in.chainFile = m_dir.write(QStringLiteral("chain.pem"), certPem(inter));
        in.keyFile = m_dir.write(QStringLiteral("leaf.key"), keyBytes(key, KeyForm::Pkcs8Pem));
        in.caFiles = {m_dir.write(QStringLiteral("ca.pem"), certPem(m_pki.ca))};
        in.targetId = target;
        const PreflightReport r = runOk(in);
        const qint64 expected = 7 + (3 + certDer(leaf).size()) + (3 + certDer(inter).size());
        QVERIFY(expected > 4096);
        const PreflightCheck &c = check(r, "certificate-message-size");
        QCOMPARE(c.status, PreflightCheck::Status::Fail);
        QCOMPARE(c.predictedError, code);
        QCOMPARE(c.predictedName, name);
        QCOMPARE(c.diagnosisId, QStringLiteral("tx-buffer-too-small"));
        QVERIFY2(c.message.contains(QString::number(expected)), qPrintable(c.message));
        const int fits = int(((expected + 511) / 512) * 512);
        QVERIFY2(c.fix.contains(QStringLiteral("CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN=%1").arg(fits)),
                 qPrintable(c.fix));
        QCOMPARE(check(r, "chain").status, PreflightCheck::Status::Pass);

        in.overrides = {QStringLiteral("out_content_len=%1").arg(fits)};
        QCOMPARE(check(runOk(in), "certificate-message-size").status, PreflightCheck::Status::Pass);
        in.overrides = {QStringLiteral("out_content_len=%1").arg(expected - 1)};
        QCOMPARE(check(runOk(in), "certificate-message-size").status, PreflightCheck::Status::Fail);
        in.overrides = {QStringLiteral("out_content_len=%1").arg(expected)};
        QCOMPARE(check(runOk(in), "certificate-message-size").status, PreflightCheck::Status::Pass);
    }

    void missingIntermediate()
    {
        const KeyPtr intKey = makeKey(QStringLiteral("ec:P-256"));
        const CertPtr inter = makeCert(QStringLiteral("Issuing CA 7"), intKey, m_pki.ca,
                                       m_pki.caKey, CertOptions{true, {}, -1, 3000, 0});
        const KeyPtr key = makeKey(QStringLiteral("ec:P-256"));
        PreflightInputs in;
        in.certFile
            = m_dir.write(QStringLiteral("leaf.pem"),
                          certPem(makeCert(QStringLiteral("device-2"), key, inter, intKey)));
        in.keyFile = m_dir.write(QStringLiteral("leaf.key"), keyBytes(key, KeyForm::Der));
        in.caFiles = {m_dir.write(QStringLiteral("ca.pem"), certPem(m_pki.ca))};
        PreflightCheck c = check(runOk(in), "chain");
        QCOMPARE(c.status, PreflightCheck::Status::Fail);
        QVERIFY2(c.message.contains(QLatin1String("Issuing CA 7")), qPrintable(c.message));
        QVERIFY(c.fix.contains(QLatin1String("--chain")));
        in.chainFile = m_dir.write(QStringLiteral("chain.pem"), certPem(inter));
        QCOMPARE(check(runOk(in), "chain").status, PreflightCheck::Status::Pass);
    }

    void unknownCa()
    {
        PreflightInputs in = device();
        Pki other;
        in.caFiles = {m_dir.write(QStringLiteral("other-ca.pem"), certPem(other.ca))};
        const PreflightCheck &c = check(runOk(in), "chain");
        QCOMPARE(c.status, PreflightCheck::Status::Fail);
        QCOMPARE(c.predictedError, QStringLiteral("-0x7780"));
        QCOMPARE(c.diagnosisId, QStringLiteral("client-certificate-rejected"));
        in.caFiles.clear();
        QCOMPARE(check(runOk(in), "chain").status, PreflightCheck::Status::Warn);
    }

    void extendedKeyUsage()
    {
        const PreflightReport r
            = runOk(device(QStringLiteral("ec:P-256"),
                           CertOptions{false, QStringLiteral("serverAuth"), -1, 365, 0}));
        QCOMPARE(check(r, "extended-key-usage").status, PreflightCheck::Status::Fail);
        QCOMPARE(check(runOk(device()), "extended-key-usage").status, PreflightCheck::Status::Pass);
    }

    void ed25519Unsupported()
    {
        const PreflightReport r = runOk(device(QStringLiteral("ed25519")));
        const PreflightCheck &k = check(r, "key-algorithm");
        QCOMPARE(k.status, PreflightCheck::Status::Fail);
        QCOMPARE(k.predictedError,
                 QStringLiteral(
                     "-0x3C80")); // -15488, as in case: EC key unsupported (docs/dev/cases.md)
        QCOMPARE(k.predictedName, QStringLiteral("MBEDTLS_ERR_PK_UNKNOWN_PK_ALG"));
        QCOMPARE(k.diagnosisId, QStringLiteral("unsupported-key-algorithm"));
        QCOMPARE(check(r, "certificate-parse").predictedError, QStringLiteral("-0x3C80"));
        QCOMPARE(check(r, "key-matches-certificate").status, PreflightCheck::Status::Pass);

        // An Ed25519-signed certificate fails earlier, on its signature algorithm.
        const KeyPtr edCaKey = makeKey(QStringLiteral("ed25519"));
        const CertPtr edCa = makeCert(QStringLiteral("Ed CA"), edCaKey, nullptr, nullptr,
                                      CertOptions{true, {}, -1, 3650, 0});
        const KeyPtr key = makeKey(QStringLiteral("ec:P-256"));
        PreflightInputs in;
        in.certFile
            = m_dir.write(QStringLiteral("edsigned.pem"),
                          certPem(makeCert(QStringLiteral("device-ed"), key, edCa, edCaKey)));
        in.keyFile = m_dir.write(QStringLiteral("edsigned.key"), keyBytes(key, KeyForm::Pkcs8Pem));
        in.targetId = QStringLiteral("idf-5.5");
        QCOMPARE(check(runOk(in), "certificate-parse").predictedError, QStringLiteral("-0x262E"));
    }

    void secp256k1()
    {
        PreflightInputs in = device(QStringLiteral("ec:secp256k1"));
        in.targetId = QStringLiteral("idf-4.4");
        QCOMPARE(check(runOk(in), "key-algorithm").status, PreflightCheck::Status::Pass);
        in.targetId = QStringLiteral("idf-5.2");
        QCOMPARE(check(runOk(in), "key-algorithm").status, PreflightCheck::Status::Warn);
        in.overrides = {QStringLiteral("curves=-secp256k1")};
        const PreflightReport r = runOk(in);
        QCOMPARE(check(r, "key-algorithm").status, PreflightCheck::Status::Fail);
        QCOMPARE(check(r, "key-algorithm").predictedError, QStringLiteral("-0x3A00"));
        QVERIFY(r.target.overridden.contains(QStringLiteral("curves=-secp256k1")));
    }

    // Case: EC key unsupported by the build (docs/dev/cases.md): an EC certificate on an mbedTLS built without ECP fails with -15488.
    void ecKeyWithoutEcp()
    {
        // As in the seed: the CA (AWS IoT's) is RSA, only the device key is EC.
        const KeyPtr rsaCaKey = makeKey(QStringLiteral("rsa:2048"));
        const CertPtr rsaCa = makeCert(QStringLiteral("RSA Root"), rsaCaKey, nullptr, nullptr,
                                       CertOptions{true, {}, -1, 3650, 0});
        const KeyPtr key = makeKey(QStringLiteral("ec:P-256"));
        PreflightInputs in;
        in.certFile
            = m_dir.write(QStringLiteral("ec-under-rsa.pem"),
                          certPem(makeCert(QStringLiteral("device-ec"), key, rsaCa, rsaCaKey)));
        in.keyFile
            = m_dir.write(QStringLiteral("sec1.key"), keyBytes(key, KeyForm::TraditionalPem));
        in.overrides = {QStringLiteral("ecp=n")};
        const PreflightReport r = runOk(in);
        QCOMPARE(check(r, "key-algorithm").predictedError, QStringLiteral("-0x3C80"));
        QCOMPARE(check(r, "certificate-parse").predictedError, QStringLiteral("-0x3C80"));
        // An ECDSA-signed certificate fails earlier on such a build: its signature OID is unknown.
        QCOMPARE(check(runOk(device(QStringLiteral("rsa:2048"))), "certificate-parse").status,
                 PreflightCheck::Status::Pass);
        PreflightInputs ecdsaSigned = device(QStringLiteral("rsa:2048"));
        ecdsaSigned.overrides = {QStringLiteral("ecp=n")};
        QCOMPARE(check(runOk(ecdsaSigned), "certificate-parse").predictedError,
                 QStringLiteral("-0x262E"));
        QCOMPARE(check(r, "key-format").predictedError, QStringLiteral("-0x3D00"));
        QVERIFY(check(r, "key-algorithm").message.contains(QLatin1String("MBEDTLS_ECP_C")));
    }

    void rsa4096OnAccelerator()
    {
        PreflightInputs in = device(QStringLiteral("rsa:4096"));
        const PreflightCheck c = check(runOk(in), "key-algorithm");
        QCOMPARE(c.status, PreflightCheck::Status::Fail);
        QCOMPARE(c.predictedError, QStringLiteral("-0x4310"));
        QVERIFY(c.fix.contains(QLatin1String("CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI=y")));
        in.overrides = {QStringLiteral("large_key_software_mpi=y")};
        QCOMPARE(check(runOk(in), "key-algorithm").status, PreflightCheck::Status::Pass);
    }

    void validity_data()
    {
        QTest::addColumn<long>("from");
        QTest::addColumn<long>("to");
        QTest::addColumn<QString>("diagnosis");
        QTest::newRow("expired") << -400L << -10L << QStringLiteral("certificate-expired");
        QTest::newRow("future") << 10L << 400L << QStringLiteral("certificate-not-yet-valid");
    }

    void validity()
    {
        QFETCH(long, from);
        QFETCH(long, to);
        QFETCH(QString, diagnosis);
        const PreflightCheck c
            = check(runOk(device(QStringLiteral("ec:P-256"),
                                 CertOptions{false, QStringLiteral("clientAuth"), from, to, 0})),
                    "validity");
        QCOMPARE(c.status, PreflightCheck::Status::Fail);
        QCOMPARE(c.diagnosisId, diagnosis);
    }

    void deviceClock()
    {
        PreflightInputs in = device();
        in.deviceClock = DeviceClock::Unset;
        PreflightCheck c = check(runOk(in), "device-clock");
        QCOMPARE(c.status, PreflightCheck::Status::Pass); // HAVE_TIME_DATE=n: dates not checked
        QVERIFY(c.message.contains(QLatin1String("CONFIG_MBEDTLS_HAVE_TIME_DATE=n")));
        in.overrides = {QStringLiteral("have_time_date=y")};
        c = check(runOk(in), "device-clock");
        QCOMPARE(c.status, PreflightCheck::Status::Fail);
        QCOMPARE(c.predictedError, QStringLiteral("-0x2700"));
        QCOMPARE(c.diagnosisId, QStringLiteral("certificate-not-yet-valid"));
        QVERIFY(c.fix.contains(QLatin1String("SNTP")));
        in.deviceClock = DeviceClock::Synced;
        QCOMPARE(check(runOk(in), "device-clock").status, PreflightCheck::Status::Pass);
    }

    void encryptedKey_data()
    {
        QTest::addColumn<int>("form");
        for (const auto &[name, form] : encryptedKeyForms())
            QTest::newRow(name) << int(form);
    }

    void encryptedKey()
    {
        QFETCH(int, form);
        KeyPtr key;
        PreflightInputs in = device(QStringLiteral("ec:P-256"), {}, &key);
        in.keyFile
            = m_dir.write(QStringLiteral("enc.key"), keyBytes(key, KeyForm(form), "correct horse"));
        PreflightReport r = runOk(in);
        QCOMPARE(check(r, "key-format").status, PreflightCheck::Status::Fail);
        QCOMPARE(check(r, "key-format").predictedError, QStringLiteral("-0x3C00"));
        QCOMPARE(check(r, "key-matches-certificate").status, PreflightCheck::Status::Warn);
        in.password = "correct horse";
        r = runOk(in);
        QCOMPARE(check(r, "key-matches-certificate").status, PreflightCheck::Status::Pass);
        in.password = "wrong password";
        const auto bad = PreflightEngine::run(in);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QStringLiteral("preflight.key-password"));
    }

    void pkcs12()
    {
        const KeyPtr intKey = makeKey(QStringLiteral("ec:P-256"));
        const CertPtr inter = makeCert(QStringLiteral("P12 Intermediate"), intKey, m_pki.ca,
                                       m_pki.caKey, CertOptions{true, {}, -1, 3000, 0});
        const KeyPtr key = makeKey(QStringLiteral("ec:P-256"));
        const CertPtr leaf = makeCert(QStringLiteral("device-p12"), key, inter, intKey);
        PreflightInputs in;
        in.p12File = m_dir.write(QStringLiteral("dev.p12"),
                                 PreflightFixtures::pkcs12(key, leaf, {inter}, "p12 secret"));
        in.caFiles = {m_dir.write(QStringLiteral("ca.pem"), certPem(m_pki.ca))};
        in.password = "p12 secret";
        const PreflightReport r = runOk(in);
        QVERIFY(!r.hasFail());
        QCOMPARE(check(r, "chain").status, PreflightCheck::Status::Pass);
        QCOMPARE(check(r, "key-matches-certificate").status, PreflightCheck::Status::Pass);
        QVERIFY(r.inputs.first().contains(QLatin1String("device-p12")));

        in.password = "not it";
        auto bad = PreflightEngine::run(in);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QStringLiteral("preflight.p12-password"));
        QVERIFY(bad.error().message.contains(QLatin1String("Wrong password")));
        in.password.clear();
        QCOMPARE(PreflightEngine::run(in).error().code, QStringLiteral("preflight.p12-password"));
    }

    void badFiles()
    {
        PreflightInputs in = device();
        in.certFile = m_dir.write(QStringLiteral("empty.pem"), QByteArray("\n"));
        auto r = PreflightEngine::run(in);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("preflight.empty"));
        QVERIFY(r.error().message.contains(QLatin1String("empty")));

        in = device();
        in.certFile = m_dir.write(QStringLiteral("garbage.pem"),
                                  QByteArray("\x30\x82\x01\x00garbage-not-der", 19));
        r = PreflightEngine::run(in);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("preflight.cert"));
        QVERIFY(!r.error().detail.isEmpty());

        in = device();
        in.keyFile = in.certFile; // a certificate where the key belongs
        r = PreflightEngine::run(in);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QLatin1String("certificate, not a private key")));

        in = device();
        in.certFile = m_dir.filePath(QStringLiteral("missing.pem"));
        QCOMPARE(PreflightEngine::run(in).error().code, QStringLiteral("preflight.notfound"));

        in = device();
        in.p12File = m_dir.write(QStringLiteral("garbage.p12"), QByteArray("not a pkcs12 archive"));
        QCOMPARE(PreflightEngine::run(in).error().code, QStringLiteral("preflight.p12"));
    }

    // `openssl ecparam -genkey` output and cert+key bundles: the key block is not the first one.
    void keyAfterOtherBlocks()
    {
        KeyPtr key;
        PreflightInputs in = device(QStringLiteral("ec:P-256"), {}, &key);
        const QByteArray params
            = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";
        in.keyFile = m_dir.write(QStringLiteral("ecparam.key"),
                                 params + keyBytes(key, KeyForm::TraditionalPem));
        PreflightReport r = runOk(in);
        QCOMPARE(check(r, "key-matches-certificate").status, PreflightCheck::Status::Pass);
        QVERIFY(check(r, "key-format").message.contains(QLatin1String("SEC1")));
        QFile cert(in.certFile);
        QVERIFY(cert.open(QIODevice::ReadOnly));
        in.keyFile = m_dir.write(QStringLiteral("bundle.pem"),
                                 cert.readAll() + keyBytes(key, KeyForm::Pkcs8Pem));
        in.certFile = in.keyFile;
        r = runOk(in);
        QCOMPARE(check(r, "key-matches-certificate").status, PreflightCheck::Status::Pass);
        QCOMPARE(r.inputs.size(),
                 3); // device certificate, key, CA: the key block is not a certificate
    }

    void derInputs()
    {
        KeyPtr key;
        PreflightInputs in = device(QStringLiteral("rsa:2048"), {}, &key);
        const CertPtr cert = makeCert(QStringLiteral("device-der"), key, m_pki.ca, m_pki.caKey);
        in.certFile = m_dir.write(QStringLiteral("dev.der"), certDer(cert));
        in.keyFile = m_dir.write(QStringLiteral("dev.key.der"), keyBytes(key, KeyForm::Der));
        const PreflightReport r = runOk(in);
        QVERIFY(!r.hasFail());
        QVERIFY(check(r, "key-format").message.contains(QLatin1String("DER")));
    }

    void partitionSize()
    {
        PreflightInputs in = device();
        QFile pem(in.certFile);
        QVERIFY(pem.open(QIODevice::ReadOnly));
        const auto parsed
            = PreflightLoader::parseCertificates(pem.readAll(), QStringLiteral("test"));
        QVERIFY(parsed.ok());
        in.partitionSize = parsed->first().der.size() + 16; // DER fits, PEM + NUL does not
        QVERIFY(*in.partitionSize < pem.size() + 1);
        in.keyPartitionSize = 4096;
        PreflightCheck c = check(runOk(in), "partition-size");
        QCOMPARE(c.status, PreflightCheck::Status::Fail);
        QVERIFY(c.fix.contains(QLatin1String("DER")));
        in.partitionSize = 8192;
        QCOMPARE(check(runOk(in), "partition-size").status, PreflightCheck::Status::Pass);
        in.partitionSize.reset();
        in.keyPartitionSize.reset();
        QVERIFY(!runOk(in).find(QStringLiteral("partition-size")));
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
