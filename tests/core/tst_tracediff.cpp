// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/tracebuilder.h"
#include "core/tls/tracediff.h"

#include <QFile>
#include <QTest>

using namespace Forgeline::Tls;

namespace {

HandshakeTrace traceOf(const QByteArray &text)
{
    auto r = TraceBuilder::analyseBytes(text);
    if (!r || r->traces.isEmpty())
        qFatal("no trace");
    return r->traces.first();
}

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(TESTDATA_DIR "/logs/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A short client flight in ESP-IDF form; `t` shifts timestamps, `ptr` the context pointer.
QByteArray flight(int t, const char *ptr, const QByteArray &tail)
{
    QByteArray out;
    auto line = [&](const char *lvl, const char *file, const QByteArray &msg) {
        out += QByteArray(lvl) + " (" + QByteArray::number(t++) + ") mbedtls: " + file + " " + ptr
               + ": " + msg + "\n\n";
    };
    line("I", "ssl_cli.c:4272", "client state: 1");
    line("I", "ssl_cli.c:994", "=> write client hello");
    line("D", "ssl_cli.c:1060", "dumping 'client hello, random bytes' (32 bytes)");
    line("D", "ssl_cli.c:1060",
         "0000:  " + QByteArray::number(t * 7919 % 256, 16).rightJustified(2, '0')
             + " 02 74 61 9f 34 4e 7b aa 84 39 3a 16 05 74 2f  k.ta.4N{..9:..t/");
    line("D", "ssl_msg.c:2703",
         "output record: msgtype = 22, version = [3:1], msglen = "
             + QByteArray::number(280 + t % 9));
    line("I", "ssl_cli.c:4272", "client state: 2");
    line("I", "ssl_cli.c:2040", "=> parse server hello");
    out += tail;
    return out;
}

} // namespace

class TestTraceDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void naturalVariationIsIgnored()
    {
        const QByteArray recvWhole
            = "I (50) mbedtls: ssl_msg.c:1998 0x55aa: ssl->f_recv(_timeout)() returned 70 (-0xffffffba)\n";
        const QByteArray recvSplit
            = "I (80) mbedtls: ssl_msg.c:1998 0x77bb: ssl->f_recv(_timeout)() returned 30 (-0xffffffe2)\n"
              "I (81) mbedtls: ssl_msg.c:1975 0x77bb: in_left: 30, nb_want: 70\n"
              "I (82) mbedtls: ssl_msg.c:1998 0x77bb: ssl->f_recv(_timeout)() returned 40 (-0xffffffd8)\n";
        const HandshakeTrace good = traceOf(flight(100, "0x55aa", recvWhole));
        const HandshakeTrace bad = traceOf(flight(9000, "0x77bb", recvSplit));
        const TraceDiffResult d = TraceDiff::compare(good, bad);
        QVERIFY2(d.identical(), d.identical() ? "" : qPrintable(d.first()->summary));
        QVERIFY(d.alignedEvents >= 5);
    }

    void firstMeaningfulDivergenceHasBothLines()
    {
        const QByteArray ok
            = "I (50) mbedtls: ssl_msg.c:1998 0x1: ssl->f_recv(_timeout)() returned 70 (-0xffffffba)\n"
              "D (50) mbedtls: ssl_msg.c:2913 0x1: handshake message: msglen = 65, type = 2, hslen = 65\n";
        const QByteArray ko
            = "I (50) mbedtls: ssl_msg.c:1998 0x1: ssl->f_recv(_timeout)() returned 7 (-0xfffffff9)\n"
              "D (50) mbedtls: ssl_msg.c:3538 0x1: input record: msgtype = 21, version = [3:3], msglen = 2\n"
              "I (50) mbedtls: ssl_msg.c:4698 0x1: got an alert message, type: [2:40]\n"
              "W (50) mbedtls: ssl_msg.c:3847 0x1: mbedtls_ssl_handle_message_type() returned -30592 (-0x7780)\n";
        const HandshakeTrace good = traceOf(flight(1, "0x1", ok));
        const HandshakeTrace bad = traceOf(flight(1, "0x1", ko));
        const TraceDiffResult d = TraceDiff::compare(good, bad);
        QVERIFY(!d.identical());
        const Divergence *first = d.first();
        QCOMPARE(first->kind, Divergence::Kind::Changed);
        QCOMPARE(first->badLine,
                 16); // the alert record, after 7 flight entries of 2 lines and the recv line
        QCOMPARE(first->goodLine, 16);
        QVERIFY(first->summary.contains(QStringLiteral("alert")));
        QVERIFY(first->summary.contains(QStringLiteral("SERVER_HELLO")));
        QVERIFY(first->summary.endsWith(QLatin1Char('.')));
    }

    void seed001ExcerptsDivergeAtTheZeroByteRead()
    {
        const HandshakeTrace good
            = traceOf(readData(QStringLiteral("seed001_succeeds_excerpt.log")));
        const HandshakeTrace bad = traceOf(readData(QStringLiteral("seed001_fails_excerpt.log")));
        const TraceDiffResult d = TraceDiff::compare(good, bad);
        QVERIFY(d.first());
        QCOMPARE(d.first()->badLine, 2);
        QCOMPARE(d.first()->goodLine, 2);
        QVERIFY(d.first()->summary.contains(QStringLiteral("returned 0")));
    }

    void missingStepsAreReportedAtTheRightPlace()
    {
        const QByteArray done = "I (50) mbedtls: ssl_tls.c:5804 0x1: handshake: done\n";
        const HandshakeTrace good = traceOf(flight(1, "0x1", done));
        const HandshakeTrace bad = traceOf(flight(1, "0x1", {}));
        const TraceDiffResult d = TraceDiff::compare(good, bad);
        QCOMPARE(d.divergences.size(), 1);
        QCOMPARE(d.first()->kind, Divergence::Kind::OnlyInWorking);
        QCOMPARE(d.first()->goodLine, 15);
    }
};

QTEST_GUILESS_MAIN(TestTraceDiff)
#include "tst_tracediff.moc"
