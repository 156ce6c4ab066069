// SPDX-License-Identifier: GPL-3.0-or-later
// The record dissector on byte sequences built to the RFCs: coalescing, fragmentation in any
// chunking, key changes, SSLv2 hellos, damaged and non-TLS input, and every text form.
#include "core/tls/records/dissector.h"
#include "core/tls/records/handshakedetails.h"
#include "core/tls/records/handshakefacts.h"
#include "core/tls/records/recorddissector.h"
#include "core/tls/records/textdumpreader.h"
#include "tests/records/recordbytes.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace Forgeline;
using namespace Forgeline::Tls;
using namespace Forgeline::TestSupport;

namespace {

constexpr auto C2S = RecordDirection::ClientToServer;
constexpr auto S2C = RecordDirection::ServerToClient;

QStringList ids(const DissectReport &r)
{
    QStringList out;
    for (const RecordFinding &f : r.findings)
        out << f.id;
    return out;
}

QStringList pieces(const TlsRecord &r)
{
    QStringList out;
    for (const MessagePiece &p : r.pieces)
        out << p.name + QLatin1Char('/') + fragmentId(p.fragment);
    return out;
}

const DetailNode *child(const DetailNode &n, const QString &name)
{
    for (const DetailNode &c : n.children) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

// tcpdump -X rows ("\t0x0000:  4500 0034 ...  E..4") for one packet.
QString tcpdumpRows(const QByteArray &packet, const QList<int> &skipRows = {})
{
    QString out;
    for (int row = 0; row * 16 < packet.size(); ++row) {
        if (skipRows.contains(row)) {
            out += QStringLiteral("                                  .\n");
            continue;
        }
        const QByteArray chunk = packet.mid(row * 16, 16);
        QString hex;
        for (int i = 0; i < chunk.size(); i += 2)
            hex += QString::fromLatin1(chunk.mid(i, 2).toHex()) + QLatin1Char(' ');
        out += QStringLiteral("\t0x%1:  %2 %3\n")
                   .arg(row * 16, 4, 16, QLatin1Char('0'))
                   .arg(hex.leftJustified(40), QStringLiteral("................"));
    }
    return out;
}

} // namespace

class TestRecordDissector : public QObject
{
    Q_OBJECT

private:
    DissectLimits m_limits;

