// SPDX-License-Identifier: GPL-3.0-or-later
// The monitor's parts on real output: the virtual board's firmware runs a real mbedTLS
// handshake against openssl s_server, and what it prints is watched line by line.
#include "monitortesthelpers.h"
#include "rawpty.h"

#include "core/monitor/codespotter.h"
#include "core/monitor/linesplitter.h"
#include "core/monitor/serialmonitor.h"
#include "core/monitor/tlswatcher.h"
#include "core/sim/firmwareprofile.h"
#include "core/sim/romboardprofile.h"
#include "core/sim/romserialserver.h"
#include "core/simfirmware/mqttfirmware.h"
#include "core/tls/diagnosisengine.h"
#include "core/tls/logline.h"
#include "core/tls/logreader.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <fcntl.h>
#include <pty.h>
#include <random>
#include <termios.h>
#include <unistd.h>

using namespace Forgeline;
using namespace Forgeline::Monitor;
using namespace Forgeline::TestSupport;

namespace {

struct Watched
{
    QList<MonitorEvent> events;
    QList<HandshakeResultEvent> handshakes() const
    {
        QList<HandshakeResultEvent> out;
        for (const MonitorEvent &e : events)
            if (const auto *h = std::get_if<HandshakeResultEvent>(&e))
                out.append(*h);
        return out;
    }
    int count(int index) const
    {
        int n = 0;
        for (const MonitorEvent &e : events)
            n += int(e.index()) == index;
        return n;
    }
};

// Feeds `bytes` in random chunks through the splitter into a watcher, as a port delivers them.
Watched watch(const QByteArray &bytes, quint32 seed, const QRegularExpression &success = {})
{
    Watched w;
    TlsWatcher watcher(QStringLiteral("board.log"));
    watcher.setSuccessPattern(success);
    QByteArray scratch;
    LineSplitter splitter([&](qint64 n, QByteArrayView raw, bool cut) {
        if (!cut)
            w.events += watcher.addLine(n, Tls::cleanLogLine(raw, scratch));
    });
    std::mt19937 rng(seed);
    for (qsizetype at = 0; at < bytes.size();) {
        const qsizetype n = qMin<qsizetype>(bytes.size() - at, 1 + rng() % 700);
        splitter.push(QByteArrayView(bytes).sliced(at, n));
        at += n;
    }
    splitter.flush();
    w.events += watcher.finish();
    return w;
}

} // namespace

