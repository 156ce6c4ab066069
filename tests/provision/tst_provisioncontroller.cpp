// SPDX-License-Identifier: GPL-3.0-or-later
// The provisioning controller the Provision workspace and `forgeline-cli provision` share,
// driven against the virtual board over real HTTP on loopback: a wrong Security 1 PoP is named,
// a session scans and provisions, provisioning without a session connects first, a run is
// cancelled mid-way, and neither the PoP nor the passphrase reaches the log.
#include "core/common/errorcodes.h"
#include "core/common/logger.h"
#include "core/protocomm/provisioncontroller.h"
#include "core/sim/protocommvirtualboard.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Forgeline;
using namespace Forgeline::Protocomm;
using namespace Forgeline::Sim;

namespace {

const QByteArray Pop = "abcd1234";
const QByteArray WrongPop = "wrong-pop-7373";
const QByteArray Passphrase = "factory-pass-123";
const QString PopMessage = QStringLiteral("the device rejected the proof of possession (PoP)");

// Quick, but with a board that takes a while to join, so a run can be caught waiting.
BoardProfile quickBoard(int connectDelayMs = 0)
{
    BoardProfile p = BoardProfile::defaultProfile();
    p.removeDelays();
    p.wifi.connectDelayMs = connectDelayMs;
    return p;
}

struct Board
{
    std::unique_ptr<ProtocommVirtualBoard> board;
    SessionTarget target;
};

Board startBoard(const BoardProfile &profile, const QByteArray &pop)
{
    Board b;
    b.board = std::make_unique<ProtocommVirtualBoard>(profile);
    if (!b.board->start())
        return b;
    b.target.endpoint = b.board->address();
    b.target.security = 1;
    b.target.pop = pop;
    return b;
}

void expectNoSecretsLogged()
{
    for (const LogEntry &e : Logger::instance().recent()) {
        for (const QByteArray &secret : {Pop, WrongPop, Passphrase})
            QVERIFY2(!e.message.contains(QString::fromUtf8(secret)), qPrintable(e.message));
    }
}

void expectNoSecretsIn(const Error &e)
{
    for (const QByteArray &secret : {Pop, WrongPop, Passphrase})
        for (const QString &text : {e.message, e.detail, e.fix})
            QVERIFY2(!text.contains(QString::fromUtf8(secret)), qPrintable(text));
}

} // namespace

