// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline-cli flash --partition ota_N [--set-boot] against a forgeline-sim process over a
// pty: what otadata selects afterwards, the bytes it holds, and what the board then boots
// (its boot banner, read with forgeline-cli monitor after a reset).
#include "../core/imagewriter.h"
#include "cliprocesses.h"

#include "core/image/flashencryption.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Forgeline;
using namespace FlashTest;

namespace {

// CRC-32 (reflected 0xEDB88320) over ota_seq's 4 bytes, register from ~UINT32_MAX and the
// result inverted, as esp_ota_ops.c's bootloader_common_ota_select_crc gets it from the ROM.
quint32 seqCrc(quint32 seq)
{
    quint32 reg = 0;
    for (int i = 0; i < 4; ++i) {
        reg ^= (seq >> (8 * i)) & 0xFF;
        for (int bit = 0; bit < 8; ++bit)
            reg = (reg & 1) ? (reg >> 1) ^ 0xEDB88320u : reg >> 1;
    }
    return ~reg;
}

QByteArray app(const QByteArray &version)
{
    TestImages::AppDesc desc;
    desc.version = version;
    return TestImages::buildImage(TestImages::c3App(desc));
}

} // namespace

class TestFlashCliOta : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static CliRun cli(const QStringList &args) { return runCli(args); }
    QString file(const QString &name, const QByteArray &bytes)
    {
        return writeTestFile(QDir(m_dir.path()), name, bytes);
    }

    // The boot banner after a reset: the virtual board's "boot check:" line.
    QString bootLine(const QString &port)
    {
        const CliRun m = cli({QStringLiteral("monitor"), QStringLiteral("--port"), port,
                              QStringLiteral("--reset"), QStringLiteral("--until"),
                              QStringLiteral("boot check: .*"), QStringLiteral("--timeout"),
                              QStringLiteral("20")});
        for (const QByteArray &line : m.out.split('\n')) {
            if (line.contains("boot check:"))
                return QString::fromUtf8(line).trimmed();
        }
        return QString::fromUtf8(m.out + m.err);
    }

    QByteArray readOtadata(const QString &port)
    {
        const QString out = m_dir.filePath(QStringLiteral("otadata-read.bin"));
        const CliRun r
            = cli({QStringLiteral("read-flash"), QStringLiteral("--port"), port,
                   QStringLiteral("--address"), QStringLiteral("0xd000"), QStringLiteral("--size"),
                   QStringLiteral("0x2000"), QStringLiteral("--out"), out});
        if (r.exitCode != 0)
            return r.err;
        QFile f(out);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }

