// SPDX-License-Identifier: GPL-3.0-or-later
// The Flash workspace, offscreen, against the in-process virtual board on a real pty:
// connect, write a certificate by partition name, verify, restore the backup.
#include "../core/imagewriter.h"
#include "core/image/flashencryption.h"
#include "core/image/nvsreader.h"
#include "core/image/securecert.h"
#include "core/sim/romserialserver.h"
#include "ui/flash/flashworkspace.h"
#include "ui/preflight/preflightpanel.h"
#include "workspacetestaccess.h"

#include "flashjobwait.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Ui;
using FlashJobWait::waitJob;

namespace {

QByteArray pemCert(int size)
{
    QRandomGenerator rng(9);
    QByteArray raw;
    for (int i = 0; i < size * 3 / 4; ++i)
        raw.append(char(rng.bounded(256)));
    QByteArray b64 = raw.toBase64();
    QByteArray out = "-----BEGIN CERTIFICATE-----\n";
    for (qsizetype i = 0; i < b64.size() && out.size() < size - 30; i += 64)
        out += b64.mid(i, 64) + '\n';
    return out + "-----END CERTIFICATE-----\n";
}

} // namespace

class TestFlashWorkspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void flashVirtualBoard()
    {
        QTemporaryDir dir;
        FlashWorkspace w;
        w.resize(1000, 760);
        w.setBackupDirectory(dir.filePath(QStringLiteral("backups")));
        Forgeline::Ui::WorkspaceTestAccess::setVirtualBoardTiming(w, false);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        w.startVirtualBoard();
        QVERIFY(w.virtualBoard());
        QVERIFY(w.portText().startsWith(QLatin1String("/dev/")));
        w.connectBoard();
        QVERIFY(w.isBusy()); // the GUI keeps running while the job works
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        QCOMPARE(w.board().chipName, QStringLiteral("ESP32"));
        QCOMPARE(w.partitionCount(), 6);

        const QByteArray cert = pemCert(3000);
        const QString certPath = dir.filePath(QStringLiteral("device.pem"));
        QFile f(certPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(cert);
        f.close();
        w.setPayloadFile(certPath);
        w.selectPartition(QStringLiteral("cert"));
        w.setFormat(QStringLiteral("pem-nul"));
        QVERIFY(w.payloadSummary().contains(
            QStringLiteral("%1 bytes as pem-nul").arg(cert.size() + 1)));
        QVERIFY(w.payloadSummary().contains(QLatin1String("(8192 bytes): fits")));

        const QByteArray before = w.virtualBoard()->device().flash().read(0x110000, 0x2000);
        w.write();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        QVERIFY(w.bannerText().contains(QLatin1String("written and verified")));
        QByteArray expected = cert + QByteArray(1, '\0');
        expected.append(QByteArray(0x2000 - expected.size(), char(0xFF)));
        QCOMPARE(w.virtualBoard()->device().flash().read(0x110000, 0x2000), expected);
        QCOMPARE(w.backupCount(), 1);

        w.verify();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        QVERIFY(w.bannerText().contains(QLatin1String("holds this file")));

        QDir().mkpath(QStringLiteral(TEST_BUILD_DIR "/screenshots"));
        QVERIFY(w.grab().save(QStringLiteral(TEST_BUILD_DIR "/screenshots/flash.png")));

        w.restoreBackup(w.newestBackup());
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        QVERIFY(w.bannerText().contains(QLatin1String("restored")));
        QCOMPARE(w.virtualBoard()->device().flash().read(0x110000, 0x2000), before);
    }

    // A certificate and key written as an NVS partition and as an esp_secure_cert partition,
    // each read back and inspected from the board: the inspection names the certificate and
    // never shows the key.
    void storesFromFlash()
    {
        QTemporaryDir dir;
        QProcess openssl;
        openssl.setWorkingDirectory(dir.path());
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=flash-store-dev"),
                       QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-keyout"),
                       QStringLiteral("dev.key"), QStringLiteral("-out"),
                       QStringLiteral("dev.crt")});
        QVERIFY(openssl.waitForFinished(30000) && openssl.exitCode() == 0);
        const QString certPath = dir.filePath(QStringLiteral("dev.crt"));
        const QString keyPath = dir.filePath(QStringLiteral("dev.key"));
        QFile keyFile(keyPath);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QByteArray keyBody = keyFile.readAll().split('\n').value(1);
        QVERIFY(keyBody.size() > 20);
        QFile csv(dir.filePath(QStringLiteral("certs.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(
            "key,type,encoding,value\ncerts,namespace,,\nclient_cert,data,string,{certificate}\n"
            "client_key,data,binary,{key}\nserial,data,string,{mac}\n");
        csv.close();

        FlashWorkspace w;
        w.resize(1024, 768);
        w.setBackupDirectory(dir.filePath(QStringLiteral("backups")));
        Forgeline::Ui::WorkspaceTestAccess::setVirtualBoardTiming(w, false);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.startVirtualBoard();
        w.connectBoard();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));

        w.setLayoutName(QStringLiteral("nvs"));
        QCOMPARE(w.layoutName(), QStringLiteral("nvs"));
        w.setPayloadFile(certPath);
        w.setStoreFiles(keyPath, {}, csv.fileName());
        QVERIFY2(w.payloadSummary().contains(QLatin1String("\"nvs\"")),
                 qPrintable(w.payloadSummary()));
        // The key went to the preflight as well; its verdict gates Write as for raw partitions.
        QTRY_VERIFY_WITH_TIMEOUT(!w.preflightPanel()->isRunning()
                                     && w.preflightPanel()->lastResult().has_value(),
                                 30000);
        if (!w.canWrite())
            w.setWriteAnyway(
                true); // a self-signed test certificate may be flagged; not what this test is about
        QVERIFY2(w.canWrite(), qPrintable(w.writeGateText()));
        w.write();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        QVERIFY(w.bannerText().contains(QLatin1String("written and verified")));
        const Image::Nvs::Dump dump
            = Image::Nvs::readImage(w.virtualBoard()->device().flash().read(0x9000, 0x6000));
        QVERIFY(!dump.hasProblems());
        const auto *stored = dump.find(QStringLiteral("certs"), QStringLiteral("client_cert"));
        QVERIFY(stored);
        QFile certFile(certPath);
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        QCOMPARE(stored->value, certFile.readAll());
        QCOMPARE(
            QString::fromUtf8(dump.find(QStringLiteral("certs"), QStringLiteral("serial"))->value),
            w.board().macText());

        w.inspectPartition();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        QVERIFY2(w.bannerText().contains(
                     QLatin1String("NVS holds certs/client_cert: certificate CN=flash-store-dev")),
                 qPrintable(w.bannerText()));
        QVERIFY(w.inspectionText().contains(QLatin1String("[private key: EC P-256")));
        QVERIFY(!w.inspectionText().toUtf8().contains(keyBody));

        w.setLayoutName(QStringLiteral("secure-cert"));
        w.selectPartition(QStringLiteral("storage"));
        QTRY_VERIFY_WITH_TIMEOUT(!w.preflightPanel()->isRunning()
                                     && w.preflightPanel()->lastResult().has_value(),
                                 30000);
        if (!w.canWrite())
            w.setWriteAnyway(true);
        w.write();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        const auto parsed
            = Image::SecureCert::parse(w.virtualBoard()->device().flash().read(0x120000, 0x2000));
        QCOMPARE(parsed.layout, QStringLiteral("tlv"));
        QVERIFY(parsed.find(Image::SecureCert::DevCert) && parsed.find(Image::SecureCert::PrivKey));
        w.inspectPartition();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        QVERIFY2(w.bannerText().contains(
                     QLatin1String("esp_secure_cert holds certificate CN=flash-store-dev")),
                 qPrintable(w.bannerText()));
        QVERIFY(!w.inspectionText().toUtf8().contains(keyBody));
        QDir().mkpath(QStringLiteral(TEST_BUILD_DIR "/screenshots"));
        QVERIFY(w.grab().save(QStringLiteral(TEST_BUILD_DIR "/screenshots/flash-stores.png")));

        // A partition that holds neither store is named as such, not misread.
        w.selectPartition(QStringLiteral("factory"));
        w.inspectPartition();
        QVERIFY2(waitJob(w, 120000), qPrintable(w.bannerText()));
        QVERIFY2(w.bannerText().contains(QLatin1String("neither NVS nor esp_secure_cert"))
                     || w.bannerText().contains(QLatin1String("erased")),
                 qPrintable(w.bannerText()));
    }

    // A board with flash encryption on: the Board box says so, the key field appears, and an
    // app encrypted for factory is refused for ota_0 naming where it belongs.
    void flashEncryptedBoard()
    {
        QTemporaryDir dir;
        Sim::RomBoardConfig cfg;
        cfg.chipKey = QStringLiteral("esp32c3");
        cfg.revision = QStringLiteral("v0.4");
        cfg.timing = false;
        cfg.flashCryptCnt = 1;
        cfg.image = Sim::RomBoardConfig::imageWithPartitionTable(QStringLiteral(
            "nvs, data, nvs, 0x9000, 0x6000\nfactory, app, factory, 0x10000, 1M\nota_0, app, ota_0, 0x110000, 1M\n"));
        Sim::RomSerialServer board(cfg);
        auto address = board.listenPty();
        QVERIFY(address);

        FlashWorkspace w;
        w.resize(1024, 768);
        w.setBackupDirectory(dir.filePath(QStringLiteral("backups")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setPortText(*address);
        w.connectBoard();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        QVERIFY(w.board().flashEncryptionEnabled());
        bool said = false;
        for (QLabel *l : w.findChildren<QLabel *>())
            said = said || l->text().startsWith(QLatin1String("flash encryption on"));
        QVERIFY(said);
        auto *keyField = w.findChild<QLineEdit *>(QStringLiteral("flashEncryptionKey"));
        QVERIFY(keyField && keyField->isVisible());

        Image::FlashCryptParams params;
        params.key = QByteArray(32, '\x3C');
        params.address = 0x10000;
        QByteArray app = TestImages::buildImage(TestImages::c3App());
        app.append(QByteArray((128 - app.size() % 128) % 128, char(0xFF)));
        auto encrypted = Image::flashEncrypt(params, app);
        QVERIFY(encrypted);
        QFile image(dir.filePath(QStringLiteral("app-enc.bin")));
        QVERIFY(image.open(QIODevice::WriteOnly));
        image.write(*encrypted);
        image.close();
        QFile key(dir.filePath(QStringLiteral("key.bin")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(params.key);
        key.close();
        w.setPayloadFile(image.fileName());
        w.setFlashEncryptionKeyFile(key.fileName());
        w.selectPartition(QStringLiteral("ota_0"));
        if (!w.canWrite())
            w.setWriteAnyway(true);
        w.write();
        QVERIFY(!waitJob(w));
        QVERIFY2(w.bannerText().contains(QLatin1String("encrypted for 0x10000 (factory)")),
                 qPrintable(w.bannerText()));
        w.selectPartition(QStringLiteral("factory"));
        w.write();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        QCOMPARE(board.device().flash().read(0x10000, quint32(encrypted->size())), *encrypted);
    }

    // An app written into an OTA slot: "make it the boot partition" is offered (on by
    // default) beside the write, otadata is rewritten and backed up, and the board boots it;
    // unticked, the banner says otadata still selects the other slot.
    void appIntoOtaSlotBecomesTheBootPartition()
    {
        QTemporaryDir dir;
        Sim::RomBoardConfig cfg;
        cfg.chipKey = QStringLiteral("esp32c3");
        cfg.revision = QStringLiteral("v0.4");
        cfg.timing = false;
        cfg.image = Sim::RomBoardConfig::imageWithPartitionTable(
            QStringLiteral("nvs, data, nvs, 0x9000, 0x4000\notadata, data, ota, 0xd000, 0x2000\n"
                           "ota_0, app, ota_0, 0x10000, 1M\nota_1, app, ota_1, 0x110000, 1M\n"));
        Sim::RomSerialServer board(cfg);
        auto address = board.listenPty();
        QVERIFY(address);
        FlashWorkspace w;
        w.resize(1024, 768);
        w.setBackupDirectory(dir.filePath(QStringLiteral("backups")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setPortText(*address);
        w.connectBoard();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        auto *setBoot = w.findChild<QCheckBox *>(QStringLiteral("flashSetBoot"));
        QVERIFY(setBoot);
        w.selectPartition(QStringLiteral("nvs"));
        QVERIFY(!setBoot->isVisible());
        w.selectPartition(QStringLiteral("ota_1"));
        QVERIFY(setBoot->isVisible());
        QVERIFY(setBoot->isChecked());

        QFile image(dir.filePath(QStringLiteral("app.bin")));
        QVERIFY(image.open(QIODevice::WriteOnly));
        image.write(TestImages::buildImage(TestImages::c3App()));
        image.close();
        w.setPayloadFile(image.fileName());
        if (!w.canWrite())
            w.setWriteAnyway(true);
        w.write();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        QVERIFY2(w.bannerText().contains(QLatin1String("The bootloader now starts ota_1")),
                 qPrintable(w.bannerText()));
        const QString boot = QString::fromUtf8(board.device().bootBanner(false));
        QVERIFY2(boot.contains(QLatin1String("ota_1 at 0x110000 would start")), qPrintable(boot));
        QCOMPARE(w.backupCount(), 2); // ota_1's old contents and otadata's
        QDir().mkpath(QStringLiteral(TEST_BUILD_DIR "/screenshots"));
        QVERIFY(w.grab().save(QStringLiteral(TEST_BUILD_DIR "/screenshots/flash-set-boot.png")));

        w.selectPartition(QStringLiteral("ota_0"));
        QVERIFY(setBoot->isChecked());
        w.setMakeBootPartition(false);
        w.write();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        QVERIFY2(w.bannerText().contains(QLatin1String("otadata still selects ota_1")),
                 qPrintable(w.bannerText()));
    }

    void errorsAreShownNotThrown()
    {
        QTemporaryDir dir;
        FlashWorkspace w;
        w.setBackupDirectory(dir.path());
        w.setPortText(QStringLiteral("socket://127.0.0.1:1"));
        w.connectBoard();
        QVERIFY(!waitJob(w, 20000));
        QVERIFY2(w.bannerText().contains(QLatin1String("Could not connect")),
                 qPrintable(w.bannerText()));
    }
};

QTEST_MAIN(TestFlashWorkspace)
#include "tst_flashworkspace.moc"
