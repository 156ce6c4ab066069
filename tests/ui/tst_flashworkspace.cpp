// SPDX-License-Identifier: GPL-3.0-or-later
// The Flash workspace, offscreen, against the in-process virtual board on a real pty:
// connect, write a certificate by partition name, verify, restore the backup.
#include "core/sim/romserialserver.h"
#include "ui/flash/flashworkspace.h"

#include "flashjobwait.h"

#include <QDir>
#include <QFile>
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
        w.setVirtualBoardTiming(false);
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
        QVERIFY(w.payloadSummary().contains(QStringLiteral("%1 bytes as pem-nul").arg(cert.size() + 1)));
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

    void errorsAreShownNotThrown()
    {
        QTemporaryDir dir;
        FlashWorkspace w;
        w.setBackupDirectory(dir.path());
        w.setPortText(QStringLiteral("socket://127.0.0.1:1"));
        w.connectBoard();
        QVERIFY(!waitJob(w, 20000));
        QVERIFY2(w.bannerText().contains(QLatin1String("Could not connect")), qPrintable(w.bannerText()));
    }
};

QTEST_MAIN(TestFlashWorkspace)
#include "tst_flashworkspace.moc"
