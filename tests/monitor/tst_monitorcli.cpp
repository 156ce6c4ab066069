// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline-cli monitor end to end, no hardware: a certificate pair is flashed into the
// virtual board with the flash command, the board reboots into its firmware, which makes a
// real mbedTLS handshake with openssl s_server; the monitor watches its serial port.
#include "monitortesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Forgeline::TestSupport;

namespace {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> events() const
    {
        QList<QJsonObject> list;
        for (const QByteArray &line : out.split('\n'))
            if (!line.trimmed().isEmpty())
                list.append(QJsonDocument::fromJson(line).object());
        return list;
    }
    QList<QJsonObject> events(const QString &kind) const
    {
        QList<QJsonObject> list;
        for (const QJsonObject &o : events())
            if (o.value(QStringLiteral("event")).toString() == kind)
                list.append(o);
        return list;
    }
};

CliRun cli(const QStringList &args, int timeoutMs = 180000)
{
    QProcess p;
    p.start(QStringLiteral(FORGELINE_CLI_PATH), args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "did not finish";
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString lineOf(const QByteArray &capture, qint64 number)
{
    const QList<QByteArray> lines = capture.split('\n');
    return number >= 1 && number <= lines.size() ? QString::fromUtf8(lines.at(number - 1))
                                                 : QString();
}

} // namespace

class TestMonitorCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TlsLogFactory> m_certs;

    QString cert(const QString &name) const { return m_certs->path(name); }

    QString writeProfile(const QString &name, const FirmwareSetup &setup)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(QJsonDocument(boardProfileJson(setup)).toJson());
        return path;
    }

    bool startServerRequiringClientCert(TlsServer &server)
    {
        QString error;
        const bool ok = server.start({QStringLiteral("-cert"), cert(QStringLiteral("server.crt")),
                                      QStringLiteral("-key"), cert(QStringLiteral("server.key")),
                                      QStringLiteral("-CAfile"), cert(QStringLiteral("ca.crt")),
                                      QStringLiteral("-Verify"), QStringLiteral("1"),
                                      QStringLiteral("-verify_return_error")},
                                     &error);
        if (!ok)
            qWarning("%s", qPrintable(error));
        return ok;
    }

    // Flashes `certFile` and the client key into the board's cert/key partitions.
    bool flashPair(const QString &port, const QString &certFile)
    {
        const CliRun c = cli({QStringLiteral("flash"), QStringLiteral("--port"), port,
                              QStringLiteral("--partition"), QStringLiteral("cert"),
                              QStringLiteral("--file"), certFile, QStringLiteral("--key"),
                              cert(QStringLiteral("client.key")), QStringLiteral("--no-backup")});
        if (c.exitCode != 0) {
            qWarning("flash cert: %s", c.err.constData());
            return false;
        }
        const CliRun k = cli({QStringLiteral("flash"), QStringLiteral("--port"), port,
                              QStringLiteral("--partition"), QStringLiteral("key"),
                              QStringLiteral("--file"), cert(QStringLiteral("client.key")),
                              QStringLiteral("--cert"), certFile, QStringLiteral("--no-backup")});
        if (k.exitCode != 0) {
            qWarning("flash key: %s", k.err.constData());
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_certs = std::make_unique<TlsLogFactory>(m_dir.path(), QStringLiteral(OPENSSL_PATH),
                                                  QString(), QString());
        QVERIFY2(m_certs->prepareCertificates(), qPrintable(m_certs->lastError()));
    }

    void usageErrorsExit2()
    {
        QCOMPARE(cli({QStringLiteral("monitor")}).exitCode, 2);
        QCOMPARE(
            cli({QStringLiteral("monitor"), QStringLiteral("--port"), QStringLiteral("/dev/null"),
                 QStringLiteral("--baud"), QStringLiteral("fast")})
                .exitCode,
            2);
        QCOMPARE(cli({QStringLiteral("monitor"), QStringLiteral("--port"),
                      QStringLiteral("/dev/null"), QStringLiteral("--until"), QStringLiteral("(")})
                     .exitCode,
                 2);
        const CliRun missing
            = cli({QStringLiteral("monitor"), QStringLiteral("--port"),
                   m_dir.filePath(QStringLiteral("nope")), QStringLiteral("--json")});
        QCOMPARE(missing.exitCode, 3);
        QCOMPARE(missing.events(QStringLiteral("end"))
                     .value(0)
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("error"));
    }

    void flashedPairConnects()
    {
        TlsServer server;
        QVERIFY(startServerRequiringClientCert(server));
        FirmwareSetup setup;
        setup.port = server.port();
        setup.caPem = readAll(cert(QStringLiteral("ca.crt")));
        setup.bootDelayMs
            = 2000; // the flash command has closed the port by then, even on a loaded machine
        setup.wifiDelayMs = 500;
        setup.retryMs = 1500;
        SimProcess sim;
        QString error;
        QVERIFY2(sim.start(writeProfile(QStringLiteral("ok.json"), setup), {}, &error),
                 qPrintable(error));
        QVERIFY(flashPair(sim.address(), cert(QStringLiteral("client.crt"))));

        const QString capture = m_dir.filePath(QStringLiteral("ok.log"));
        const CliRun m = cli({QStringLiteral("monitor"), QStringLiteral("--port"), sim.address(),
                              QStringLiteral("--until-handshake"), QStringLiteral("--timeout"),
                              QStringLiteral("90"), QStringLiteral("--capture"), capture,
                              QStringLiteral("--json")});
        QVERIFY2(m.exitCode == 0, m.out.right(3000).constData());
        const QList<QJsonObject> hs = m.events(QStringLiteral("handshake"));
        QCOMPARE(hs.size(), 1);
        QCOMPARE(hs.first().value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
        QCOMPARE(
            m.events(QStringLiteral("end")).value(0).value(QStringLiteral("reason")).toString(),
            QStringLiteral("handshake"));
        QVERIFY(!m.events(QStringLiteral("tls_start")).isEmpty());
        // The board used the certificate it found in its own flash.
        QVERIFY(readAll(capture).contains("Client certificate from partitions cert@0x110000"));
    }

    void untrustedPairIsDiagnosedFromTheBoardsOwnLog()
    {
        TlsServer server;
        QVERIFY(startServerRequiringClientCert(server));
        FirmwareSetup setup;
        setup.port = server.port();
        setup.caPem = readAll(cert(QStringLiteral("ca.crt")));
        setup.bootDelayMs
            = 2000; // the flash command has closed the port by then, even on a loaded machine
        setup.wifiDelayMs = 500;
        setup.retryMs = 1500;
        SimProcess sim;
        QString error;
        QVERIFY2(sim.start(writeProfile(QStringLiteral("untrusted.json"), setup), {}, &error),
                 qPrintable(error));
        QVERIFY(flashPair(sim.address(), cert(QStringLiteral("client-untrusted.crt"))));

        const QString capture = m_dir.filePath(QStringLiteral("untrusted.log"));
        const CliRun m = cli({QStringLiteral("monitor"), QStringLiteral("--port"), sim.address(),
                              QStringLiteral("--until-handshake"), QStringLiteral("--timeout"),
                              QStringLiteral("90"), QStringLiteral("--capture"), capture,
                              QStringLiteral("--json")});
        QVERIFY2(m.exitCode == 1, m.out.right(3000).constData());
        const QJsonObject hs = m.events(QStringLiteral("handshake")).value(0);
        QCOMPARE(hs.value(QStringLiteral("result")).toString(), QStringLiteral("fail"));
        QCOMPARE(hs.value(QStringLiteral("final_error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("-0x7780"));
        const QJsonArray diagnoses = hs.value(QStringLiteral("diagnoses")).toArray();
        QVERIFY(!diagnoses.isEmpty());
        const QJsonObject top = diagnoses.first().toObject();
        QCOMPARE(top.value(QStringLiteral("id")).toString(),
                 QStringLiteral("client-certificate-rejected"));
        QVERIFY(!top.value(QStringLiteral("fixes")).toArray().isEmpty());
        // The evidence points at the board's own lines: the alert it received.
        const QByteArray log = readAll(capture);
        const QJsonArray evidence = top.value(QStringLiteral("evidence")).toArray();
        QVERIFY(!evidence.isEmpty());
        bool alertLine = false;
        for (const QJsonValue &v : evidence) {
            const QString text
                = lineOf(log, v.toObject().value(QStringLiteral("line")).toInteger());
            QVERIFY2(!text.isEmpty(), qPrintable(QString::number(
                                          v.toObject().value(QStringLiteral("line")).toInteger())));
            alertLine = alertLine || text.contains(QLatin1String("alert"));
        }
        QVERIFY(alertLine);
        // The code events decoded the errors as they went by.
        bool decoded = false;
        for (const QJsonObject &c : m.events(QStringLiteral("code")))
            decoded = decoded
                      || c.value(QStringLiteral("name")).toString()
                             == QLatin1String("MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE");
        QVERIFY(decoded);

        // The capture through `diagnose`: the same answer, line for line.
        const CliRun d = cli({QStringLiteral("diagnose"), capture, QStringLiteral("--json")});
        QCOMPARE(d.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(d.out).object();
        QCOMPARE(report.value(QStringLiteral("final_error")),
                 hs.value(QStringLiteral("final_error")));
        QCOMPARE(report.value(QStringLiteral("diagnoses")), hs.value(QStringLiteral("diagnoses")));

        // Without --json: the lines on stdout, the finding on stderr.
        const CliRun text = cli({QStringLiteral("monitor"), QStringLiteral("--port"), sim.address(),
                                 QStringLiteral("--until-handshake"), QStringLiteral("--timeout"),
                                 QStringLiteral("90")});
        QCOMPARE(text.exitCode, 1);
        QVERIFY(text.out.contains("mbedtls_ssl_handshake returned -0x7780"));
        QVERIFY(text.err.contains("TLS handshake FAILED"));
        QVERIFY(text.err.contains("client-certificate-rejected"));
    }

    void aPortThatGoesAwayEndsWithExit5()
    {
        FirmwareSetup setup; // no firmware section matters here: the board sits in the ROM loader
        QJsonObject profile = boardProfileJson(setup);
        profile.remove(QStringLiteral("firmware"));
        const QString path = m_dir.filePath(QStringLiteral("rom.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(profile).toJson());
        f.close();
        SimProcess sim;
        QString error;
        QVERIFY2(sim.start(path, {}, &error), qPrintable(error));

        QProcess monitor;
        monitor.start(QStringLiteral(FORGELINE_CLI_PATH),
                      {QStringLiteral("monitor"), QStringLiteral("--port"), sim.address(),
                       QStringLiteral("--until-handshake"), QStringLiteral("--timeout"),
                       QStringLiteral("8"), QStringLiteral("--json")});
        QVERIFY(monitor.waitForStarted());
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (!out.contains("waiting for download") && t.elapsed() < 30000) {
            monitor.waitForReadyRead(100);
            out += monitor.readAllStandardOutput();
        }
        QVERIFY2(out.contains("waiting for download"), out.constData());
        sim.stop(); // the board's port disappears and does not come back
        QVERIFY(monitor.waitForFinished(60000));
        out += monitor.readAllStandardOutput();
        QCOMPARE(monitor.exitCode(), 5);
        QVERIFY(out.contains("\"status\":\"lost\""));
        QVERIFY(out.contains("\"reason\":\"port-lost\""));
    }

    // A soak's --timeout of weeks: 3,000,000 s is 3e9 ms, past the int a QTimer counts in.
    // The run must not wrap into "no timeout" or an instant one (nor trip UBSan's
    // float-cast check): it ends on --until, as it would with any timeout.
    void aTimeoutOfWeeksDoesNotWrap()
    {
        FirmwareSetup setup;
        QJsonObject profile = boardProfileJson(setup);
        profile.remove(QStringLiteral("firmware"));
        const QString path = m_dir.filePath(QStringLiteral("rom-soak.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(profile).toJson());
        f.close();
        SimProcess sim;
        QString error;
        QVERIFY2(sim.start(path, {}, &error), qPrintable(error));
        const CliRun r = cli({QStringLiteral("monitor"), QStringLiteral("--port"), sim.address(),
                              QStringLiteral("--until"), QStringLiteral("waiting for download"),
                              QStringLiteral("--timeout"), QStringLiteral("3000000"),
                              QStringLiteral("--json")},
                             60000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("\"reason\":\"until\""), r.out.constData());
        QVERIFY2(!r.err.contains("negative") && !r.err.contains("runtime error"),
                 r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestMonitorCli)
#include "tst_monitorcli.moc"
