// SPDX-License-Identifier: GPL-3.0-or-later
// A Security1 handshake that fails at step 1 (SessionCmd1, the PoP check) against the virtual
// board over real HTTP on loopback: the PoP is blamed only when the device checked it, a
// session lost between the two steps is called that, and no error text carries the PoP.
#include "core/protocomm/handshakeloss.h"
#include "core/protocomm/httptransport.h"
#include "core/protocomm/provisionclient.h"
#include "core/protocomm/security.h"
#include "core/sim/protocommhttpserver.h"
#include "core/sim/protocommvirtualboard.h"

#include <QTest>

#include <optional>

using namespace Forgeline;
using namespace Forgeline::Protocomm;
using namespace Forgeline::Sim;

namespace {

const QByteArray Pop = "abcd1234";
const QByteArray WrongPop = "wrong-pop-5150";
const QString PopMessage = QStringLiteral("the device rejected the proof of possession (PoP)");

BoardProfile fastProfile()
{
    BoardProfile p = BoardProfile::defaultProfile();
    p.removeDelays();
    return p;
}

struct Attempt
{
    std::optional<Error> error; // nullopt: the session was established
    bool finished = false;
    QStringList traces;
    QStringList deviceLog;
    int connections = 0;
};

Attempt connectTo(const BoardProfile &profile, const QByteArray &pop, bool useCookies = true,
                  int timeoutMs = 2000)
{
    Attempt a;
    ProtocommVirtualBoard board(profile);
    if (!board.start()) {
        a.error = Error::make(QStringLiteral("test"), QStringLiteral("board did not start"));
        return a;
    }
    ProvisionClient::Options o;
    o.pop = pop;
    o.useCookies = useCookies;
    o.timeoutMs = timeoutMs;
    ProvisionClient client(QStringLiteral("127.0.0.1"), board.port(), o);
    QObject::connect(&client, &ProvisionClient::trace, [&](const QString &l) { a.traces << l; });
    QObject::connect(&client, &ProvisionClient::notice, [&](const QString &l) { a.traces << l; });
    client.connectDevice([&](Result<DeviceInfo> info) {
        a.finished = true;
        if (!info)
            a.error = info.error();
    });
    if (!QTest::qWaitFor([&] { return a.finished; }, 20000))
        a.error
            = Error::make(QStringLiteral("test"), QStringLiteral("connectDevice did not finish"));
    a.deviceLog = board.deviceLog();
    a.connections = board.server()->connectionsAccepted();
    return a;
}

bool logHas(const Attempt &a, const QString &text)
{
    return a.deviceLog.join(QLatin1Char('\n')).contains(text);
}

QString describe(const Attempt &a)
{
    if (!a.error)
        return QStringLiteral("no error\n") + a.traces.join(QLatin1Char('\n'));
    return QStringLiteral("%1 | %2 | %3 | %4\n%5\n%6")
        .arg(a.error->code, a.error->message, a.error->detail, a.error->fix,
             a.traces.join(QLatin1Char('\n')), a.deviceLog.join(QLatin1Char('\n')));
}

void expectNoPopIn(const Attempt &a, const QByteArray &pop)
{
    const QString secret = QString::fromUtf8(pop);
    QStringList texts = a.traces;
    if (a.error)
        texts << a.error->message << a.error->detail << a.error->fix;
    for (const QString &t : std::as_const(texts))
        QVERIFY2(!t.contains(secret), qPrintable(t));
}

} // namespace

