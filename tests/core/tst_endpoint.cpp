// SPDX-License-Identifier: GPL-3.0-or-later
// The one address parser: what it accepts, what it refuses and that the refusal says why.
#include "core/common/endpoint.h"

#include <QTest>

using namespace Forgeline;

class TestEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("host only") << "192.168.4.1"
                                   << "192.168.4.1" << 80 << "192.168.4.1:80";
        QTest::newRow("host:port") << "192.168.4.1:8080"
                                   << "192.168.4.1" << 8080 << "192.168.4.1:8080";
        QTest::newRow("name") << "esp-board.local:80"
                              << "esp-board.local" << 80 << "esp-board.local:80";
        QTest::newRow("url") << " http://10.0.0.7:81/ "
                             << "10.0.0.7" << 81 << "10.0.0.7:81";
        QTest::newRow("max port") << "h:65535"
                                  << "h" << 65535 << "h:65535";
        QTest::newRow("v6 port") << "[::1]:8080"
                                 << "::1" << 8080 << "[::1]:8080";
        QTest::newRow("v6 no port") << "[fe80::1]"
                                    << "fe80::1" << 80 << "[fe80::1]:80";
        QTest::newRow("v6 bare") << "FE80::1"
                                 << "fe80::1" << 80 << "[fe80::1]:80";
        QTest::newRow("v6 url") << "http://[::1]:9/"
                                << "::1" << 9 << "[::1]:9";
    }

    void accepted()
    {
        QFETCH(QString, text);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, canonical);
        const Result<Endpoint> e = parseEndpoint(text);
        QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().message));
        QCOMPARE(e->host, host);
        QCOMPARE(int(e->port), port);
        QCOMPARE(e->toString(), canonical);
        // What toString() writes reads back the same.
        const Result<Endpoint> again = parseEndpoint(e->toString());
        QVERIFY(again.ok());
        QCOMPARE(again->toString(), canonical);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << "  "
                               << "empty";
        QTest::newRow("port over 16 bits") << "127.0.0.1:70000"
                                           << "70000 is out of range";
        QTest::newRow("port huge") << "127.0.0.1:99999999999"
                                   << "out of range";
        QTest::newRow("port zero") << "127.0.0.1:0"
                                   << "0 is out of range";
        QTest::newRow("port negative") << "127.0.0.1:-1"
                                       << "not a number";
        QTest::newRow("port missing") << "127.0.0.1:"
                                      << "missing";
        QTest::newRow("port words") << "127.0.0.1:http"
                                    << "not a number";
        QTest::newRow("host missing") << ":80"
                                      << "host before ':' is missing";
        QTest::newRow("space") << "my board:80"
                               << "not a host name";
        QTest::newRow("v6 unbracketed port") << "fe80::1:80:x"
                                             << "brackets";
        QTest::newRow("v6 no close") << "[::1:80"
                                     << "no ']'";
        QTest::newRow("v6 junk inside") << "[nothost]:80"
                                        << "not an IPv6 address";
        QTest::newRow("v6 junk after") << "[::1]80"
                                       << "Only \":PORT\"";
        QTest::newRow("v6 bad port") << "[::1]:65536"
                                     << "out of range";
    }

    void refused()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        const Result<Endpoint> e = parseEndpoint(text);
        QVERIFY(!e.ok());
        QCOMPARE(e.error().code, QStringLiteral("endpoint.invalid"));
        QVERIFY2(e.error().message.contains(says), qPrintable(e.error().message));
        QVERIFY(!e.error().fix.isEmpty());
    }

    void defaultPortIsTheCallers()
    {
        const Result<Endpoint> e = parseEndpoint(QStringLiteral("board"), 8266);
        QVERIFY(e.ok());
        QCOMPARE(int(e->port), 8266);
    }
};

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
