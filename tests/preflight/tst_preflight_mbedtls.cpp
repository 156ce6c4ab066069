// SPDX-License-Identifier: GPL-3.0-or-later
// Predictions confirmed against reality: the files the preflight judges are handed to a client
// linked with Debian's mbedTLS 2.28 (16 KiB TX buffer), talking to `openssl s_server` on
// loopback, and the code the library returns must be the code the preflight predicted.
#include "core/tls/preflightengine.h"

#include "preflightfixtures.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Forgeline::Tls;
using namespace PreflightFixtures;

class TestPreflightMbedtls : public QObject
{
    Q_OBJECT

private:
    ScratchDir m_dir;

    // Starts s_server asking for a client certificate; returns the port or "" on failure.
    QString startServer(QProcess &server)
    {
        const KeyPtr key = makeKey(QStringLiteral("ec:P-256"));
        const CertPtr cert = makeCert(QStringLiteral("127.0.0.1"), key, nullptr, nullptr,
                                      CertOptions{false, QStringLiteral("serverAuth"), -1, 30, 0});
        const QString certFile = m_dir.write(QStringLiteral("server.pem"), certPem(cert));
        const QString keyFile
            = m_dir.write(QStringLiteral("server.key"), keyBytes(key, KeyForm::Pkcs8Pem));
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral(OPENSSL_PATH),
                     {QStringLiteral("s_server"), QStringLiteral("-accept"),
                      QStringLiteral("127.0.0.1:0"), QStringLiteral("-naccept"),
                      QStringLiteral("1"), QStringLiteral("-cert"), certFile,
                      QStringLiteral("-key"), keyFile, QStringLiteral("-verify"),
                      QStringLiteral("3"), QStringLiteral("-tls1_2")});
        static const QRegularExpression re(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)"));
        QByteArray seen;
        for (int i = 0; i < 100 && server.state() != QProcess::NotRunning; ++i) {
            server.waitForReadyRead(100);
            seen += server.readAll();
            const auto m = re.match(QString::fromLatin1(seen));
            if (m.hasMatch())
                return m.captured(1);
        }
        return {};
    }

    // Runs the mbedTLS client; returns "<stage> <code>", e.g. "handshake -0x7500".
    QString runClient(const QString &certFile, const QString &keyFile, bool needServer)
    {
        QProcess server;
        QString port = QStringLiteral("9"); // parse failures happen before any connection
        if (needServer) {
            port = startServer(server);
            if (port.isEmpty())
                return QStringLiteral("server did not start");
        }
        QProcess client;
        client.start(QStringLiteral(PREFLIGHTCLIENT_PATH), {port, certFile, keyFile});
        client.waitForFinished(60000);
        const QString out = QString::fromLatin1(client.readAllStandardOutput());
        if (server.state() != QProcess::NotRunning) {
            server.kill();
            server.waitForFinished(5000);
        }
        static const QRegularExpression re(QStringLiteral("RESULT (\\S+) (\\S+)"));
        const auto m = re.match(out);
        if (!m.hasMatch())
            return QStringLiteral("no result: ") + out;
        return m.captured(1) + QLatin1Char(' ') + m.captured(2);
    }