private Q_SLOTS:
    void setBootMakesTheBoardBootTheSlot()
    {
        const QByteArray profile = R"({"chip": "esp32c3", "flash": {"partitionCsv":
            "nvs, data, nvs, 0x9000, 0x4000\notadata, data, ota, 0xd000, 0x2000\nphy_init, data, phy, 0xf000, 0x1000\nota_0, app, ota_0, 0x10000, 1M\nota_1, app, ota_1, 0x110000, 1M\n"}})";
        QProcess sim;
        const QString port = startSim(sim, {QStringLiteral("--serial"), QStringLiteral("pty"),
                                            QStringLiteral("--profile"),
                                            file(QStringLiteral("ota.json"), profile)});
        QVERIFY2(port.startsWith(QLatin1String("/dev/")),
                 qPrintable(port + QString::fromUtf8(sim.readAllStandardError())));

        const auto flash
            = [&](const QString &partition, const QByteArray &image, const QStringList &extra) {
                  return cli(QStringList{QStringLiteral("flash"), QStringLiteral("--port"), port,
                                         QStringLiteral("--partition"), partition,
                                         QStringLiteral("--file"),
                                         file(partition + QStringLiteral(".bin"), image)}
                             + extra);
              };
        CliRun w = flash(QStringLiteral("ota_0"), app("v1.0.0"), {QStringLiteral("--json")});
        QVERIFY2(w.exitCode == 0, w.err.constData());
        QCOMPARE(w.json().value(QStringLiteral("bootPartition")).toString(),
                 QStringLiteral("ota_0"));

        // Without --set-boot: written, but the output says otadata still selects ota_0.
        w = flash(QStringLiteral("ota_1"), app("v2.0.0"), {});
        QVERIFY2(w.exitCode == 0, w.err.constData());
        QVERIFY2(w.out.contains("otadata still selects ota_0"), w.out.constData());
        QVERIFY2(w.out.contains("--set-boot"), w.out.constData());
        QCOMPARE(readOtadata(port), QByteArray(0x2000, char(0xFF)));
        QString line = bootLine(port);
        QVERIFY2(line.contains(QStringLiteral("otadata selects ota_0"))
                     && line.contains(QStringLiteral("would start (blink v1.0.0)")),
                 qPrintable(line));

        w = flash(QStringLiteral("ota_1"), app("v2.0.0"),
                  {QStringLiteral("--set-boot"), QStringLiteral("--json")});
        QVERIFY2(w.exitCode == 0, w.err.constData());
        QCOMPARE(w.json().value(QStringLiteral("bootPartition")).toString(),
                 QStringLiteral("ota_1"));
        QVERIFY(w.json().value(QStringLiteral("bootSwitched")).toBool());
        QVERIFY(QFile::exists(w.json().value(QStringLiteral("otadataBackup")).toString()));
        // Copy 0: ota_seq 2 ((2 - 1) % 2 = ota_1), label erased, ota_state UNDEFINED, crc.
        QByteArray expected(0x2000, char(0xFF));
        qToLittleEndian<quint32>(2, expected.data());
        qToLittleEndian<quint32>(seqCrc(2), expected.data() + 28);
        QCOMPARE(readOtadata(port).toHex(), expected.toHex());
        line = bootLine(port);
        QVERIFY2(
            line.contains(QStringLiteral("otadata selects ota_1"))
                && line.contains(QStringLiteral("ota_1 at 0x110000 would start (blink v2.0.0)")),
            qPrintable(line));

        // --set-boot needs a partition to switch to.
        QCOMPARE(
            cli({QStringLiteral("flash"), QStringLiteral("--port"), port,
                 QStringLiteral("--address"), QStringLiteral("0x110000"), QStringLiteral("--file"),
                 file(QStringLiteral("x.bin"), app("v3")), QStringLiteral("--set-boot")})
                .exitCode,
            2);
        sim.kill();
        sim.waitForFinished();
    }

    // A profile gives the board its flash encryption key: an app encrypted for factory's
    // address with it boots, one encrypted with another key does not; a key of a length the
    // chip cannot hold stops the board from starting.
    void flashEncryptionKeyFromProfile()
    {
        const QByteArray key(32, '\x6B');
        file(QStringLiteral("fe-key.bin"), key);
        const QString profile
            = file(QStringLiteral("fe.json"),
                   R"({"chip": "esp32c3", "security": {"flashCryptCnt": 1, "key": "fe-key.bin"}})");
        QProcess sim;
        const QString port = startSim(sim, {QStringLiteral("--serial"), QStringLiteral("pty"),
                                            QStringLiteral("--profile"), profile});
        QVERIFY2(port.startsWith(QLatin1String("/dev/")),
                 qPrintable(port + QString::fromUtf8(sim.readAllStandardError())));
        const auto encrypted = [](const QByteArray &k) {
            Image::FlashCryptParams p;
            p.key = k;
            p.address = 0x10000;
            QByteArray plain = app("v8.0.0");
            plain.append(QByteArray((128 - plain.size() % 128) % 128, char(0xFF)));
            auto e = Image::flashEncrypt(p, plain);
            return e ? *e : QByteArray();
        };
        const auto flashFactory = [&](const QByteArray &bytes) {
            return cli({QStringLiteral("flash"), QStringLiteral("--port"), port,
                        QStringLiteral("--partition"), QStringLiteral("factory"),
                        QStringLiteral("--file"), file(QStringLiteral("enc.bin"), bytes),
                        QStringLiteral("--format"), QStringLiteral("raw")});
        };
        CliRun w = flashFactory(encrypted(QByteArray(32, '\x01')));
        QVERIFY2(w.exitCode == 0, w.err.constData());
        QString line = bootLine(port);
        QVERIFY2(line.contains(QStringLiteral(
                     "factory at 0x10000 would not start: it does not decrypt to an app image")),
                 qPrintable(line));
        w = flashFactory(encrypted(key));
        QVERIFY2(w.exitCode == 0, w.err.constData());
        line = bootLine(port);
        QVERIFY2(line.contains(
                     QStringLiteral("boot check: factory at 0x10000 would start (blink v8.0.0)")),
                 qPrintable(line));
        sim.kill();
        sim.waitForFinished();

        QProcess bad;
        bad.start(
            QStringLiteral(FORGELINE_SIM_PATH),
            {QStringLiteral("--no-timing"), QStringLiteral("--serial"), QStringLiteral("pty"),
             QStringLiteral("--profile"),
             file(QStringLiteral("fe-bad.json"),
                  R"({"chip": "esp32c3", "security": {"flashCryptCnt": 1, "keyHex": "0011"}})")});
        QVERIFY(bad.waitForFinished(10000));
        QVERIFY(bad.exitCode() != 0);
        QVERIFY2(bad.readAllStandardError().contains("Board profile"),
                 "the error names the profile");
    }
};

QTEST_GUILESS_MAIN(TestFlashCliOta)
#include "tst_flashcliota.moc"
