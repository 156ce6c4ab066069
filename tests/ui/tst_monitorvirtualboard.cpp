// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's own virtual board, end to end (issue 16): started as `forgeline --virtual-board`
// starts it, opened in Monitor from Flash's Monitor button, reset into its application (the
// real mbedTLS firmware forgeline-sim runs), and its handshake with the in-process demo TLS
// server seen in the findings strip. Then a certificate from another CA: refused, and said so.
#include "core/sim/demopool.h"
#include "core/sim/demotlsserver.h"
#include "core/sim/romserialserver.h"
#include "core/sim/virtualfirmware.h"
#include "ui/flash/flashworkspace.h"
#include "ui/monitor/monitorlogmodel.h"
#include "ui/monitor/monitorworkspace.h"
#include "ui/shell/mainwindow.h"

#ifdef FORGELINE_HAVE_SIM_FIRMWARE
#include "core/simfirmware/installfirmware.h"
#endif

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace Forgeline;

namespace {

constexpr int HandshakeTimeoutMs = 60000; // ASan, a loaded CI machine, real key exchanges

bool logHas(const Ui::MonitorWorkspace &monitor, const QString &needle)
{
    for (const QString &line : monitor.logModel()->texts())
        if (line.contains(needle))
            return true;
    return false;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestMonitorVirtualBoard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
#ifdef FORGELINE_HAVE_SIM_FIRMWARE
        SimFirmware::installVirtualBoardFirmware();
#else
        QSKIP("built without libmbedtls-dev: the virtual board has no application firmware");
#endif
    }

    void demoBoardConnects()
    {
        Ui::MainWindow window;
        window.resize(1200, 800);
        window.show();
        window.startVirtualBoards(); // what --virtual-board does
        auto *flash = qobject_cast<Ui::FlashWorkspace *>(window.workspace(QStringLiteral("flash")));
        auto *monitor
            = qobject_cast<Ui::MonitorWorkspace *>(window.workspace(QStringLiteral("monitor")));
        QVERIFY(flash && monitor);
        QVERIFY(flash->virtualBoard());
        QVERIFY(Sim::VirtualFirmware::instance()->server());

        // Flash's Monitor button: the Monitor workspace on the same board, set to reset it.
        auto *open = flash->findChild<QPushButton *>(QStringLiteral("openMonitor"));
        QVERIFY(open);
        open->click();
        QCOMPARE(window.currentWorkspace(), QStringLiteral("monitor"));
        QCOMPARE(monitor->port(), flash->virtualBoard()->address());
        QVERIFY(monitor->findChild<QCheckBox *>(QStringLiteral("monitorReset"))->isChecked());
        monitor->start();

        QTRY_VERIFY_WITH_TIMEOUT(monitor->lastHandshake().has_value(), HandshakeTimeoutMs);
        QVERIFY2(monitor->lastHandshake()->ok, qPrintable(monitor->findingsStrip()->text()));
        QTRY_VERIFY(monitor->findingsStrip()->isVisible());
        QVERIFY2(
            monitor->findingsStrip()->text().contains(QStringLiteral("TLS handshake succeeded")),
            qPrintable(monitor->findingsStrip()->text()));
        // The board's own log: boot, Wi-Fi, the client certificate from flash, the handshake.
        QTRY_VERIFY(logHas(*monitor, QStringLiteral("MQTT_EVENT_CONNECTED")));
        QVERIFY(logHas(*monitor, QStringLiteral("2nd stage bootloader")));
        QVERIFY(logHas(*monitor, QStringLiteral("wifi:connected with FactoryNet")));
        QVERIFY(logHas(*monitor, QStringLiteral("Client certificate from")));
        QVERIFY(logHas(*monitor, QStringLiteral("=> handshake")));
        // And the server's side: it checked the demo pair against the demo pool's CA.
        QTRY_VERIFY(monitor->serverReportLabel()->isVisible());
        QVERIFY2(monitor->serverReportLabel()->text().contains(QStringLiteral("accepted demo0000")),
                 qPrintable(monitor->serverReportLabel()->text()));
        QVERIFY(Sim::VirtualFirmware::instance()->server()->handshakesOk() >= 1);
        // No secret reaches the log: the demo key stays in flash.
        const QByteArray key
            = readFile(Sim::defaultDemoPoolDirectory() + QStringLiteral("/demo0000.key"));
        QVERIFY(!key.isEmpty());
        const QByteArray keyBody = key.split('\n').value(1);
        QVERIFY(keyBody.size() > 20);
        for (const QString &line : monitor->logModel()->texts())
            QVERIFY(!line.contains(QString::fromLatin1(keyBody)));

        QDir().mkpath(QStringLiteral(TEST_BUILD_DIR "/screenshots"));
        QVERIFY(window.grab().save(
            QStringLiteral(TEST_BUILD_DIR "/screenshots/monitor-virtual-board.png")));
        monitor->stop();
    }

    void foreignCertificateIsRefused()
    {
        Ui::MainWindow window;
        window.show();
        window.startVirtualBoards();
        auto *flash = qobject_cast<Ui::FlashWorkspace *>(window.workspace(QStringLiteral("flash")));
        auto *monitor
            = qobject_cast<Ui::MonitorWorkspace *>(window.workspace(QStringLiteral("monitor")));
        QVERIFY(flash && monitor && flash->virtualBoard());
        // A pair from a CA the server does not know, in the raw cert and key partitions.
        QTemporaryDir other;
        QVERIFY(Sim::writeDemoPool(other.path(), 1, QStringLiteral("foreign")));
        Sim::FlashModel &chip = flash->virtualBoard()->device().flash();
        chip.erase(0x110000, 0x4000);
        chip.program(0x110000, readFile(other.filePath(QStringLiteral("foreign0000.crt"))));
        chip.program(0x112000, readFile(other.filePath(QStringLiteral("foreign0000.key"))));
        const int refusedBefore = Sim::VirtualFirmware::instance()->server()->handshakesFailed();

        monitor->setPort(flash->virtualBoard()->address());
        monitor->setResetIntoFirmware(true);
        monitor->start();
        QTRY_VERIFY_WITH_TIMEOUT(monitor->lastHandshake().has_value(), HandshakeTimeoutMs);
        QVERIFY2(!monitor->lastHandshake()->ok, qPrintable(monitor->findingsStrip()->text()));
        QTRY_VERIFY(
            monitor->findingsStrip()->text().contains(QStringLiteral("TLS handshake failed")));
        QTRY_VERIFY(Sim::VirtualFirmware::instance()->server()->handshakesFailed() > refusedBefore);
        QTRY_VERIFY(
            monitor->serverReportLabel()->text().contains(QStringLiteral("handshake failed")));
        monitor->stop();
    }
};

QTEST_MAIN(TestMonitorVirtualBoard)
#include "tst_monitorvirtualboard.moc"
