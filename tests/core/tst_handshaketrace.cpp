// SPDX-License-Identifier: GPL-3.0-or-later
// Trace building on hand-written lines in each library generation's wording (docs/dev/tls.md, "Debug log format");
// the end-to-end checks on real 2.28 logs live in tests/tlslogs.
#include "core/tls/tracebuilder.h"

#include <QTest>

using namespace Forgeline::Tls;
using T = HandshakeEvent::Type;

namespace {

LogAnalysis analyse(const QByteArray &text)
{
    auto r = TraceBuilder::analyseBytes(text);
    if (!r)
        qFatal("analysis failed: %s", qPrintable(r.error().message));
    return std::move(r.value());
}

QList<T> typesOf(const HandshakeTrace &t)
{
    QList<T> out;
    for (const HandshakeEvent &e : t.events)
        out << e.type;
    return out;
}

} // namespace

class TestHandshakeTrace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stateNumberingPerVersion()
    {
        QCOMPARE(handshakeStateName(2, MbedtlsGeneration::V2Legacy),
                 QStringLiteral("SERVER_HELLO"));
        QCOMPARE(handshakeStateName(16, MbedtlsGeneration::V2Modern),
                 QStringLiteral("HANDSHAKE_OVER"));
        QCOMPARE(handshakeStateName(16, MbedtlsGeneration::V3),
                 QStringLiteral("NEW_SESSION_TICKET"));
        QCOMPARE(handshakeStateName(27, MbedtlsGeneration::V3), QStringLiteral("HANDSHAKE_OVER"));
        QCOMPARE(handshakeStateName(19, MbedtlsGeneration::V2Modern),
                 QStringLiteral("ENCRYPTED_EXTENSIONS"));
        QCOMPARE(normaliseStateName(u"MBEDTLS_SSL_SERVER_HELLO"), QStringLiteral("SERVER_HELLO"));
        QCOMPARE(alertDescriptionName(40), QStringLiteral("handshake_failure"));
        QCOMPARE(alertDescriptionName(116), QStringLiteral("certificate_required"));
        QCOMPARE(formatCode(-29312), QStringLiteral("-0x7280"));
    }

    void numericStatesFollowTheGenerationTheFilesReveal()
    {
        // ssl_tls12_client.c only exists from 3.2 on: state 16 is then NEW_SESSION_TICKET.
        const LogAnalysis v3 = analyse("ssl_tls.c:4000: |2| => handshake\n"
                                       "ssl_tls12_client.c:100: |2| client state: 16\n");
        QCOMPARE(v3.generation, MbedtlsGeneration::V3);
        QCOMPARE(v3.traces.first().events.last().text, QStringLiteral("NEW_SESSION_TICKET"));
        const LogAnalysis v2
            = analyse("ssl_tls.c:6754: |2| => handshake\nssl_cli.c:3390: |2| client state: 16\n");
        QCOMPARE(v2.generation, MbedtlsGeneration::V2Legacy);
        QCOMPARE(v2.traces.first().events.last().text, QStringLiteral("HANDSHAKE_OVER"));
        // 3.2+ names the state; tls13 lines carry name and number.
        const LogAnalysis named = analyse(
            "ssl_tls.c:4000: |2| client state: MBEDTLS_SSL_SERVER_HELLO\n"
            "ssl_tls13_client.c:10: |2| tls13 client state: MBEDTLS_SSL_ENCRYPTED_EXTENSIONS(20)\n");
        QCOMPARE(named.traces.first().events.at(0).text, QStringLiteral("SERVER_HELLO"));
        QCOMPARE(named.traces.first().events.at(1).text, QStringLiteral("ENCRYPTED_EXTENSIONS"));
        QCOMPARE(named.traces.first().events.at(1).a, 20);
    }

    void typedEventsPointToTheirLines()
    {
        const QByteArray log
            = "I (100) mbedtls: ssl_cli.c:4272 client state: 1\n\n"      // 1
              "I (100) mbedtls: ssl_cli.c:994 => write client hello\n\n" // 3
              "D (100) mbedtls: ssl_cli.c:1180 client hello, add ciphersuite: 0xc02b (TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256)\n\n" // 5
              "D (100) mbedtls: ssl_msg.c:2703 output record: msgtype = 22, version = [3:1], msglen = 295\n\n" // 7
              "V (100) mbedtls: ssl_msg.c:2708 dumping 'output record sent to network' (300 bytes)\n\n" // 9
              "V (100) mbedtls: ssl_msg.c:2708 0000:  16 03 01 01 27 01 00 01 23 03 03 6b 02 74 61 9f  ....'...#..kta.\n\n" // 11
              "I (101) mbedtls: ssl_msg.c:1998 ssl->f_recv(_timeout)() returned 7 (-0xfffffff9)\n\n" // 13
              "D (101) mbedtls: ssl_msg.c:3538 input record: msgtype = 21, version = [3:3], msglen = 2\n\n" // 15
              "I (101) mbedtls: ssl_msg.c:4698 got an alert message, type: [2:40]\n\n" // 17
              "W (101) mbedtls: ssl_msg.c:4705 is a fatal alert message (msg 40)\n\n"  // 19
              "W (101) mbedtls: ssl_msg.c:3847 mbedtls_ssl_handle_message_type() returned -30592 (-0x7780)\n\n" // 21
              "E (102) esp-tls-mbedtls: mbedtls_ssl_handshake returned -0x7780\n"; // 23
        const LogAnalysis a = analyse(log);
        QCOMPARE(a.traces.size(), 1);
        const HandshakeTrace &t = a.traces.first();
        QCOMPARE(typesOf(t), (QList<T>{T::StateChange, T::MessageWritten, T::CiphersuiteOffered,
                                       T::RecordOut, T::Received, T::RecordIn, T::AlertReceived,
                                       T::ErrorReturned, T::HandshakeReturned}));
        QCOMPARE(t.events.at(3).line, 7);
        QCOMPARE(t.events.at(3).endLine, 11); // the hex dump is folded into its record
        QCOMPARE(t.events.at(3).b, 295);
        QCOMPARE(t.events.at(2).a, 0xc02b);
        QCOMPARE(t.events.at(6).line, 17);
        QCOMPARE(t.events.at(6).a, 2);
        QCOMPARE(t.events.at(6).b, 40);
        QCOMPARE(t.finalErrorCode(), -0x7780);
        QCOMPARE(t.finalErrorEvent()->line, 23);
        QCOMPARE(t.stateAt(17), QStringLiteral("CLIENT_HELLO"));
    }

    void certificateFactsAndVerifyFlags()
    {
        const QByteArray log
            = "ssl_msg.c:2913: |3| handshake message: msglen = 787, type = 11, hslen = 787\n"
              "ssl_tls.c:2454: |3| peer certificate #1:\n"
              "ssl_tls.c:2454: |3| cert. version     : 3\n"
              "ssl_tls.c:2454: |3| serial number     : 03:E8\n"
              "ssl_tls.c:2454: |3| issuer name       : CN=Some CA\n"
              "ssl_tls.c:2454: |3| subject name      : CN=broker.example\n"
              "ssl_tls.c:2454: |3| issued  on        : 2024-01-01 00:00:00\n"
              "ssl_tls.c:2454: |3| expires on        : 2025-01-01 00:00:00\n"
              "ssl_tls.c:2454: |3| signed using      : RSA with SHA-256\n"
              "ssl_tls.c:2454: |3| RSA key size      : 2048 bits\n"
              "ssl_tls.c:2454: |3| value of 'crt->rsa.N' (2048 bits) is:\n"
              "ssl_tls.c:2454: |3|  c3 5a 11 09 aa bb cc dd ee ff 00 11 22 33 44 55\n"
              "ssl_tls.c:2613: |1| x509_verify_cert() returned -9984 (-0x2700)\n"
              "ssl_tls.c:2710: |3| ! Certificate verification flags 00000208\n";
        const HandshakeTrace t = analyse(log).traces.first();
        QCOMPARE(t.certificates.size(), 1);
        const CertificateFacts &c = t.certificates.first();
        QCOMPARE(c.subject, QStringLiteral("CN=broker.example"));
        QCOMPARE(c.issuer, QStringLiteral("CN=Some CA"));
        QCOMPARE(c.keyType, QStringLiteral("RSA"));
        QCOMPARE(c.keyBits, 2048);
        QCOMPARE(c.expiresOn, QStringLiteral("2025-01-01 00:00:00"));
        QCOMPARE(c.sizeBytes, 791);
        const HandshakeEvent &certificate = t.events.at(1);
        QCOMPARE(certificate.type, T::Certificate);
        QCOMPARE(certificate.line, 2);
        QCOMPARE(certificate.endLine, 12);
        QCOMPARE(t.events.last().type, T::VerifyFlags);
        QCOMPARE(t.events.last().a, 0x208);
    }

    void interleavedConnectionsAreSeparatedByContextPointer()
    {
        const QByteArray log
            = "ssl_cli.c:4272: |2| 0x1000: client state: 1\n"
              "ssl_cli.c:994: |2| 0x1000: => write client hello\n"
              "ssl_cli.c:4272: |2| 0x2000: client state: 1\n"
              "ssl_cli.c:994: |2| 0x2000: => write client hello\n"
              "ssl_msg.c:1998: |2| 0x1000: ssl->f_recv(_timeout)() returned 0 (-0x0000)\n"
              "ssl_tls.c:5804: |2| 0x2000: handshake: done\n";
        const LogAnalysis a = analyse(log);
        QCOMPARE(a.traces.size(), 2);
        QCOMPARE(a.traces.at(0).context, QStringLiteral("0x1000"));
        QCOMPARE(a.traces.at(0).events.last().type, T::Received);
        QCOMPARE(a.traces.at(1).events.last().type, T::HandshakeDone);
        QVERIFY(a.traces.at(1).succeeded());
        QCOMPARE(a.failingTrace(),
                 &a.traces.at(1)); // neither has an error code; the last one is picked
    }

    void aNewClientHelloStartsANewTraceAndRetriesAreCollapsed()
    {
        const QByteArray log
            = "I (1) mbedtls: ssl_tls.c:5804 => handshake\n"
              "I (1) mbedtls: ssl_cli.c:4272 client state: 2\n"
              "I (2) mbedtls: ssl_tls.c:5804 => handshake\n" // non-blocking re-entry
              "I (2) mbedtls: ssl_cli.c:4272 client state: 2\n"
              "I (1) mbedtls: ssl_cli.c:994 => write client hello\n"
              "I (9) mbedtls: ssl_cli.c:4272 client state: 1\n"
              "I (9) mbedtls: ssl_cli.c:994 => write client hello\n";
        const LogAnalysis a = analyse(log);
        QCOMPARE(a.traces.size(), 2);
        QCOMPARE(typesOf(a.traces.at(0)),
                 (QList<T>{T::HandshakeStart, T::StateChange, T::MessageWritten}));
        QCOMPARE(a.traces.at(1).firstLine(), 6);
    }

    void applicationLinesJoinTheLatestConnection()
    {
        const QByteArray log
            = "E (23848) esp-tls: mbedtls_ssl_handshake returned -0x7280\n"
              "I (23848) esp-tls: Certificate verified.\n"
              "E (33848) esp-tls: mbedtls_ssl_handshake returned -0x7500\n"
              "[  4021][E][ssl_client.cpp:37] _handle_error(): [start_ssl_client():276]: (-9984) X509 - Certificate verification failed\n"
              "I (1) esp-tls: (FFFFD900): X509 - Certificate verification failed, e.g. CRL, CA or signature check failed\n";
        const LogAnalysis a = analyse(log);
        QCOMPARE(a.traces.size(), 2);
        QCOMPARE(a.traces.at(0).finalErrorCode(), -0x7280);
        QCOMPARE(a.traces.at(0).events.last().type, T::AppVerified);
        QCOMPARE(a.traces.at(1).finalErrorCode(), -0x7500);
        QCOMPARE(a.traces.at(1).events.at(1).code, -9984);
        QCOMPARE(a.traces.at(1).events.at(2).code, -0x2700);
    }

    // Huge captures keep a bounded number of connections, failures first.
    void manyConnectionsStayBounded()
    {
        QByteArray log;
        for (int i = 0; i < TraceBuilder::MaxTracesKept + 100; ++i) {
            log += "ssl_cli.c:4272: |2| client state: 1\n"
                   "ssl_cli.c:994: |2| => write client hello\n";
            log += i == 7
                       ? "ssl_msg.c:1998: |2| ssl->f_recv(_timeout)() returned 0 (-0x0000)\n"
                         "ssl_msg.c:4973: |1| mbedtls_ssl_fetch_input() returned -29312 (-0x7280)\n"
                       : "ssl_tls.c:5804: |2| handshake: done\n";
        }
        const LogAnalysis a = analyse(log);
        QCOMPARE(a.tracesSeen, TraceBuilder::MaxTracesKept + 100);
        QVERIFY(a.traces.size() <= TraceBuilder::MaxTracesKept);
        QCOMPARE(a.failingTrace()->finalErrorCode(), -0x7280);
        QCOMPARE(a.failingTrace()->firstLine(), 7 * 3 + 1);
        QCOMPARE(a.traces.last().lastLine(), qint64(log.count('\n')));
    }

    void protocommLinesAreSessionEvents()
    {
        const LogAnalysis a = analyse(
            "E (136368) security1: Secure session not established\n"
            "E (136368) protocomm: Decryption of response failed for endpoint prov-config\n");
        QVERIFY(a.traces.isEmpty());
        QCOMPARE(a.sessionEvents.size(), 2);
        QCOMPARE(a.sessionEvents.first().line, 1);
    }
};

QTEST_GUILESS_MAIN(TestHandshakeTrace)
#include "tst_handshaketrace.moc"
