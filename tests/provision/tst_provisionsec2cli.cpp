// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline-cli against a forgeline-sim process running the Security 2 board profile, over real
// HTTP on 127.0.0.1, in both AES-GCM nonce modes (sec_patch_ver 1 and 0): provisioning, scan,
// custom endpoint, a lost reply with re-handshake, and a wrong username or password reported as
// such (not as a lost session). No secret in any output, with tracing on.
#include "core/protocomm/srp6a.h"
#include "provisionprocesses.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString Username = QStringLiteral("wifiprov");
const QString Password = QStringLiteral("abcd1234");
const QString Passphrase = QStringLiteral("factory-pass-123");
const QString WrongPassword = QStringLiteral("wrong-sec2-pw-4711");

using ProvisionTest::CliRun;

} // namespace

class TestProvisionSec2Cli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_allOutput;
    int m_profiles = 0;
    QStringList m_extraSecrets;

    using Sim = ProvisionTest::SimProcess;

    QString writeProfile(int patch, const QJsonObject &overrides = {})
    {
        QFile f(QStringLiteral(":/forgeline/data/boards/security2.json"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QJsonObject pc = o.value(QStringLiteral("protocomm")).toObject();
        pc.insert(QStringLiteral("secPatchVer"), patch);
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            pc.insert(it.key(), it.value());
        pc.insert(QStringLiteral("delays"), QJsonObject{{QStringLiteral("responseMs"), 1},
                                                        {QStringLiteral("scanMs"), 30},
                                                        {QStringLiteral("applyMs"), 40},
                                                        {QStringLiteral("restartMs"), 200}});
        o.insert(QStringLiteral("protocomm"), pc);
        QJsonObject wifi = o.value(QStringLiteral("wifi")).toObject();
        wifi.insert(QStringLiteral("connectDelayMs"), 60);
        o.insert(QStringLiteral("wifi"), wifi);
        const QString path
            = m_dir.filePath(QStringLiteral("sec2-patch%1-%2.json").arg(patch).arg(++m_profiles));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(QJsonDocument(o).toJson());
        return path;
    }

    Sim startSim(int patch, const QStringList &extra = {}, const QJsonObject &overrides = {})
    {
        return ProvisionTest::startSim(this, writeProfile(patch, overrides), extra, m_allOutput);
    }
    QString stopSim(Sim &sim) { return ProvisionTest::stopSim(sim, m_allOutput); }

    CliRun cli(const QStringList &args, const QString &password = Password)
    {
        return ProvisionTest::runCli(args, password, Passphrase, m_allOutput);
    }

    static QString host(const Sim &sim) { return QStringLiteral("127.0.0.1:%1").arg(sim.port); }

    static QStringList provisionArgs(const Sim &sim, const QString &username = Username)
    {
        QStringList a{QStringLiteral("provision"), QStringLiteral("--host"), host(sim)};
        if (!username.isEmpty())
            a << QStringLiteral("--username") << username;
        return a << QStringLiteral("--pop-env") << QStringLiteral("FL_POP")
                 << QStringLiteral("--ssid") << QStringLiteral("FactoryNet")
                 << QStringLiteral("--passphrase-env") << QStringLiteral("FL_PASS")
                 << QStringLiteral("--poll-interval") << QStringLiteral("50")
                 << QStringLiteral("--trace");
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void provisionsInBothNonceModes_data()
    {
        QTest::addColumn<int>("patch");
        QTest::addColumn<QString>("nonce");
        QTest::newRow("sec_patch_ver 1")
            << 1 << QStringLiteral("sec_patch_ver 1 nonce (8-byte session id + counter from 1)");
        QTest::newRow("sec_patch_ver 0")
            << 0 << QStringLiteral("sec_patch_ver 0 nonce (fixed 16-byte IV)");
    }

    void provisionsInBothNonceModes()
    {
        QFETCH(int, patch);
        QFETCH(QString, nonce);
        Sim sim = startSim(patch);
        QVERIFY(sim.port != 0);
        const CliRun r = cli(provisionArgs(sim) << QStringLiteral("--scan"));
        const QString log = stopSim(sim);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(
            r.out.contains(QStringLiteral("Connected to FactoryNet: IP 192.168.1.70, channel 6")),
            qPrintable(r.all()));
        QVERIFY2(r.out.contains(QStringLiteral("LabNet")),
                 qPrintable(r.out)); // the scan went over GCM too
        QVERIFY2(
            r.err.contains(QStringLiteral("Security2 session established: AES-256-GCM, ") + nonce),
            qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("\"sec_patch_ver\": %1").arg(patch)),
                 qPrintable(r.err));
        QVERIFY(log.contains(QStringLiteral("app: Provisioning successful")));
        QVERIFY2(!log.contains(QStringLiteral("gcm_auth_decrypt")), qPrintable(log));
    }

    void jsonReportNamesSecurity2()
    {
        Sim sim = startSim(1);
        QVERIFY(sim.port != 0);
        const CliRun j = cli(provisionArgs(sim) << QStringLiteral("--json"));
        stopSim(sim);
        QVERIFY2(j.exitCode == 0, qPrintable(j.all()));
        const QJsonObject o = QJsonDocument::fromJson(j.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("connected")).toBool(), true);
        const QJsonObject device = o.value(QStringLiteral("device")).toObject();
        QCOMPARE(device.value(QStringLiteral("security")).toInt(), 2);
        QCOMPARE(device.value(QStringLiteral("securityPatch")).toInt(), 1);
    }

    void usernameAndPasswordFromQr()
    {
        Sim sim = startSim(1);
        QVERIFY(sim.port != 0);
        const QString qr
            = QStringLiteral(
                  "{\"ver\":\"v1\",\"name\":\"PROV_FL0020\",\"username\":\"%1\",\"pop\":\"%2\",\"transport\":\"softap\",\"security\":2}")
                  .arg(Username, Password);
        const CliRun r = cli({QStringLiteral("provision"), QStringLiteral("--host"), host(sim),
                              QStringLiteral("--qr"), qr, QStringLiteral("--ssid"),
                              QStringLiteral("FactoryNet"), QStringLiteral("--passphrase-env"),
                              QStringLiteral("FL_PASS"), QStringLiteral("--poll-interval"),
                              QStringLiteral("50")});
        stopSim(sim);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY(r.out.contains(QStringLiteral("Connected to FactoryNet")));
    }

    void wrongCredentialsAreNamed_data()
    {
        QTest::addColumn<QStringList>("simArgs");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password") << QStringList() << Username << WrongPassword;
        QTest::newRow("wrong username") << QStringList() << QStringLiteral("wifiprov2") << Password;
        QTest::newRow("wrong password, connection closed after every reply")
            << QStringList{QStringLiteral("--fault"), QStringLiteral("close-between")} << Username
            << WrongPassword;
    }

    void wrongCredentialsAreNamed()
    {
        QFETCH(QStringList, simArgs);
        QFETCH(QString, username);
        QFETCH(QString, password);
        Sim sim = startSim(1, simArgs);
        QVERIFY(sim.port != 0);
        const CliRun r = cli(provisionArgs(sim, username), password);
        const CliRun j = cli(provisionArgs(sim, username) << QStringLiteral("--json"), password);
        const QString log = stopSim(sim);
        QVERIFY2(r.exitCode == 1,
                 qPrintable(QStringLiteral("exit %1\n%2").arg(r.exitCode).arg(r.all())));
        QVERIFY2(r.err.contains(QStringLiteral("wrong username or proof-of-possession password")),
                 qPrintable(r.all()));
        QVERIFY2(!r.all().contains(QStringLiteral("session was lost")), qPrintable(r.all()));
        QVERIFY2(log.contains(QStringLiteral("security2: Failed to authenticate client proof!")),
                 qPrintable(log));
        // The whole exchange on failure: this row races a device close against SessionCmd1.
        QVERIFY2(
            j.exitCode == 1,
            qPrintable(
                QStringLiteral("exit %1\n%2\ndevice log:\n%3").arg(j.exitCode).arg(j.all(), log)));
        const QJsonObject error = QJsonDocument::fromJson(j.out.toUtf8())
                                      .object()
                                      .value(QStringLiteral("error"))
                                      .toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("protocomm.pop"));
        for (const QString &field :
             {QStringLiteral("message"), QStringLiteral("detail"), QStringLiteral("fix")})
            QVERIFY2(!error.value(field).toString().contains(password), qPrintable(field));
    }

    // Socket-bound firmware that closes after every reply: the session dies between the two
    // steps, before the proof is checked, so the password must not be blamed.
    void sessionLostBetweenStepsIsNotThePassword()
    {
        Sim sim = startSim(1, {QStringLiteral("--session-mode"), QStringLiteral("socket"),
                               QStringLiteral("--fault"), QStringLiteral("close-between")});
        QVERIFY(sim.port != 0);
        const CliRun r = cli(provisionArgs(sim));
        const QString log = stopSim(sim);
        QVERIFY2(r.exitCode == 5,
                 qPrintable(QStringLiteral("exit %1\n%2").arg(r.exitCode).arg(r.all())));
        QVERIFY2(r.err.contains(QStringLiteral("secure session was lost between handshake steps")),
                 qPrintable(r.all()));
        QVERIFY2(!r.all().contains(QStringLiteral("wrong username")), qPrintable(r.all()));
        QVERIFY2(!log.contains(QStringLiteral("Failed to authenticate client proof")),
                 qPrintable(log));
    }

    void lostReplyIsRecoveredWithANewHandshake()
    {
        // Request 4 is the first encrypted one (proto-ver, two handshake steps, SetConfig): its
        // reply is lost, so client and board GCM counters would disagree without a new session.
        Sim sim = startSim(1, {QStringLiteral("--fault"), QStringLiteral("drop-response:4")});
        QVERIFY(sim.port != 0);
        const CliRun r = cli(provisionArgs(sim));
        const QString log = stopSim(sim);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.err.contains(QStringLiteral("Secure session re-established")),
                 qPrintable(r.err));
        QVERIFY(log.contains(QStringLiteral("app: Provisioning successful")));
    }

    void scanAndEndpoint()
    {
        Sim sim = startSim(0);
        QVERIFY(sim.port != 0);
        const CliRun scan
            = cli({QStringLiteral("scan"), QStringLiteral("--host"), host(sim),
                   QStringLiteral("--username"), Username, QStringLiteral("--pop-env"),
                   QStringLiteral("FL_POP"), QStringLiteral("--json")});
        QVERIFY2(scan.exitCode == 0, qPrintable(scan.all()));
        const QJsonArray nets = QJsonDocument::fromJson(scan.out.toUtf8())
                                    .object()
                                    .value(QStringLiteral("networks"))
                                    .toArray();
        QCOMPARE(nets.size(), 3);
        const CliRun ep = cli({QStringLiteral("endpoint"), QStringLiteral("--host"), host(sim),
                               QStringLiteral("--username"), Username, QStringLiteral("--pop-env"),
                               QStringLiteral("FL_POP"), QStringLiteral("custom-data"),
                               QStringLiteral("hello-sec2")});
        const QString log = stopSim(sim);
        QVERIFY2(ep.exitCode == 0, qPrintable(ep.all()));
        QVERIFY(ep.out.startsWith(QStringLiteral("SUCCESS")));
        QVERIFY(log.contains(QStringLiteral("Received data: hello-sec2")));
    }

    void missingUsernameFallsBackToTheExampleDefault()
    {
        Sim sim = startSim(1);
        QVERIFY(sim.port != 0);
        const CliRun r = cli(provisionArgs(sim, QString()));
        const CliRun level = cli({QStringLiteral("provision"), QStringLiteral("--host"), host(sim),
                                  QStringLiteral("--sec"), QStringLiteral("3"),
                                  QStringLiteral("--pop-env"), QStringLiteral("FL_POP"),
                                  QStringLiteral("--ssid"), QStringLiteral("FactoryNet")});
        stopSim(sim);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.err.contains(QStringLiteral("using 'wifiprov'")), qPrintable(r.err));
        QCOMPARE(level.exitCode, 2);
        QVERIFY2(level.err.contains(QStringLiteral("--sec is 0, 1 or 2")), qPrintable(level.all()));
    }

    // esp_prov --sec2_gen_cred: the salt and verifier to build into the firmware.
    void generatedCredentialsProvisionABoard()
    {
        const QString salt = QStringLiteral("036ee0c7bcb9eda84c9eac97d93decf4");
        const CliRun example = cli({QStringLiteral("provision"), QStringLiteral("--sec2-gen-cred"),
                                    QStringLiteral("--username"), Username,
                                    QStringLiteral("--pop-env"), QStringLiteral("FL_POP"),
                                    QStringLiteral("--sec2-salt"), salt, QStringLiteral("--json")});
        QVERIFY2(example.exitCode == 0, qPrintable(example.all()));
        const QJsonObject e = QJsonDocument::fromJson(example.out.toUtf8()).object();
        QCOMPARE(e.value(QStringLiteral("salt")).toString(), salt);
        const QString verifier = e.value(QStringLiteral("verifier")).toString();
        QCOMPARE(verifier.size(), 768);
        // The ESP-IDF example firmware's sec2_verifier for wifiprov / abcd1234 with that salt.
        QVERIFY2(verifier.startsWith(QStringLiteral("7c7c85476508946dd636af37d7e89143")),
                 qPrintable(verifier));
        QVERIFY(verifier.endsWith(QStringLiteral("e6f653c831a878de5040f762de36b2ba")));

        // A fresh random salt, as C arrays for the firmware.
        const QString user = QStringLiteral("line-7-station");
        const QString password = QStringLiteral("gen-cred-pw-2468");
        const CliRun text = cli({QStringLiteral("provision"), QStringLiteral("--sec2-gen-cred"),
                                 QStringLiteral("--username"), user, QStringLiteral("--pop-env"),
                                 QStringLiteral("FL_POP"), QStringLiteral("--sec2-salt-len"),
                                 QStringLiteral("32")},
                                password);
        QVERIFY2(text.exitCode == 0, qPrintable(text.all()));
        QVERIFY(text.out.contains(QStringLiteral("static const char sec2_salt[] = {")));
        QVERIFY(text.out.contains(QStringLiteral("static const char sec2_verifier[] = {")));
        QVERIFY(!text.all().contains(password));
        const CliRun generated
            = cli({QStringLiteral("provision"), QStringLiteral("--sec2-gen-cred"),
                   QStringLiteral("--username"), user, QStringLiteral("--pop-env"),
                   QStringLiteral("FL_POP"), QStringLiteral("--json")},
                  password);
        const QJsonObject g = QJsonDocument::fromJson(generated.out.toUtf8()).object();
        QCOMPARE(g.value(QStringLiteral("salt")).toString().size(), 32);
        QVERIFY(g.value(QStringLiteral("salt")).toString() != salt);

        // A board built with only that salt and verifier accepts exactly that username and password.
        const QJsonObject board{
            {QStringLiteral("username"), QString()},
            {QStringLiteral("pop"), QString()},
            {QStringLiteral("sec2Salt"), g.value(QStringLiteral("salt"))},
            {QStringLiteral("sec2Verifier"), g.value(QStringLiteral("verifier"))}};
        Sim sim = startSim(1, {}, board);
        QVERIFY(sim.port != 0);
        const CliRun wrong = cli(provisionArgs(sim, user), Password);
        const CliRun right = cli(provisionArgs(sim, user), password);
        stopSim(sim);
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(right.exitCode == 0, qPrintable(right.all()));
        for (const QString &t : std::as_const(m_allOutput))
            QVERIFY2(!t.contains(password), qPrintable(t));

        QCOMPARE(cli({QStringLiteral("provision"), QStringLiteral("--sec2-gen-cred"),
                      QStringLiteral("--pop-env"), QStringLiteral("FL_POP")})
                     .exitCode,
                 2);
    }

    // A board whose verifier esp_prov made, for a password whose inner digest starts with 0x00.
    void espProvVerifierIsAcceptedToo()
    {
        QByteArray password;
        for (int i = 0; i < 8192 && password.isEmpty(); ++i) {
            const QByteArray candidate = "esp-prov-pw-" + QByteArray::number(i);
            if (Forgeline::Protocomm::Srp::innerDigestHasLeadingZero(Username.toUtf8(), candidate))
                password = candidate;
        }
        QVERIFY(!password.isEmpty());
        m_extraSecrets << QString::fromUtf8(password);
        const auto creds = Forgeline::Protocomm::Srp::makeCredentials(
            Username.toUtf8(), password, {}, 16,
            Forgeline::Protocomm::Srp::InnerDigest::LeadingZerosStripped);
        QVERIFY(creds.ok());
        const QJsonObject board{
            {QStringLiteral("sec2Salt"), QString::fromLatin1(creds->salt.toHex())},
            {QStringLiteral("sec2Verifier"), QString::fromLatin1(creds->verifier.toHex())}};
        Sim sim = startSim(1, {}, board);
        QVERIFY(sim.port != 0);
        const CliRun r = cli(provisionArgs(sim), QString::fromUtf8(password));
        stopSim(sim);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.err.contains(QStringLiteral("verifier was made by esp_prov")),
                 qPrintable(r.err));
    }

    void zz_noSecretInAnyOutput()
    {
        QVERIFY(m_allOutput.size() > 20);
        for (const QString &text : std::as_const(m_allOutput)) {
            for (const QString &secret : QStringList{Passphrase, WrongPassword} + m_extraSecrets)
                QVERIFY2(!text.contains(secret),
                         qPrintable(QStringLiteral("'%1' leaked into:\n%2").arg(secret, text)));
            // The right password is the QR payload's too; it may only appear where the test put it.
            QVERIFY2(!text.contains(Password),
                     qPrintable(QStringLiteral("the password leaked into:\n%1").arg(text)));
        }
    }
};

QTEST_GUILESS_MAIN(TestProvisionSec2Cli)
#include "tst_provisionsec2cli.moc"
