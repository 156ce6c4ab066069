// SPDX-License-Identifier: GPL-3.0-or-later
// Which app the virtual board's bootloader starts after a flash job, over a real pty: otadata
// selection (and rewriting it to make a written OTA slot the boot partition), and flash
// encryption (the app decrypted at its partition's address with the board's key).
#include "../core/imagewriter.h"
#include "flashtesthelpers.h"

#include "core/flasher/backupstore.h"
#include "core/image/flashencryption.h"
#include "core/sim/romserialserver.h"

#include <QTemporaryDir>
#include <QtEndian>

using namespace Forgeline;
using namespace Forgeline::Flasher;
using namespace Forgeline::Sim;
using namespace FlashTest;

namespace {

constexpr quint32 OtadataOffset = 0xD000;
const QString OtaCsv
    = QStringLiteral("nvs, data, nvs, 0x9000, 0x4000\notadata, data, ota, 0xd000, 0x2000\n"
                     "phy_init, data, phy, 0xf000, 0x1000\nota_0, app, ota_0, 0x10000, 1M\n"
                     "ota_1, app, ota_1, 0x110000, 1M\n");

RomBoardConfig board(const QString &csv)
{
    RomBoardConfig c;
    c.chipKey = QStringLiteral("esp32c3");
    c.revision = QStringLiteral("v0.4");
    c.timing = false;
    c.image = RomBoardConfig::imageWithPartitionTable(csv);
    return c;
}

QByteArray app(const QByteArray &version)
{
    TestImages::AppDesc desc;
    desc.version = version;
    return TestImages::buildImage(TestImages::c3App(desc));
}

// CRC-32, reflected polynomial 0xEDB88320, register from ~UINT32_MAX, result inverted: the
// ROM's crc32_le(UINT32_MAX, &ota_seq, 4) that esp_ota_ops.c stores in each entry.
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

// esp_ota_select_entry_t in its sector: seq, 20 label bytes (erased), ota_state
// ESP_OTA_IMG_UNDEFINED, crc; the rest of the sector erased.
QByteArray sectorWith(quint32 seq)
{
    QByteArray s(0x1000, char(0xFF));
    qToLittleEndian<quint32>(seq, s.data());
    qToLittleEndian<quint32>(seqCrc(seq), s.data() + 28);
    return s;
}

QByteArray encryptedFor(const QByteArray &plain, quint32 address, const QByteArray &key)
{
    Image::FlashCryptParams p;
    p.key = key;
    p.address = address;
    QByteArray padded = plain;
    padded.append(QByteArray((128 - padded.size() % 128) % 128, char(0xFF)));
    auto e = Image::flashEncrypt(p, padded);
    return e ? *e : QByteArray();
}

} // namespace

class TestBootSelect : public QObject
{
    Q_OBJECT
    QTemporaryDir m_backups;

    FlashJobRequest write(const QString &port, const QString &partition, const QByteArray &payload,
                          bool setBoot)
    {
        FlashJobRequest r;
        r.kind = FlashJobRequest::Kind::Write;
        r.link.port = port;
        r.link.baud = 921600;
        r.backupDirectory = m_backups.path();
        r.partition = partition;
        r.payload = payload;
        r.setBootPartition = setBoot;
        return r;
    }

    static QString banner(RomSerialServer &server)
    {
        return QString::fromUtf8(server.device().bootBanner(false));
    }

private Q_SLOTS:
    // ota_1 written without --set-boot still leaves ota_0 booting; with it otadata is
    // rewritten (backed up first) and the board boots ota_1; each switch follows ESP-IDF's
    // sequence rule.
    void setBootSwitchesOtadata()
    {
        RomSerialServer server(board(OtaCsv));
        auto port = server.listenPty();
        QVERIFY(port);
        FlashJob job;
        auto r = runJob(job, write(*port, QStringLiteral("ota_0"), app("v1.0.0"), false));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->bootPartition, QStringLiteral("ota_0"));
        QVERIFY(!r->bootSwitched);
        QVERIFY2(
            banner(server).contains(QStringLiteral(
                "otadata selects ota_0 (otadata erased); ota_0 at 0x10000 would start (blink v1.0.0)")),
            qPrintable(banner(server)));

