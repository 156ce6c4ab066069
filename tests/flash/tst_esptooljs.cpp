// SPDX-License-Identifier: GPL-3.0-or-later
// The virtual board as a third-party flasher sees it: Espressif's esptool-js (from the npm
// registry, installed into the build tree on first run) runs its whole connect sequence
// (sync, chip detection, description, features, crystal, MAC, stub upload, baud change,
// flash id) against every chip the board can be, over TCP. Any warning it prints fails.
#include "core/flasher/chipdatabase.h"
#include "core/sim/romdevice.h"
#include "core/sim/romserialserver.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Forgeline;

namespace {

// Pinned so a new esptool-js release cannot change what this test means.
const QString EsptoolJsPackage = QStringLiteral("esptool-js@0.7.0");

QString moduleRoot() { return QStringLiteral(TEST_BUILD_DIR "/npm"); }

QString moduleDir() { return moduleRoot() + QStringLiteral("/node_modules/esptool-js"); }

} // namespace

class TestEsptoolJs : public QObject
{
    Q_OBJECT

    QString m_node;

private Q_SLOTS:
    void initTestCase()
    {
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        if (m_node.isEmpty() || npm.isEmpty())
            QSKIP("node and npm are not installed: esptool-js cannot be fetched and run");
        if (QFileInfo::exists(moduleDir() + QStringLiteral("/lib/index.js")))
            return;
        QDir().mkpath(moduleRoot());
        QProcess install;
        install.setWorkingDirectory(moduleRoot());
        install.setProcessChannelMode(QProcess::MergedChannels);
        install.start(npm, {QStringLiteral("install"), QStringLiteral("--no-audit"),
                            QStringLiteral("--no-fund"), QStringLiteral("--prefix"), moduleRoot(),
                            EsptoolJsPackage});
        QVERIFY2(install.waitForFinished(300000) && install.exitCode() == 0,
                 qPrintable(QStringLiteral("npm install %1 failed: %2")
                                .arg(EsptoolJsPackage, QString::fromLocal8Bit(install.readAll()))));
    }

    void connectWithoutWarnings_data()
    {
        QTest::addColumn<QString>("chip");
        for (const Flasher::ChipDescription &c : Flasher::ChipDatabase::instance().chips())
            QTest::newRow(qPrintable(c.key)) << c.key;
    }

    void connectWithoutWarnings()
    {
        QFETCH(QString, chip);
        Sim::RomBoardConfig config;
        config.chipKey = chip;
        config.timing = true; // bytes paced at the baud rate, so the baud change is real
        Sim::RomSerialServer board(config);
        const Result<QString> address = board.listenTcp(0);
        QVERIFY2(address.ok(), address.ok() ? "" : qPrintable(address.error().message));
        const QString port = address->section(QLatin1Char(':'), -1);

        QProcess node;
        node.setProcessChannelMode(QProcess::MergedChannels);
        node.start(m_node, {QStringLiteral(ESPTOOLJS_SCRIPT), moduleDir(),
                            QStringLiteral("127.0.0.1"), port, QStringLiteral("460800")});
        QVERIFY(node.waitForStarted());
        // The board lives on this thread's event loop: spin it while esptool-js talks.
        QTRY_VERIFY_WITH_TIMEOUT(node.state() == QProcess::NotRunning, 120000);
        const QString output = QString::fromUtf8(node.readAll());
        QVERIFY2(node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0,
                 qPrintable(output));
        const Flasher::ChipDescription *c = Flasher::ChipDatabase::instance().byKey(chip);
        QVERIFY(c);
        QVERIFY2(output.contains(QStringLiteral("Chip is ") + c->name), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("Stub running...")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("Flash ID: ")), qPrintable(output));
        // The sequence must not have needed a second attempt at detection.
        QVERIFY2(!output.contains(QStringLiteral("trying again")), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestEsptoolJs)
#include "tst_esptooljs.moc"
