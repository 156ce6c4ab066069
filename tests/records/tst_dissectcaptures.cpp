// SPDX-License-Identifier: GPL-3.0-or-later
// Real handshakes, real framing problems: openssl s_client and s_server (TLS 1.2 with and
// without client certificates, TLS 1.3) talk through a relay that coalesces flights or cuts
// records small; the exchange is written to pcap and pcapng and dissected, and the record and
// message sequence must match what the relay sent and what tshark reads from the same file.
#include "core/tls/diagnosisengine.h"
#include "core/tls/records/dissector.h"
#include "tests/records/capturewriter.h"
#include "tests/records/opensslexchange.h"
#include "tests/records/reframingrelay.h"
#include "tests/tlslogs/tlslogfactory.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Forgeline;
using namespace Forgeline::Tls;
using namespace Forgeline::TestSupport;
using Mode = ReframingRelay::Mode;

namespace {

// "22:1 22:2,11,12,14 ..." for the relay's records and the dissector's, so failures read well.
QString sequence(const QList<ReframingRelay::SentRecord> &records)
{
    QStringList out;
    for (const auto &r : records) {
        QStringList types;
        for (int t : r.completedMessages)
            types << QString::number(t);
        out << u"%1%2:%3"_s.arg(r.dir ? u"<"_s : u">"_s).arg(r.type).arg(types.join(u','));
    }
    return out.join(u' ');
}

QString sequence(const TlsStream &s)
{
    QStringList out;
    for (const TlsRecord &r : s.records) {
        QStringList types;
        for (const MessagePiece &p : r.pieces) {
            if (p.fragment == FragmentKind::Whole || p.fragment == FragmentKind::Last)
                types << QString::number(p.type);
        }
        out << u"%1%2:%3"_s.arg(r.dir == RecordDirection::ServerToClient ? u"<"_s : u">"_s)
                   .arg(r.type)
                   .arg(types.join(u','));
    }
    return out.join(u' ');
}

QStringList findingIds(const DissectReport &r)
{
    QStringList out;
    for (const RecordFinding &f : r.findings)
        out << f.id;
    return out;
}

} // namespace

class TestDissectCaptures : public QObject
{
    Q_OBJECT

private:
    QString m_dir = QStringLiteral(TEST_BUILD_DIR "/records-captures");
    TlsLogFactory m_certs{m_dir, QStringLiteral(OPENSSL_PATH), {}, {}};

    QString path(const QString &name) const { return m_dir + u'/' + name; }

    // s_server on an ephemeral port behind the relay, s_client in front; returns what happened.
    Exchange handshake(Mode mode, int fragment, const QStringList &serverArgs,
                       const QStringList &clientArgs, int directions = 3)
    {
        Exchange ex = runOpensslExchange(QStringLiteral(OPENSSL_PATH), m_dir, mode, fragment,
                                         serverArgs, clientArgs, directions);
        if (!ex.error.isEmpty())
            qWarning("%s", qPrintable(ex.error));
        return ex;
    }

    // tshark's records and completed handshake messages in the same notation, or "" without tshark.
    static QString tsharkSequence(const QString &file)
    {
        QProcess t;
        t.start(QStringLiteral(TSHARK_PATH), {u"-r"_s, file,
                                              u"-o"_s, u"tcp.reassemble_out_of_order:TRUE"_s,
                                              u"-d"_s, u"tcp.port==443,tls"_s,
                                              u"-T"_s, u"fields"_s,
                                              u"-E"_s, u"occurrence=a"_s,
                                              u"-E"_s, u"separator=;"_s,
                                              u"-e"_s, u"ip.src"_s,
                                              u"-e"_s, u"tls.record.content_type"_s,
                                              u"-e"_s, u"tls.record.opaque_type"_s,
                                              u"-e"_s, u"tls.handshake.type"_s});
        if (!t.waitForFinished(120000))
            return u"tshark did not finish"_s;
        QStringList records;
        QList<int> handshakes;
        for (const QString &line :
             QString::fromUtf8(t.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts)) {
            const QStringList f = line.split(u';');
            if (f.size() < 4)
                continue;
            QStringList types
                = f[1].split(u',', Qt::SkipEmptyParts) + f[2].split(u',', Qt::SkipEmptyParts);
            const QString dir = f[0] == u"10.0.0.2"_s ? u"<"_s : u">"_s;
            for (const QString &type : types)
                records << dir + type;
            for (const QString &h : f[3].split(u',', Qt::SkipEmptyParts))
                handshakes << h.toInt();
        }
        QStringList hs;
        for (int h : handshakes)
            hs << QString::number(h);
        return records.join(u' ') + u" | "_s + hs.join(u',');
    }

