// SPDX-License-Identifier: GPL-3.0-or-later
// The Monitor workspace on a real pseudo-terminal: a board's log (a real mbedTLS 2.28 debug
// log of a handshake the server refused) arrives byte by byte, the findings strip turns red
// with the diagnosis, codes become links, and "Diagnose this" hands the capture over.
#include "core/monitor/monitorevents.h"
#include "ui/flash/flashworkspace.h"
#include "ui/monitor/monitorlogmodel.h"
#include "ui/monitor/monitorworkspace.h"
#include "ui/shell/mainwindow.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

using namespace Forgeline;
using namespace Forgeline::Ui;

namespace {

struct Pty
{
    int master = -1;
    int slave = -1;
    QString path;
    Pty()
    {
        char name[256] = {};
        if (::openpty(&master, &slave, name, nullptr, nullptr) != 0)
            return;
        termios t{};
        ::tcgetattr(slave, &t);
        ::cfmakeraw(&t);
        ::tcsetattr(slave, TCSANOW, &t);
        ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
        path = QString::fromLocal8Bit(name);
    }
    ~Pty()
    {
        ::close(master);
        ::close(slave);
    }
    // Writes everything, letting the event loop run while the pty is full.
    void write(const QByteArray &bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n
                = ::write(master, bytes.constData() + done, size_t(bytes.size() - done));
            if (n > 0)
                done += n;
            else
                QTest::qWait(5);
        }
    }
};

QByteArray boardLog()
{
    QFile f(QStringLiteral(TESTDATA_DIR "/logs/host228_client_certificate_required.log"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    // As a board prints it: CRLF and ESP-IDF colours on the E/W/I lines.
    QByteArray out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("E "))
            out += "\x1b[0;31m" + line + "\x1b[0m\r\n";
        else if (line.startsWith("W "))
            out += "\x1b[0;33m" + line + "\x1b[0m\r\n";
        else if (line.startsWith("I "))
            out += "\x1b[0;32m" + line + "\x1b[0m\r\n";
        else
            out += line + "\r\n";
    }
    return out;
}

} // namespace

class TestMonitorWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failingHandshakeTurnsTheStripRed()
    {
        Pty pty;
        QVERIFY(!pty.path.isEmpty());
        const QByteArray log = boardLog();
        QVERIFY(!log.isEmpty());

        MonitorWorkspace w;
        w.resize(1024, 768);
        w.show();
        w.setPort(pty.path);
        QSignalSpy handshakes(&w, &MonitorWorkspace::handshakeSeen);
        w.start();
        QTRY_VERIFY(w.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QLabel *>(QStringLiteral("monitorState"))
                                     ->text()
                                     .contains(QStringLiteral("Watching")),
                                 10000);
        pty.write(log);
        QTRY_VERIFY_WITH_TIMEOUT(handshakes.size() >= 1, 30000);
        QCOMPARE(handshakes.first().first().toBool(), false);
        QVERIFY(w.lastHandshake());
        QCOMPARE(w.lastHandshake()->topDiagnosisId(),
                 QStringLiteral("client-certificate-required"));
        QVERIFY(w.findingsStrip()->isVisible());
        QVERIFY(w.findingsStrip()->text().contains(QStringLiteral("client-certificate-required")));
        QCOMPARE(w.findingsStrip()->tone(), Tone::Error);
        auto *codes = w.findChild<QLabel *>(QStringLiteral("decodedCodes"));
        QVERIFY(codes->isVisible());
        QVERIFY(codes->text().contains(QStringLiteral("href=\"decode:-0x")));

        // Colour codes are gone from the text; the level drives the colour instead.
        QTRY_VERIFY(w.logModel()->rowCount() >= 1000);
        bool sawError = false;
        for (int r = 0; r < w.logModel()->rowCount(); ++r) {
            const QModelIndex i = w.logModel()->index(r);
            QVERIFY(!i.data().toString().contains(QLatin1Char('\x1b')));
            if (i.data(MonitorLogModel::LevelRole).toString() == QLatin1String("E")) {
                sawError = true;
                QVERIFY(i.data(Qt::ForegroundRole).isValid());
            }
        }
        QVERIFY(sawError);

        // A code link opens Decode.
        QSignalSpy decode(&w, &MonitorWorkspace::decodeRequested);
        Q_EMIT codes->linkActivated(QStringLiteral("decode:-0x7780"));
        QCOMPARE(decode.size(), 1);
        QCOMPARE(decode.first().first().toString(), QStringLiteral("-0x7780"));

        // The filter narrows the view, not the log.
        w.setFilter(QStringLiteral("mbedtls_ssl_handshake returned"));
        QVERIFY(w.logView()->model()->rowCount() >= 1);
        QVERIFY(w.logView()->model()->rowCount() < 5);
        w.setFilter({});

        QDir().mkpath(QStringLiteral(TEST_BUILD_DIR "/screenshots"));
        QVERIFY(w.grab().save(QStringLiteral(TEST_BUILD_DIR "/screenshots/monitor.png")));

        // "Diagnose this" hands the failing connection over as a file.
        QSignalSpy diagnose(&w, &MonitorWorkspace::diagnoseRequested);
        w.diagnoseThis();
        QCOMPARE(diagnose.size(), 1);
        const QString capture = diagnose.first().first().toString();
        QFile f(capture);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("mbedtls_ssl_handshake returned"));
        f.close();
        QFile::remove(capture);

        // Pause holds new lines back; resume shows them.
        w.setPaused(true);
        const int before = w.logModel()->rowCount();
        pty.write("I (99999) app: while paused\r\n");
        QTest::qWait(300);
        QCOMPARE(w.logModel()->rowCount(), before);
        w.setPaused(false);
        QTRY_COMPARE(w.logModel()->rowCount(), before + 1);
        w.stop();
        QVERIFY(!w.isRunning());
    }

    void aMillionLinesStayBounded()
    {
        MonitorWorkspace w;
        w.resize(1024, 768);
        w.show();
        MonitorLogModel *model = w.logModel();
        QCOMPARE(model->capacity(), MonitorLogModel::DefaultCapacity);
        QList<Monitor::LineEvent> batch;
        qint64 number = 0;
        for (int b = 0; b < 110; ++b) {
            batch.clear();
            for (int i = 0; i < 10000; ++i) {
                Monitor::LineEvent e;
                e.number = ++number;
                e.text = QStringLiteral(
                             "V (%1) mbedtls: ssl_msg.c:2054 0x7f: ssl->f_send() returned 300")
                             .arg(number);
                e.level = 'V';
                batch.append(e);
            }
            model->append(batch);
        }
        QCOMPARE(model->rowCount(), MonitorLogModel::DefaultCapacity);
        QCOMPARE(model->firstLineNumber(), 100001);
        QCOMPARE(w.logView()->model()->rowCount(), MonitorLogModel::DefaultCapacity);
        w.logView()->scrollToBottom();
        QTest::qWait(10);
        model->clear();
        QCOMPARE(model->rowCount(), 0);
    }

    void flashMonitorButtonOpensTheWorkspaceOnTheSamePort()
    {
        MainWindow window;
        auto *flash = qobject_cast<FlashWorkspace *>(window.workspace(QStringLiteral("flash")));
        auto *monitor
            = qobject_cast<MonitorWorkspace *>(window.workspace(QStringLiteral("monitor")));
        QVERIFY(flash && monitor);
        flash->setPortText(QStringLiteral("/dev/ttyUSB7"));
        auto *button = flash->findChild<QPushButton *>(QStringLiteral("openMonitor"));
        QVERIFY(button);
        button->click();
        QCOMPARE(window.currentWorkspace(), QStringLiteral("monitor"));
        QCOMPARE(monitor->port(), QStringLiteral("/dev/ttyUSB7"));
    }
};

QTEST_MAIN(TestMonitorWorkspace)
#include "tst_monitorworkspace.moc"