class TestMonitorCore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TlsLogFactory> m_certs;

    QString cert(const QString &name) const { return m_certs->path(name); }

    // Runs the firmware in process until it printed its outcome line; returns the console bytes.
    QByteArray runFirmware(const QStringList &serverArgs, bool sendClientCertificate = true,
                           const QString &clientCert = QStringLiteral("client.crt"),
                           quint16 fixedPort = 0)
    {
        TlsServer server;
        QString error;
        quint16 port = fixedPort;
        if (!fixedPort) {
            if (!server.start(
                    QStringList{QStringLiteral("-cert"), cert(QStringLiteral("server.crt")),
                                QStringLiteral("-key"), cert(QStringLiteral("server.key")),
                                QStringLiteral("-CAfile"), cert(QStringLiteral("ca.crt"))}
                        + serverArgs,
                    &error)) {
                qWarning("%s", qPrintable(error));
                return {};
            }
            port = server.port();
        }
        FirmwareSetup setup;
        setup.port = port;
        setup.caPem = readAll(cert(QStringLiteral("ca.crt")));
        setup.sendClientCertificate = sendClientCertificate;
        setup.certFile = cert(clientCert);
        setup.keyFile = cert(QStringLiteral("client.key"));
        setup.bootDelayMs = 0;
        setup.wifiDelayMs = 0;
        setup.maxAttempts = 1;
        auto board = Sim::BoardProfile::fromJson(QJsonDocument(boardProfileJson(setup)).toJson());
        auto rom = Sim::romBoardConfigFromProfile(*board);
        auto firmware = Sim::FirmwareProfile::fromJson(
            board->json.value(QLatin1String("firmware")).toObject());
        if (!board || !rom || !firmware)
            return {};
        SimFirmware::MqttFirmware app(*firmware, QStringLiteral("esp32"));
        QByteArray out;
        connect(&app, &Sim::BoardApplication::consoleOutput, this,
                [&](const QByteArray &b) { out += b; });
        Sim::FlashModel flash(rom->flashSize());
        flash.load(rom->image);
        app.boot(flash.contents());
        QElapsedTimer t;
        t.start();
        while (!out.contains("MQTT_EVENT_CONNECTED") && !out.contains("MQTT_EVENT_DISCONNECTED")
               && t.elapsed() < 60000)
            QTest::qWait(20);
        QTest::qWait(50); // the lines after the outcome
        app.halt();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_certs = std::make_unique<TlsLogFactory>(m_dir.path(), QStringLiteral(OPENSSL_PATH),
                                                  QString(), QString());
        QVERIFY2(m_certs->prepareCertificates(), qPrintable(m_certs->lastError()));
        // A chain of 24 extra RSA-2048 certificates (about 26 KB): more than one TLS record
        // holds, so the server splits its Certificate message, which mbedTLS 2.28 cannot take.
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(
            QStringLiteral("sh"),
            {QStringLiteral("-c"),
             QStringLiteral("set -e; : > bigchain.pem; i=0; while [ $i -lt 24 ]; do "
                            "\"$0\" req -x509 -newkey rsa:2048 -nodes -subj /CN=Filler$i -days 30 "
                            "-keyout /dev/null -out c.pem 2>/dev/null; cat c.pem >> bigchain.pem; "
                            "i=$((i+1)); done"),
             QStringLiteral(OPENSSL_PATH)});
        QVERIFY(p.waitForFinished(120000) && p.exitCode() == 0);
    }

    void splitterNumbersLinesLikeTheLogReader()
    {
        QByteArray text;
        text += "\x1b[0;32mI (10) boot: ESP-IDF v4.4.8\x1b[0m\r\n";
        text += "partial line that arrives in pieces\n\n";
        text += QByteArray(LineSplitter::MaxLineLength + 5000, 'x') + "\n";
        text += "E (20) esp-tls-mbedtls: mbedtls_ssl_handshake returned -0x7780\r\n";
        text += "no newline at the end";
        QList<QPair<qint64, QByteArray>> expected;
        QVERIFY(Tls::LogReader::readBytes(text, [&](qint64 n, QByteArrayView l) {
            expected.append({n, l.toByteArray()});
        }));
        for (quint32 seed : {1u, 2u, 3u}) {
            QList<QPair<qint64, QByteArray>> got;
            QByteArray scratch;
            qint64 cutPieces = 0;
            LineSplitter splitter([&](qint64 n, QByteArrayView raw, bool cut) {
                QVERIFY(raw.size() <= LineSplitter::MaxLineLength);
                if (cut) {
                    ++cutPieces;
                    return;
                }
                got.append({n, Tls::cleanLogLine(raw, scratch).toByteArray()});
            });
            std::mt19937 rng(seed);
            for (qsizetype at = 0; at < text.size();) {
                const qsizetype n = qMin<qsizetype>(text.size() - at, 1 + rng() % 97);
                splitter.push(QByteArrayView(text).sliced(at, n));
                at += n;
            }
            splitter.flush();
            QCOMPARE(cutPieces, 1);
            QCOMPARE(got.size(), expected.size());
            for (int i = 0; i < got.size(); ++i) {
                QCOMPARE(got.at(i).first, expected.at(i).first);
                if (!got.at(i).second.startsWith("xxx")) // the reader keeps the head of a long line
                    QCOMPARE(got.at(i).second, expected.at(i).second);
            }
            QCOMPARE(got.at(0).second, QByteArray("I (10) boot: ESP-IDF v4.4.8"));
        }
    }

    void noiseIsToldFromText()
    {
        std::mt19937 rng(7);
        QByteArray garbage;
        for (int i = 0; i < 400; ++i)
            garbage.append(char(rng() & 0xFF));
        QVERIFY(noiseRatio(garbage) > 0.3);
        QVERIFY(noiseRatio("\x1b[0;31mE (1) tag: plain text, caf\xc3\xa9\r") < 0.01);
        QCOMPARE(noiseRatio(""), 0.0);
    }

    void codesAreSpottedAnywhere()
    {
        CodeSpotter spotter;
        auto first = [&](qint64 n, const char *line) {
            const QList<CodeEvent> c = spotter.scan(n, QByteArrayView(line));
            return c.isEmpty() ? CodeEvent{} : c.first();
        };
        CodeEvent e = first(1, "E (10770) esp-tls: mbedtls_ssl_handshake returned -0x7500");
        QCOMPARE(e.code, QStringLiteral("-0x7500"));
        QVERIFY(e.name.startsWith(QStringLiteral("MBEDTLS_ERR_SSL_")));
        e = first(100, "I (5) esp-tls-mbedtls: (FFFFD900): X509 - Certificate verification failed");
        QCOMPARE(e.code, QStringLiteral("-0x2700"));
        QCOMPARE(e.name, QStringLiteral("MBEDTLS_ERR_X509_CERT_VERIFY_FAILED"));
        e = first(200, "E (9710) HTTP_CLIENT: Connection failed: ESP_ERR_HTTP_CONNECT");
        QCOMPARE(e.name, QStringLiteral("ESP_ERR_HTTP_CONNECT"));
        QCOMPARE(e.code.toLower(), QStringLiteral("0x7002"));
        e = first(250,
                  "E (9710) MQTT: nvs_get_u8 failed: ESP_ERR_NVS_NOT_FOUND"); // not in our tables
        QCOMPARE(e.name, QStringLiteral("ESP_ERR_NVS_NOT_FOUND"));
        e = first(300, "I (39) MQTTS_EXAMPLE: Last error code reported from esp-tls: 0x801a");
        QCOMPARE(e.code.toLower(), QStringLiteral("0x801a"));
        // Positive returns printed the odd way and counts are not codes.
        QVERIFY(spotter.scan(400, "ssl->f_recv(_timeout)() returned 5 (-0xfffffffb)").isEmpty());
        QVERIFY(spotter.scan(401, "in_left: 0, nb_want: 5").isEmpty());
        // The same code again a line later (library and caller both print it) is reported once.
        QVERIFY(!spotter.scan(500, "returned -0x7780").isEmpty());
        QVERIFY(spotter.scan(501, "E esp-tls: mbedtls_ssl_handshake returned -0x7780").isEmpty());
    }

    void liveDiagnosisMatchesDiagnoseOnTheWholeLog_data()
    {
        QTest::addColumn<QStringList>("serverArgs");
        QTest::addColumn<bool>("sendCert");
        QTest::addColumn<QString>("clientCert");
        QTest::addColumn<QString>("expectedId");
        const QStringList requireCert{QStringLiteral("-Verify"), QStringLiteral("1"),
                                      QStringLiteral("-verify_return_error")};
        QTest::newRow("working") << requireCert << true << QStringLiteral("client.crt")
                                 << QString();
        QTest::newRow("client cert rejected")
            << requireCert << true << QStringLiteral("client-untrusted.crt")
            << QStringLiteral("client-certificate-rejected");
        QTest::newRow("no client cert") << requireCert << false << QStringLiteral("client.crt")
                                        << QStringLiteral("client-certificate-required");
        QTest::newRow("wrong CA") << QStringList{QStringLiteral("-cert"),
                                                 cert(QStringLiteral("server-untrusted.crt"))}
                                  << true << QStringLiteral("client.crt")
                                  << QStringLiteral("untrusted-certificate");
        QTest::newRow("chain too large for one record")
            << QStringList{QStringLiteral("-cert_chain"),
                           m_dir.filePath(QStringLiteral("bigchain.pem"))}
            << true << QStringLiteral("client.crt")
            << QStringLiteral("handshake-fragmentation-unsupported");
        QTest::newRow("expired") << QStringList{QStringLiteral("-cert"),
                                                cert(QStringLiteral("server-expired.crt"))}
                                 << true << QStringLiteral("client.crt")
                                 << QStringLiteral("certificate-expired");
    }

    void liveDiagnosisMatchesDiagnoseOnTheWholeLog()
    {
        QFETCH(QStringList, serverArgs);
        QFETCH(bool, sendCert);
        QFETCH(QString, clientCert);
        QFETCH(QString, expectedId);
        const QByteArray log = runFirmware(serverArgs, sendCert, clientCert);
        QVERIFY2(log.contains("=> handshake"), log.left(3000).constData());
        QVERIFY(log.contains("\x1b[0;32mI (")); // ESP-IDF colours, which the monitor must strip

        const Watched w
            = watch(log, 11, QRegularExpression(QStringLiteral("MQTT_EVENT_CONNECTED")));
        QCOMPARE(w.count(2), 1); // one TlsStartEvent
        const QList<HandshakeResultEvent> results = w.handshakes();
        QCOMPARE(results.size(), 1);
        const HandshakeResultEvent &r = results.first();
        if (expectedId.isEmpty()) {
            QVERIFY2(r.ok, qPrintable(r.topDiagnosisId()));
            return;
        }
        QVERIFY(!r.ok);
        QVERIFY(r.finalError);
        QCOMPARE(r.topDiagnosisId(), expectedId);
        QVERIFY(!r.diagnoses.first().evidence.isEmpty());

        // The same bytes as one file through `diagnose`: same error, same ranking, same lines.
        const auto whole = Tls::DiagnosisEngine::diagnoseBytes(log);
        QVERIFY(whole);
        QCOMPARE(whole->finalError->code, r.finalError->code);
        QCOMPARE(whole->finalError->line, r.finalError->line);
        QCOMPARE(whole->diagnoses.size(), r.diagnoses.size());
        for (int i = 0; i < r.diagnoses.size(); ++i) {
            QCOMPARE(r.diagnoses.at(i).id, whole->diagnoses.at(i).id);
            QCOMPARE(r.diagnoses.at(i).evidence.size(), whole->diagnoses.at(i).evidence.size());
            for (int k = 0; k < r.diagnoses.at(i).evidence.size(); ++k)
                QCOMPARE(r.diagnoses.at(i).evidence.at(k).line,
                         whole->diagnoses.at(i).evidence.at(k).line);
        }
        // And the error codes in the output were decoded as they passed.
        bool sawHandshakeCode = false;
        for (const MonitorEvent &e : w.events)
            if (const auto *c = std::get_if<CodeEvent>(&e))
                sawHandshakeCode
                    = sawHandshakeCode || c->code == Tls::formatCode(r.finalError->code);
        QVERIFY(sawHandshakeCode);
    }

    void aServerThatClosesIsDiagnosed()
    {
        QTcpServer closer;
        QVERIFY(closer.listen(QHostAddress::LocalHost, 0));
        connect(&closer, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = closer.nextPendingConnection()) {
                // Read the ClientHello first: closing with unread data would send a reset.
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    s->readAll();
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        const QByteArray log
            = runFirmware({}, true, QStringLiteral("client.crt"), closer.serverPort());
        const QList<HandshakeResultEvent> results = watch(log, 5).handshakes();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().topDiagnosisId(), QStringLiteral("peer-closed-during-handshake"));
    }

    void serialMonitorFollowsTheVirtualBoardOnAPty()
    {
        TlsServer server;
        QString error;
        QVERIFY2(server.start({QStringLiteral("-cert"), cert(QStringLiteral("server.crt")),
                               QStringLiteral("-key"), cert(QStringLiteral("server.key")),
                               QStringLiteral("-CAfile"), cert(QStringLiteral("ca.crt")),
                               QStringLiteral("-Verify"), QStringLiteral("1"),
                               QStringLiteral("-verify_return_error")},
                              &error),
                 qPrintable(error));
        FirmwareSetup setup;
        setup.port = server.port();
        setup.caPem = readAll(cert(QStringLiteral("ca.crt")));
        setup.certFile = cert(QStringLiteral("client.crt"));
        setup.keyFile = cert(QStringLiteral("client.key"));
        setup.debugLevel = 4; // level 4: key material is dumped, and must not reach the capture
        auto board = Sim::BoardProfile::fromJson(QJsonDocument(boardProfileJson(setup)).toJson());
        QVERIFY(board);
        auto rom = Sim::romBoardConfigFromProfile(*board);
        QVERIFY(rom);
        rom->timing = false;
        auto firmware = Sim::FirmwareProfile::fromJson(
            board->json.value(QLatin1String("firmware")).toObject());
        QVERIFY(firmware);
        Sim::RomSerialServer sim(*rom);
        SimFirmware::MqttFirmware app(*firmware, QStringLiteral("esp32"));
        sim.setApplication(&app, true);
        const auto address = sim.listenPty();
        QVERIFY(address);

        MonitorOptions options;
        options.port = *address;
        options.capturePath = m_dir.filePath(QStringLiteral("pty-capture.log"));
        options.tailLines = 50;
        options.successPattern.setPattern(QStringLiteral("MQTT_EVENT_CONNECTED"));
        options.reset = true; // no modem lines on a pty: the ROM's reboot command starts the app
        SerialMonitor monitor(options);
        QList<MonitorEvent> events;
        connect(&monitor, &SerialMonitor::monitorEvent, this,
                [&](const MonitorEvent &e) { events.append(e); });
        monitor.start();
        auto sawOk = [&] {
            for (const MonitorEvent &e : events)
                if (const auto *h = std::get_if<HandshakeResultEvent>(&e); h && h->ok)
                    return true;
            return false;
        };
        QElapsedTimer waited;
        waited.start();
        while (!sawOk() && waited.elapsed() < 90000)
            QTest::qWait(50);
        if (!sawOk()) {
            for (const MonitorEvent &e : events)
                qWarning("%s", QJsonDocument(eventToJson(e))
                                   .toJson(QJsonDocument::Compact)
                                   .left(200)
                                   .constData());
        }
        QVERIFY(sawOk());
        auto tailSays = [&](const char *text) {
            for (const LineEvent &l : monitor.tail())
                if (l.text.contains(QLatin1String(text)))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(tailSays("MQTT_EVENT_CONNECTED"), 30000);
        QVERIFY(sim.applicationRunning());
        bool sawNoReset = false;
        for (const MonitorEvent &e : events)
            if (const auto *s = std::get_if<StatusEvent>(&e))
                sawNoReset = sawNoReset || s->kind == QLatin1String("no-reset");
        QVERIFY(sawNoReset);
        QVERIFY(monitor.tail().size() <= 50);
        QVERIFY(monitor.linesSeen() > 50);
        monitor.stop();
        QVERIFY(std::holds_alternative<EndEvent>(events.last()));

        const QByteArray capture = readAll(options.capturePath);
        QVERIFY(capture.contains("MQTT_EVENT_CONNECTED"));
        QVERIFY(!capture.contains("\x1b["));
        // Level 4 dumps the premaster/master secret; the capture has them redacted.
        QVERIFY(capture.contains("[redacted]"));
        const auto diagnosed = Tls::DiagnosisEngine::diagnoseBytes(capture);
        QVERIFY(diagnosed);
        QVERIFY(diagnosed->badHandshake() && diagnosed->badHandshake()->succeeded());
    }

    void aPortThatDisappearsAndReturnsIsFollowed()
    {
        // A USB board re-enumerating: the device node goes away and comes back under the same name.
        const QString link = m_dir.filePath(QStringLiteral("ttyBOARD"));
        auto plug = [&](int &master) {
            int slave = -1;
            char name[256] = {};
            if (::openpty(&master, &slave, name, nullptr, nullptr) != 0)
                return false;
            termios t{};
            ::tcgetattr(slave, &t);
            ::cfmakeraw(&t);
            ::tcsetattr(slave, TCSANOW, &t);
            ::close(slave);
            QFile::remove(link);
            return QFile::link(QString::fromLocal8Bit(name), link);
        };
        int master = -1;
        QVERIFY(plug(master));
        MonitorOptions options;
        options.port = link;
        options.reconnectIntervalMs = 100;
        SerialMonitor monitor(options);
        QStringList statuses;
        QStringList lines;
        connect(&monitor, &SerialMonitor::monitorEvent, this, [&](const MonitorEvent &e) {
            if (const auto *s = std::get_if<StatusEvent>(&e))
                statuses << s->kind;
            if (const auto *l = std::get_if<LineEvent>(&e))
                lines << l->text;
        });
        monitor.start();
        QTRY_VERIFY(statuses.contains(QStringLiteral("opened")));
        QVERIFY(::write(master, "I (1) app: before\r\n", 19) == 19);
        QTRY_VERIFY(lines.contains(QStringLiteral("I (1) app: before")));
        ::close(master);
        QFile::remove(link);
        QTRY_VERIFY_WITH_TIMEOUT(statuses.contains(QStringLiteral("lost")), 10000);
        QVERIFY(monitor.isRunning());
        QTest::qWait(300); // it keeps waiting while the node is absent
        QVERIFY(plug(master));
        QTRY_VERIFY_WITH_TIMEOUT(statuses.contains(QStringLiteral("reopened")), 10000);
        QVERIFY(!monitor.isPortLost());
        QVERIFY(::write(master, "I (2) app: after\r\n", 18) == 18);
        QTRY_VERIFY(lines.contains(QStringLiteral("I (2) app: after")));
        monitor.stop();
        ::close(master);
    }

    void garbageAtAWrongBaudRateIsReportedAndBounded()
    {
        RawPty pty;
        QVERIFY(pty.open());
        const int master = pty.master;
        MonitorOptions options;
        options.port = pty.name;
        options.tailLines = 100;
        SerialMonitor monitor(options);
        QStringList statuses;
        int handshakes = 0;
        connect(&monitor, &SerialMonitor::monitorEvent, this, [&](const MonitorEvent &e) {
            if (const auto *s = std::get_if<StatusEvent>(&e))
                statuses << s->kind;
            handshakes += std::holds_alternative<HandshakeResultEvent>(e)
                          || std::holds_alternative<TlsStartEvent>(e);
        });
        monitor.start();
        QTRY_VERIFY(statuses.contains(QStringLiteral("opened")));
        // What 115200 baud text looks like read at 74880 or 9600: bytes, few newlines.
        std::mt19937 rng(3);
        QByteArray garbage;
        for (int i = 0; i < 300000; ++i)
            garbage.append(char(rng() % 9 == 0 ? '\n' : (0x80 | (rng() & 0x7F))));
        garbage += QByteArray(200000, char(0xF0)); // and a long stretch without any newline
        qsizetype written = 0;
        while (written < garbage.size()) {
            const ssize_t n
                = ::write(master, garbage.constData() + written, size_t(garbage.size() - written));
            if (n > 0)
                written += n;
            QTest::qWait(n > 0 ? 0 : 5);
        }
        QTRY_VERIFY_WITH_TIMEOUT(statuses.contains(QStringLiteral("noise")), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(monitor.bytesSeen() == garbage.size(), 20000);
        QVERIFY(monitor.tail().size() <= 100);
        QCOMPARE(handshakes, 0);
        monitor.stop();
    }
    // A capture on a full disk (/dev/full answers every write with ENOSPC): the capture stops
    // with a clear status, the watching goes on, nothing else is lost.
    void aFullDiskEndsTheCaptureNotTheWatch()
    {
        if (!QFileInfo::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full");
        RawPty pty;
        QVERIFY(pty.open());
        const int master = pty.master;
        MonitorOptions options;
        options.port = pty.name;
        options.capturePath = QStringLiteral("/dev/full");
        options.tailLines = 100;
        SerialMonitor monitor(options);
        QList<StatusEvent> statuses;
        bool ended = false;
        connect(&monitor, &SerialMonitor::monitorEvent, this, [&](const MonitorEvent &e) {
            if (const auto *s = std::get_if<StatusEvent>(&e))
                statuses << *s;
            ended = ended || std::holds_alternative<EndEvent>(e);
        });
        monitor.start();
        auto sawStatus = [&](const char *kind) {
            for (const StatusEvent &s : statuses)
                if (s.kind == QLatin1String(kind))
                    return true;
            return false;
        };
        QTRY_VERIFY(sawStatus("opened"));
        QByteArray text;
        for (int i = 1; i <= 20000; ++i)
            text += "I (" + QByteArray::number(i) + ") app: line " + QByteArray::number(i) + "\r\n";
        qsizetype written = 0;
        while (written < text.size()) {
            const ssize_t n
                = ::write(master, text.constData() + written, size_t(text.size() - written));
            if (n > 0)
                written += n;
            QTest::qWait(n > 0 ? 0 : 5);
        }
        QTRY_VERIFY_WITH_TIMEOUT(sawStatus("capture-failed"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.linesSeen(), qint64(20000), 20000);
        QVERIFY(!ended);
        QVERIFY(monitor.tail().size() <= 100);
        QVERIFY(monitor.tail().back().text.contains(QLatin1String("line 20000")));
        for (const StatusEvent &s : statuses)
            if (s.kind == QLatin1String("capture-failed"))
                QVERIFY2(s.message.contains(QLatin1String("/dev/full"))
                             && s.message.contains(QLatin1String("Still watching")),
                         qPrintable(s.message));
        monitor.stop();
    }
};

QTEST_GUILESS_MAIN(TestMonitorCore)
#include "tst_monitorcore.moc"