class TestHandshakeLoss : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The reported case: forgeline-sim --session-mode socket --fault close-between. The device
    // drops the socket after SessionResp0, the session goes with it, and SessionCmd1 lands in a
    // fresh session that has no step 0: the PoP is never looked at.
    void sessionLostBetweenStepsIsNotThePop_data()
    {
        QTest::addColumn<QString>("sessionMode");
        QTest::addColumn<bool>("useCookies");
        QTest::addColumn<QByteArray>("pop");
        QTest::newRow("socket-bound firmware, right PoP")
            << QStringLiteral("socket") << true << Pop;
        QTest::newRow("socket-bound firmware, wrong PoP")
            << QStringLiteral("socket") << true << WrongPop;
        QTest::newRow("cookie firmware, cookies off in the client")
            << QStringLiteral("cookie") << false << Pop;
    }

    void sessionLostBetweenStepsIsNotThePop()
    {
        QFETCH(QString, sessionMode);
        QFETCH(bool, useCookies);
        QFETCH(QByteArray, pop);
        BoardProfile p = fastProfile();
        p.protocomm.sessionMode = sessionMode;
        p.httpFaults.closeBetween = true;
        const Attempt a = connectTo(p, pop, useCookies);
        QVERIFY2(a.error, qPrintable(describe(a)));
        QCOMPARE(a.error->code, QStringLiteral("protocomm.sessionlost"));
        QVERIFY2(a.error->message != PopMessage, qPrintable(describe(a)));
        QVERIFY2(!a.error->message.contains(QStringLiteral("rejected")), qPrintable(describe(a)));
        QVERIFY2(
            a.error->message.contains(QStringLiteral("session was lost between handshake steps")),
            qPrintable(describe(a)));
        QVERIFY2(a.error->message.contains(QStringLiteral("connection was closed")),
                 qPrintable(describe(a)));
        QVERIFY2(a.error->fix.contains(QStringLiteral("Do not re-type the PoP")),
                 qPrintable(describe(a)));
        QVERIFY2(a.error->fix.contains(QStringLiteral("socket-bound")), qPrintable(describe(a)));
        QCOMPARE(a.error->fix.contains(QStringLiteral("cookies are turned off")), !useCookies);
        QVERIFY2(a.error->detail.contains(QStringLiteral("without a session cookie")),
                 qPrintable(describe(a)));
        QCOMPARE(classify(*a.error), FailureKind::Device);
        // What the board itself says: SessionCmd1 met a session in the wrong state, and it never
        // got as far as comparing keys, even with a wrong PoP.
        QVERIFY2(logHas(a, QStringLiteral("security1: Invalid state of session 1")),
                 qPrintable(describe(a)));
        QVERIFY2(!logHas(a, QStringLiteral("Key mismatch")), qPrintable(describe(a)));
        expectNoPopIn(a, pop);
    }

    // A single socket lost right after SessionResp0 is survived by starting over once.
    void oneLostSocketBetweenStepsIsSurvived()
    {
        BoardProfile p = fastProfile();
        p.protocomm.sessionMode = QStringLiteral("socket");
        p.httpFaults.closeAfter = 2; // 1 proto-ver, 2 SessionCmd0
        const Attempt a = connectTo(p, Pop);
        QVERIFY2(!a.error, qPrintable(describe(a)));
        QVERIFY(logHas(a, QStringLiteral("security1: Invalid state of session 1")));
        QVERIFY(a.traces.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("Starting the handshake over")));
        expectNoPopIn(a, Pop);
    }

    // The PoP message stays for a device that did check the PoP, including when connections
    // change but the cookie keeps the session.
    void wrongPopStillBlamesThePop_data()
    {
        QTest::addColumn<QString>("sessionMode");
        QTest::addColumn<bool>("closeBetween");
        QTest::newRow("cookie firmware") << QStringLiteral("cookie") << false;
        QTest::newRow("socket-bound firmware") << QStringLiteral("socket") << false;
        QTest::newRow("cookie firmware closing every connection")
            << QStringLiteral("cookie") << true;
    }

    void wrongPopStillBlamesThePop()
    {
        QFETCH(QString, sessionMode);
        QFETCH(bool, closeBetween);
        BoardProfile p = fastProfile();
        p.protocomm.sessionMode = sessionMode;
        p.httpFaults.closeBetween = closeBetween;
        const Attempt a = connectTo(p, WrongPop);
        QVERIFY2(a.error, qPrintable(describe(a)));
        QCOMPARE(a.error->code, QStringLiteral("protocomm.pop"));
        QCOMPARE(a.error->message, PopMessage);
        QVERIFY(a.error->fix.contains(QStringLiteral("case-sensitive")));
        QVERIFY2(a.error->detail.contains(QStringLiteral("inside the session step 0 opened")),
                 qPrintable(describe(a)));
        QCOMPARE(classify(*a.error), FailureKind::Rejected);
        QVERIFY2(logHas(a, QStringLiteral("security1: Key mismatch. Close connection")),
                 qPrintable(describe(a)));
        QVERIFY2(!logHas(a, QStringLiteral("Invalid state of session 1")), qPrintable(describe(a)));
        expectNoPopIn(a, WrongPop);
        expectNoPopIn(a, Pop);
    }

    // The board reboots on receiving SessionCmd1 and stays away longer than the client waits.
    void deviceGoneAfterStepZero()
    {
        BoardProfile p = fastProfile();
        p.protocomm.restartDelayMs = 20000;
        p.httpFaults.restartAt = 3; // 1 proto-ver, 2 SessionCmd0, 3 SessionCmd1
        const Attempt a = connectTo(p, Pop, true, 1000);
        QVERIFY2(a.error, qPrintable(describe(a)));
        QCOMPARE(a.error->code, QStringLiteral("protocomm.sessionlost"));
        QVERIFY2(
            a.error->message.contains(QStringLiteral("session was lost between handshake steps")),
            qPrintable(describe(a)));
        QVERIFY2(a.error->message.contains(QStringLiteral("may have reset")),
                 qPrintable(describe(a)));
        QVERIFY(!a.error->message.contains(QStringLiteral("rejected")));
        QVERIFY(a.error->fix.contains(QStringLiteral("Do not re-type the PoP")));
        QVERIFY(logHas(a, QStringLiteral("rst:0xc (SW_CPU_RESET)")));
        expectNoPopIn(a, Pop);
    }

    // ...and when it comes back in time, the handshake simply completes.
    void deviceRebootAtStepOneIsSurvived()
    {
        BoardProfile p = fastProfile();
        p.protocomm.restartDelayMs = 150;
        p.httpFaults.restartAt = 3;
        const Attempt a = connectTo(p, Pop);
        QVERIFY2(!a.error, qPrintable(describe(a)));
        QVERIFY(logHas(a, QStringLiteral("rst:0xc (SW_CPU_RESET)")));
    }

    // A firmware that answers the verification step with a failure status has checked the PoP.
    void failureStatusInResponse1IsThePop()
    {
        Sec1Client client(Pop);
        Sec1Device device(Pop, [](char, const QString &, const QString &) {});
        Result<QByteArray> cmd0 = client.begin();
        QVERIFY(cmd0.ok());
        Result<QByteArray> resp0 = device.handleSession(cmd0.value());
        QVERIFY(resp0.ok());
        Result<std::optional<QByteArray>> cmd1 = client.next(resp0.value());
        QVERIFY(cmd1.ok() && cmd1.value());
        // SessionData{sec_ver=1, sec1{msg=Session_Response1, sr1{status=CryptoError(6),
        // device_verify_data=32 bytes}}}, encoded by hand after ESP-IDF components/protocomm/proto/session.proto and sec1.proto.
        const QByteArray resp1
            = QByteArray::fromHex("10015a290803ba012408061a20") + QByteArray(32, '\x5a');
        Result<std::optional<QByteArray>> r = client.next(resp1);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("protocomm.pop"));
        QCOMPARE(r.error().message, PopMessage);
        QVERIFY(r.error().detail.contains(QStringLiteral("status 6")));
        QVERIFY(!client.established());
    }

    void classification_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("connection");
        QTest::addColumn<bool>("written");
        QTest::addColumn<bool>("cookie");
        QTest::addColumn<int>("response0Connection");
        QTest::addColumn<int>("expected");
        const QString closed = QStringLiteral("protocomm.noresponse");
        const QString timeout = QStringLiteral("protocomm.timeout");
        const QString refused = QStringLiteral("protocomm.connect");
        QTest::newRow("dropped on the same socket")
            << closed << 4 << true << false << 4 << int(HandshakeLoss::PopRejected);
        QTest::newRow("dropped on a new socket, cookie")
            << closed << 5 << true << true << 4 << int(HandshakeLoss::PopRejected);
        QTest::newRow("dropped on a new socket, no cookie")
            << closed << 5 << true << false << 4 << int(HandshakeLoss::SessionLost);
        QTest::newRow("closed before it was sent")
            << closed << 0 << false << false << 4 << int(HandshakeLoss::SessionLost);
        QTest::newRow("connection refused")
            << refused << 0 << false << false << 4 << int(HandshakeLoss::DeviceUnreachable);
        QTest::newRow("connect timed out")
            << timeout << 0 << false << false << 4 << int(HandshakeLoss::DeviceUnreachable);
        QTest::newRow("no answer in time")
            << timeout << 4 << true << false << 4 << int(HandshakeLoss::NoAnswer);
    }

    void classification()
    {
        QFETCH(QString, code);
        QFETCH(int, connection);
        QFETCH(bool, written);
        QFETCH(bool, cookie);
        QFETCH(int, response0Connection);
        QFETCH(int, expected);
        const HandshakeStepOneEvidence e{Error::make(code, QStringLiteral("transport says so")),
                                         HttpTransport::Delivery{connection, written, cookie},
                                         response0Connection, true};
        QCOMPARE(int(classifyStepOneFailure(e)), expected);
        const Error err = stepOneFailureError(e);
        QCOMPARE(err.code == QLatin1String("protocomm.pop"),
                 expected == int(HandshakeLoss::PopRejected));
        QCOMPARE(err.message == PopMessage, expected == int(HandshakeLoss::PopRejected));
        QVERIFY(err.detail.contains(QStringLiteral("transport says so")));
    }
};

QTEST_GUILESS_MAIN(TestHandshakeLoss)
#include "tst_handshakeloss.moc"
