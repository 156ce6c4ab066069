// SPDX-License-Identifier: GPL-3.0-or-later
// `forgeline-cli preflight` end to end, and the rule that private keys and passwords never
// reach any output, log or report.
#include "core/common/logger.h"
#include "core/tls/preflightengine.h"
#include "core/tls/preflightreport.h"

#include "../preflight/preflightfixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Forgeline;
using namespace PreflightFixtures;

class TestPreflightCli : public QObject
{
    Q_OBJECT

private:
    ScratchDir m_dir;
    Pki m_pki;
    KeyPtr m_key = makeKey(QStringLiteral("ec:P-256"));
    QString m_cert, m_keyFile, m_ca, m_encKey, m_p12, m_password;

    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run cli(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(FORGELINE_CLI_PATH),
                QStringList{QStringLiteral("preflight")} + args);
        p.waitForFinished(60000);
        return Run{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    // Every base64 body line of a PEM private key: none may appear anywhere.
    static QList<QByteArray> secretLines(const QByteArray &pem)
    {
        QList<QByteArray> out;
        for (const QByteArray &line : pem.split('\n'))
            if (!line.startsWith("-----") && line.size() >= 16 && !line.contains(':'))
                out << line;
        return out;
    }

    void verifyNoSecrets(const QByteArray &text)
    {
        const QList<QByteArray> lines = secretLines(keyBytes(m_key, KeyForm::Pkcs8Pem))
                                        + secretLines(keyBytes(m_key, KeyForm::TraditionalPem));
        QVERIFY(!lines.isEmpty());
        for (const QByteArray &line : lines)
            QVERIFY2(!text.contains(line), "private key material in output");
        QVERIFY2(!text.contains("PRIVATE KEY-----"), "PEM key armour in output");
        QVERIFY2(!text.contains("hunter2-factory"), "password in output");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const CertPtr cert = makeCert(QStringLiteral("device-cli"), m_key, m_pki.ca, m_pki.caKey);
        m_cert = m_dir.write(QStringLiteral("dev.pem"), certPem(cert));
        m_keyFile = m_dir.write(QStringLiteral("dev.key"), keyBytes(m_key, KeyForm::Pkcs8Pem));
        m_ca = m_dir.write(QStringLiteral("ca.pem"), certPem(m_pki.ca));
        m_encKey = m_dir.write(QStringLiteral("enc.key"),
                               keyBytes(m_key, KeyForm::EncryptedPkcs8Pem, "hunter2-factory"));
        m_p12 = m_dir.write(QStringLiteral("dev.p12"), pkcs12(m_key, cert, {}, "hunter2-factory"));
        m_password = m_dir.write(QStringLiteral("password.txt"), "hunter2-factory\n");
    }

    void jsonAllPass()
    {
        const Run r = cli({QStringLiteral("--cert"), m_cert, QStringLiteral("--key"), m_keyFile,
                           QStringLiteral("--ca"), m_ca, QStringLiteral("--partition-size"),
                           QStringLiteral("0x1000"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root.value(QLatin1String("result")).toString(), QStringLiteral("pass"));
        QCOMPARE(
            root.value(QLatin1String("target")).toObject().value(QLatin1String("id")).toString(),
            QStringLiteral("idf-4.0"));
        const QJsonArray checks = root.value(QLatin1String("checks")).toArray();
        QCOMPARE(checks.size(), 10);
        for (const QJsonValue &v : checks) {
            const QJsonObject c = v.toObject();
            for (const char *field :
                 {"check", "status", "predicted_error", "diagnosis_id", "message", "fix"})
                QVERIFY2(c.contains(QLatin1String(field)), field);
            QCOMPARE(c.value(QLatin1String("status")).toString(), QStringLiteral("pass"));
        }
        verifyNoSecrets(r.out + r.err);
    }

    void oversizedFailsWithExitOne()
    {
        const KeyPtr intKey = makeKey(QStringLiteral("ec:P-256"));
        const CertPtr inter = makeCert(QStringLiteral("CLI Intermediate"), intKey, m_pki.ca,
                                       m_pki.caKey, CertOptions{true, {}, -1, 3000, 4500});
        const KeyPtr key = makeKey(QStringLiteral("ec:P-256"));
        const QString cert = m_dir.write(
            QStringLiteral("big.pem"),
            certPem(makeCert(QStringLiteral("device-big"), key, inter, intKey)) + certPem(inter));
        const QString keyFile
            = m_dir.write(QStringLiteral("big.key"), keyBytes(key, KeyForm::Pkcs8Pem));
        Run r = cli({QStringLiteral("--cert"), cert, QStringLiteral("--key"), keyFile,
                     QStringLiteral("--target"), QStringLiteral("idf-4.0"),
                     QStringLiteral("--json")});
        QCOMPARE(r.code, 1);
        bool found = false;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(r.out).object().value(QLatin1String("checks")).toArray()) {
            const QJsonObject c = v.toObject();
            if (c.value(QLatin1String("check")).toString()
                != QLatin1String("certificate-message-size"))
                continue;
            found = true;
            QCOMPARE(c.value(QLatin1String("status")).toString(), QStringLiteral("fail"));
            QCOMPARE(c.value(QLatin1String("predicted_error")).toString(),
                     QStringLiteral("-0x7500"));
            QCOMPARE(c.value(QLatin1String("diagnosis_id")).toString(),
                     QStringLiteral("tx-buffer-too-small"));
        }
        QVERIFY(found);
        // The same files with a buffer that fits: exit 0.
        r = cli({QStringLiteral("--cert"), cert, QStringLiteral("--key"), keyFile,
                 QStringLiteral("--override"), QStringLiteral("out_content_len=8192")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("[PASS] certificate-message-size"));
    }

    void passwordsAndKeysStayPrivate()
    {
        Run r = cli({QStringLiteral("--p12"), m_p12, QStringLiteral("--password-file"), m_password,
                     QStringLiteral("--ca"), m_ca});
        QCOMPARE(r.code, 0);
        verifyNoSecrets(r.out + r.err);
        r = cli({QStringLiteral("--cert"), m_cert, QStringLiteral("--key"), m_encKey,
                 QStringLiteral("--json")});
        QCOMPARE(r.code, 1); // encrypted key: the device fails with -0x3C00
        QVERIFY(r.out.contains("-0x3C00"));
        verifyNoSecrets(r.out + r.err);
        const QString wrong = m_dir.write(QStringLiteral("wrong.txt"), "not-the-password\n");
        r = cli({QStringLiteral("--p12"), m_p12, QStringLiteral("--password-file"), wrong});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("Wrong password"));
        QVERIFY(!r.err.contains("not-the-password"));
        verifyNoSecrets(r.out + r.err);

        // In process: the log and both report forms.
        QStringList logged;
        auto conn = connect(&Logger::instance(), &Logger::entryAdded, this,
                            [&](const LogEntry &e) { logged << e.message; });
        Tls::PreflightInputs in;
        in.certFile = m_cert;
        in.keyFile = m_encKey;
        in.password = "hunter2-factory";
        const auto report = Tls::PreflightEngine::run(in);
        disconnect(conn);
        QVERIFY(report.ok());
        QVERIFY(!logged.isEmpty());
        verifyNoSecrets(logged.join(QLatin1Char('\n')).toUtf8());
        verifyNoSecrets(Tls::PreflightReportWriter::toText(*report).toUtf8());
        verifyNoSecrets(QJsonDocument(Tls::PreflightReportWriter::toJson(*report)).toJson());
    }

    void clearErrors()
    {
        const QString empty = m_dir.write(QStringLiteral("empty.pem"), QByteArray());
        Run r = cli({QStringLiteral("--cert"), empty, QStringLiteral("--key"), m_keyFile});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("is empty"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        const QString garbage = m_dir.write(QStringLiteral("garbage.pem"),
                                            QByteArray("hello, this is not a certificate\n"));
        r = cli({QStringLiteral("--cert"), garbage, QStringLiteral("--key"), m_keyFile});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("neither a PEM nor a DER certificate"), r.err.constData());
        r = cli({QStringLiteral("--cert"), m_dir.filePath(QStringLiteral("nope.pem")),
                 QStringLiteral("--key"), m_keyFile});
        QCOMPARE(r.code, 3);
        r = cli({QStringLiteral("--cert"), m_cert, QStringLiteral("--key"), m_keyFile,
                 QStringLiteral("--target"), QStringLiteral("idf-9.9")});
        QCOMPARE(r.code, 2);
        r = cli({QStringLiteral("--cert"), m_cert});
        QCOMPARE(r.code, 2);
        r = cli({QStringLiteral("--list-targets")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("idf-5.5"));
    }
};

QTEST_GUILESS_MAIN(TestPreflightCli)
#include "tst_preflightcli.moc"
