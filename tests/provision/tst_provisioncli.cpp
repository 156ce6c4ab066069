// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline-cli against a forgeline-sim process over real HTTP on 127.0.0.1: every outcome
// with its user-facing message and exit code, with tracing on, and no secret in any output.
#include "provisionprocesses.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace {

const QString Pop = QStringLiteral("abcd1234");
const QString Passphrase = QStringLiteral("factory-pass-123");
const QString WrongPop = QStringLiteral("wrong-pop-5150");
const QString WrongPassphrase = QStringLiteral("not-the-pass-777");

using ProvisionTest::CliRun;

} // namespace

class TestProvisionCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_profile;
    QStringList m_allOutput; // every byte any process printed, checked for secrets at the end

    using Sim = ProvisionTest::SimProcess;

    Sim startSim(const QStringList &extra)
    {
        return ProvisionTest::startSim(this, m_profile, extra, m_allOutput);
    }
    QString stopSim(Sim &sim) { return ProvisionTest::stopSim(sim, m_allOutput); }

    CliRun cli(const QStringList &args, const QString &pop = Pop, const QString &pass = Passphrase)
    {
        return ProvisionTest::runCli(args, pop, pass, m_allOutput);
    }

    QStringList provisionArgs(quint16 port, const QString &ssid = QStringLiteral("FactoryNet"))
    {
        return {QStringLiteral("provision"),
                QStringLiteral("--host"),
                QStringLiteral("127.0.0.1:%1").arg(port),
                QStringLiteral("--pop-env"),
                QStringLiteral("FL_POP"),
                QStringLiteral("--ssid"),
                ssid,
                QStringLiteral("--passphrase-env"),
                QStringLiteral("FL_PASS"),
                QStringLiteral("--poll-interval"),
                QStringLiteral("50"),
                QStringLiteral("--trace")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The default board with short delays so the suite stays quick.
        QFile f(QStringLiteral(":/forgeline/data/boards/default.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QJsonObject pc = o.value(QStringLiteral("protocomm")).toObject();
        pc.insert(QStringLiteral("delays"), QJsonObject{{QStringLiteral("responseMs"), 1},
                                                        {QStringLiteral("scanMs"), 30},
                                                        {QStringLiteral("applyMs"), 40},
                                                        {QStringLiteral("restartMs"), 200}});
        o.insert(QStringLiteral("protocomm"), pc);
        QJsonObject wifi = o.value(QStringLiteral("wifi")).toObject();
        wifi.insert(QStringLiteral("connectDelayMs"), 60);
        o.insert(QStringLiteral("wifi"), wifi);
        m_profile = m_dir.filePath(QStringLiteral("board.json"));
        QFile out(m_profile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(o).toJson());
    }

    void outcomes_data()
    {
        QTest::addColumn<QStringList>("simArgs");
        QTest::addColumn<QString>("ssid");
        QTest::addColumn<QString>("pop");
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("deviceLog");

        QTest::newRow("success") << QStringList() << QStringLiteral("FactoryNet") << Pop
                                 << Passphrase << 0
                                 << QStringLiteral(
                                        "Connected to FactoryNet: IP 192.168.1.50, channel 6")
                                 << QStringLiteral("app: Provisioning successful");
        QTest::newRow("wrong PoP")
            << QStringList() << QStringLiteral("FactoryNet") << WrongPop << Passphrase << 1
            << QStringLiteral("the device rejected the proof of possession (PoP)")
            << QStringLiteral("security1: Key mismatch. Close connection");
        QTest::newRow("wrong PoP, cookie session over closed connections")
            << QStringList{QStringLiteral("--fault"), QStringLiteral("close-between")}
            << QStringLiteral("FactoryNet") << WrongPop << Passphrase << 1
            << QStringLiteral("the device rejected the proof of possession (PoP)")
            << QStringLiteral("security1: Key mismatch. Close connection");
        QTest::newRow("wrong passphrase")
            << QStringList() << QStringLiteral("FactoryNet") << Pop << WrongPassphrase << 1
            << QStringLiteral("the Wi-Fi passphrase is wrong (AuthError)")
            << QStringLiteral("wifi_prov_mgr: STA Auth Error");
        QTest::newRow("unknown SSID")
            << QStringList() << QStringLiteral("NoSuchNet") << Pop << Passphrase << 1
            << QStringLiteral("could not find the network 'NoSuchNet' (NetworkNotFound)")
            << QStringLiteral("wifi_prov_mgr: STA AP Not found");
        QTest::newRow("socket closed between requests (case: session lost on socket change)")
            << QStringList{QStringLiteral("--session-mode"), QStringLiteral("socket"),
                           QStringLiteral("--fault"), QStringLiteral("close-after:3")}
            << QStringLiteral("FactoryNet") << Pop << Passphrase << 0
            << QStringLiteral("Secure session re-established")
            // Whether the device logs "Secure session not established" depends on whether the client
            // sees the close before its next request (then it re-handshakes first): both are right.
            // What must hold is that the board ends provisioned on the re-established session.
            << QStringLiteral("app: Provisioning successful");
        QTest::newRow("response dropped")
            << QStringList{QStringLiteral("--fault"), QStringLiteral("drop-response:4")}
            << QStringLiteral("FactoryNet") << Pop << Passphrase << 0
            << QStringLiteral("Secure session re-established")
            << QStringLiteral("app: Provisioning successful");
        QTest::newRow("device restarted mid-flow")
            << QStringList{QStringLiteral("--fault"), QStringLiteral("restart-at:5")}
            << QStringLiteral("FactoryNet") << Pop << Passphrase << 0
            << QStringLiteral("Secure session re-established")
            << QStringLiteral("rst:0xc (SW_CPU_RESET)");
    }

    void outcomes()
    {
        QFETCH(QStringList, simArgs);
        QFETCH(QString, ssid);
        QFETCH(QString, pop);
        QFETCH(QString, passphrase);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QFETCH(QString, deviceLog);
        Sim sim = startSim(simArgs);
        QVERIFY(sim.port != 0);
        const CliRun r = cli(provisionArgs(sim.port, ssid), pop, passphrase);
        const QString log = stopSim(sim);
        QVERIFY2(r.exitCode == exitCode,
                 qPrintable(QStringLiteral("exit %1\n%2\n%3").arg(r.exitCode).arg(r.out, r.err)));
        QVERIFY2(QString(r.out + r.err).contains(message), qPrintable(r.out + r.err));
        QVERIFY2(log.contains(deviceLog), qPrintable(log));
    }

    // The reported case: socket-bound firmware that closes the connection after every reply.
    // The session dies between the two handshake steps, before the PoP is ever checked, so the
    // technician must not be sent to re-type it.
    void sessionLostBetweenHandshakeStepsIsNotThePop()
    {
        const QStringList simArgs{QStringLiteral("--session-mode"), QStringLiteral("socket"),
                                  QStringLiteral("--fault"), QStringLiteral("close-between")};
        Sim sim = startSim(simArgs);
        QVERIFY(sim.port != 0);
        const CliRun r = cli(provisionArgs(sim.port));
        const CliRun j = cli(provisionArgs(sim.port) << QStringLiteral("--json"));
        const QString log = stopSim(sim);
        const QString all = r.out + r.err;
        QVERIFY2(r.exitCode == 5,
                 qPrintable(QStringLiteral("exit %1\n%2").arg(r.exitCode).arg(all)));
        QVERIFY2(!all.contains(QStringLiteral("rejected the proof of possession")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("secure session was lost between handshake steps")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Do not re-type the PoP")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("socket-bound session mode")), qPrintable(all));
        QVERIFY2(log.contains(QStringLiteral("security1: Invalid state of session 1")),
                 qPrintable(log));
        QVERIFY2(!log.contains(QStringLiteral("Key mismatch")), qPrintable(log));

        QCOMPARE(j.exitCode, 5);
        const QJsonObject error = QJsonDocument::fromJson(j.out.toUtf8())
                                      .object()
                                      .value(QStringLiteral("error"))
                                      .toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(),
                 QStringLiteral("protocomm.sessionlost"));
        QVERIFY(error.value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("lost between handshake steps")));
        QVERIFY(!error.value(QStringLiteral("detail")).toString().isEmpty());
        for (const QString &field :
             {QStringLiteral("message"), QStringLiteral("detail"), QStringLiteral("fix")})
            QVERIFY2(!error.value(field).toString().contains(Pop), qPrintable(field));
    }

    void jsonReport()
    {
        Sim sim = startSim({});
        QVERIFY(sim.port != 0);
        const CliRun r
            = cli(provisionArgs(sim.port) << QStringLiteral("--json") << QStringLiteral("--scan"));
        stopSim(sim);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("connected")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("ip")).toString(), QStringLiteral("192.168.1.50"));
        QCOMPARE(o.value(QStringLiteral("channel")).toInt(), 6);
        QCOMPARE(o.value(QStringLiteral("exitCode")).toInt(), 0);
    }

    void scanAndEndpoint()
    {
        Sim sim = startSim({});
        QVERIFY(sim.port != 0);
        const QString host = QStringLiteral("127.0.0.1:%1").arg(sim.port);
        const CliRun scan = cli({QStringLiteral("scan"), QStringLiteral("--host"), host,
                                 QStringLiteral("--pop-env"), QStringLiteral("FL_POP"),
                                 QStringLiteral("--json")});
        QCOMPARE(scan.exitCode, 0);
        const QJsonArray nets = QJsonDocument::fromJson(scan.out.toUtf8())
                                    .object()
                                    .value(QStringLiteral("networks"))
                                    .toArray();
        QCOMPARE(nets.size(), 3);
        QCOMPARE(nets.at(0).toObject().value(QStringLiteral("ssid")).toString(),
                 QStringLiteral("FactoryNet"));
        QCOMPARE(nets.at(0).toObject().value(QStringLiteral("rssi")).toInt(), -42);
        QCOMPARE(nets.at(1).toObject().value(QStringLiteral("auth")).toString(),
                 QStringLiteral("Open"));
        QCOMPARE(nets.at(2).toObject().value(QStringLiteral("channel")).toInt(), 1);
        const CliRun ep = cli({QStringLiteral("endpoint"), QStringLiteral("--host"), host,
                               QStringLiteral("--pop-env"), QStringLiteral("FL_POP"),
                               QStringLiteral("custom-data"), QStringLiteral("hello")});
        QCOMPARE(ep.exitCode, 0);
        QVERIFY(ep.out.startsWith(QStringLiteral("SUCCESS")));
        const QString log = stopSim(sim);
        QVERIFY(log.contains(QStringLiteral("Received data: hello")));
    }

    void popOnCommandLineIsWarnedAndRedacted()
    {
        Sim sim = startSim({});
        QVERIFY(sim.port != 0);
        const CliRun r = cli({QStringLiteral("provision"), QStringLiteral("--host"),
                              QStringLiteral("127.0.0.1:%1").arg(sim.port), QStringLiteral("--pop"),
                              Pop, QStringLiteral("--ssid"), QStringLiteral("FactoryNet"),
                              QStringLiteral("--passphrase"), Passphrase, QStringLiteral("--trace"),
                              QStringLiteral("--poll-interval"), QStringLiteral("50")});
        stopSim(sim);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains(QStringLiteral("visible to other users in the process list")));
    }

    void noDeviceIsExit5()
    {
        const CliRun r
            = cli({QStringLiteral("provision"), QStringLiteral("--host"),
                   QStringLiteral("127.0.0.1:1"), QStringLiteral("--pop-env"),
                   QStringLiteral("FL_POP"), QStringLiteral("--ssid"), QStringLiteral("FactoryNet"),
                   QStringLiteral("--passphrase-env"), QStringLiteral("FL_PASS")});
        QCOMPARE(r.exitCode, 5);
        QVERIFY(r.err.contains(QStringLiteral("Could not connect to the device")));
    }

    void ctrlCCancels()
    {
        Sim sim = startSim({QStringLiteral("--fault"), QStringLiteral("slow:5000")});
        QVERIFY(sim.port != 0);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FL_POP"), Pop);
        env.insert(QStringLiteral("FL_PASS"), Passphrase);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FORGELINE_CLI_PATH), provisionArgs(sim.port));
        QVERIFY(p.waitForStarted());
        QTest::qWait(700);
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        m_allOutput << QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        stopSim(sim);
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
    }

    // The address parser is core/common/endpoint.h; here: the CLI refuses what it refuses.
    void addressErrorsAreUsageErrors_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("says");
        QTest::newRow("port over 16 bits") << "127.0.0.1:70000"
                                           << "70000 is out of range";
        QTest::newRow("port zero") << "127.0.0.1:0"
                                   << "out of range";
        QTest::newRow("unbracketed v6 port") << "fe80::1:80:x"
                                             << "brackets";
    }

    void addressErrorsAreUsageErrors()
    {
        QFETCH(QString, host);
        QFETCH(QString, says);
        // Before the fix ":70000" was cast to 16 bits and dialled port 4464.
        QStringList args = provisionArgs(1);
        args[2] = host;
        const CliRun r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0); // one line
    }

    void provisionsOverIpv6()
    {
        Sim sim = startSim({QStringLiteral("--http-bind"), QStringLiteral("::1")});
        if (sim.port == 0) {
            stopSim(sim);
            QSKIP("this machine has no IPv6 loopback (::1)");
        }
        QStringList args = provisionArgs(sim.port);
        args[2] = QStringLiteral("[::1]:%1").arg(sim.port);
        args << QStringLiteral("--json");
        const CliRun r = cli(args);
        const QString log = stopSim(sim);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all() + log));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("connected")).toBool(), true);
    }

    void usageErrors()
    {
        QCOMPARE(cli({QStringLiteral("provision"), QStringLiteral("--host"),
                      QStringLiteral("127.0.0.1:80")})
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("provision"), QStringLiteral("--qr"),
                      QStringLiteral("{not json"), QStringLiteral("--ssid"), QStringLiteral("x")})
                     .exitCode,
                 2);
    }

    // Runs last: everything above ran with tracing on.
    void zz_noSecretInAnyOutput()
    {
        QVERIFY(m_allOutput.size() > 20);
        for (const QString &text : std::as_const(m_allOutput)) {
            for (const QString &secret : {Pop, Passphrase, WrongPop, WrongPassphrase})
                QVERIFY2(!text.contains(secret),
                         qPrintable(QStringLiteral("'%1' leaked into:\n%2").arg(secret, text)));
        }
    }
};

QTEST_GUILESS_MAIN(TestProvisionCli)
#include "tst_provisioncli.moc"