private Q_SLOTS:
    void init() { QVERIFY(m_dir.renew()); }

    // A chain whose Certificate message is exactly `total` bytes: RSA signatures have a fixed
    // length, so the leaf's padding can be tuned to the byte.
    void oversizedChain_data()
    {
        QTest::addColumn<int>("total");
        QTest::addColumn<bool>("fits");
        QTest::newRow("18000 bytes") << 18000 << false;
        QTest::newRow("16385 bytes (one over)") << 16385 << false;
        QTest::newRow("16384 bytes (exactly full)") << 16384 << true;
    }

    void oversizedChain()
    {
        QFETCH(int, total);
        QFETCH(bool, fits);
        const KeyPtr rootKey = makeKey(QStringLiteral("rsa:2048"));
        const CertPtr root = makeCert(QStringLiteral("Big Chain Root"), rootKey, nullptr, nullptr,
                                      CertOptions{true, {}, -1, 3650, 0});
        const KeyPtr int1Key = makeKey(QStringLiteral("rsa:2048"));
        const CertPtr int1 = makeCert(QStringLiteral("Big Chain Intermediate 1"), int1Key, root,
                                      rootKey, CertOptions{true, {}, -1, 3650, 5000});
        const KeyPtr int2Key = makeKey(QStringLiteral("rsa:2048"));
        const CertPtr int2 = makeCert(QStringLiteral("Big Chain Intermediate 2"), int2Key, int1,
                                      int1Key, CertOptions{true, {}, -1, 3650, 5000});
        const KeyPtr leafKey = makeKey(QStringLiteral("ec:P-256"));
        int padding = 4000;
        CertPtr leaf;
        qint64 size = 0;
        for (int attempt = 0; attempt < 8; ++attempt) {
            leaf = makeCert(QStringLiteral("device-chain"), leafKey, int2, int2Key,
                            CertOptions{false, QStringLiteral("clientAuth"), -1, 365, padding});
            size = 7 + (3 + certDer(leaf).size()) + (3 + certDer(int2).size())
                   + (3 + certDer(int1).size());
            if (size == total)
                break;
            padding += int(total - size);
        }
        QCOMPARE(size, qint64(total));

        PreflightInputs in;
        in.certFile = m_dir.write(QStringLiteral("device-chain.pem"),
                                  certPem(leaf) + certPem(int2) + certPem(int1));
        in.keyFile
            = m_dir.write(QStringLiteral("device.key"), keyBytes(leafKey, KeyForm::Pkcs8Pem));
        in.caFiles = {m_dir.write(QStringLiteral("root.pem"), certPem(root))};
        in.targetId = QStringLiteral("idf-4.4");
        in.overrides = {QStringLiteral(
            "out_content_len=16384")}; // Debian's build: MBEDTLS_SSL_OUT_CONTENT_LEN 16384
        const PreflightReport report = runPreflight(in);
        const PreflightCheck c = check(report, "certificate-message-size");
        QCOMPARE(check(report, "chain").status, PreflightCheck::Status::Pass);
        QCOMPARE(c.status, fits ? PreflightCheck::Status::Pass : PreflightCheck::Status::Fail);
        if (!fits)
            QCOMPARE(c.predictedError, QStringLiteral("-0x7500"));

        const QString observed = runClient(in.certFile, in.keyFile, true);
        const QString expected = fits ? QStringLiteral("handshake 0")
                                      : QString(QStringLiteral("handshake ") + c.predictedError);
        QCOMPARE(observed, expected);
    }

    void ed25519()
    {
        const KeyPtr caKey = makeKey(QStringLiteral("ec:P-256"));
        const CertPtr ca = makeCert(QStringLiteral("EC Root"), caKey, nullptr, nullptr,
                                    CertOptions{true, {}, -1, 3650, 0});
        const KeyPtr edKey = makeKey(QStringLiteral("ed25519"));
        PreflightInputs in;
        in.certFile
            = m_dir.write(QStringLiteral("ed.pem"),
                          certPem(makeCert(QStringLiteral("device-ed25519"), edKey, ca, caKey)));
        in.keyFile = m_dir.write(QStringLiteral("ed.key"), keyBytes(edKey, KeyForm::Pkcs8Pem));
        in.caFiles = {m_dir.write(QStringLiteral("ca.pem"), certPem(ca))};
        in.targetId = QStringLiteral("idf-4.4");
        const PreflightReport report = runPreflight(in);
        const PreflightCheck parse = check(report, "certificate-parse");
        const PreflightCheck alg = check(report, "key-algorithm");
        QCOMPARE(parse.predictedError, QStringLiteral("-0x3C80"));
        QCOMPARE(alg.predictedError, QStringLiteral("-0x3C80"));

        // The certificate fails first in the client, as it would in esp-tls.
        QCOMPARE(runClient(in.certFile, in.keyFile, false),
                 QStringLiteral("parse-cert ") + parse.predictedError);
        // With a loadable certificate, the Ed25519 key itself is refused with the predicted code.
        const KeyPtr ecKey = makeKey(QStringLiteral("ec:P-256"));
        const QString ecCert
            = m_dir.write(QStringLiteral("ec.pem"),
                          certPem(makeCert(QStringLiteral("device-ec"), ecKey, ca, caKey)));
        QCOMPARE(runClient(ecCert, in.keyFile, false),
                 QStringLiteral("parse-key ") + alg.predictedError);
    }

    void ed25519SignedCertificate()
    {
        const KeyPtr caKey = makeKey(QStringLiteral("ed25519"));
        const CertPtr ca = makeCert(QStringLiteral("Ed25519 Root"), caKey, nullptr, nullptr,
                                    CertOptions{true, {}, -1, 3650, 0});
        const KeyPtr key = makeKey(QStringLiteral("ec:P-256"));
        PreflightInputs in;
        in.certFile
            = m_dir.write(QStringLiteral("edsigned.pem"),
                          certPem(makeCert(QStringLiteral("device-edsigned"), key, ca, caKey)));
        in.keyFile = m_dir.write(QStringLiteral("edsigned.key"), keyBytes(key, KeyForm::Pkcs8Pem));
        in.targetId = QStringLiteral("idf-4.4");
        const PreflightCheck parse = check(runPreflight(in), "certificate-parse");
        QCOMPARE(parse.predictedError, QStringLiteral("-0x262E"));
        QCOMPARE(runClient(in.certFile, in.keyFile, false),
                 QStringLiteral("parse-cert ") + parse.predictedError);
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
        const KeyPtr caKey = makeKey(QStringLiteral("ec:P-256"));
        const CertPtr ca = makeCert(QStringLiteral("EC Root"), caKey, nullptr, nullptr,
                                    CertOptions{true, {}, -1, 3650, 0});
        const KeyPtr key = makeKey(QStringLiteral("ec:P-256"));
        PreflightInputs in;
        in.certFile = m_dir.write(QStringLiteral("dev.pem"),
                                  certPem(makeCert(QStringLiteral("device-enc"), key, ca, caKey)));
        in.keyFile = m_dir.write(QStringLiteral("dev.key"),
                                 keyBytes(key, KeyForm(form), "factory-secret"));
        in.targetId = QStringLiteral("idf-4.4");
        const PreflightCheck c = check(runPreflight(in), "key-format");
        QCOMPARE(c.predictedError, QStringLiteral("-0x3C00"));
        QCOMPARE(runClient(in.certFile, in.keyFile, false),
                 QStringLiteral("parse-key ") + c.predictedError);
    }
};

QTEST_GUILESS_MAIN(TestPreflightMbedtls)
#include "tst_preflight_mbedtls.moc"