    TlsStream run(const QList<std::pair<RecordDirection, QByteArray>> &chunks, int chunkSize = 0)
    {
        TlsStream stream;
        qint64 kept = 0;
        RecordDissector d(stream, m_limits, kept);
        qint64 position = 0;
        for (const auto &[dir, bytes] : chunks) {
            ++position;
            if (chunkSize <= 0) {
                d.feed(dir, bytes, position);
                continue;
            }
            for (qsizetype i = 0; i < bytes.size(); i += chunkSize)
                d.feed(dir,
                       QByteArrayView(bytes).sliced(
                           i, std::min<qsizetype>(chunkSize, bytes.size() - i)),
                       position);
        }
        d.finish();
        return stream;
    }

private Q_SLOTS:
    void coalescedMessagesAreSplit_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::newRow("whole") << 0;
        QTest::newRow("byte by byte") << 1;
        QTest::newRow("7-byte chunks") << 7;
    }
    void coalescedMessagesAreSplit()
    {
        QFETCH(int, chunk);
        // The seed pattern: Certificate, ClientKeyExchange and CertificateVerify in one record.
        const QByteArray flight = message(11, vec(vec(QByteArray(40, 'c'), 3), 3))
                                  + message(16, vec(QByteArray(65, 'k'), 1))
                                  + message(15, be(0x0403, 2) + vec(QByteArray(70, 's'), 2));
        const TlsStream s = run({{C2S, record(22, flight)},
                                 {C2S, record(20, "\x01")},
                                 {C2S, record(22, QByteArray(40, 'e'))}},
                                chunk);
        QCOMPARE(s.records.size(), 3);
        QCOMPARE(pieces(s.records[0]),
                 (QStringList{u"Certificate/whole"_s, u"ClientKeyExchange/whole"_s,
                              u"CertificateVerify/whole"_s}));
        QVERIFY(!s.records[0].encrypted);
        QVERIFY(s.records[2].encrypted); // Finished after ChangeCipherSpec
        QVERIFY(s.records[2].pieces.isEmpty());
        QCOMPARE(s.messages.size(), 3);
        QCOMPARE(s.messages[0].certificateCount, 1);
        QCOMPARE(s.messages[2].details.children.last().value,
                 QStringLiteral("ecdsa_secp256r1_sha256, 70 bytes"));
        const auto findings = findRecordProblems(s, {});
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].id, QStringLiteral("coalesced-handshake-messages"));
        QVERIFY(findings[0].explanation.contains(
            QStringLiteral("Certificate, ClientKeyExchange, CertificateVerify")));
        QVERIFY(findings[0].fixes.size() >= 2);
    }

    void fragmentedMessageIsReassembled_data()
    {
        QTest::addColumn<int>("piece");
        QTest::newRow("3-byte records (header split too)") << 3;
        QTest::newRow("50-byte records") << 50;
    }
    void fragmentedMessageIsReassembled()
    {
        QFETCH(int, piece);
        const QByteArray hello = clientHello();
        QByteArray wire;
        int records = 0;
        for (qsizetype i = 0; i < hello.size(); i += piece, ++records)
            wire += record(22, hello.mid(i, piece), 0x0301);
        const TlsStream s = run({{C2S, wire}}, 5);
        QCOMPARE(s.records.size(), records);
        QCOMPARE(s.messages.size(), 1);
        const HandshakeMessage &m = s.messages[0];
        QVERIFY(m.complete);
        QCOMPARE(m.name, QStringLiteral("ClientHello"));
        QCOMPARE(s.records.last().pieces.last().fragment, FragmentKind::Last);
        if (piece > 4)
            QCOMPARE(s.records.first().pieces.first().fragment, FragmentKind::First);
        // Details survive reassembly.
        const DetailNode *suites = child(m.details, QStringLiteral("cipher suites"));
        QVERIFY(suites);
        QCOMPARE(suites->children.first().name,
                 QStringLiteral("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        QCOMPARE(suites->children.last().name, QStringLiteral("TLS_EMPTY_RENEGOTIATION_INFO_SCSV"));
        const DetailNode *ext = child(m.details, QStringLiteral("extensions"));
        QVERIFY(ext);
        QCOMPARE(child(*ext, QStringLiteral("server_name"))->value,
                 QStringLiteral("device.example"));
        QCOMPARE(child(*ext, QStringLiteral("application_layer_protocol_negotiation"))->value,
                 QStringLiteral("h2, http/1.1"));
        QCOMPARE(child(*ext, QStringLiteral("record_size_limit"))->value, QStringLiteral("4096"));
        QCOMPARE(child(*child(*ext, QStringLiteral("supported_groups")), QStringLiteral("groups"))
                     ->children.first()
                     .name,
                 QStringLiteral("x25519"));
        const auto findings = findRecordProblems(s, {});
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].id, QStringLiteral("handshake-fragmentation-unsupported"));
        QVERIFY(findings[0].explanation.contains(QStringLiteral("-0x7080")));
    }

    void tls13EncryptsAfterServerHello()
    {
        const QByteArray sh
            = serverHello(extension(43, be(0x0304, 2))
                          + extension(51, be(0x001d, 2) + vec(QByteArray(32, 'k'), 2)));
        const TlsStream s
            = run({{C2S, record(22, clientHello(), 0x0301)},
                   {S2C, record(22, sh) + record(20, "\x01") + record(23, QByteArray(50, 'x'))},
                   {C2S, record(20, "\x01") + record(23, QByteArray(60, 'y'))}});
        QVERIFY(s.tls13);
        QCOMPARE(s.serverVersion, 0x0304);
        QCOMPARE(s.records.size(), 6);
        QVERIFY(!s.records[1].encrypted);
        QVERIFY(!s.records[2].encrypted); // compatibility CCS
        QVERIFY(s.records[3].encrypted);
        QVERIFY(!s.records[4].encrypted);
        QVERIFY(s.records[5].encrypted);
        QCOMPARE(child(s.messages[1].details, QStringLiteral("version"))->value,
                 QStringLiteral("TLS 1.3"));
    }

    void maxFragmentLengthIgnored()
    {
        const TlsStream s
            = run({{C2S, record(22, clientHello(2))},
                   {S2C, record(22, serverHello())},
                   {S2C, record(22, message(11, vec(vec(QByteArray(3000, 'c'), 3), 3)))}});
        QCOMPARE(s.messages[0].maxFragmentCode, 2);
        const auto findings = findRecordProblems(s, {});
        QStringList found;
        for (const auto &f : findings)
            found << f.id;
        QVERIFY2(found.contains(QStringLiteral("max-fragment-length-ignored")),
                 qPrintable(found.join(u',')));
        // Echoed and respected: no finding.
        const TlsStream ok = run({{C2S, record(22, clientHello(2))},
                                  {S2C, record(22, serverHello(extension(1, "\x02")))}});
        QVERIFY(findRecordProblems(ok, {}).isEmpty());
    }

    // The diagnosis path decodes facts only; they must be the ones the details decoder sets,
    // on well-formed messages and on every cut-short or corrupted version of them.
    void factsOnlyDecodingAgreesWithTheDetails()
    {
        const QByteArray hrrRandom = QByteArray::fromHex(
            "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
        QByteArray hrr = serverHello(extension(43, be(0x0304, 2)));
        hrr.replace(6, 32, hrrRandom); // message header (4) + legacy_version (2)
        const QList<QByteArray> messages = {
            clientHello(2),
            clientHello(0) + QByteArray(3, 'x'),
            message(1, be(0x0303, 2) + QByteArray(32, 'r') + vec({}, 1) + vec(be(0x002f, 2), 2)
                           + vec("\0", 1)
                           + vec(extension(28, be(0x4001, 2)) + extension(1, "\x09"), 2)),
            serverHello(),
            serverHello(extension(1, "\x03")),
            serverHello(extension(43, be(0x0304, 2))),
            hrr,
            message(11, vec(vec(QByteArray(300, 'c'), 3) + vec(QByteArray(200, 'd'), 3), 3)),
            message(11, vec({}, 3)),
            message(11, vec(vec(QByteArray(30, 'c'), 3), 3) + "junk"),
        };
        int compared = 0;
        for (const QByteArray &whole : messages) {
            for (qsizetype cut = whole.size(); cut >= 4; cut -= std::max<qsizetype>(1, cut / 7)) {
                QByteArray m = whole.first(cut);
                // Keep the header's length right so the message is complete but short inside.
                const quint32 bodyLength = quint32(m.size() - 4);
                m[1] = char(bodyLength >> 16);
                m[2] = char(bodyLength >> 8);
                m[3] = char(bodyLength);
                for (bool tls13 : {false, true}) {
                    HandshakeMessage full;
                    HandshakeMessage facts;
                    full.type = facts.type = quint8(m[0]);
                    decodeHandshakeBody(full, m.sliced(4), tls13);
                    decodeHandshakeFacts(facts, m.sliced(4), tls13);
                    const QString what = QStringLiteral("type %1, %2 of %3 bytes, tls13 %4")
                                             .arg(full.type)
                                             .arg(cut)
                                             .arg(whole.size())
                                             .arg(tls13);
                    QVERIFY2(facts.maxFragmentCode == full.maxFragmentCode, qPrintable(what));
                    QVERIFY2(facts.recordSizeLimit == full.recordSizeLimit, qPrintable(what));
                    QVERIFY2(facts.selectedVersion == full.selectedVersion, qPrintable(what));
                    QVERIFY2(facts.helloRetry == full.helloRetry, qPrintable(what));
                    QVERIFY2(facts.certificateCount == full.certificateCount, qPrintable(what));
                    QVERIFY(facts.details.children.isEmpty());
                    ++compared;
                }
            }
        }
        QVERIFY(compared > 100);
        // And the facts are really there (not -1 everywhere).
        HandshakeMessage hello;
        hello.type = 1;
        decodeHandshakeFacts(hello, messages[2].sliced(4), false);
        QCOMPARE(hello.recordSizeLimit, 0x4001);
        QCOMPARE(hello.maxFragmentCode, 9);
        HandshakeMessage retry;
        retry.type = 2;
        decodeHandshakeFacts(retry, hrr.sliced(4), false);
        QVERIFY(retry.helloRetry);
        QCOMPARE(retry.selectedVersion, 0x0304);
        HandshakeMessage chain;
        chain.type = 11;
        decodeHandshakeFacts(chain, messages[7].sliced(4), false);
        QCOMPARE(chain.certificateCount, 2);
    }

    void recordTooLargeForTheTarget()
    {
        const TlsStream s = run({{S2C, record(23, QByteArray(17000, 'x'))}});
        QCOMPARE(s.records.size(), 1);
        FindingContext context;
        auto findings = findRecordProblems(s, context);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].id, QStringLiteral("record-too-large"));
        context.inputBufferBytes = 32768;
        QVERIFY(findRecordProblems(s, context).isEmpty());
    }

    void emptyClientCertificateThenAlert()
    {
        const TlsStream s = run({{C2S, record(22, message(11, vec({}, 3)))},
                                 {S2C, record(21, QByteArray::fromHex("0228"))}});
        QCOMPARE(s.alerts.size(), 1);
        QCOMPARE(s.alerts[0].description, 40);
        const auto findings = findRecordProblems(s, {});
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].id, QStringLiteral("client-certificate-required"));
        QCOMPARE(findings[0].evidence.size(), 2);
    }

    void sslv2ClientHelloIsRecognised()
    {
        // SSLv2 CLIENT-HELLO: msg_type 1, version 3.1, 3 cipher specs, no session id, 16-byte challenge.
        const QByteArray body = QByteArray::fromHex("010301") + be(9, 2) + be(0, 2) + be(16, 2)
                                + QByteArray::fromHex("00002f000035000005") + QByteArray(16, 'r');
        const QByteArray wire = be(0x8000 | quint32(body.size()), 2) + body;
        const TlsStream s = run({{C2S, wire}, {S2C, record(22, serverHello())}});
        QCOMPARE(s.records.size(), 2);
        QVERIFY(s.records[0].sslv2);
        QCOMPARE(s.messages[0].type, 1);
        QVERIFY(s.messages[0].name.contains(QStringLiteral("SSLv2")));
        QCOMPARE(s.messages[1].name, QStringLiteral("ServerHello"));
    }

    void nonTlsAndTruncatedInputSayWhat()
    {
        const TlsStream http = run({{C2S, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"}});
        QVERIFY(http.records.isEmpty());
        QCOMPARE(http.notes.size(), 1);
        QVERIFY(http.notes[0].contains(QStringLiteral("GET / HTTP")));

        const QByteArray whole = record(22, clientHello());
        const TlsStream cut = run({{C2S, whole.left(60)}});
        QCOMPARE(cut.records.size(), 1);
        QVERIFY(cut.records[0].truncated);
        QVERIFY(!cut.messages[0].complete);
        QVERIFY(cut.notes.join(u' ').contains(QStringLiteral("ends inside a record")));
    }

    void ciphertextIsCountedNotKept_data()
    {
        QTest::addColumn<int>("chunkSize");
        QTest::newRow("whole") << 0;
        QTest::newRow("3-byte chunks") << 3;
        QTest::newRow("MSS chunks") << 1448;
    }

    // Application data is framed and counted in full, but only its first bytes are kept: the
    // record after it must start exactly where the big one ends.
    void ciphertextIsCountedNotKept()
    {
        QFETCH(int, chunkSize);
        const QByteArray app = record(23, QByteArray(16384 + 24, 'a'));
        const TlsStream s = run({{C2S, record(22, clientHello())},
                                 {S2C, record(22, serverHello()) + record(20, "\x01")},
                                 {S2C, app + record(21, QByteArray(26, 'c')) + app}},
                                chunkSize);
        QCOMPARE(s.records.size(), 6);
        const TlsRecord &big = s.records[3];
        QVERIFY(big.encrypted);
        QCOMPARE(big.length, quint32(16384 + 24));
        QVERIFY(big.clipped);
        QVERIFY(big.bytes.size() < 100);
        QCOMPARE(big.bytes, app.first(big.bytes.size()));
        QCOMPARE(s.records[4].type, 21);
        QVERIFY(s.records[4].encrypted);
        QCOMPARE(s.records[4].streamOffset,
                 quint64(record(22, serverHello()).size() + 6) + quint64(app.size()));
        QCOMPARE(s.records[5].length, quint32(16384 + 24));
        QCOMPARE(s.bytes[1], quint64(record(22, serverHello()).size() + 6 + 2 * app.size()
                                     + record(21, QByteArray(26, 'c')).size()));
        QVERIFY(!s.records[0].clipped);
        QCOMPARE(s.records[0].bytes, record(22, clientHello()));
        QVERIFY(s.notes.isEmpty());
    }

    void gapInsideCiphertextKeepsTheFraming()
    {
        TlsStream s;
        qint64 kept = 0;
        RecordDissector d(s, m_limits, kept);
        const QByteArray app = record(23, QByteArray(3000, 'a'));
        d.feed(S2C, app.first(1000), 1);
        d.gap(S2C, 1000, 2);
        d.feed(S2C, QByteArray(app.sliced(2000) + record(23, QByteArray(10, 'b'))), 3);
        d.finish();
        QCOMPARE(s.records.size(), 2);
        QCOMPARE(s.records[0].missingBytes, quint32(1000));
        QVERIFY(!s.records[0].truncated);
        QCOMPARE(s.records[1].length, quint32(10));
        QCOMPARE(s.records[1].streamOffset, quint64(app.size()));
    }

    void gapsResynchronise()
    {
        TlsStream s;
        qint64 kept = 0;
        RecordDissector d(s, m_limits, kept);
        d.feed(S2C, record(22, serverHello()), 1);
        d.gap(S2C, 100, 2); // a lost segment
        d.feed(S2C, QByteArray(QByteArray(37, 'z') + record(22, message(14, {}))), 3);
        d.finish();
        QCOMPARE(s.gaps.size(), 1);
        QCOMPARE(s.records.size(), 2);
        QCOMPARE(s.records[1].pieces.first().name, QStringLiteral("ServerHelloDone"));
    }

    void textForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("form");
        QTest::addColumn<int>("records");

        const QByteArray flight = record(22, message(11, vec(vec(QByteArray(200, 'c'), 3), 3))
                                                 + message(16, vec(QByteArray(65, 'k'), 1)));
        const QByteArray packet = ipv4Tcp(0x0a390a91, 4585, 0x0a391e85, 26, 1000, 1, 0x18, flight);
        QTest::newRow("tcpdump -X")
            << QStringLiteral("IP 10.57.10.145.4585 > 10.57.30.133.26: . 1:273(272)\n")
                   + tcpdumpRows(packet)
            << u"hexdump"_s << u"tcpdump -X"_s << 1;
        // Rows left out of a pasted dump: the framing still shows both messages.
        QTest::newRow("tcpdump -X with rows left out")
            << tcpdumpRows(packet, {5, 6, 7}) << u"hexdump"_s << u"tcpdump -X"_s << 1;
        // As copied from a web page: no-break spaces, no tab, a note after the bytes, rows elided.
        QString forum = tcpdumpRows(packet, {4, 5, 6, 7, 8, 9, 10, 11, 12})
                            .replace(u"\t"_s, QString())
                            .replace(u":  "_s, u":\u00a0 "_s);
        forum.replace(u"................"_s, u"      Handshake TLS1.2 size=0x0110"_s);
        QTest::newRow("forum paste") << forum << u"hexdump"_s << u"tcpdump -X"_s << 1;

        QString wide;
        const QByteArray frame = ethernet(packet);
        for (int i = 0; i < frame.size(); i += 16) {
            const QByteArray row = frame.mid(i, 16);
            wide += QStringLiteral("%1   %2   ................\n")
                        .arg(i, 4, 16, QLatin1Char('0'))
                        .arg(QString::fromLatin1(row.toHex(' ')).leftJustified(47));
        }
        QTest::newRow("Wireshark hex dump") << wide << u"hexdump"_s << u"Wireshark hex dump"_s << 1;

        QString xxd;
        for (int i = 0; i < flight.size(); i += 16) {
            const QByteArray row = flight.mid(i, 16);
            QString groups;
            for (int g = 0; g < row.size(); g += 2)
                groups += QString::fromLatin1(row.mid(g, 2).toHex()) + QLatin1Char(' ');
            xxd += QStringLiteral("%1: %2 ................\n")
                       .arg(i, 8, 16, QLatin1Char('0'))
                       .arg(groups.leftJustified(40));
        }
        QTest::newRow("xxd") << xxd << u"hexdump"_s << u"xxd"_s << 1;

        QString follow;
        auto followRows = [](const QByteArray &data, const QString &indent) {
            QString out;
            for (int i = 0; i < data.size(); i += 16) {
                const QByteArray row = data.mid(i, 16);
                QString hex = QString::fromLatin1(row.left(8).toHex(' '));
                if (row.size() > 8)
                    hex += QStringLiteral("  ") + QString::fromLatin1(row.mid(8).toHex(' '));
                out += QStringLiteral("%1%2  %3  ................\n")
                           .arg(indent)
                           .arg(i, 8, 16, QLatin1Char('0'))
                           .arg(hex.leftJustified(48));
            }
            return out;
        };
        follow = followRows(record(22, clientHello()), {})
                 + followRows(record(22, serverHello()) + record(22, message(14, {})),
                              QStringLiteral("    "));
        QTest::newRow("Follow TCP Stream") << follow << u"hexdump"_s << u"Follow TCP Stream"_s << 3;

        QTest::newRow("bare hex") << QString::fromLatin1(flight.toHex()) << u"hex"_s << QString()
                                  << 1;
        QTest::newRow("bare hex, spaced")
            << QString::fromLatin1(flight.toHex(' ')) << u"hex"_s << QString() << 1;
    }
    void textForms()
    {
        QFETCH(QString, text);
        QFETCH(QString, kind);
        QFETCH(QString, form);
        QFETCH(int, records);
        const auto report = Dissector::dissectBytes(text.toUtf8(), QStringLiteral("pasted"));
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(inputKindId(report->kind), kind);
        QCOMPARE(report->form, form);
        QCOMPARE(report->streams.size(), 1);
        QCOMPARE(report->streams[0].records.size(), records);
        if (records == 1) {
            QCOMPARE(pieces(report->streams[0].records[0]),
                     (QStringList{u"Certificate/whole"_s, u"ClientKeyExchange/whole"_s}));
            QCOMPARE(ids(*report), QStringList{QStringLiteral("coalesced-handshake-messages")});
        } else {
            QCOMPARE(report->streams[0].records[2].dir, S2C);
            QCOMPARE(report->streams[0].records[2].pieces.first().name,
                     QStringLiteral("ServerHelloDone"));
        }
    }

    void proseIsNotADump()
    {
        const auto report = Dissector::dissectBytes("hello world\nthis is not a dump\n",
                                                    QStringLiteral("notes.txt"));
        QVERIFY(!report);
        QCOMPARE(report.error().code, QStringLiteral("dissect.nothing"));
        QVERIFY(report.error().detail.contains(QStringLiteral("line 1")));
        const auto binary = Dissector::dissectBytes(QByteArray("\x7f"
                                                               "ELF\x02\x01\x01\0\0\0\0",
                                                               12),
                                                    QStringLiteral("a.out"));
        QVERIFY(!binary);
        QCOMPARE(binary.error().code, QStringLiteral("dissect.unknown"));
    }

    void rowParser()
    {
        TextDumpReader::Row row;
        QVERIFY(TextDumpReader::parseRow(
            "0000:  16 03 03 00 41 02 00 00 3d 03 03 34 b0 14 bf fd  ....A...=..4....", row));
        QCOMPARE(row.bytes.size(), 16);
        QCOMPARE(row.style, TextDumpReader::Row::Colon);
        QVERIFY(TextDumpReader::parseRow(
            "\t0x04c0:  9350 7474 859a fbce 2919 e123 4f10 0001  .PTt....).#O...", row));
        QCOMPARE(row.offset, quint64(0x4c0));
        QCOMPARE(row.bytes.toHex(), QByteArray("93507474859afbce2919e1234f100001"));
        QVERIFY(!TextDumpReader::parseRow("Handshake TLS1.2 size=0x06ae", row));
        QVERIFY(!TextDumpReader::parseRow("deadbeef is a word", row));
    }
};

QTEST_GUILESS_MAIN(TestRecordDissector)
#include "tst_recorddissector.moc"
