// SPDX-License-Identifier: GPL-3.0-or-later
// The preflight inside the Flash workspace, offscreen, against the virtual board: an oversized
// chain (made with OpenSSL here) shows red and disables Write; "Write anyway" enables it and is
// logged; a good pair shows green. Partition sizes come from the table read from the board.
#include "core/common/logger.h"
#include "core/sim/romserialserver.h"
#include "ui/flash/flashworkspace.h"
#include "ui/preflight/preflightpanel.h"
#include "workspacetestaccess.h"

#include "../preflight/preflightfixtures.h"
#include "flashjobwait.h"

#include <QCheckBox>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Forgeline;
using namespace Forgeline::Ui;
using namespace PreflightFixtures;
using FlashJobWait::waitJob;

namespace {

bool preflightSettled(const FlashWorkspace &w)
{
    return !w.preflightPanel()->isRunning() && w.preflightPanel()->lastResult().has_value();
}

const Tls::PreflightCheck *findCheck(const FlashWorkspace &w, const char *id)
{
    const auto &last = w.preflightPanel()->lastResult();
    return last && last->ok() ? last->value().find(QString::fromLatin1(id)) : nullptr;
}

} // namespace

class TestFlashPreflight : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redGatesWriteGreenAllows()
    {
        QTemporaryDir dir;
        Pki pki;
        pki.dir = dir.path();
        const QString ca = pki.writeCa();

        // Leaf + intermediate in one PEM file (as often shipped): about 4.5 KiB of DER, more than
        // the 4096-byte TX buffer of IDF 4.0, yet the PEM fits the 8 KiB cert partition.
        const IssuedChain big = makeOversizedChain(pki);
        const QString bigCert = pki.path(QStringLiteral("big.pem"));
        const QString bigKeyFile = pki.path(QStringLiteral("big.key"));
        QVERIFY(writeFile(bigCert, certPem(big.leaf) + certPem(big.intermediate)));
        QVERIFY(writeFile(bigKeyFile, keyBytes(big.key, KeyForm::Pkcs8Pem)));

        const KeyPtr goodKey = makeKey(QStringLiteral("ec:P-256"));
        const CertPtr goodLeaf
            = makeCert(QStringLiteral("device-good"), goodKey, pki.ca, pki.caKey);
        const QString goodCert = pki.path(QStringLiteral("good.pem"));
        const QString goodKeyFile = pki.path(QStringLiteral("good.key"));
        QVERIFY(writeFile(goodCert, certPem(goodLeaf)));
        QVERIFY(writeFile(goodKeyFile, keyBytes(goodKey, KeyForm::Pkcs8Pem)));

        FlashWorkspace w;
        w.resize(1400, 980);
        w.setBackupDirectory(dir.filePath(QStringLiteral("backups")));
        Forgeline::Ui::WorkspaceTestAccess::setVirtualBoardTiming(w, false);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *writeButton = w.findChild<QPushButton *>(QStringLiteral("flashWrite"));
        auto *writeAnyway = w.findChild<QCheckBox *>(QStringLiteral("flashWriteAnyway"));
        QVERIFY(writeButton && writeAnyway);
        // The target picker and device-clock choice are part of the workspace.
        QVERIFY(w.preflightPanel()->isVisible());
        QCOMPARE(w.preflightPanel()->target(), QStringLiteral("idf-4.0"));

        w.startVirtualBoard();
        w.connectBoard();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        w.preflightPanel()->setDeviceClock(Tls::DeviceClock::Synced);

        // Choosing the certificate to write puts it into the preflight; the key completes the pair.
        w.selectPartition(QStringLiteral("cert"));
        w.setPayloadFile(bigCert);
        w.setPreflightFiles(bigCert, bigKeyFile, {}, {ca});
        QVERIFY(!w.canWrite()); // not before the answer is in
        QTRY_VERIFY_WITH_TIMEOUT(preflightSettled(w), 30000);
        QVERIFY(w.preflightPanel()->hasRed());
        const Tls::PreflightCheck *size = findCheck(w, "certificate-message-size");
        QVERIFY(size);
        QCOMPARE(size->status, Tls::PreflightCheck::Status::Fail);
        QCOMPARE(size->predictedError, QStringLiteral("-0x7500"));
        // The partition size was read from the board: the PEM chain fits the 8 KiB cert partition.
        const Tls::PreflightCheck *part = findCheck(w, "partition-size");
        QVERIFY(part);
        QCOMPARE(part->status, Tls::PreflightCheck::Status::Pass);
        QVERIFY2(part->message.contains(QLatin1String("of 8192 bytes")), qPrintable(part->message));
        QVERIFY2(part->message.contains(QLatin1String("of 4096 bytes")),
                 qPrintable(part->message)); // the "key" partition

        QVERIFY(!writeButton->isEnabled());
        QVERIFY(!w.canWrite());
        QVERIFY2(w.writeGateText().contains(QLatin1String("refused")),
                 qPrintable(w.writeGateText()));
        QVERIFY(w.writeGateText().contains(QLatin1String("-0x7500")));
        QVERIFY(writeAnyway->isVisible());
        QVERIFY(!writeAnyway->isChecked());
        const QByteArray before = w.virtualBoard()->device().flash().read(0x110000, 0x2000);
        w.write(); // called directly, the gate still holds
        QVERIFY(w.bannerText().contains(QLatin1String("refused")));
        QVERIFY(!w.isBusy());
        QCOMPARE(w.virtualBoard()->device().flash().read(0x110000, 0x2000), before);

        QDir().mkpath(QStringLiteral(TEST_BUILD_DIR "/screenshots"));
        QVERIFY(w.grab().save(QStringLiteral(TEST_BUILD_DIR "/screenshots/flash-preflight.png")));

        // The explicit override enables Write, and the write is recorded as an override.
        writeAnyway->click();
        QVERIFY(writeAnyway->isChecked());
        QVERIFY(writeButton->isEnabled());
        QList<LogEntry> logged;
        auto conn = connect(&Logger::instance(), &Logger::entryAdded, this,
                            [&logged](const LogEntry &e) { logged << e; });
        QTest::mouseClick(writeButton, Qt::LeftButton);
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        disconnect(conn);
        bool overrideLogged = false;
        for (const LogEntry &e : std::as_const(logged)) {
            overrideLogged |= e.level == LogEntry::Level::Warning
                              && e.message.contains(QLatin1String("Preflight override"))
                              && e.message.contains(QLatin1String("certificate-message-size"));
            QVERIFY(!e.message.contains(QLatin1String("PRIVATE KEY")));
        }
        QVERIFY(overrideLogged);
        QByteArray expected = (certPem(big.leaf) + certPem(big.intermediate)) + QByteArray(1, '\0');
        expected.append(QByteArray(0x2000 - expected.size(), char(0xFF)));
        QCOMPARE(w.virtualBoard()->device().flash().read(0x110000, 0x2000), expected);

        // A good pair: green, Write enabled without any override.
        w.setPayloadFile(goodCert);
        w.setPreflightFiles(goodCert, goodKeyFile, {}, {ca});
        QTRY_VERIFY_WITH_TIMEOUT(preflightSettled(w) && !w.preflightPanel()->hasRed(), 30000);
        for (const Tls::PreflightCheck &c : w.preflightPanel()->lastResult()->value().checks)
            QVERIFY2(c.status != Tls::PreflightCheck::Status::Fail,
                     qPrintable(c.id + QLatin1String(": ") + c.message));
        QVERIFY(!writeAnyway->isVisible());
        QVERIFY(!writeAnyway->isChecked());
        QVERIFY(writeButton->isEnabled());
        QVERIFY(w.writeGateText().isEmpty());

        // Changing the target re-runs the check (IDF 5.2 still has room for a small certificate).
        QSignalSpy runs(w.preflightPanel(), &PreflightPanel::runStarted);
        w.preflightPanel()->setTarget(QStringLiteral("idf-5.2"));
        QTRY_VERIFY_WITH_TIMEOUT(runs.count() >= 1 && preflightSettled(w), 30000);
        QCOMPARE(w.preflightPanel()->lastResult()->value().target.id, QStringLiteral("idf-5.2"));

        // So do the device clock and the partition the certificate goes to (its size from the table).
        runs.clear();
        w.preflightPanel()->setDeviceClock(Tls::DeviceClock::Unset);
        QTRY_VERIFY_WITH_TIMEOUT(runs.count() >= 1 && preflightSettled(w), 30000);
        QCOMPARE(w.preflightPanel()->lastResult()->value().deviceClock, Tls::DeviceClock::Unset);
        runs.clear();
        w.selectPartition(QStringLiteral("storage"));
        QTRY_VERIFY_WITH_TIMEOUT(runs.count() >= 1 && preflightSettled(w), 30000);
        part = findCheck(w, "partition-size");
        QVERIFY(part);
        QVERIFY2(part->message.contains(QLatin1String("of 1048576 bytes")),
                 qPrintable(part->message));
    }

    // Only a certificate chosen (no key yet): nothing to check, writing works as before.
    void noPairNoGate()
    {
        QTemporaryDir dir;
        Pki pki;
        pki.dir = dir.path();
        const KeyPtr key = makeKey(QStringLiteral("ec:P-256"));
        const QString cert = pki.path(QStringLiteral("only.pem"));
        QVERIFY(writeFile(cert, certPem(makeCert(QStringLiteral("only"), key, pki.ca, pki.caKey))));
        FlashWorkspace w;
        w.setBackupDirectory(dir.filePath(QStringLiteral("backups")));
        w.setPayloadFile(cert);
        QVERIFY(w.writeGateText().isEmpty());
        QVERIFY(!w.preflightPanel()->isRunning());
    }
};

QTEST_MAIN(TestFlashPreflight)
#include "tst_flashpreflight.moc"
