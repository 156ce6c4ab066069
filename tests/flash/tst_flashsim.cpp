// SPDX-License-Identifier: GPL-3.0-or-later
// The ROM loader client against the virtual board (library, same event loop) over a real
// pseudo-terminal and over TCP.
#include "../core/imagewriter.h"
#include "flashtesthelpers.h"

#include "core/common/logger.h"
#include "core/flasher/backupstore.h"
#include "core/image/certpayload.h"
#include "core/image/flashencryption.h"
#include "core/sim/romserialserver.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Forgeline;
using namespace Forgeline::Flasher;
using namespace Forgeline::Sim;
using namespace FlashTest;

namespace {

constexpr quint32 CertOffset = 0x110000;
constexpr quint32 CertSize = 0x2000;
constexpr quint32 KeyOffset = 0x112000;
constexpr quint32 KeySize = 0x1000;

RomBoardConfig boardFor(const QString &chip)
{
    RomBoardConfig c;
    c.chipKey = chip;
    c.timing = false;
    c.image = RomBoardConfig::imageWithPartitionTable(RomBoardConfig::defaultPartitionCsv());
    return c;
}

} // namespace

class TestFlashSim : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_backups;

    FlashJobRequest request(const QString &port, FlashJobRequest::Kind kind)
    {
        FlashJobRequest r;
        r.kind = kind;
        r.link.port = port;
        r.link.baud = 921600;
        r.backupDirectory = m_backups.path();
        return r;
    }

