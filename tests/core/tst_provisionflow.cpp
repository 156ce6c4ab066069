// SPDX-License-Identifier: GPL-3.0-or-later
// The whole provisioning flow over real HTTP on loopback, against the virtual board running
// in this process on the same event loop (no threads).
#include "core/protocomm/httptransport.h"
#include "core/protocomm/provisionjob.h"
#include "core/sim/protocommdevice.h"
#include "core/sim/protocommhttpserver.h"
#include "core/sim/protocommvirtualboard.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <optional>

using namespace Forgeline;
using namespace Forgeline::Protocomm;
using namespace Forgeline::Sim;

namespace {

const QByteArray Pop = "abcd1234";
const QByteArray Passphrase = "factory-pass-123";

BoardProfile fastProfile()
{
    BoardProfile p = BoardProfile::defaultProfile();
    p.removeDelays();
    return p;
}

struct Run
{
    ProvisionJob::Outcome outcome;
    QStringList traces; // everything the client said, unfiltered by the Redactor
    QStringList deviceLog;
    int connections = 0;
};

Run provision(BoardProfile profile, const std::function<void(ProvisionJob::Request &)> &tweak = {})
{
    ProtocommVirtualBoard board(profile);
    Run run;
    if (!board.start()) {
        run.outcome.error
            = Error::make(QStringLiteral("test"), QStringLiteral("board did not start"));
        return run;
    }
    ProvisionJob::Request r;
    r.host = QStringLiteral("127.0.0.1");
    r.port = board.port();
    r.client.pop = Pop;
    r.client.timeoutMs = 2000;
    r.wifi.ssid = "FactoryNet";
    r.wifi.passphrase = Passphrase;
    r.pollIntervalMs = 0;
    r.waitTimeoutMs = 10000;
    if (tweak)
        tweak(r);
    ProvisionJob job(r);
    QObject::connect(&job, &ProvisionJob::trace, [&](const QString &l) { run.traces << l; });
    QObject::connect(&job, &ProvisionJob::notice, [&](const QString &l) { run.traces << l; });
    QObject::connect(&job, &ProvisionJob::stepChanged,
                     [&](ProvisionJob::Step, const QString &l) { run.traces << l; });
    QSignalSpy finished(&job, &ProvisionJob::finished);
    job.start();
    if (finished.isEmpty() && !finished.wait(15000))
        run.outcome.error
            = Error::make(QStringLiteral("test"), QStringLiteral("job did not finish"));
    else
        run.outcome = job.outcome();
    if (run.outcome.error)
        run.traces << run.outcome.error->message << run.outcome.error->detail
                   << run.outcome.error->fix;
    run.deviceLog = board.deviceLog();
    run.connections = board.server()->connectionsAccepted();
    return run;
}

bool logHas(const Run &run, const QString &text)
{
    for (const QString &l : run.deviceLog) {
        if (l.contains(text))
            return true;
    }
    return false;
}

void expectNoSecrets(const Run &run)
{
    for (const QString &l : run.traces + run.deviceLog) {
        QVERIFY2(!l.contains(QString::fromUtf8(Pop)), qPrintable(l));
        QVERIFY2(!l.contains(QString::fromUtf8(Passphrase)), qPrintable(l));
    }
}

} // namespace

class TestProvisionFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void success()
    {
        const Run run = provision(fastProfile());
        QVERIFY2(run.outcome.connected,
                 run.outcome.error ? qPrintable(run.outcome.error->message) : "");
        QCOMPARE(run.outcome.status.ip4, QStringLiteral("192.168.1.50"));
        QCOMPARE(run.outcome.status.channel, 6);
        QCOMPARE(run.outcome.recoveries, 0);
        QCOMPARE(run.outcome.device.securityVersion, 1);
        QVERIFY(run.outcome.device.canScan());
        QCOMPARE(run.connections, 1); // the whole flow on one keep-alive connection
        QVERIFY(logHas(run, QStringLiteral("app: Provisioning successful")));
        expectNoSecrets(run);
    }

    void scanIsPaged()
    {
        BoardProfile p = fastProfile();
        for (int i = 0; i < 7; ++i)
            p.wifi.networks << WifiNetwork{QStringLiteral("Extra%1").arg(i),
                                           QByteArray::fromHex("0a0000000000"),
                                           -70 - i,
                                           1 + i,
                                           3,
                                           QStringLiteral("x")};
        const Run run = provision(p, [](ProvisionJob::Request &r) { r.scanFirst = true; });
        QVERIFY(run.outcome.connected);
        QCOMPARE(run.outcome.networks.size(), 10);
        QCOMPARE(run.outcome.networks.first().ssid, QByteArray("FactoryNet"));
        QCOMPARE(run.outcome.networks.first().rssi, -42);
        QCOMPARE(run.outcome.networks.last().ssid, QByteArray("Neighbor"));
        for (int i = 1; i < run.outcome.networks.size(); ++i)
            QVERIFY(run.outcome.networks.at(i - 1).rssi >= run.outcome.networks.at(i).rssi);
        expectNoSecrets(run);
    }

    void wrongPop()
    {
        const Run run = provision(
            fastProfile(), [](ProvisionJob::Request &r) { r.client.pop = "wrong-pop-0000"; });
        QVERIFY(!run.outcome.connected);
        QVERIFY(run.outcome.error);
        QCOMPARE(run.outcome.error->code, QStringLiteral("protocomm.pop"));
        QCOMPARE(run.outcome.error->message,
                 QStringLiteral("the device rejected the proof of possession (PoP)"));
        QCOMPARE(classify(*run.outcome.error), FailureKind::Rejected);
        QVERIFY(logHas(run, QStringLiteral("security1: Key mismatch. Close connection")));
        expectNoSecrets(run);
    }

    void wrongPassphraseThenRetry()
    {
        ProtocommVirtualBoard board(fastProfile());
        QVERIFY(board.start().ok());
        auto runOn = [&](const QByteArray &pass) {
            ProvisionJob::Request r;
            r.host = QStringLiteral("127.0.0.1");
            r.port = board.port();
            r.client.pop = Pop;
            r.wifi = WifiConfig{"FactoryNet", pass, {}, 0};
            r.pollIntervalMs = 0;
            ProvisionJob job(r);
            QSignalSpy done(&job, &ProvisionJob::finished);
            job.start();
            if (done.isEmpty())
                done.wait(10000);
            return job.outcome();
        };
        const ProvisionJob::Outcome bad = runOn("not-the-passphrase");
        QVERIFY(!bad.connected);
        QVERIFY(bad.error);
        QCOMPARE(bad.error->code, QStringLiteral("provision.autherror"));
        QVERIFY(bad.error->message.contains(QStringLiteral("passphrase is wrong")));
        QVERIFY(bad.status.failReason == FailReason::AuthError);
        QVERIFY(bad.boardReset); // prov-ctrl reset: the board is not stranded
        const ProvisionJob::Outcome good = runOn(Passphrase);
        QVERIFY2(good.connected, good.error ? qPrintable(good.error->message) : "");
    }

    void unknownSsid()
    {
        const Run run
            = provision(fastProfile(), [](ProvisionJob::Request &r) { r.wifi.ssid = "NoSuchNet"; });
        QVERIFY(run.outcome.error);
        QCOMPARE(run.outcome.error->code, QStringLiteral("provision.notfound"));
        QVERIFY(run.outcome.status.failReason == FailReason::NetworkNotFound);
        QVERIFY(logHas(run, QStringLiteral("STA AP Not found")));
        expectNoSecrets(run);
    }

    void cookieSessionSurvivesClosedSockets()
    {
        BoardProfile p = fastProfile();
        p.httpFaults.closeBetween = true;
        const Run run = provision(p);
        QVERIFY(run.outcome.connected);
        QCOMPARE(run.outcome.recoveries, 0); // the cookie kept the session across connections
        QVERIFY(run.connections > 3);
        QVERIFY(!logHas(run, QStringLiteral("Secure session not established")));
    }

    void seed000SocketBoundSessionRecovered()
    {
        BoardProfile p = fastProfile();
        p.protocomm.sessionMode = QStringLiteral("socket");
        p.httpFaults.closeAfter = 3; // right after the handshake, as in the forum report
        const Run run = provision(p);
        QVERIFY2(run.outcome.connected,
                 run.outcome.error ? qPrintable(run.outcome.error->message) : "");
        QCOMPARE(run.outcome.recoveries, 1);
        QVERIFY(logHas(run, QStringLiteral("E (")));
        QVERIFY(logHas(run, QStringLiteral("security1: Secure session not established")));
        QVERIFY(logHas(
            run,
            QStringLiteral("protocomm: Decryption of response failed for endpoint prov-config")));
        QVERIFY(
            run.outcome.notices.join(QLatin1Char('\n')).contains(QStringLiteral("re-established")));
        expectNoSecrets(run);
    }

    void droppedResponse_data()
    {
        QTest::addColumn<int>("request");
        QTest::newRow("SetConfig") << 4;
        QTest::newRow("Apply") << 5;
        QTest::newRow("GetStatus") << 6;
    }

    void droppedResponse()
    {
        QFETCH(int, request);
        BoardProfile p = fastProfile();
        p.httpFaults.dropResponse = request;
        const Run run = provision(p);
        QVERIFY2(run.outcome.connected,
                 run.outcome.error ? qPrintable(run.outcome.error->message) : "");
        QCOMPARE(run.outcome.recoveries, 1);
        QVERIFY(!run.outcome.notices.isEmpty());
    }

    void undecryptableReplyRecovered()
    {
        BoardProfile p = fastProfile();
        p.httpFaults.corruptResponse = 4; // SetConfig's reply no longer decrypts to a message
        const Run run = provision(p);
        QVERIFY2(run.outcome.connected,
                 run.outcome.error ? qPrintable(run.outcome.error->message) : "");
        QCOMPARE(run.outcome.recoveries, 1);
        QVERIFY(
            run.outcome.notices.join(QLatin1Char(' ')).contains(QStringLiteral("did not decrypt")));
    }

    void cancelStopsTheJob()
    {
        BoardProfile p = fastProfile();
        p.httpFaults.slowMs = 3000;
        ProtocommVirtualBoard board(p);
        QVERIFY(board.start().ok());
        ProvisionJob::Request r;
        r.host = QStringLiteral("127.0.0.1");
        r.port = board.port();
        r.client.pop = Pop;
        r.wifi = WifiConfig{"FactoryNet", Passphrase, {}, 0};
        ProvisionJob job(r);
        QSignalSpy done(&job, &ProvisionJob::finished);
        job.start();
        QTest::qWait(50);
        job.cancel();
        QCOMPARE(done.size(), 1);
        QVERIFY(!job.isRunning());
        QVERIFY(job.outcome().error);
        QCOMPARE(classify(*job.outcome().error), FailureKind::Cancelled);
    }

    void deviceRestartedMidFlow_data()
    {
        QTest::addColumn<int>("request");
        QTest::newRow("at SetConfig") << 4;
        QTest::newRow("at Apply") << 5;
        QTest::newRow("while polling") << 6;
    }

    void deviceRestartedMidFlow()
    {
        QFETCH(int, request);
        BoardProfile p = fastProfile();
        p.protocomm.restartDelayMs = 150; // refuses connections meanwhile
        p.httpFaults.restartAt = request;
        const Run run = provision(p);
        QVERIFY2(run.outcome.connected,
                 run.outcome.error ? qPrintable(run.outcome.error->message) : "");
        QVERIFY(run.outcome.recoveries >= 1);
        QVERIFY(logHas(run, QStringLiteral("rst:0xc (SW_CPU_RESET)")));
        expectNoSecrets(run);
    }

    void security0()
    {
        BoardProfile p = fastProfile();
        p.protocomm.security = 0;
        const Run run = provision(p, [](ProvisionJob::Request &r) { r.client.pop.clear(); });
        QVERIFY(run.outcome.connected);
        QCOMPARE(run.outcome.device.securityVersion, 0);
        QVERIFY(run.outcome.device.noSec);
    }

    void security1WithoutPop()
    {
        BoardProfile p = fastProfile();
        p.protocomm.pop.clear();
        const Run run = provision(p); // a PoP is given anyway: the board says no_pop, it is dropped
        QVERIFY(run.outcome.connected);
        QVERIFY(run.outcome.device.noPop);
        QVERIFY(run.outcome.notices.join(QLatin1Char(' '))
                    .contains(QStringLiteral("does not use a proof of possession")));
    }

    void bundledBoardProfiles()
    {
        const QDir dir(QStringLiteral(":/forgeline/data/boards"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")});
        QVERIFY(files.contains(QStringLiteral("default.json")));
        for (const QString &f : files) {
            Result<BoardProfile> p = BoardProfile::load(dir.filePath(f));
            QVERIFY2(p.ok(), qPrintable(f + QLatin1String(": ")
                                        + (p.ok() ? QString() : p.error().message)));
            QVERIFY(!p->wifi.networks.isEmpty());
            p->removeDelays();
            const Run run = provision(p.value(), [&](ProvisionJob::Request &r) {
                if (p->protocomm.security == 0)
                    r.client.pop.clear();
            });
            QVERIFY2(run.outcome.connected, qPrintable(f));
        }
        // The documented default board.
        const BoardProfile d = BoardProfile::defaultProfile();
        QCOMPARE(d.protocomm.deviceName, QStringLiteral("PROV_FL0001"));
        QCOMPARE(d.protocomm.security, 1);
        QCOMPARE(d.protocomm.pop, QStringLiteral("abcd1234"));
        QCOMPARE(d.wifi.networks.size(), 3);
        QCOMPARE(d.wifi.networks.at(0).ssid, QStringLiteral("FactoryNet"));
        QCOMPARE(d.wifi.networks.at(0).rssi, -42);
        QCOMPARE(d.wifi.networks.at(0).channel, 6);
        QCOMPARE(d.wifi.networks.at(1).authMode, 0);
        QCOMPARE(d.wifi.networks.at(2).rssi, -80);
        QCOMPARE(d.wifi.networks.at(2).channel, 1);
    }

    void faultSpecs()
    {
        BoardProfile p;
        QVERIFY(p.applyFault(QStringLiteral("drop-response:3")).ok());
        QCOMPARE(p.httpFaults.dropResponse, 3);
        QVERIFY(p.applyFault(QStringLiteral("close-between")).ok());
        QVERIFY(p.httpFaults.closeBetween);
        QVERIFY(!p.applyFault(QStringLiteral("restart-at:x")).ok());
        QVERIFY(!p.applyFault(QStringLiteral("explode")).ok());
        QVERIFY(!BoardProfile::fromJson(R"({"protocomm":{"security":2}})").ok());
        QVERIFY(!BoardProfile::fromJson(R"({"wifi":{"networks":[{"ssid":""}]}})").ok());
    }

    void lostContactAfterConnectedIsUnconfirmed()
    {
        BoardProfile p = fastProfile();
        p.protocomm.autoStopDelayMs = 0; // the board vanishes as soon as it has said Connected
        p.httpFaults.dropResponse = 6;   // ...and that reply is lost
        const Run run = provision(p);
        QVERIFY(run.outcome.error);
        QCOMPARE(run.outcome.error->code, QStringLiteral("provision.unconfirmed"));
        QCOMPARE(classify(*run.outcome.error), FailureKind::Device);
    }

    void securityMismatchIsClear()
    {
        BoardProfile p = fastProfile();
        const Run run = provision(p, [](ProvisionJob::Request &r) { r.client.security = 0; });
        QVERIFY(run.outcome.error);
        QCOMPARE(run.outcome.error->code, QStringLiteral("protocomm.security"));
    }

    void legacyClientWithoutCookies()
    {
        const Run run = provision(fastProfile(),
                                  [](ProvisionJob::Request &r) { r.client.useCookies = false; });
        QVERIFY(run.outcome.connected);
        QCOMPARE(run.connections, 1);
    }

    void noAnswerTimesOut()
    {
        BoardProfile p = fastProfile();
        p.httpFaults.slowMs = 2000;
        const Run run = provision(p, [](ProvisionJob::Request &r) { r.client.timeoutMs = 200; });
        QVERIFY(run.outcome.error);
        QCOMPARE(run.outcome.error->code, QStringLiteral("protocomm.timeout"));
        QCOMPARE(classify(*run.outcome.error), FailureKind::Device);
    }

    void customEndpointAndCtrl()
    {
        ProtocommVirtualBoard board(fastProfile());
        QVERIFY(board.start().ok());
        ProvisionClient::Options o;
        o.pop = Pop;
        ProvisionClient client(QStringLiteral("127.0.0.1"), board.port(), o);
        bool ok = false;
        QByteArray reply;
        std::optional<Error> ctrlError;
        std::optional<Error> unknownError;
        int steps = 0;
        client.connectDevice([&](Result<DeviceInfo> info) {
            ok = info.ok();
            ++steps;
            client.sendCustom(QStringLiteral("custom-data"), "hello board",
                              [&](Result<QByteArray> r) {
                                  ++steps;
                                  if (r)
                                      reply = r.value();
                                  client.control(CtrlCommand::Reprov, [&](Result<void> c) {
                                      ++steps;
                                      if (!c)
                                          ctrlError = c.error();
                                      client.sendCustom(QStringLiteral("no-such-endpoint"), "x",
                                                        [&](Result<QByteArray> u) {
                                                            ++steps;
                                                            if (!u)
                                                                unknownError = u.error();
                                                        });
                                  });
                              });
        });
        QTRY_COMPARE_WITH_TIMEOUT(steps, 4, 10000);
        QVERIFY(ok);
        QCOMPARE(reply, QByteArray("SUCCESS", 8));
        QVERIFY(ctrlError); // auto-stop firmware refuses reprov
        QCOMPARE(ctrlError->code, QStringLiteral("provision.ctrl"));
        QVERIFY(unknownError);
        QCOMPARE(unknownError->code, QStringLiteral("protocomm.http"));
        QVERIFY(board.deviceLog()
                    .join(QLatin1Char('\n'))
                    .contains(QStringLiteral("Received data: hello board")));
        QCOMPARE(client.transport()->connectionsOpened(), 1);
    }

    void jobDestroyedWhileTheCallersClientWaits()
    {
        // startOn(): the client is the caller's and outlives the job. A reply that arrives
        // after the job is gone is dropped (ASan builds would report a call into it), and the
        // client goes on working.
        BoardProfile p = fastProfile();
        p.httpFaults.slowMs = 200;
        ProtocommVirtualBoard board(p);
        QVERIFY(board.start().ok());
        ProvisionClient::Options o;
        o.pop = Pop;
        ProvisionClient client(QStringLiteral("127.0.0.1"), board.port(), o);
        std::optional<bool> connected;
        client.connectDevice([&](Result<DeviceInfo> info) { connected = info.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(connected.has_value(), 10000);
        QVERIFY(*connected);
        ProvisionJob::Request r;
        r.wifi = WifiConfig{"FactoryNet", Passphrase, {}, 0};
        auto *job = new ProvisionJob(r);
        int replies = 0;
        QObject::connect(client.transport(), &HttpTransport::trace, [&replies](const QString &l) {
            replies += l.startsWith(QLatin1String("HTTP "));
        });
        job->startOn(&client); // SetConfig goes out
        delete job;
        QTRY_COMPARE_WITH_TIMEOUT(replies, 1, 10000); // its reply came and was handled
        // (Not sooner: Security 1 is one cipher stream, so requests are encrypted in order.)
        std::optional<Result<WifiStatus>> status;
        client.getStatus([&](Result<WifiStatus> st) { status = st; });
        QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), 10000);
        QVERIFY2(status->ok(), qPrintable(status->ok() ? QString() : status->error().message));
    }
};

QTEST_GUILESS_MAIN(TestProvisionFlow)
#include "tst_provisionflow.moc"
