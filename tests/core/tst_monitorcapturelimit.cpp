// SPDX-License-Identifier: GPL-3.0-or-later
// A capture that reaches the largest file its file system takes (FAT32 stops at 4 GiB) or a
// file size limit, without writing gigabytes: RLIMIT_FSIZE makes the kernel answer EFBIG at a
// small size, exactly as it does at 4 GiB on FAT32. The capture stops with a status that says
// how far it got; the watch goes on; the counters keep counting.
#include "../monitor/rawpty.h"
#include "core/monitor/serialmonitor.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

#include <sys/resource.h>
#include <unistd.h>

using namespace Forgeline::Monitor;

class TestMonitorCaptureLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aCaptureAtTheFileSizeLimitEndsWithAClearStatus()
    {
        constexpr rlim_t Limit = 256 * 1024;
        rlimit old{};
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &old) == 0);
        if (old.rlim_max != RLIM_INFINITY && old.rlim_max < Limit)
            QSKIP("the file size limit is already below the test's");
        // Past the limit the kernel also sends SIGXFSZ, which would end the process.
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        QTemporaryDir dir;
        Forgeline::TestSupport::RawPty pty;
        QVERIFY(pty.open());
        const int master = pty.master;
        MonitorOptions options;
        options.port = pty.name;
        options.capturePath = dir.filePath(QStringLiteral("capture.log"));
        options.tailLines = 100;
        SerialMonitor monitor(options);
        QList<StatusEvent> statuses;
        bool ended = false;
        connect(&monitor, &SerialMonitor::monitorEvent, this, [&](const MonitorEvent &e) {
            if (const auto *s = std::get_if<StatusEvent>(&e))
                statuses << *s;
            ended = ended || std::holds_alternative<EndEvent>(e);
        });
        const rlimit limited{Limit, old.rlim_max};
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
        monitor.start();
        QTRY_VERIFY(!statuses.isEmpty());

        // Four times the limit of plain lines; each line is 40 bytes in the capture.
        constexpr int Lines = 4 * int(Limit) / 40;
        QByteArray text;
        for (int i = 1; i <= Lines; ++i)
            text += "I (" + QByteArray::number(100000 + i) + ") app: line "
                    + QByteArray::number(1000000 + i) + " of the soak\n";
        qsizetype written = 0;
        while (written < text.size()) {
            const ssize_t n
                = ::write(master, text.constData() + written, size_t(text.size() - written));
            if (n > 0)
                written += n;
            QTest::qWait(n > 0 ? 0 : 5);
        }
        QTRY_COMPARE_WITH_TIMEOUT(monitor.linesSeen(), qint64(Lines), 30000);
        QCOMPARE(monitor.bytesSeen(), qint64(text.size()));
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);

        QString message;
        for (const StatusEvent &s : std::as_const(statuses))
            if (s.kind == QLatin1String("capture-failed"))
                message = s.message;
        QVERIFY2(!message.isEmpty(), "no capture-failed status");
        // How far it got (about the limit, in MB) and that watching goes on.
        QVERIFY2(message.contains(QLatin1String("after 0.2 MB"))
                     || message.contains(QLatin1String("after 0.3 MB")),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("Still watching")), qPrintable(message));
        QVERIFY(!ended);
        QVERIFY(monitor.isRunning());
        QVERIFY(monitor.tail().back().text.contains(QString::number(1000000 + Lines)));
        const qint64 onDisk = QFileInfo(options.capturePath).size();
        QVERIFY2(onDisk > 0 && onDisk <= qint64(Limit), qPrintable(QString::number(onDisk)));
        QVERIFY(monitor.captureBytes() >= onDisk);
        QVERIFY(monitor.captureBytes() < qint64(text.size()));
        monitor.stop();
    }
};

QTEST_GUILESS_MAIN(TestMonitorCaptureLimit)
#include "tst_monitorcapturelimit.moc"