private Q_SLOTS:
    void identify_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("chip");
        QTest::addColumn<QString>("name");
        const QList<QPair<QString, QString>> chips
            = {{QStringLiteral("esp32"), QStringLiteral("ESP32")},
               {QStringLiteral("esp32s2"), QStringLiteral("ESP32-S2")},
               {QStringLiteral("esp32s3"), QStringLiteral("ESP32-S3")},
               {QStringLiteral("esp32c2"), QStringLiteral("ESP32-C2")},
               {QStringLiteral("esp32c3"), QStringLiteral("ESP32-C3")},
               {QStringLiteral("esp32c6"), QStringLiteral("ESP32-C6")},
               {QStringLiteral("esp32h2"), QStringLiteral("ESP32-H2")}};
        for (const QString &t : {QStringLiteral("pty"), QStringLiteral("tcp")})
            for (const auto &c : chips)
                QTest::newRow(qPrintable(t + QLatin1Char('/') + c.first))
                    << t << c.first << c.second;
    }

    void identify()
    {
        QFETCH(QString, transport);
        QFETCH(QString, chip);
        QFETCH(QString, name);
        RomBoardConfig cfg = boardFor(chip);
        cfg.mac = QByteArray::fromHex("a0b1c2d3e4f5");
        cfg.flashId = 0x1740C8; // GigaDevice, 8 MiB
        RomSerialServer server(cfg);
        const QString port = listen(server, transport);
        QVERIFY(!port.isEmpty());
        FlashJob job;
        auto r = runJob(job, request(port, FlashJobRequest::Kind::Identify));
        QVERIFY2(r.ok(),
                 qPrintable(r.ok() ? QString()
                                   : r.error().message + QStringLiteral(" / ") + r.error().detail));
        QCOMPARE(r->board.chipName, name);
        QCOMPARE(r->board.macText(), QStringLiteral("a0:b1:c2:d3:e4:f5"));
        QCOMPARE(r->board.flashId, 0x1740C8u);
        QCOMPARE(r->board.flashSize, 8u * 1024 * 1024);
        QCOMPARE(r->board.securityInfo, chip != QLatin1String("esp32"));
    }

    void partitionTable_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("pty") << QStringLiteral("pty");
        QTest::newRow("tcp") << QStringLiteral("tcp");
    }

    void partitionTable()
    {
        QFETCH(QString, transport);
        RomSerialServer server(boardFor(QStringLiteral("esp32c3")));
        FlashJob job;
        auto r = runJob(job, request(listen(server, transport), FlashJobRequest::Kind::ReadTable));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->table);
        QVERIFY(r->table->hadMd5);
        const Image::Partition *cert = r->table->find(QStringLiteral("cert"));
        QVERIFY(cert);
        QCOMPARE(cert->offset, CertOffset);
        QCOMPARE(cert->size, CertSize);
        QCOMPARE(r->table->partitions.size(), 6);
    }

    void writeReadRestore_data() { partitionTable_data(); }

    void writeReadRestore()
    {
        QFETCH(QString, transport);
        RomSerialServer server(boardFor(QStringLiteral("esp32")));
        const QString port = listen(server, transport);
        const QByteArray certPem = fakePem("CERTIFICATE", 6000, 1);
        const QByteArray keyPem = fakePem("PRIVATE KEY", 1700, 2);
        auto cert = Image::encodeCertPayload(certPem, Image::PayloadFormat::PemNul);
        QVERIFY(cert.ok());
        QCOMPARE(cert->bytes.size(), certPem.size() + 1);
        QCOMPARE(cert->bytes.back(), '\0');

        FlashJob job;
        FlashJobRequest w = request(port, FlashJobRequest::Kind::Write);
        w.partition = QStringLiteral("cert");
        w.payload = cert->bytes;
        auto r1 = runJob(job, w);
        QVERIFY2(r1.ok(), qPrintable(r1.ok() ? QString()
                                             : r1.error().message + QStringLiteral(" / ")
                                                   + r1.error().detail));
        QCOMPARE(r1->address, CertOffset);
        QVERIFY(QFile::exists(r1->backupPath));
        // A backup may hold a private key: nobody but the owner may read it.
        QCOMPARE(QFileInfo(r1->backupPath).permissions()
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QCOMPARE(server.device().flash().read(CertOffset, CertSize), padded(cert->bytes, CertSize));

        w.partition = QStringLiteral("key");
        w.payload = keyPem;
        auto r2 = runJob(job, w);
        QVERIFY2(r2.ok(), qPrintable(r2.ok() ? QString() : r2.error().message));
        QCOMPARE(server.device().flash().read(KeyOffset, KeySize), padded(keyPem, KeySize));
        // The key went to flash, never to the log.
        const QByteArray keyLine = keyPem.split('\n').at(2);
        for (const LogEntry &e : Logger::instance().recent())
            QVERIFY(!e.message.contains(QString::fromLatin1(keyLine)));

        // Read back through the ROM's 64-byte reads and compare.
        FlashJobRequest rd = request(port, FlashJobRequest::Kind::Read);
        rd.partition = QStringLiteral("cert");
        auto r3 = runJob(job, rd);
        QVERIFY2(r3.ok(), qPrintable(r3.ok() ? QString() : r3.error().message));
        QCOMPARE(r3->data, padded(cert->bytes, CertSize));

        // Overwrite the cert; the backup holds the first one; restoring brings it back.
        const QByteArray second = fakePem("CERTIFICATE", 5000, 3);
        w.partition = QStringLiteral("cert");
        w.payload = second;
        auto r4 = runJob(job, w);
        QVERIFY2(r4.ok(), qPrintable(r4.ok() ? QString() : r4.error().message));
        QByteArray backup;
        auto rec = BackupStore::load(r4->backupPath, &backup);
        QVERIFY(rec.ok());
        QCOMPARE(backup, padded(cert->bytes, CertSize));
        QCOMPARE(rec->partition, QStringLiteral("cert"));
        QCOMPARE(rec->mac, r4->board.macText());
        QCOMPARE(server.device().flash().read(CertOffset, CertSize), padded(second, CertSize));

        FlashJobRequest rs = request(port, FlashJobRequest::Kind::Restore);
        rs.backupFile = r4->backupPath;
        auto r5 = runJob(job, rs);
        QVERIFY2(r5.ok(), qPrintable(r5.ok() ? QString() : r5.error().message));
        QCOMPARE(server.device().flash().read(CertOffset, CertSize), padded(cert->bytes, CertSize));
        QVERIFY(server.device().resetCount() >= 5); // every job ends with a reset
    }

    void refusals()
    {
        RomSerialServer server(boardFor(QStringLiteral("esp32c6")));
        const QString port = listen(server, QStringLiteral("tcp"));
        const QByteArray before = server.device().flash().contents();
        FlashJob job;
        FlashJobRequest w = request(port, FlashJobRequest::Kind::Write);
        w.partition = QStringLiteral("key");
        w.payload = QByteArray(KeySize + 1, 'k');
        auto tooBig = runJob(job, w);
        QVERIFY(!tooBig.ok());
        QCOMPARE(tooBig.error().code, QStringLiteral("payload.too-large"));
        w.partition = QStringLiteral("factory");
        w.payload = "x";
        auto app = runJob(job, w);
        QVERIFY(!app.ok());
        QCOMPARE(app.error().code, QStringLiteral("app.kind")); // app partitions take app images
        w.partition = QStringLiteral("nope");
        auto missing = runJob(job, w);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("partition.missing"));
        QCOMPARE(server.device().flash().contents(), before);
    }

    // App images into the factory partition: checked against the board before anything is
    // touched, then backed up, written and MD5-verified like any partition write.
    void appImageWrites()
    {
        RomBoardConfig cfg = boardFor(QStringLiteral("esp32c3"));
        cfg.revision = QStringLiteral("v0.4");
        RomSerialServer server(cfg);
        const QString port = listen(server, QStringLiteral("tcp"));
        const QByteArray before = server.device().flash().contents();
        constexpr quint32 FactoryOffset = 0x10000;
        FlashJob job;
        FlashJobRequest w = request(port, FlashJobRequest::Kind::Write);
        w.partition = QStringLiteral("factory");

        auto refusedWith = [&](const QByteArray &payload) {
            w.payload = payload;
            auto r = runJob(job, w);
            return r.ok() ? QString() : r.error().code;
        };
        TestImages::ImageSpec wrongChip = TestImages::c3App();
        wrongChip.chipId = 9; // ESP32-S3
        QCOMPARE(refusedWith(TestImages::buildImage(wrongChip)), QStringLiteral("app.chip"));
        TestImages::ImageSpec newer = TestImages::c3App();
        newer.minRev = 101; // needs v1.1, the board is v0.4
        QCOMPARE(refusedWith(TestImages::buildImage(newer)), QStringLiteral("app.revision"));
        QByteArray corrupt = TestImages::buildImage(TestImages::c3App());
        corrupt[100] = char(corrupt.at(100) ^ 1);
        QCOMPARE(refusedWith(corrupt), QStringLiteral("app.invalid"));
        QByteArray preEncrypted("\xCF\xB6\x88\x07", 4);
        preEncrypted += QByteArray(2000, 'p');
        QCOMPARE(refusedWith(preEncrypted), QStringLiteral("app.pre-encrypted"));
        QByteArray random(8192, '\0');
        for (int i = 0; i < random.size(); ++i)
            random[i] = char((i * 2654435761u) >> 13);
        QCOMPARE(refusedWith(random), QStringLiteral("app.encrypted"));
        QCOMPARE(server.device().flash().contents(), before); // nothing was touched
        QVERIFY2(
            server.device().bootBanner(false).contains("boot check: factory at 0x10000 is erased"),
            server.device().bootBanner(false).constData());

        const QByteArray app = TestImages::buildImage(TestImages::c3App());
        w.payload = app;
        auto ok = runJob(job, w);
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message));
        QCOMPARE(ok->partition, QStringLiteral("factory"));
        QCOMPARE(ok->address, FactoryOffset);
        QCOMPARE(ok->length, quint32((app.size() + 0xFFF) / 0x1000 * 0x1000));
        QCOMPARE(server.device().flash().read(FactoryOffset, quint32(app.size())), app);
        QByteArray backup;
        QVERIFY(BackupStore::load(ok->backupPath, &backup).ok());
        QCOMPARE(backup, before.mid(FactoryOffset, ok->length));
        // The virtual board's banner now says the app would start.
        QVERIFY2(server.device().bootBanner(false).contains(
                     "boot check: factory at 0x10000 would start (blink v1.2.3)"),
                 server.device().bootBanner(false).constData());
    }

    // Flash encryption state as esptool reads it: GET_SECURITY_INFO's crypt count on newer
    // chips, the FLASH_CRYPT_CNT eFuse bits on the ESP32; on when an odd number of bits is set.
    void flashEncryptionState_data()
    {
        QTest::addColumn<QString>("chip");
        QTest::addColumn<int>("cryptCnt");
        QTest::addColumn<bool>("enabled");
        for (const QString &chip :
             {QStringLiteral("esp32"), QStringLiteral("esp32c3"), QStringLiteral("esp32s2")}) {
            QTest::newRow(qPrintable(chip + QStringLiteral("/off"))) << chip << 0 << false;
            QTest::newRow(qPrintable(chip + QStringLiteral("/on"))) << chip << 1 << true;
            QTest::newRow(qPrintable(chip + QStringLiteral("/off-again"))) << chip << 3 << false;
            QTest::newRow(qPrintable(chip + QStringLiteral("/on-again"))) << chip << 7 << true;
        }
    }

    void flashEncryptionState()
    {
        QFETCH(QString, chip);
        QFETCH(int, cryptCnt);
        QFETCH(bool, enabled);
        RomBoardConfig cfg = boardFor(chip);
        cfg.flashCryptCnt = quint8(cryptCnt);
        RomSerialServer server(cfg);
        const QString port = listen(server, QStringLiteral("tcp"));
        FlashJob job;
        auto r = runJob(job, request(port, FlashJobRequest::Kind::Identify));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->board.flashCryptCnt.has_value());
        QCOMPARE(int(*r->board.flashCryptCnt), cryptCnt);
        QCOMPARE(r->board.flashEncryptionEnabled(), enabled);
        QCOMPARE(r->board.toJson().value(QStringLiteral("flashEncryption")).toBool(), enabled);
    }

    // With flash encryption on, a plaintext app is refused (the bootloader would decrypt it
    // into garbage) with the command that encrypts it for the partition's address, and bytes
    // encrypted for that address are written as they are.
    void appWritesOnAFlashEncryptedBoard()
    {
        RomBoardConfig cfg = boardFor(QStringLiteral("esp32c3"));
        cfg.revision = QStringLiteral("v0.4");
        cfg.flashCryptCnt = 1;
        RomSerialServer server(cfg);
        const QString port = listen(server, QStringLiteral("tcp"));
        const QByteArray before = server.device().flash().contents();
        FlashJob job;
        FlashJobRequest w = request(port, FlashJobRequest::Kind::Write);
        w.partition = QStringLiteral("factory");
        const QByteArray app = TestImages::buildImage(TestImages::c3App());
        w.payload = app;
        auto refused = runJob(job, w);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("app.flash-encryption"));
        QVERIFY2(refused.error().fix.contains(QStringLiteral("--address 0x10000")),
                 qPrintable(refused.error().fix));
        QCOMPARE(server.device().flash().contents(), before);

        Image::FlashCryptParams params;
        params.key = QByteArray(32, '\x5A');
        params.address = 0x10000;
        QByteArray padded = app;
        padded.append(QByteArray((128 - padded.size() % 128) % 128, char(0xFF)));
        auto encrypted = Image::flashEncrypt(params, padded);
        QVERIFY(encrypted);
        w.payload = *encrypted;
        auto ok = runJob(job, w);
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message));
        QCOMPARE(server.device().flash().read(0x10000, quint32(encrypted->size())), *encrypted);
    }

    // With the board's key the job can tell where an encrypted image belongs: made for factory
    // (0x10000), it is refused for ota_0 naming 0x10000; a wrong key is named as such.
    void encryptedAppForAnotherOffsetIsRefused()
    {
        RomBoardConfig cfg = boardFor(QStringLiteral("esp32c3"));
        cfg.revision = QStringLiteral("v0.4");
        cfg.flashCryptCnt = 1;
        cfg.image = RomBoardConfig::imageWithPartitionTable(QStringLiteral(
            "nvs, data, nvs, 0x9000, 0x6000\nfactory, app, factory, 0x10000, 1M\nota_0, app, ota_0, 0x110000, 1M\n"));
        RomSerialServer server(cfg);
        const QString port = listen(server, QStringLiteral("tcp"));
        const QByteArray before = server.device().flash().contents();
        Image::FlashCryptParams params;
        params.key = QByteArray(32, '\x3C');
        params.address = 0x10000;
        QByteArray app = TestImages::buildImage(TestImages::c3App());
        app.append(QByteArray((128 - app.size() % 128) % 128, char(0xFF)));
        auto encrypted = Image::flashEncrypt(params, app);
        QVERIFY(encrypted);

        FlashJob job;
        FlashJobRequest w = request(port, FlashJobRequest::Kind::Write);
        w.payload = *encrypted;
        w.flashEncryptionKey = params.key;
        w.partition = QStringLiteral("ota_0");
        auto refused = runJob(job, w);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("app.offset"));
        QVERIFY2(refused.error().message.contains(QStringLiteral("0x10000 (factory)")),
                 qPrintable(refused.error().message));
        w.flashEncryptionKey = QByteArray(32, '\x11');
        w.partition = QStringLiteral("factory");
        refused = runJob(job, w);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("app.key"));
        QCOMPARE(server.device().flash().contents(), before);
        w.flashEncryptionKey = params.key;
        auto ok = runJob(job, w);
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message));
        QCOMPARE(server.device().flash().read(0x10000, quint32(encrypted->size())), *encrypted);
    }

    void addressWriteBacksUpWholeSectors()
    {
        RomBoardConfig cfg = boardFor(QStringLiteral("esp32h2"));
        const QByteArray pattern = fakePem("CERTIFICATE", 0x2000, 99);
        cfg.image = padded(cfg.image, CertOffset) + pattern;
        RomSerialServer server(cfg);
        const QString port = listen(server, QStringLiteral("tcp"));
        FlashJob job;
        FlashJobRequest w = request(port, FlashJobRequest::Kind::Write);
        w.address = CertOffset + 0x1000;
        w.payload = QByteArray(100, 'A');
        auto r = runJob(job, w);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->length, 0x1000u); // the sector the erase touches, not just 100 bytes
        QByteArray backup;
        QVERIFY(BackupStore::load(r->backupPath, &backup).ok());
        QCOMPARE(backup, pattern.mid(0x1000));
        QCOMPARE(server.device().flash().read(CertOffset + 0x1000, 100), QByteArray(100, 'A'));
        FlashJobRequest rs = request(port, FlashJobRequest::Kind::Restore);
        rs.backupFile = r->backupPath;
        QVERIFY(runJob(job, rs).ok());
        QCOMPARE(server.device().flash().read(CertOffset, 0x2000), pattern);
    }

    void faults_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("mustSucceed");
        for (const QString &t : {QStringLiteral("pty"), QStringLiteral("tcp")}) {
            QTest::newRow(qPrintable(t + QStringLiteral("/drop")))
                << t << QStringLiteral("drop") << false;
            QTest::newRow(qPrintable(t + QStringLiteral("/corrupt")))
                << t << QStringLiteral("corrupt") << false;
            QTest::newRow(qPrintable(t + QStringLiteral("/reset")))
                << t << QStringLiteral("reset") << true;
            QTest::newRow(qPrintable(t + QStringLiteral("/slow")))
                << t << QStringLiteral("slow") << true;
            QTest::newRow(qPrintable(t + QStringLiteral("/disconnect")))
                << t << QStringLiteral("disconnect") << false;
        }
    }

    void faults()
    {
        QFETCH(QString, transport);
        QFETCH(QString, fault);
        QFETCH(bool, mustSucceed);
        RomBoardConfig cfg = boardFor(QStringLiteral("esp32s3"));
        const QByteArray original = fakePem("CERTIFICATE", 3000, 7);
        cfg.image = padded(cfg.image, CertOffset) + padded(original, CertSize);
        if (fault == QLatin1String("drop"))
            cfg.faults.dropRate = 0.0004;
        else if (fault == QLatin1String("corrupt"))
            cfg.faults.corruptRate = 0.0004;
        else if (fault == QLatin1String("reset"))
            cfg.faults.resetAt = CertOffset + 0x1000;
        else if (fault == QLatin1String("slow"))
            cfg.faults.slowFlash = 4.0;
        else if (fault == QLatin1String("disconnect"))
            cfg.faults.disconnectAt = CertOffset + 0x800;
        cfg.faults.seed = 42;
        RomSerialServer server(cfg);
        QString port = listen(server, transport);
        connect(&server, &RomSerialServer::addressChanged, this,
                [&port](const QString &a) { port = a; });

        const QByteArray payload = fakePem("CERTIFICATE", 7000, 8) + QByteArray(1, '\0');
        FlashJob job;
        FlashJobRequest w = request(port, FlashJobRequest::Kind::Write);
        w.partition = QStringLiteral("cert");
        w.payload = payload;
        auto r = runJob(job, w, 120000);
        const QByteArray now = server.device().flash().read(CertOffset, CertSize);
        if (r.ok()) {
            // Success must mean the flash really holds the payload (no false success).
            QCOMPARE(now, padded(payload, CertSize));
            QVERIFY(QFile::exists(r->backupPath));
            return;
        }
        QVERIFY2(!mustSucceed,
                 qPrintable(r.error().message + QStringLiteral(" / ") + r.error().detail));
        qInfo("fault ended in: %s", qPrintable(r.error().message));
        // A failure is clear about the partition and where the backup is, or failed before
        // flash was touched; either way the backup of the original exists and restores it.
        const QList<BackupRecord> backups = BackupStore(m_backups.path()).list();
        QVERIFY(!backups.isEmpty());
        if (r.error().code.startsWith(QLatin1String("write.partial"))) {
            QVERIFY(r.error().message.contains(QLatin1String("cert partially written")));
            QVERIFY(r.error().message.contains(backups.first().path));
            QVERIFY(r.error().message.contains(QLatin1String("write again or restore")));
        }
        server.device().faults() = RomFaults{};
        FlashJobRequest rs = request(port, FlashJobRequest::Kind::Restore);
        rs.backupFile = backups.first().path;
        auto restored = runJob(job, rs);
        QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().message));
        QCOMPARE(server.device().flash().read(CertOffset, CertSize), padded(original, CertSize));
    }

    void cancelLeavesClearState()
    {
        RomBoardConfig cfg = boardFor(QStringLiteral("esp32c3"));
        cfg.timing = true; // slow enough to cancel mid-write
        RomSerialServer server(cfg);
        const QString port = listen(server, QStringLiteral("pty"));
        FlashJob job;
        FlashJobRequest w = request(port, FlashJobRequest::Kind::Write);
        w.partition = QStringLiteral("storage");
        QByteArray big;
        QRandomGenerator rng(5);
        for (int i = 0; i < 256 * 1024; ++i)
            big.append(char(rng.bounded(256)));
        w.payload = big;
        connect(&job, &FlashJob::progress, &job, [&job](const QString &stage, qint64 done, qint64) {
            if (stage == QLatin1String("write") && done > 16 * 1024)
                job.cancel();
        });
        const auto r = runJob(job, w);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("cancelled"));
        QVERIFY(r.error().message.contains(QLatin1String("storage partially written")));
        QVERIFY(r.error().message.contains(QLatin1String("backup at")));
    }
};

QTEST_GUILESS_MAIN(TestFlashSim)
#include "tst_flashsim.moc"