class TestProvisionController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wrongPopIsNamed()
    {
        Board b = startBoard(quickBoard(), WrongPop);
        QVERIFY(b.board);
        ProvisionController c;
        QSignalSpy failed(&c, &ProvisionController::connectFailed);
        QSignalSpy connected(&c, &ProvisionController::connected);
        QVERIFY(c.connectTo(b.target).ok());
        QVERIFY(c.isBusy());
        QVERIFY(failed.wait(15000));
        QCOMPARE(connected.count(), 0);
        const Error e = failed.first().first().value<Error>();
        QCOMPARE(e.code, QStringLiteral("protocomm.pop"));
        QCOMPARE(e.message, PopMessage);
        QVERIFY(!e.isCancelled());
        expectNoSecretsIn(e);
        QVERIFY(!c.isBusy());
        QVERIFY(!c.isSessionOpen());
        QCOMPARE(c.detectedSecurity(), 1); // proto-ver answered before the PoP was refused
        expectNoSecretsLogged();
    }

    void refusalsComeBackAtOnce()
    {
        ProvisionController c;
        SessionTarget target;
        target.endpoint = QStringLiteral("127.0.0.1:70000");
        const Result<void> address = c.connectTo(target);
        QVERIFY(!address);
        QCOMPARE(address.error().code, QString(ErrorCode::EndpointInvalid));
        QVERIFY(!c.isBusy());
        const Result<void> noSsid = c.provision(target, QByteArray(), Passphrase);
        QVERIFY(!noSsid);
        QCOMPARE(noSsid.error().code, QStringLiteral("provision.nossid"));
        QCOMPARE(noSsid.error().message,
                 QStringLiteral("Pick or type the network the board should join."));
        QVERIFY(!c.isBusy());
    }

    void connectScansThenProvisions()
    {
        Board b = startBoard(quickBoard(), Pop);
        QVERIFY(b.board);
        ProvisionController c;
        c.setPollInterval(20);
        QSignalSpy connecting(&c, &ProvisionController::connecting);
        QSignalSpy connected(&c, &ProvisionController::connected);
        QSignalSpy scanned(&c, &ProvisionController::scanFinished);
        QVERIFY(c.connectTo(b.target).ok());
        QVERIFY(scanned.wait(15000)); // the board can scan, so the controller does
        QCOMPARE(connecting.count(), 1);
        QCOMPARE(connecting.first().first().toString(), b.board->address());
        QCOMPARE(connected.count(), 1);
        QCOMPARE(connected.first().first().value<DeviceInfo>().securityVersion, 1);
        const auto networks = scanned.first().first().value<QList<ScanEntry>>();
        QCOMPARE(networks.size(), 3);
        QCOMPARE(networks.first().ssid, QByteArray("FactoryNet"));
        QVERIFY(c.isSessionOpen());
        QVERIFY(!c.isBusy());

        QSignalSpy replied(&c, &ProvisionController::customReplied);
        c.sendCustom(QStringLiteral("custom-data"), "hello");
        QVERIFY(replied.wait(15000));
        QVERIFY(replied.first().first().toByteArray().contains("SUCCESS"));

        QSignalSpy started(&c, &ProvisionController::provisionStarted);
        QSignalSpy steps(&c, &ProvisionController::stepChanged);
        QSignalSpy finished(&c, &ProvisionController::finished);
        QVERIFY(c.provision(b.target, "FactoryNet", Passphrase).ok());
        QVERIFY(finished.wait(15000));
        QCOMPARE(started.count(), 1);
        QCOMPARE(connecting.count(), 1); // on the open session: no second connect
        QVERIFY(steps.count() >= 3);
        const auto outcome = finished.first().first().value<ProvisionJob::Outcome>();
        QVERIFY2(outcome.connected, qPrintable(outcome.error.value_or(Error{}).message));
        QCOMPARE(outcome.status.ip4, QStringLiteral("192.168.1.50"));
        QCOMPARE(c.outcome().status.ip4, QStringLiteral("192.168.1.50"));
        // The board closes its provisioning service after Connected; so does the session.
        QVERIFY(!c.isSessionOpen());
        QVERIFY(!c.isBusy());
        expectNoSecretsLogged();
    }

    void provisionWithoutSessionConnectsFirst()
    {
        Board b = startBoard(quickBoard(), Pop);
        QVERIFY(b.board);
        ProvisionController c;
        c.setPollInterval(20);
        QSignalSpy connected(&c, &ProvisionController::connected);
        QSignalSpy scanStarted(&c, &ProvisionController::scanStarted);
        QSignalSpy finished(&c, &ProvisionController::finished);
        QVERIFY(c.provision(b.target, "FactoryNet", "not-the-passphrase").ok());
        QVERIFY(finished.wait(15000));
        QCOMPARE(connected.count(), 1);
        QCOMPARE(scanStarted.count(), 0); // straight to the credentials
        const auto outcome = finished.first().first().value<ProvisionJob::Outcome>();
        QVERIFY(!outcome.connected);
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, QStringLiteral("provision.autherror"));
        QVERIFY(outcome.boardReset);
        QVERIFY(c.isSessionOpen()); // a failed run leaves the session for another try
        QVERIFY(!c.isBusy());
    }

    void cancelMidRun()
    {
        Board b = startBoard(quickBoard(5000), Pop);
        QVERIFY(b.board);
        ProvisionController c;
        c.setPollInterval(20);
        QSignalSpy busy(&c, &ProvisionController::busyChanged);
        QSignalSpy finished(&c, &ProvisionController::finished);
        QObject::connect(&c, &ProvisionController::stepChanged, &c,
                         [&c](ProvisionJob::Step step, const QString &) {
                             if (step == ProvisionJob::Step::Wait)
                                 c.cancel();
                         });
        QVERIFY(c.provision(b.target, "FactoryNet", Passphrase).ok());
        QVERIFY(finished.wait(15000));
        const auto outcome = finished.first().first().value<ProvisionJob::Outcome>();
        QVERIFY(!outcome.connected);
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->isCancelled(), qPrintable(outcome.error->code));
        QVERIFY(!c.isBusy());
        QCOMPARE(busy.last().first().toBool(), false);
        expectNoSecretsIn(*outcome.error);
    }

    // The CLI's path: the whole sequence on a session of the run's own.
    void unattendedRun()
    {
        Board b = startBoard(quickBoard(), Pop);
        QVERIFY(b.board);
        ProvisionController c;
        ProvisionJob::Request r;
        r.host = QStringLiteral("127.0.0.1");
        r.port = b.board->port();
        r.client.pop = Pop;
        r.wifi.ssid = "FactoryNet";
        r.wifi.passphrase = Passphrase;
        r.scanFirst = true;
        r.pollIntervalMs = 20;
        QStringList steps;
        QStringList traces;
        QObject::connect(&c, &ProvisionController::stepChanged, &c,
                         [&](ProvisionJob::Step, const QString &l) { steps << l; });
        QObject::connect(&c, &ProvisionController::trace, &c,
                         [&](const QString &l) { traces << l; });
        QSignalSpy finished(&c, &ProvisionController::finished);
        c.run(r);
        QVERIFY(c.isBusy());
        QVERIFY(finished.wait(15000));
        const ProvisionJob::Outcome &o = c.outcome();
        QVERIFY2(o.connected, qPrintable(o.error.value_or(Error{}).message));
        QCOMPARE(o.networks.size(), 3);
        QVERIFY2(steps.first().startsWith(QStringLiteral("Connecting to 127.0.0.1:")),
                 qPrintable(steps.join(QLatin1Char('\n'))));
        QVERIFY(!traces.isEmpty());
        QVERIFY(!c.isSessionOpen()); // the run's session was its own
        QVERIFY(!c.isBusy());
        for (const QString &line : std::as_const(traces))
            for (const QByteArray &secret : {Pop, Passphrase})
                QVERIFY2(!line.contains(QString::fromUtf8(secret)), qPrintable(line));
        expectNoSecretsLogged();
    }

    void cleanupTestCase()
    {
        // Traces were logged at all (the checks above looked at something), none with a secret.
        bool traced = false;
        for (const LogEntry &e : Logger::instance().recent())
            traced = traced || e.category == QLatin1String("protocomm");
        QVERIFY(traced);
        expectNoSecretsLogged();
    }
};

QTEST_GUILESS_MAIN(TestProvisionController)
#include "tst_provisioncontroller.moc"