        r = runJob(job, write(*port, QStringLiteral("ota_1"), app("v2.0.0"), false));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->bootPartition, QStringLiteral("ota_0"));
        QVERIFY(!r->bootSwitched);
        QVERIFY(r->otadataBackupPath.isEmpty());
        QCOMPARE(server.device().flash().read(OtadataOffset, 0x2000),
                 QByteArray(0x2000, char(0xFF)));
        QVERIFY2(
            banner(server).contains(QStringLiteral("ota_0 at 0x10000 would start (blink v1.0.0)")),
            qPrintable(banner(server)));

        r = runJob(job, write(*port, QStringLiteral("ota_1"), app("v2.0.0"), true));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->bootSwitched);
        QCOMPARE(r->bootPartition, QStringLiteral("ota_1"));
        // Both copies erased: copy 0 gets seq 2 ((2 - 1) % 2 = slot 1).
        QCOMPARE(server.device().flash().read(OtadataOffset, 0x2000).toHex(),
                 QByteArray(sectorWith(2) + QByteArray(0x1000, char(0xFF))).toHex());
        QByteArray saved;
        QVERIFY(BackupStore::load(r->otadataBackupPath, &saved).ok());
        QCOMPARE(saved, QByteArray(0x2000, char(0xFF)));
        QVERIFY2(
            banner(server).contains(QStringLiteral(
                "otadata selects ota_1 (otadata copy 0, seq 2); ota_1 at 0x110000 would start (blink v2.0.0)")),
            qPrintable(banner(server)));

        // Back to ota_0: the other copy, seq 3 (the smallest seq >= 2 with (seq - 1) % 2 == 0).
        r = runJob(job, write(*port, QStringLiteral("ota_0"), app("v1.0.0"), true));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(server.device().flash().read(OtadataOffset, 0x2000).toHex(),
                 QByteArray(sectorWith(2) + sectorWith(3)).toHex());
        QVERIFY2(banner(server).contains(
                     QStringLiteral("otadata selects ota_0 (otadata copy 1, seq 3)")),
                 qPrintable(banner(server)));
        // And ota_1 again: copy 0, seq 4.
        r = runJob(job, write(*port, QStringLiteral("ota_1"), app("v2.0.0"), true));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(server.device().flash().read(OtadataOffset, 0x2000).toHex(),
                 QByteArray(sectorWith(4) + sectorWith(3)).toHex());
        QVERIFY2(
            banner(server).contains(QStringLiteral("ota_1 at 0x110000 would start (blink v2.0.0)")),
            qPrintable(banner(server)));

        // A broken ota_1 makes the bootloader fall back to ota_0, as bootloader_utility does.
        server.device().flash().load(QByteArray(16, '\0'), 0x110000);
        QVERIFY2(banner(server).contains(QStringLiteral("ota_1 at 0x110000 would not start")),
                 qPrintable(banner(server)));
        QVERIFY2(banner(server).contains(
                     QStringLiteral("then ota_0 at 0x10000 would start (blink v1.0.0)")),
                 qPrintable(banner(server)));
    }

    // Factory as the boot partition: otadata erased (esp_ota_set_boot_partition(factory)),
    // backed up first; a table without otadata cannot switch to an OTA slot, refused untouched.
    void setBootToFactoryAndRefusals()
    {
        const QString csv = QStringLiteral(
            "otadata, data, ota, 0xd000, 0x2000\nfactory, app, factory, 0x10000, 1M\n"
            "ota_0, app, ota_0, 0x110000, 1M\ntest, app, test, 0x210000, 1M\n");
        RomSerialServer server(board(csv));
        auto port = server.listenPty();
        QVERIFY(port);
        FlashJob job;
        auto r = runJob(job, write(*port, QStringLiteral("ota_0"), app("v5.0.0"), true));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(server.device().flash().read(OtadataOffset, 0x1000).toHex(),
                 sectorWith(1).toHex());
        r = runJob(job, write(*port, QStringLiteral("factory"), app("v6.0.0"), false));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->bootPartition, QStringLiteral("ota_0"));
        QVERIFY2(
            banner(server).contains(QStringLiteral(
                "otadata selects ota_0 (otadata copy 0, seq 1); ota_0 at 0x110000 would start (blink v5.0.0)")),
            qPrintable(banner(server)));
        r = runJob(job, write(*port, QStringLiteral("factory"), app("v6.0.0"), true));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->bootSwitched);
        QCOMPARE(r->bootPartition, QStringLiteral("factory"));
        QCOMPARE(server.device().flash().read(OtadataOffset, 0x2000),
                 QByteArray(0x2000, char(0xFF)));
        QByteArray saved;
        QVERIFY(BackupStore::load(r->otadataBackupPath, &saved).ok());
        QCOMPARE(saved.left(0x1000).toHex(), sectorWith(1).toHex());
        QVERIFY2(
            banner(server).contains(QStringLiteral(
                "otadata selects factory (otadata erased); factory at 0x10000 would start (blink v6.0.0)")),
            qPrintable(banner(server)));

        const QByteArray before = server.device().flash().contents();
        auto refused = runJob(job, write(*port, QStringLiteral("test"), app("v7.0.0"), true));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("otadata.target"));
        QCOMPARE(server.device().flash().contents(), before);
        RomSerialServer plain(board(QStringLiteral(
            "factory, app, factory, 0x10000, 1M\nota_0, app, ota_0, 0x110000, 1M\n")));
        auto plainPort = plain.listenPty();
        QVERIFY(plainPort);
        const QByteArray plainBefore = plain.device().flash().contents();
        refused = runJob(job, write(*plainPort, QStringLiteral("ota_0"), app("v7.0.0"), true));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("otadata.missing"));
        QCOMPARE(plain.device().flash().contents(), plainBefore);
    }

    // With flash encryption on, the board decrypts its app at the partition's address with
    // its key: right address boots, another address, another key or a plaintext app do not.
    void flashEncryptedBoot()
    {
        RomBoardConfig cfg = board(
            QStringLiteral("nvs, data, nvs, 0x9000, 0x6000\nfactory, app, factory, 0x10000, 1M\n"
                           "ota_0, app, ota_0, 0x110000, 1M\n"));
        cfg.flashCryptCnt = 1;
        cfg.flashEncryptionKey = QByteArray(32, '\x3C');
        RomSerialServer server(cfg);
        auto port = server.listenPty();
        QVERIFY(port);
        const QByteArray plain = app("v3.0.0");
        const QByteArray forFactory = encryptedFor(plain, 0x10000, cfg.flashEncryptionKey);
        QVERIFY(!forFactory.isEmpty());
        FlashJob job;
        // No key given to the job: it cannot tell the address, so it writes; the board can.
        auto r = runJob(job, write(*port, QStringLiteral("ota_0"), forFactory, false));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY2(
            banner(server).contains(QStringLiteral(
                "ota_0 at 0x110000 would not start: the image was encrypted for 0x10000 (factory), not 0x110000")),
            qPrintable(banner(server)));
        QVERIFY2(banner(server).contains(QStringLiteral("nothing would start")),
                 qPrintable(banner(server)));

        r = runJob(job, write(*port, QStringLiteral("factory"),
                              encryptedFor(plain, 0x10000, QByteArray(32, '\x11')), false));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY2(banner(server).contains(QStringLiteral(
                     "factory at 0x10000 would not start: it does not decrypt to an app image "
                     "with the board's flash encryption key")),
                 qPrintable(banner(server)));

        r = runJob(job, write(*port, QStringLiteral("factory"), forFactory, false));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY2(banner(server).contains(
                     QStringLiteral("boot check: factory at 0x10000 would start (blink v3.0.0)")),
                 qPrintable(banner(server)));

        // A plaintext app written by address (the job's app checks would refuse it by name).
        FlashJobRequest raw = write(*port, QString(), plain, false);
        raw.address = 0x10000;
        r = runJob(job, raw);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY2(banner(server).contains(QStringLiteral(
                     "factory at 0x10000 would not start: it holds a plaintext app, which the "
                     "chip decrypts into garbage")),
                 qPrintable(banner(server)));
    }

    // The ESP32's own scheme (AES-256 with the address-derived key tweak, FLASH_CRYPT_CONFIG):
    // encrypted for factory it boots there and not at ota_0.
    void flashEncryptedBootEsp32()
    {
        RomBoardConfig cfg = board(
            QStringLiteral("nvs, data, nvs, 0x9000, 0x6000\nfactory, app, factory, 0x10000, 1M\n"
                           "ota_0, app, ota_0, 0x110000, 1M\n"));
        cfg.chipKey = QStringLiteral("esp32");
        cfg.revision.clear();
        cfg.flashCryptCnt = 1;
        cfg.flashEncryptionKey = QByteArray::fromHex(
            "0123456789abcdeffedcba98765432100f1e2d3c4b5a69788796a5b4c3d2e1f0");
        cfg.flashCryptConfig = 0xF;
        TestImages::ImageSpec spec;
        spec.chipId = 0;
        spec.entry = 0x40080000;
        spec.minRev = 0;
        spec.segments = {{0x3F400020, TestImages::appDescBytes({}) + TestImages::pattern(740, 1)},
                         {0x400D0020, TestImages::pattern(2048, 2)},
                         {0x3FFB0000, TestImages::pattern(512, 3)},
                         {0x40080000, TestImages::pattern(1024, 4)}};
        QByteArray plain = TestImages::buildImage(spec);
        plain.append(QByteArray((128 - plain.size() % 128) % 128, char(0xFF)));
        Image::FlashCryptParams p;
        p.scheme = Image::FlashCryptScheme::Esp32Aes;
        p.key = cfg.flashEncryptionKey;
        p.address = 0x10000;
        p.flashCryptConfig = 0xF;
        auto forFactory = Image::flashEncrypt(p, plain);
        QVERIFY(forFactory);
        cfg.image.append(QByteArray(0x10000 - cfg.image.size(), char(0xFF)));
        cfg.image += *forFactory;
        cfg.image.append(QByteArray(0x110000 - cfg.image.size(), char(0xFF)));
        cfg.image += *forFactory;
        RomSerialServer server(cfg);
        QVERIFY2(banner(server).contains(
                     QStringLiteral("boot check: factory at 0x10000 would start (blink v1.2.3)")),
                 qPrintable(banner(server)));
        // Factory broken: the bootloader goes on to ota_0, which was encrypted for 0x10000.
        server.device().flash().load(QByteArray(0x1000, char(0xFF)), 0x10000);
        QVERIFY2(
            banner(server).contains(QStringLiteral(
                "then ota_0 at 0x110000 would not start: the image was encrypted for 0x10000 (factory), not 0x110000")),
            qPrintable(banner(server)));
    }

    // --set-boot on an encrypted board: otadata is written encrypted with the key, and the
    // board (decrypting it) boots the slot; without the key the switch is refused untouched.
    void setBootOnAnEncryptedBoard()
    {
        RomBoardConfig cfg = board(OtaCsv);
        cfg.flashCryptCnt = 1;
        cfg.flashEncryptionKey = QByteArray(32, '\x5A');
        // otadata as the bootloader leaves it when it turns flash encryption on: erased
        // contents encrypted in place, so they decrypt to 0xFF.
        cfg.image.append(QByteArray(0xF000 - cfg.image.size(), char(0xFF)));
        cfg.image.replace(
            OtadataOffset, 0x2000,
            encryptedFor(QByteArray(0x2000, char(0xFF)), OtadataOffset, cfg.flashEncryptionKey));
        RomSerialServer server(cfg);
        auto port = server.listenPty();
        QVERIFY(port);
        const QByteArray before = server.device().flash().contents();
        const QByteArray forOta1 = encryptedFor(app("v4.0.0"), 0x110000, cfg.flashEncryptionKey);
        FlashJob job;
        auto refused = runJob(job, write(*port, QStringLiteral("ota_1"), forOta1, true));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("otadata.key"));
        QCOMPARE(server.device().flash().contents(), before);

        FlashJobRequest w = write(*port, QStringLiteral("ota_1"), forOta1, true);
        w.flashEncryptionKey = cfg.flashEncryptionKey;
        auto r = runJob(job, w);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->bootSwitched);
        Image::FlashCryptParams p;
        p.key = cfg.flashEncryptionKey;
        p.address = OtadataOffset;
        auto otadata = Image::flashDecrypt(p, server.device().flash().read(OtadataOffset, 0x2000));
        QVERIFY(otadata);
        QCOMPARE(otadata->left(0x1000).toHex(), sectorWith(2).toHex());
        QVERIFY2(banner(server).contains(QStringLiteral(
                     "otadata selects ota_1 (otadata copy 0, seq 2); ota_1 at 0x110000 would "
                     "start (blink v4.0.0)")),
                 qPrintable(banner(server)));
    }
};

QTEST_GUILESS_MAIN(TestBootSelect)
#include "tst_bootselect.moc"
