// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/logline.h"
#include "core/tls/logreader.h"
#include "core/tls/tracebuilder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace Forgeline::Tls;

namespace {

QString s(QByteArrayView v) { return QString::fromUtf8(v); }

QList<QByteArray> readAll(QByteArrayView data)
{
    QList<QByteArray> lines;
    const auto r
        = LogReader::readBytes(data, [&](qint64, QByteArrayView l) { lines << l.toByteArray(); });
    return r ? lines : QList<QByteArray>{};
}

} // namespace

class TestLogReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void espIdfLine()
    {
        const LogLine l = parseLogLine("I (3356) mbedtls: ssl_tls.c:2721 in_left: 0, nb_want: 5");
        QCOMPARE(l.format, LogLine::Format::EspIdf);
        QCOMPARE(l.level, 'I');
        QCOMPARE(s(l.tag), QStringLiteral("mbedtls"));
        QCOMPARE(s(l.file), QStringLiteral("ssl_tls.c"));
        QCOMPARE(l.sourceLine, 2721);
        QCOMPARE(l.debugLevel, 2); // I = level 2 in the ESP-IDF port
        QCOMPARE(s(l.message), QStringLiteral("in_left: 0, nb_want: 5"));
    }

    void espIdfClockTimestampAndOtherTags()
    {
        const LogLine l = parseLogLine(
            "I (12:30:14.298) mbedtls: ssl_msg.c:2318 ssl->f_recv(_timeout)() returned 5 (-0xfffffffb)");
        QCOMPARE(s(l.file), QStringLiteral("ssl_msg.c"));
        QCOMPARE(l.sourceLine, 2318);
        const LogLine t = parseLogLine("E (23848) esp-tls: mbedtls_ssl_handshake returned -0x7280");
        QCOMPARE(s(t.tag), QStringLiteral("esp-tls"));
        QVERIFY(!t.isMbedtlsDebug());
        QCOMPARE(s(t.message), QStringLiteral("mbedtls_ssl_handshake returned -0x7280"));
        const LogLine w = parseLogLine("D (3680) wifi station: STA Connect bit received.");
        QCOMPARE(s(w.tag), QStringLiteral("wifi station"));
    }

    void rawMbedtlsWithAndWithoutContextPointer()
    {
        const LogLine a = parseLogLine("ssl_tls.c:6754: |2| => handshake");
        QCOMPARE(a.format, LogLine::Format::RawMbedtls);
        QCOMPARE(a.debugLevel, 2);
        QCOMPARE(a.sourceLine, 6754);
        QCOMPARE(s(a.message), QStringLiteral("=> handshake"));
        const LogLine b = parseLogLine(
            "library/ssl_msg.c:1998: |2| 0x7ffc3a1b2c40: ssl->f_recv(_timeout)() returned 0 (-0x0000)");
        QCOMPARE(s(b.file), QStringLiteral("ssl_msg.c"));
        QCOMPARE(s(b.context), QStringLiteral("0x7ffc3a1b2c40"));
        QCOMPARE(s(b.message), QStringLiteral("ssl->f_recv(_timeout)() returned 0 (-0x0000)"));
        // Hex rows start with an offset, not a pointer.
        const LogLine c = parseLogLine(
            "ssl_msg.c:2708: |4| 0000:  16 03 01 01 27 01 00 01 23 03 03 6b 02 74 61 9f  ....'...#..kta.");
        QVERIFY(c.context.isEmpty());
        QVERIFY(isHexDumpRow(c.message));
    }

    void windowsPathsAndEsp8266AndArduino()
    {
        const LogLine w = parseLogLine(
            "D (17850) mbedtls: C:\\Users\\dev\\esp\\components\\mbedtls\\ssl_tls.c:2779 => parse certificate");
        QCOMPARE(s(w.file), QStringLiteral("ssl_tls.c"));
        QCOMPARE(w.sourceLine, 2779);
        const LogLine e = parseLogLine("mbedtls: ssl_tls.c:6674 => handshake");
        QCOMPARE(e.format, LogLine::Format::Esp8266);
        QCOMPARE(s(e.message), QStringLiteral("=> handshake"));
        const LogLine a1 = parseLogLine(
            "[E][ssl_client.cpp:33] _handle_error(): [start_ssl_client():199]: (-9984) X509 - Certificate verification failed");
        QCOMPARE(a1.format, LogLine::Format::Arduino);
        QCOMPARE(a1.level, 'E');
        QCOMPARE(s(a1.tag), QStringLiteral("ssl_client.cpp"));
        const LogLine a2 = parseLogLine(
            "[  4021][E][ssl_client.cpp:37] _handle_error(): [start_ssl_client():276]: (-29312) SSL - The connection indicated an EOF");
        QCOMPARE(a2.format, LogLine::Format::Arduino);
        QVERIFY(s(a2.message).contains(QStringLiteral("(-29312)")));
    }

    void ansiColoursCrlfAndControlBytes()
    {
        QByteArray scratch;
        const QByteArrayView clean = cleanLogLine(
            "\x1b[0;31mE (10770) esp-tls: mbedtls_ssl_handshake returned -0x7500\x1b[0m\r",
            scratch);
        QCOMPARE(s(clean),
                 QStringLiteral("E (10770) esp-tls: mbedtls_ssl_handshake returned -0x7500"));
        const QList<QByteArray> lines = readAll("a\r\n\r\nb\r\n");
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QByteArray("a"));
        QCOMPARE(lines.at(1), QByteArray());
        QCOMPARE(lines.at(2), QByteArray("b"));
    }

    void controlBytesFoundAtEveryOffset()
    {
        // The clean-line test reads eight bytes at a time: a control byte or DEL must be
        // found wherever it sits, and tabs, UTF-8 and high bytes must not count.
        QByteArray scratch;
        const QByteArray clean = QByteArray("\tpayload \xc3\xa9\xff\x80 ~ ").repeated(3);
        QCOMPARE(cleanLogLine(clean, scratch).data(), clean.constData()); // untouched, no copy
        for (char bad : {'\x01', '\x1f', '\x7f', '\r'}) {
            for (qsizetype at = 0; at <= clean.size(); ++at) {
                QByteArray dirty = clean;
                dirty.insert(at, bad);
                QCOMPARE(cleanLogLine(dirty, scratch).toByteArray(), clean);
            }
        }
    }

    void interleavedOutputBeforeThePrefix()
    {
        const LogLine l
            = parseLogLine("Waiting for time...I (9700) mbedtls: ssl_cli.c:4272 client state: 2");
        QCOMPARE(l.format, LogLine::Format::EspIdf);
        QCOMPARE(s(l.message), QStringLiteral("client state: 2"));
        const LogLine m
            = parseLogLine("[b]E (10770) esp-tls: mbedtls_ssl_handshake returned -0x7500[/b]");
        QCOMPARE(s(m.tag), QStringLiteral("esp-tls"));
    }

    void truncatedLastLineAndNonUtf8()
    {
        QList<QByteArray> lines;
        const auto r = LogReader::readBytes(
            "first\nI (1) mbedtls: ssl_tls.c:1 => hand\xff\xfeshake\nhalf a li",
            [&](qint64, QByteArrayView l) { lines << l.toByteArray(); });
        QVERIFY(r.ok());
        QVERIFY(r->truncatedLastLine);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.last(), QByteArray("half a li"));
        QVERIFY(QString::fromUtf8(lines.at(1))
                    .contains(QChar::ReplacementCharacter)); // decoded leniently
    }

    void gzipFilesAreReadTransparently()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("seed.log.gz"));
        const QByteArray text
            = "I (11044) mbedtls: ssl_tls.c:2721 in_left: 0, nb_want: 5\n"
              "I (11054) mbedtls: ssl_tls.c:2722 ssl->f_recv(_timeout)() returned 0 (-0x0000)\n"
              "W (11064) mbedtls: ssl_tls.c:4973 mbedtls_ssl_fetch_input() returned -29312 (-0x7280)\n";
        gzFile gz = gzopen(QFile::encodeName(path).constData(), "wb");
        QVERIFY(gz);
        gzwrite(gz, text.constData(), unsigned(text.size()));
        gzclose(gz);
        QList<QByteArray> lines;
        const auto r = LogReader::readFile(
            path, [&](qint64, QByteArrayView l) { lines << l.toByteArray(); });
        QVERIFY(r.ok());
        QVERIFY(r->compressed);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(1).contains("returned 0"));
        const auto analysis = TraceBuilder::analyseFile(path);
        QVERIFY(analysis.ok());
        QCOMPARE(analysis->traces.first().finalErrorCode(), -0x7280);

        // A capture cut off in the middle of the gzip stream keeps what was read.
        QFile whole(path);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        const QString cut = dir.filePath(QStringLiteral("cut.log.gz"));
        QFile c(cut);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(bytes.left(bytes.size() - 12));
        c.close();
        lines.clear();
        const auto partial
            = LogReader::readFile(cut, [&](qint64, QByteArrayView l) { lines << l.toByteArray(); });
        QVERIFY(partial.ok());
        QVERIFY(partial->truncatedLastLine);
        QVERIFY(!lines.isEmpty());
    }

    void badInputGetsAClearMessage()
    {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.log"));
        QFile(empty).open(QIODevice::WriteOnly);
        auto r = TraceBuilder::analyseFile(empty);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("diagnose.empty"));

        const QString binary = dir.filePath(QStringLiteral("firmware.bin"));
        QFile b(binary);
        QVERIFY(b.open(QIODevice::WriteOnly));
        QByteArray bytes(70000, '\0');
        for (int i = 0; i < bytes.size(); i += 7)
            bytes[i] = char(i);
        b.write(bytes);
        b.close();
        r = TraceBuilder::analyseFile(binary);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("diagnose.binary"));
        QVERIFY(r.error().message.contains(QStringLiteral("binary")));

        const QString prose = dir.filePath(QStringLiteral("notes.txt"));
        QFile p(prose);
        QVERIFY(p.open(QIODevice::WriteOnly));
        p.write("I (100) wifi: connected\nhello world\n");
        p.close();
        r = TraceBuilder::analyseFile(prose);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("diagnose.nohandshake"));
        QVERIFY(!r.error().fix.isEmpty());

        r = TraceBuilder::analyseFile(dir.filePath(QStringLiteral("missing.log")));
        QCOMPARE(r.error().code, QStringLiteral("diagnose.notfound"));
    }

    // A 2 GB file is refused after its first chunk, not read into memory.
    void hugeBinaryFileIsRefusedQuickly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.log"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(qint64(2) << 30)); // sparse: costs no disk
        f.close();
        qint64 calls = 0;
        const auto r = LogReader::readFile(path, [&](qint64, QByteArrayView) { ++calls; });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("diagnose.binary"));
        QCOMPARE(calls, 0);
    }

    void longLinesAreCutAndReadingCanBeCancelled()
    {
        QByteArray data(LogReader::MaxLineLength * 3, 'x');
        data += "\nnext\n";
        qsizetype longest = 0;
        const auto r = LogReader::readBytes(
            data, [&](qint64, QByteArrayView l) { longest = qMax(longest, l.size()); });
        QVERIFY(r.ok());
        QCOMPARE(longest, LogReader::MaxLineLength);
        QCOMPARE(r->longLinesCut, 1);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.log"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray line = "I (1) mbedtls: ssl_msg.c:1975 in_left: 0, nb_want: 5\n";
        for (int i = 0; i < 20000; ++i)
            f.write(line);
        f.close();
        const auto cancelled = LogReader::readFile(
            path, [](qint64, QByteArrayView) {}, [](qint64, qint64) { return false; });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, QStringLiteral("diagnose.cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestLogReader)
#include "tst_logreader.moc"
