// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline-cli flash commands against a forgeline-sim process, over a pty and over TCP.
#include "../core/imagewriter.h"
#include "cliprocesses.h"
#include "flashtesthelpers.h"

#include "../preflight/preflightfixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace FlashTest;

class TestFlashCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static CliRun cli(const QStringList &args) { return runCli(args); }
    QString file(const QString &name, const QByteArray &bytes)
    {
        return writeTestFile(QDir(m_dir.path()), name, bytes);
    }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }

private Q_SLOTS:
    void chipInfoEveryChip_data()
    {
        QTest::addColumn<QString>("chip");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("revision"); // the virtual board's default for the chip
        QTest::addColumn<QString>("description");
        QTest::newRow("esp32") << QStringLiteral("esp32") << QStringLiteral("ESP32")
                               << QStringLiteral("v3.0")
                               << QStringLiteral("ESP32-D0WD-V3 (revision v3.0)");
        QTest::newRow("esp32s2") << QStringLiteral("esp32s2") << QStringLiteral("ESP32-S2")
                                 << QStringLiteral("v1.0")
                                 << QStringLiteral("ESP32-S2 (revision v1.0)");
        QTest::newRow("esp32s3") << QStringLiteral("esp32s3") << QStringLiteral("ESP32-S3")
                                 << QStringLiteral("v0.2")
                                 << QStringLiteral("ESP32-S3 (revision v0.2)");
        QTest::newRow("esp32c2") << QStringLiteral("esp32c2") << QStringLiteral("ESP32-C2")
                                 << QStringLiteral("v1.0")
                                 << QStringLiteral("ESP32-C2 (revision v1.0)");
        QTest::newRow("esp32c3") << QStringLiteral("esp32c3") << QStringLiteral("ESP32-C3")
                                 << QStringLiteral("v0.4")
                                 << QStringLiteral("ESP32-C3 (revision v0.4)");
        QTest::newRow("esp32c6") << QStringLiteral("esp32c6") << QStringLiteral("ESP32-C6")
                                 << QStringLiteral("v0.1")
                                 << QStringLiteral("ESP32-C6 (revision v0.1)");
        QTest::newRow("esp32h2") << QStringLiteral("esp32h2") << QStringLiteral("ESP32-H2")
                                 << QStringLiteral("v0.1")
                                 << QStringLiteral("ESP32-H2 (revision v0.1)");
    }

    void chipInfoEveryChip()
    {
        QFETCH(QString, chip);
        QFETCH(QString, name);
        QFETCH(QString, revision);
        QFETCH(QString, description);
        QProcess sim;
        const QString port = startSim(sim, {QStringLiteral("--serial"), QStringLiteral("pty"),
                                            QStringLiteral("--chip"), chip});
        QVERIFY(port.startsWith(QLatin1String("/dev/")));
        const CliRun r = cli({QStringLiteral("chip-info"), QStringLiteral("--port"), port,
                              QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("chip")).toString(), name);
        QCOMPARE(r.json().value(QStringLiteral("mac")).toString(),
                 QStringLiteral("24:0a:c4:f1:00:01")); // default profile
        QCOMPARE(r.json().value(QStringLiteral("flashSize")).toInt(), 4 * 1024 * 1024);
        QCOMPARE(r.json().value(QStringLiteral("revision")).toString(), revision);
        QCOMPARE(r.json().value(QStringLiteral("chipDescription")).toString(), description);
        QCOMPARE(r.json().value(QStringLiteral("chipRevision")).toInt(-1),
                 revision.mid(1).section(QLatin1Char('.'), 0, 0).toInt() * 100
                     + revision.section(QLatin1Char('.'), 1).toInt());
        sim.kill();
        sim.waitForFinished();
    }

    void chipInfoRevisionFromProfile_data()
    {
        QTest::addColumn<QString>("chip");
        QTest::addColumn<QByteArray>("profile");
        QTest::addColumn<QString>("revisionLine");
        QTest::addColumn<int>("major"); // -1: unknown
        QTest::addColumn<int>("minor");
        QTest::newRow("esp32 v1.1 PICO-D4")
            << QStringLiteral("esp32") << QByteArray(R"({"revision": "v1.1", "package": 5})")
            << QStringLiteral("Revision:    ESP32-PICO-D4 (revision v1.1)") << 1 << 1;
        QTest::newRow("esp32 v3.0 PICO-V3")
            << QStringLiteral("esp32")
            << QByteArray(R"({"revision": {"esp32": "v3.0"}, "package": 5})")
            << QStringLiteral("Revision:    ESP32-PICO-V3 (revision v3.0)") << 3 << 0;
        QTest::newRow("esp32c3 v1.1 over tcp")
            << QStringLiteral("esp32c3")
            << QByteArray(R"({"revision": {"esp32": "v1.0", "esp32c3": "v1.1"}})")
            << QStringLiteral("Revision:    ESP32-C3 (revision v1.1)") << 1 << 1;
        QTest::newRow("esp32c6 unreadable")
            << QStringLiteral("esp32c6") << QByteArray(R"({"revision": "unreadable"})")
            << QStringLiteral("Revision:    ESP32-C6 (revision unknown)") << -1 << -1;
    }

    void chipInfoRevisionFromProfile()
    {
        QFETCH(QString, chip);
        QFETCH(QByteArray, profile);
        QFETCH(QString, revisionLine);
        QFETCH(int, major);
        QFETCH(int, minor);
        const QString path = file(QStringLiteral("rev-%1.json")
                                      .arg(QString::fromLatin1(QTest::currentDataTag())
                                               .replace(QLatin1Char(' '), QLatin1Char('-'))),
                                  profile);
        const bool tcp = QByteArray(QTest::currentDataTag()).contains("tcp");
        QProcess sim;
        const QString port = startSim(
            sim, {QStringLiteral("--serial"), tcp ? QStringLiteral("tcp:0") : QStringLiteral("pty"),
                  QStringLiteral("--chip"), chip, QStringLiteral("--profile"), path});
        QVERIFY2(!port.isEmpty(), sim.readAllStandardError().constData());
        const CliRun text = cli({QStringLiteral("chip-info"), QStringLiteral("--port"), port});
        QVERIFY2(text.exitCode == 0,
                 text.err.constData()); // an unreadable revision does not fail identification
        QVERIFY2(QString::fromUtf8(text.out).split(QLatin1Char('\n')).contains(revisionLine),
                 text.out.constData());
        const CliRun json = cli({QStringLiteral("chip-info"), QStringLiteral("--port"), port,
                                 QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject o = json.json();
        QCOMPARE(o.value(QStringLiteral("flashSize")).toInt(), 4 * 1024 * 1024);
        if (major < 0) {
            QCOMPARE(o.value(QStringLiteral("revision")).toString(), QStringLiteral("unknown"));
            QVERIFY(o.value(QStringLiteral("revisionMajor")).isNull());
            QVERIFY(o.value(QStringLiteral("chipRevision")).isNull());
        } else {
            QCOMPARE(o.value(QStringLiteral("revision")).toString(),
                     QStringLiteral("v%1.%2").arg(major).arg(minor));
            QCOMPARE(o.value(QStringLiteral("revisionMajor")).toInt(-1), major);
            QCOMPARE(o.value(QStringLiteral("revisionMinor")).toInt(-1), minor);
            QCOMPARE(o.value(QStringLiteral("chipRevision")).toInt(-1), major * 100 + minor);
        }
        sim.kill();
        sim.waitForFinished();
    }

    void simRejectsImpossibleRevision()
    {
        const QString path = file(QStringLiteral("rev-bad.json"), R"({"revision": "v4.0"})");
        QProcess sim;
        sim.start(QStringLiteral(FORGELINE_SIM_PATH),
                  {QStringLiteral("--no-timing"), QStringLiteral("--serial"), QStringLiteral("pty"),
                   QStringLiteral("--chip"), QStringLiteral("esp32"), QStringLiteral("--profile"),
                   path});
        QVERIFY(sim.waitForFinished(10000));
        QVERIFY(sim.exitCode() != 0);
        QVERIFY2(sim.readAllStandardError().contains("revision"), "the error names the revision");
    }

    void writeReadRestore_data()
    {
        QTest::addColumn<QString>("serial");
        QTest::newRow("pty") << QStringLiteral("pty");
        QTest::newRow("tcp") << QStringLiteral("tcp:0");
    }

    void writeReadRestore()
    {
        QFETCH(QString, serial);
        QProcess sim;
        const QString port = startSim(sim, {QStringLiteral("--serial"), serial});
        QVERIFY(!port.isEmpty());
        if (serial.startsWith(QLatin1String("tcp")))
            QVERIFY(port.startsWith(QLatin1String("socket://127.0.0.1:")));

        const CliRun table = cli({QStringLiteral("partitions"), QStringLiteral("--port"), port,
                                  QStringLiteral("--json")});
        QVERIFY2(table.exitCode == 0, table.err.constData());
        QVERIFY(table.json().value(QStringLiteral("md5Checked")).toBool());
        QStringList names;
        for (const QJsonValue &p : table.json().value(QStringLiteral("partitions")).toArray())
            names << p.toObject().value(QStringLiteral("name")).toString();
        QVERIFY(names.contains(QStringLiteral("cert")) && names.contains(QStringLiteral("key")));

        const QByteArray cert = fakePem("CERTIFICATE", 5000, 31);
        const QByteArray key = fakePem("PRIVATE KEY", 1200, 32);
        const CliRun w1
            = cli({QStringLiteral("flash"), QStringLiteral("--port"), port,
                   QStringLiteral("--partition"), QStringLiteral("cert"), QStringLiteral("--file"),
                   file(QStringLiteral("cert.pem"), cert), QStringLiteral("--json")});
        QVERIFY2(w1.exitCode == 0, w1.err.constData());
        QVERIFY(w1.json().value(QStringLiteral("verified")).toBool());
        QCOMPARE(w1.json().value(QStringLiteral("payloadBytes")).toInt(), cert.size() + 1);
        const CliRun w2 = cli({QStringLiteral("flash"), QStringLiteral("--port"), port,
                               QStringLiteral("--partition"), QStringLiteral("key"),
                               QStringLiteral("--file"), file(QStringLiteral("key.pem"), key)});
        QVERIFY2(w2.exitCode == 0, w2.err.constData());
        QVERIFY(w2.out.contains("MD5 verified"));
        // The private key never shows up in what the CLI prints.
        const QByteArray keyLine = key.split('\n').at(3);
        QVERIFY(!w2.out.contains(keyLine) && !w2.err.contains(keyLine));

        const QString back = m_dir.filePath(QStringLiteral("cert-back.bin"));
        const CliRun rd = cli({QStringLiteral("read-flash"), QStringLiteral("--port"), port,
                               QStringLiteral("--partition"), QStringLiteral("cert"),
                               QStringLiteral("--out"), back});
        QVERIFY2(rd.exitCode == 0, rd.err.constData());
        const QByteArray got = readFile(back);
        QCOMPARE(got.size(), 0x2000);
        QCOMPARE(got.left(cert.size() + 1), cert + QByteArray(1, '\0'));

        // Overwrite with DER-less raw bytes, then restore the backup that write took.
        const CliRun w3
            = cli({QStringLiteral("flash"), QStringLiteral("--port"), port,
                   QStringLiteral("--partition"), QStringLiteral("cert"), QStringLiteral("--file"),
                   file(QStringLiteral("other.bin"), QByteArray(3000, 'z')),
                   QStringLiteral("--format"), QStringLiteral("raw"), QStringLiteral("--json")});
        QVERIFY2(w3.exitCode == 0, w3.err.constData());
        const QString backup = w3.json().value(QStringLiteral("backup")).toString();
        QVERIFY(QFile::exists(backup));
        QCOMPARE(readFile(backup), got);
        const CliRun rs = cli({QStringLiteral("restore"), QStringLiteral("--port"), port,
                               QStringLiteral("--backup"), backup, QStringLiteral("--json")});
        QVERIFY2(rs.exitCode == 0, rs.err.constData());
        const CliRun rd2
            = cli({QStringLiteral("read-flash"), QStringLiteral("--port"), port,
                   QStringLiteral("--address"), QStringLiteral("0x110000"),
                   QStringLiteral("--size"), QStringLiteral("8K"), QStringLiteral("--out"), back});
        QVERIFY2(rd2.exitCode == 0, rd2.err.constData());
        QCOMPARE(readFile(back), got);
        sim.kill();
        sim.waitForFinished();
    }

    // A certificate the device cannot send (chain larger than IDF 4.0's 4 KiB TX buffer): the
    // preflight refuses the write and nothing reaches the flash; --force writes and verifies.
    void preflightRefusesUnlessForced()
    {
        using namespace PreflightFixtures;
        QProcess sim;
        const QString port = startSim(sim, {QStringLiteral("--serial"), QStringLiteral("pty")});
        QVERIFY(!port.isEmpty());
        Pki pki;
        pki.dir = m_dir.path();
        const QString ca = pki.writeCa();
        const IssuedChain big = makeOversizedChain(pki);
        const QByteArray chainPem = certPem(big.leaf) + certPem(big.intermediate);
        const QString certFile = file(QStringLiteral("big-chain.pem"), chainPem);
        const QByteArray keyPem = keyBytes(big.key, KeyForm::Pkcs8Pem);
        const QString keyFile = file(QStringLiteral("big.key"), keyPem);
        const QString back = m_dir.filePath(QStringLiteral("preflight-back.bin"));
        const auto readCert = [&] {
            const CliRun rd = cli({QStringLiteral("read-flash"), QStringLiteral("--port"), port,
                                   QStringLiteral("--partition"), QStringLiteral("cert"),
                                   QStringLiteral("--out"), back});
            return rd.exitCode == 0 ? readFile(back) : QByteArray();
        };
        const QByteArray before = readCert();
        QCOMPARE(before.size(), 0x2000);

        const QStringList args{QStringLiteral("flash"),
                               QStringLiteral("--port"),
                               port,
                               QStringLiteral("--partition"),
                               QStringLiteral("cert"),
                               QStringLiteral("--file"),
                               certFile,
                               QStringLiteral("--key"),
                               keyFile,
                               QStringLiteral("--ca"),
                               ca,
                               QStringLiteral("--target"),
                               QStringLiteral("idf-4.0"),
                               QStringLiteral("--device-clock"),
                               QStringLiteral("synced")};
        const CliRun refused = cli(args);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("[FAIL] certificate-message-size"), refused.err.constData());
        QVERIFY(
            refused.err.contains("device error: -0x7500 MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE"));
        QVERIFY(refused.err.contains("fix: "));
        QVERIFY(refused.err.contains("--force"));
        QVERIFY(!refused.err.contains(keyPem.split('\n').at(1)));
        QCOMPARE(readCert(), before);

        const CliRun refusedJson = cli(args + QStringList{QStringLiteral("--json")});
        QCOMPARE(refusedJson.exitCode, 1);
        const QJsonObject rj = refusedJson.json();
        QCOMPARE(rj.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(
            rj.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("preflight.fail"));
        QCOMPARE(rj.value(QStringLiteral("preflight"))
                     .toObject()
                     .value(QStringLiteral("result"))
                     .toString(),
                 QStringLiteral("fail"));
        bool sizeFails = false;
        for (const QJsonValue &c : rj.value(QStringLiteral("preflight"))
                                       .toObject()
                                       .value(QStringLiteral("checks"))
                                       .toArray())
            sizeFails |= c.toObject().value(QStringLiteral("check")).toString()
                             == QLatin1String("certificate-message-size")
                         && c.toObject().value(QStringLiteral("status")).toString()
                                == QLatin1String("fail")
                         && c.toObject().value(QStringLiteral("predicted_error")).toString()
                                == QLatin1String("-0x7500");
        QVERIFY(sizeFails);
        QCOMPARE(readCert(), before);

        // A bigger TX buffer (the fix the preflight names) passes without --force.
        const CliRun fits = cli(
            args
            + QStringList{QStringLiteral("--override"), QStringLiteral("out_content_len=16384"),
                          QStringLiteral("--json"), QStringLiteral("--no-backup")});
        QVERIFY2(fits.exitCode == 0, fits.err.constData());
        QVERIFY(fits.json()
                    .value(QStringLiteral("preflight"))
                    .toObject()
                    .value(QStringLiteral("result"))
                    .toString()
                != QLatin1String("fail"));

        const CliRun forced
            = cli(args + QStringList{QStringLiteral("--force"), QStringLiteral("--json")});
        QVERIFY2(forced.exitCode == 0, forced.err.constData());
        const QJsonObject fj = forced.json();
        QVERIFY(fj.value(QStringLiteral("verified")).toBool());
        QVERIFY(fj.value(QStringLiteral("preflight"))
                    .toObject()
                    .value(QStringLiteral("forced"))
                    .toBool());
        QByteArray expected = chainPem + QByteArray(1, '\0');
        expected.append(QByteArray(0x2000 - expected.size(), char(0xFF)));
        QCOMPARE(readCert(), expected);

        // Writing the key with its certificate given runs the same check on the same pair.
        const CliRun keyRun
            = cli({QStringLiteral("flash"), QStringLiteral("--port"), port,
                   QStringLiteral("--partition"), QStringLiteral("key"), QStringLiteral("--file"),
                   keyFile, QStringLiteral("--cert"), certFile, QStringLiteral("--ca"), ca});
        QCOMPARE(keyRun.exitCode, 1);
        QVERIFY(keyRun.err.contains("certificate-message-size"));
        QCOMPARE(cli({QStringLiteral("flash"), QStringLiteral("--port"), port,
                      QStringLiteral("--partition"), QStringLiteral("key"),
                      QStringLiteral("--file"), keyFile, QStringLiteral("--cert"), certFile,
                      QStringLiteral("--device-clock"), QStringLiteral("later")})
                     .exitCode,
                 2);
        sim.kill();
        sim.waitForFinished();
    }

    void disconnectFault_data() { writeReadRestore_data(); }

    void disconnectFault()
    {
        QFETCH(QString, serial);
        QProcess sim;
        const QString port
            = startSim(sim, {QStringLiteral("--serial"), serial, QStringLiteral("--serial-fault"),
                             QStringLiteral("disconnect-at:0x110800")});
        QVERIFY(!port.isEmpty());
        const CliRun w
            = cli({QStringLiteral("flash"), QStringLiteral("--port"), port,
                   QStringLiteral("--partition"), QStringLiteral("cert"), QStringLiteral("--file"),
                   file(QStringLiteral("c.pem"), fakePem("CERTIFICATE", 6000, 41)),
                   QStringLiteral("--json")});
        QCOMPARE(w.exitCode, 5); // device lost: never 0
        QVERIFY(w.err.contains("cert partially written"));
        QVERIFY(w.err.contains("write again or restore"));
        const QString message = w.json()
                                    .value(QStringLiteral("error"))
                                    .toObject()
                                    .value(QStringLiteral("message"))
                                    .toString();
        const QString backup
            = message.section(QStringLiteral("backup at "), 1).section(QLatin1Char(';'), 0, 0);
        QVERIFY2(QFile::exists(backup), qPrintable(message));
        QVERIFY(!w.json().value(QStringLiteral("ok")).toBool());
        sim.kill();
        sim.waitForFinished();
    }

    // `flash --partition factory --file app.bin`: an app image is written raw after the checks
    // against the board; an image for another chip is refused with exit 1 and the reason.
    void appImageIntoFactory()
    {
        QProcess sim;
        const QString port = startSim(sim, {QStringLiteral("--serial"), QStringLiteral("tcp:0"),
                                            QStringLiteral("--chip"), QStringLiteral("esp32c3")});
        QVERIFY(!port.isEmpty());
        TestImages::ImageSpec s3 = TestImages::c3App();
        s3.chipId = 9;
        const CliRun wrong = cli({QStringLiteral("flash"), QStringLiteral("--port"), port,
                                  QStringLiteral("--partition"), QStringLiteral("factory"),
                                  QStringLiteral("--file"),
                                  file(QStringLiteral("s3app.bin"), TestImages::buildImage(s3)),
                                  QStringLiteral("--json")});
        QCOMPARE(wrong.exitCode, 1);
        QCOMPARE(wrong.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("app.chip"));
        QVERIFY(wrong.err.contains("ESP32-S3"));

        const QByteArray app = TestImages::buildImage(TestImages::c3App());
        const CliRun w = cli({QStringLiteral("flash"), QStringLiteral("--port"), port,
                              QStringLiteral("--partition"), QStringLiteral("factory"),
                              QStringLiteral("--file"), file(QStringLiteral("c3app.bin"), app),
                              QStringLiteral("--json")});
        QVERIFY2(w.exitCode == 0, w.err.constData());
        QVERIFY(w.json().value(QStringLiteral("verified")).toBool());
        QCOMPARE(w.json().value(QStringLiteral("payloadBytes")).toInt(), app.size());
        const QString back = m_dir.filePath(QStringLiteral("factory-back.bin"));
        const CliRun rd
            = cli({QStringLiteral("read-flash"), QStringLiteral("--port"), port,
                   QStringLiteral("--address"), QStringLiteral("0x10000"), QStringLiteral("--size"),
                   QString::number(app.size()), QStringLiteral("--out"), back});
        QVERIFY2(rd.exitCode == 0, rd.err.constData());
        QCOMPARE(readFile(back), app);
        sim.kill();
        sim.waitForFinished();
    }

    void usageErrors()
    {
        QCOMPARE(
            cli({QStringLiteral("flash"), QStringLiteral("--partition"), QStringLiteral("cert")})
                .exitCode,
            2);
        QCOMPARE(cli({QStringLiteral("flash"), QStringLiteral("--port"),
                      QStringLiteral("socket://127.0.0.1:1"), QStringLiteral("--file"),
                      QStringLiteral("x")})
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("read-flash"), QStringLiteral("--port"),
                      QStringLiteral("/dev/null"), QStringLiteral("--partition"),
                      QStringLiteral("cert")})
                     .exitCode,
                 2);
        const CliRun closed = cli({QStringLiteral("chip-info"), QStringLiteral("--port"),
                                   QStringLiteral("socket://127.0.0.1:1")});
        QCOMPARE(closed.exitCode, 3);
        QVERIFY(closed.err.contains("Could not connect"));
        const CliRun csv = cli({QStringLiteral("partitions"), QStringLiteral("--file"),
                                file(QStringLiteral("p.csv"),
                                     "nvs, data, nvs, 0x9000, 0x6000,\ncert, data, 0x40, , 8K,\n"),
                                QStringLiteral("--json")});
        QCOMPARE(csv.exitCode, 0);
        QCOMPARE(csv.json()
                     .value(QStringLiteral("partitions"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QStringLiteral("offset"))
                     .toInt(),
                 0xF000);
    }
};

QTEST_GUILESS_MAIN(TestFlashCli)
#include "tst_flashcli.moc"