    static QString ourTsharkView(const TlsStream &s)
    {
        QStringList records;
        QStringList hs;
        for (const TlsRecord &r : s.records) {
            records << (r.dir == RecordDirection::ServerToClient ? u"<"_s : u">"_s)
                           + QString::number(r.type);
            for (const MessagePiece &p : r.pieces) {
                if (p.fragment == FragmentKind::Whole || p.fragment == FragmentKind::Last)
                    hs << QString::number(p.type);
            }
        }
        return records.join(u' ') + u" | "_s + hs.join(u',');
    }

private Q_SLOTS:
    void initTestCase()
    {
        QDir(m_dir).removeRecursively();
        QVERIFY2(m_certs.prepareCertificates(), qPrintable(m_certs.lastError()));
    }

    void handshakes_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("fragment");
        QTest::addColumn<QStringList>("serverArgs");
        QTest::addColumn<QStringList>("clientArgs");
        QTest::addColumn<bool>("established");
        QTest::addColumn<QStringList>("findings");

        const QStringList verify{u"-Verify"_s, u"1"_s, u"-verify_return_error"_s};
        const QStringList tls12{u"-tls1_2"_s};
        const QStringList tls13{u"-tls1_3"_s};
        const QStringList cert{u"-cert"_s, path(u"client.crt"_s), u"-key"_s, path(u"client.key"_s)};
        QTest::newRow("TLS 1.2 plain")
            << int(Mode::Plain) << 0 << QStringList() << tls12 << true << QStringList();
        QTest::newRow("TLS 1.2 coalesced")
            << int(Mode::Coalesce) << 0 << QStringList() << tls12 << true
            << QStringList{u"coalesced-handshake-messages"_s};
        QTest::newRow("TLS 1.2 fragmented")
            << int(Mode::Fragment) << 200 << QStringList() << tls12 << true
            << QStringList{u"handshake-fragmentation-unsupported"_s};
        QTest::newRow("TLS 1.2 client cert plain")
            << int(Mode::Plain) << 0 << verify << tls12 + cert << true << QStringList();
        // The seed situation: Certificate, ClientKeyExchange and CertificateVerify in one record.
        QTest::newRow("TLS 1.2 client cert coalesced")
            << int(Mode::Coalesce) << 0 << verify << tls12 + cert << true
            << QStringList{u"coalesced-handshake-messages"_s};
        QTest::newRow("TLS 1.2 client cert missing")
            << int(Mode::Plain) << 0 << verify << tls12 << false
            << QStringList{u"client-certificate-required"_s};
        QTest::newRow("TLS 1.3 plain")
            << int(Mode::Plain) << 0 << QStringList() << tls13 << true << QStringList();
        QTest::newRow("TLS 1.3 fragmented")
            << int(Mode::Fragment) << 64 << QStringList() << tls13 << true
            << QStringList{u"handshake-fragmentation-unsupported"_s};
    }

    void handshakes()
    {
        QFETCH(int, mode);
        QFETCH(int, fragment);
        QFETCH(QStringList, serverArgs);
        QFETCH(QStringList, clientArgs);
        QFETCH(bool, established);
        QFETCH(QStringList, findings);

        const Exchange ex = handshake(Mode(mode), fragment, serverArgs, clientArgs);
        QVERIFY2(ex.established == established, qPrintable(ex.clientOutput));
        QVERIFY(!ex.records.isEmpty());

        const QString name
            = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_').replace(u'.', u'_');
        const QList<QByteArray> frames = captureFrames(ex.writes);
        QVERIFY(writePcap(path(name + u".pcap"_s), frames));
        QVERIFY(writePcapng(path(name + u".pcapng"_s), frames));

        for (const QString &ext : {u"pcap"_s, u"pcapng"_s}) {
            const QString file = path(name + u'.' + ext);
            const auto report = Dissector::dissectFile(file);
            QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
            QCOMPARE(inputKindId(report->kind), ext);
            QCOMPARE(report->streams.size(), 1);
            const TlsStream &s = report->streams.first();
            QCOMPARE(s.client, u"10.0.0.1:50123"_s);
            QCOMPARE(s.server, u"10.0.0.2:443"_s);
            QCOMPARE(sequence(s), sequence(ex.records));
            QCOMPARE(findingIds(*report), findings);
            for (const RecordFinding &f : report->findings) {
                QVERIFY(!f.evidence.isEmpty());
                QVERIFY(f.evidence.first().position > 3); // a data frame, after the TCP handshake
                QVERIFY(f.fixes.size() >= 2);
            }
            if (QStringLiteral(TSHARK_PATH).isEmpty()) {
                qInfo("tshark is not installed: the comparison with Wireshark's dissection is "
                      "skipped");
                continue;
            }
            QCOMPARE(ourTsharkView(s), tsharkSequence(file));
        }

        // The same exchange with a retransmitted and two reordered segments reads the same.
        CaptureOptions messy;
        messy.retransmitAndReorder = true;
        messy.mss = 300;
        QVERIFY(writePcap(path(name + u"-messy.pcap"_s), captureFrames(ex.writes, messy)));
        const auto messyReport = Dissector::dissectFile(path(name + u"-messy.pcap"_s));
        QVERIFY(messyReport);
        QCOMPARE(messyReport->streams.size(), 1);
        QCOMPARE(sequence(messyReport->streams.first()), sequence(ex.records));
        QVERIFY(messyReport->streams.first().gaps.isEmpty());
    }

    void seedSituationThroughTheCli()
    {
        // Client-certificate flight in one record, as the .NET client sent it to the WICED server.
        const Exchange ex = handshake(
            Mode::Coalesce, 0, {u"-Verify"_s, u"1"_s},
            {u"-tls1_2"_s, u"-cert"_s, path(u"client.crt"_s), u"-key"_s, path(u"client.key"_s)}, 1);
        QVERIFY2(ex.established, qPrintable(ex.clientOutput));
        QVERIFY(writePcapng(path(u"seed.pcapng"_s), captureFrames(ex.writes)));
        QProcess cli;
        cli.start(QStringLiteral(FORGELINE_CLI_PATH),
                  {u"dissect"_s, path(u"seed.pcapng"_s), u"--json"_s});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject root = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(root[u"input"_s][u"kind"_s].toString(), u"pcapng"_s);
        const QJsonArray streams = root[u"streams"_s].toArray();
        QCOMPARE(streams.size(), 1);
        const QJsonObject stream = streams[0].toObject();
        for (const char *key : {"id", "client", "server", "records", "alerts", "gaps"})
            QVERIFY2(stream.contains(QLatin1String(key)), key);
        bool sawFlight = false;
        for (const QJsonValue &v : stream[u"records"_s].toArray()) {
            const QJsonObject r = v.toObject();
            for (const char *key : {"dir", "frame", "type", "type_name", "version", "length",
                                    "encrypted", "messages"})
                QVERIFY2(r.contains(QLatin1String(key)), key);
            QStringList names;
            for (const QJsonValue &m : r[u"messages"_s].toArray()) {
                names << m[u"name"_s].toString();
                QCOMPARE(m[u"fragment"_s].toString(), u"whole"_s);
            }
            if (r[u"dir"_s] == u"c2s"_s
                && names
                       == QStringList{u"Certificate"_s, u"ClientKeyExchange"_s,
                                      u"CertificateVerify"_s})
                sawFlight = true;
        }
        QVERIFY(sawFlight);
        const QJsonArray findings = root[u"findings"_s].toArray();
        QCOMPARE(findings.size(), 1);
        const QJsonObject f = findings[0].toObject();
        QCOMPARE(f[u"id"_s].toString(), u"coalesced-handshake-messages"_s);
        QCOMPARE(f[u"stream"_s].toInt(), 0);
        QVERIFY(!f[u"title"_s].toString().isEmpty());
        QVERIFY(f[u"evidence"_s].toArray()[0].toObject().contains(u"frame"_s));
        QVERIFY(f[u"fixes"_s].toArray().size() >= 2);

        // Text: one line per record, from stdin.
        QProcess text;
        text.start(QStringLiteral(FORGELINE_CLI_PATH), {u"dissect"_s, u"-"_s});
        QFile capture(path(u"seed.pcapng"_s));
        QVERIFY(capture.open(QIODevice::ReadOnly));
        text.write(capture.readAll());
        text.closeWriteChannel();
        QVERIFY(text.waitForFinished(60000));
        const QString out = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(out.contains(u"[Certificate, ClientKeyExchange, CertificateVerify]"_s),
                 qPrintable(out));
        QCOMPARE(out.count(u"C→S"_s) + out.count(u"S→C"_s), ex.records.size());
    }

    void deviceLogThroughFragmentingRelay()
    {
#ifndef TLSCLIENT_PATH
        QSKIP("libmbedtls-dev is missing: no mbedTLS probe to run");
#else
        // Debian's mbedTLS 2.28 as the device, openssl s_server as the server, every plaintext
        // handshake record from the server cut into 200-byte records on the way.
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral(OPENSSL_PATH),
                     {u"s_server"_s, u"-accept"_s, u"127.0.0.1:0"_s, u"-naccept"_s, u"1"_s,
                      u"-cert"_s, path(u"server.crt"_s), u"-key"_s, path(u"server.key"_s),
                      u"-CAfile"_s, path(u"ca.crt"_s)});
        QString serverOutput;
        quint16 upstream = 0;
        const QRegularExpression accept(u"ACCEPT 127\\.0\\.0\\.1:(\\d+)"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            (serverOutput += QString::fromUtf8(server.readAll()),
             upstream = quint16(accept.match(serverOutput).captured(1).toUInt()))
                != 0,
            30000);
        ReframingRelay relay(Mode::Fragment, 200, upstream);
        const QString log = path(u"fragmented-device.log"_s);
        QProcess device;
        device.setStandardOutputFile(log);
        device.start(QStringLiteral(TLSCLIENT_PATH),
                     {u"--port"_s, QString::number(relay.port()), u"--ca"_s, path(u"ca.crt"_s),
                      u"--format"_s, u"esp"_s});
        QTRY_VERIFY_WITH_TIMEOUT(device.state() == QProcess::NotRunning, 60000);
        server.kill();
        server.waitForFinished(5000);
        QVERIFY(device.exitCode() != 0); // the device cannot reassemble the ServerHello flight

        // The dumped records alone show the split message.
        const auto report = Dissector::dissectFile(log);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(inputKindId(report->kind), u"mbedtls-log"_s);
        QCOMPARE(report->streams.size(), 1);
        const TlsStream &s = report->streams.first();
        QCOMPARE(s.client, u"device"_s);
        QCOMPARE(s.records.first().pieces.first().name, u"ClientHello"_s);
        // ServerHello fits in 200 bytes; the Certificate does not, and the device stops at its first piece.
        QCOMPARE(s.records.size(), 3);
        QCOMPARE(s.records.at(1).pieces.first().name, u"ServerHello"_s);
        QCOMPARE(s.records.at(2).dir, RecordDirection::ServerToClient);
        QCOMPARE(s.records.at(2).pieces.last().name, u"Certificate"_s);
        QCOMPARE(s.records.at(2).pieces.last().fragment, FragmentKind::First);
        QVERIFY(findingIds(*report).contains(u"handshake-fragmentation-unsupported"_s));

        // And the diagnosis names it as the cause, ahead of the "Certificate verified." red herring.
        const auto diagnosis = DiagnosisEngine::diagnoseFiles(log);
        QVERIFY(diagnosis);
        QVERIFY(!diagnosis->diagnoses.isEmpty());
        QCOMPARE(diagnosis->diagnoses.first().id, u"handshake-fragmentation-unsupported"_s);
        QVERIFY(diagnosis->finalError && diagnosis->finalError->code == -0x7080);
        bool recordEvidence = false;
        for (const auto &e : diagnosis->diagnoses.first().evidence)
            recordEvidence = recordEvidence || e.text.contains(u"Certificate (795 bytes)"_s)
                             || e.text.contains(u"Certificate ("_s);
        QVERIFY(recordEvidence);
