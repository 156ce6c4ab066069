// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One real handshake on loopback: openssl s_server on an ephemeral port, the re-framing relay
// in front of it, openssl s_client through the relay. Waits on events, never on sleeps.

#include "tests/records/reframingrelay.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace Forgeline::TestSupport {

struct Exchange
{
    bool established = false;
    QString error;
    QString clientOutput;
    QList<ReframingRelay::Write> writes;
    QList<ReframingRelay::SentRecord> records;
};

// certDir holds server.crt/key, ca.crt (and client.crt/key when clientArgs use them).
inline Exchange runOpensslExchange(const QString &openssl, const QString &certDir,
                                   ReframingRelay::Mode mode, int fragment,
                                   const QStringList &serverArgs, const QStringList &clientArgs,
                                   int directions = 3)
{
    Exchange ex;
    auto waitFor = [](const std::function<bool()> &done, int ms) {
        QDeadlineTimer deadline(ms);
        while (!done() && !deadline.hasExpired())
            QTest::qWait(20);
        return done();
    };
    const QString dir = certDir + QLatin1Char('/');
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(openssl, QStringList{QStringLiteral("s_server"), QStringLiteral("-accept"),
                                      QStringLiteral("127.0.0.1:0"), QStringLiteral("-naccept"),
                                      QStringLiteral("1"), QStringLiteral("-cert"),
                                      dir + QStringLiteral("server.crt"), QStringLiteral("-key"),
                                      dir + QStringLiteral("server.key"), QStringLiteral("-CAfile"),
                                      dir + QStringLiteral("ca.crt")}
                              + serverArgs);
    QString serverOutput;
    quint16 upstream = 0;
    const QRegularExpression accept(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)"));
    waitFor(
        [&] {
            serverOutput += QString::fromUtf8(server.readAll());
            upstream = quint16(accept.match(serverOutput).captured(1).toUInt());
            return upstream != 0 || server.state() == QProcess::NotRunning;
        },
        30000);
    if (upstream == 0) {
        ex.error = QStringLiteral("s_server did not start: ") + serverOutput;
        return ex;
    }
    ReframingRelay relay(mode, fragment, upstream, directions);
    QProcess client;
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(openssl, QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                                      QStringLiteral("127.0.0.1:%1").arg(relay.port()),
                                      QStringLiteral("-brief"), QStringLiteral("-CAfile"),
                                      dir + QStringLiteral("ca.crt"), QStringLiteral("-servername"),
                                      QStringLiteral("localhost")}
                              + clientArgs);
    client.write("Q\n");
    client.closeWriteChannel();
    const bool clientDone = waitFor([&] { return client.state() == QProcess::NotRunning; }, 60000);
    waitFor([&] { return relay.closed(); }, 20000);
    server.kill();
    server.waitForFinished(5000);
    if (!clientDone) {
        client.kill();
        client.waitForFinished(5000);
        ex.error = QStringLiteral("s_client did not finish");
    }
    ex.clientOutput = QString::fromUtf8(client.readAll());
    ex.established = ex.clientOutput.contains(QStringLiteral("CONNECTION ESTABLISHED"));
    ex.writes = relay.writes();
    ex.records = relay.records();
    return ex;
}

} // namespace Forgeline::TestSupport
