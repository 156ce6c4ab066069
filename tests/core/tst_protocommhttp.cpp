// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP layer of protocomm: the shared parser, the client transport's limits, and the
// virtual board's httpd rules (Content-Length 1..4096, exact cookie, handler failure = close).
#include "core/protocomm/httpparser.h"
#include "core/protocomm/httptransport.h"
#include "core/sim/protocommhttpserver.h"
#include "core/sim/protocommvirtualboard.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Protocomm;
using namespace Forgeline::Sim;

namespace {

// Sends raw bytes to the board (which runs on this thread, so only event-loop waits) and
// returns whatever comes back until the socket closes or a reply ending in `until` arrived.
QByteArray exchange(QTcpSocket &s, const QByteArray &raw, bool *closed,
                    const QByteArray &until = {})
{
    s.write(raw);
    QByteArray got;
    *closed = false;
    for (int i = 0; i < 100; ++i) {
        QTest::qWait(20);
        got += s.readAll();
        if (s.state() == QAbstractSocket::UnconnectedState) {
            *closed = true;
            break;
        }
        if (!until.isEmpty() && got.contains(until))
            break;
    }
    return got;
}

QByteArray exchange(quint16 port, const QByteArray &raw, bool *closed, const QByteArray &until = {})
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    for (int i = 0; i < 100 && s.state() != QAbstractSocket::ConnectedState; ++i)
        QTest::qWait(10);
    return exchange(s, raw, closed, until);
}

} // namespace

class TestProtocommHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parserAcceptsAnySplit()
    {
        const QByteArray reply
            = QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nSet-Cookie: session=42\r\n"
                         "Content-Length: 4\r\n\r\n\x08\x03\x6a")
              + '\0';
        for (int cut = 1; cut < reply.size(); ++cut) {
            HttpParser p(HttpParser::Kind::Response, 4096);
            p.feed(reply.left(cut));
            QCOMPARE(p.feed(reply.mid(cut)), HttpParser::State::Complete);
            const HttpMessage m = p.take();
            QCOMPARE(m.status, 200);
            QCOMPARE(m.header("set-cookie"), QByteArray("session=42"));
            QCOMPARE(m.body, QByteArray("\x08\x03\x6a\x00", 4));
        }
    }

    void parserRefusesWhatProtocommCannotCarry()
    {
        HttpParser chunked(HttpParser::Kind::Response, 4096);
        QCOMPARE(chunked.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"),
                 HttpParser::State::Error);
        QCOMPARE(chunked.failure(), HttpParser::Failure::Chunked);
        HttpParser big(HttpParser::Kind::Request, 4096);
        QCOMPARE(big.feed("POST /prov-config HTTP/1.1\r\nContent-Length: 4097\r\n\r\n"),
                 HttpParser::State::Error);
        QCOMPARE(big.failure(), HttpParser::Failure::BodyTooLarge);
        HttpParser noLength(HttpParser::Kind::Response, 4096);
        QCOMPARE(noLength.feed("HTTP/1.1 200 OK\r\n\r\n"), HttpParser::State::Error);
        HttpParser junk(HttpParser::Kind::Response, 4096);
        QCOMPARE(junk.feed("SSH-2.0-OpenSSH\r\n\r\n"), HttpParser::State::Error);
    }

    void transportRefusesBodiesOutside1To4096()
    {
        HttpTransport t(QStringLiteral("127.0.0.1"), 9);
        std::optional<Error> tooBig;
        std::optional<Error> empty;
        t.post(QStringLiteral("prov-config"), QByteArray(4097, 'x'), 1000,
               [&](Result<QByteArray> r) { tooBig = r.error(); });
        t.post(QStringLiteral("prov-config"), QByteArray(), 1000,
               [&](Result<QByteArray> r) { empty = r.error(); });
        QVERIFY(tooBig && empty);
        QCOMPARE(tooBig->code, QStringLiteral("protocomm.bodysize"));
        QCOMPARE(t.requestsSent(), 0);
    }

    void requestsAreStrictlySequentialOnOneConnection()
    {
        BoardProfile p = BoardProfile::defaultProfile();
        p.removeDelays();
        p.httpFaults.slowMs = 30; // each reply takes a while: a parallel client would overlap
        ProtocommVirtualBoard board(p);
        QVERIFY(board.start().ok());
        HttpTransport t(QStringLiteral("127.0.0.1"), board.port());
        QList<int> order;
        QList<int> sentWhenAnswered;
        for (int i = 1; i <= 4; ++i) {
            t.post(QStringLiteral("proto-ver"), QByteArray::number(i), 2000,
                   [&, i](Result<QByteArray> r) {
                       if (r && r->contains("v1.1"))
                           order << i;
                       sentWhenAnswered << t.requestsSent();
                   });
        }
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 4, 5000);
        QCOMPARE(order, (QList<int>{1, 2, 3, 4}));
        // Request n+1 leaves only after reply n arrived: nothing is pipelined.
        QCOMPARE(sentWhenAnswered, (QList<int>{1, 2, 3, 4}));
        QCOMPARE(t.connectionsOpened(), 1);
        QCOMPARE(board.server()->connectionsAccepted(), 1);
        QCOMPARE(board.server()->requestsHandled(), 4);
        QVERIFY(t.sessionCookie().startsWith("session="));
    }

    void boardClosesWithoutResponseOnBadLengths()
    {
        BoardProfile p = BoardProfile::defaultProfile();
        p.removeDelays();
        ProtocommVirtualBoard board(p);
        QVERIFY(board.start().ok());
        bool closed = false;
        QByteArray got
            = exchange(board.port(), "POST /proto-ver HTTP/1.1\r\nHost: x\r\n\r\n", &closed);
        QVERIFY(got.isEmpty());
        QVERIFY(closed);
        got = exchange(board.port(),
                       "POST /prov-config HTTP/1.1\r\nContent-Length: 5000\r\n\r\n"
                           + QByteArray(5000, 'a'),
                       &closed);
        QVERIFY(got.isEmpty());
        QVERIFY(closed);
        const QString log = board.deviceLog().join(QLatin1Char('\n'));
        QVERIFY(log.contains(QStringLiteral("protocomm_httpd: Content length not found")));
        QVERIFY(log.contains(
            QStringLiteral("protocomm_httpd: Request content length should be less than 4kb")));
        // A good request still gets the version, in text/html, with a session cookie.
        got = exchange(board.port(), "POST /proto-ver HTTP/1.1\r\nContent-Length: 3\r\n\r\n---",
                       &closed, "\n}");
        QVERIFY(
            got.startsWith("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nSet-Cookie: session="));
        QVERIFY(got.contains("\"sec_ver\":\t1"));
    }

    void cookieMustMatchExactly()
    {
        BoardProfile p = BoardProfile::defaultProfile();
        p.removeDelays();
        ProtocommVirtualBoard board(p);
        QVERIFY(board.start().ok());
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), board.port());
        QTRY_COMPARE(s.state(), QAbstractSocket::ConnectedState);
        bool closed = false;
        auto ask = [&](const QByteArray &cookieLine) {
            return exchange(
                s, "POST /proto-ver HTTP/1.1\r\nContent-Length: 3\r\n" + cookieLine + "\r\n---",
                &closed, "\n}");
        };
        const QByteArray first = ask({});
        const qsizetype at = first.indexOf("Set-Cookie: ");
        QVERIFY(at > 0);
        const QByteArray cookie = first.mid(at + 12, first.indexOf("\r\n", at) - at - 12);
        QVERIFY(cookie.startsWith("session="));
        // The exact value keeps the session. A value of 20 characters or more does not fit the
        // firmware's buffer and falls back to the socket (same socket here: same session).
        QVERIFY(!ask("Cookie: " + cookie + "\r\n").contains("Set-Cookie"));
        QVERIFY(!ask("Cookie: " + cookie + "; theme=dark\r\n").contains("Set-Cookie"));
        // Any other short value opens a new session, even on the same socket.
        const QByteArray fresh = ask("Cookie: session=1\r\n");
        QVERIFY(fresh.contains("Set-Cookie: session="));
        QVERIFY(!fresh.contains(QByteArray("Set-Cookie: " + cookie + "\r\n")));
    }
};

QTEST_GUILESS_MAIN(TestProtocommHttp)
#include "tst_protocommhttp.moc"