#endif
    }

    void damagedAndForeignCaptures()
    {
        const Exchange ex = handshake(Mode::Plain, 0, {}, {u"-tls1_2"_s});
        QVERIFY(ex.established);
        QVERIFY(writePcap(path(u"whole.pcap"_s), captureFrames(ex.writes)));
        QFile whole(path(u"whole.pcap"_s));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();

        // Cut in the middle of a frame: what came before is kept, and said to be incomplete.
        const auto cut = Dissector::dissectBytes(bytes.left(bytes.size() * 2 / 3), u"cut.pcap"_s);
        QVERIFY(cut);
        QVERIFY(!cut->streams.isEmpty());
        QVERIFY(cut->streams.first().records.size() < ex.records.size());
        QVERIFY(cut->notes.join(u' ').contains(u"cut short"_s));

        // The same traffic on port 80 as HTTP: no streams, a clear note, CLI exit 1.
        QList<ReframingRelay::Write> http{{0, "GET / HTTP/1.1\r\nHost: example\r\n\r\n"},
                                          {1, "HTTP/1.1 200 OK\r\n\r\n"}};
        QVERIFY(writePcap(path(u"http.pcap"_s), captureFrames(http)));
        const auto foreign = Dissector::dissectFile(path(u"http.pcap"_s));
        QVERIFY(foreign);
        QVERIFY(foreign->streams.isEmpty());
        QVERIFY2(foreign->notes.join(u' ').contains(u"not TLS"_s),
                 qPrintable(foreign->notes.join(u'\n')));
        QProcess cli;
        cli.start(QStringLiteral(FORGELINE_CLI_PATH), {u"dissect"_s, path(u"http.pcap"_s)});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 1);

        // Usage errors exit 2 with one line.
        QProcess usage;
        usage.start(QStringLiteral(FORGELINE_CLI_PATH),
                    {u"dissect"_s, path(u"whole.pcap"_s), u"--stream"_s, u"x"_s});
        QVERIFY(usage.waitForFinished(60000));
        QCOMPARE(usage.exitCode(), 2);
        QCOMPARE(QString::fromUtf8(usage.readAllStandardError()).trimmed().count(u'\n'), 0);
        QProcess noStream;
        noStream.start(QStringLiteral(FORGELINE_CLI_PATH),
                       {u"dissect"_s, path(u"whole.pcap"_s), u"--stream"_s, u"7"_s});
        QVERIFY(noStream.waitForFinished(60000));
        QCOMPARE(noStream.exitCode(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDissectCaptures)
#include "tst_dissectcaptures.moc"
