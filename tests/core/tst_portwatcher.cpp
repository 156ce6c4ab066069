// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/portwatcher.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Forgeline::Station::PortWatcher;

class TestPortWatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initialSetIsSilent_thenChangesSignal()
    {
        QStringList ports{QStringLiteral("/dev/ttyUSB0")};
        PortWatcher watcher;
        watcher.setPortLister([&ports] { return ports; });
        QSignalSpy appeared(&watcher, &PortWatcher::portAppeared);
        QSignalSpy gone(&watcher, &PortWatcher::portDisappeared);
        watcher.setInterval(10);
        watcher.start();
        QCOMPARE(appeared.count(), 0);
        ports << QStringLiteral("/dev/ttyUSB1");
        QVERIFY(appeared.wait(2000));
        QCOMPARE(appeared.count(), 1);
        QCOMPARE(appeared.at(0).at(0).toString(), QStringLiteral("/dev/ttyUSB1"));
        ports.removeAll(QStringLiteral("/dev/ttyUSB0"));
        QVERIFY(gone.wait(2000));
        QCOMPARE(gone.at(0).at(0).toString(), QStringLiteral("/dev/ttyUSB0"));
        QCOMPARE(appeared.count(), 1);
        watcher.stop();
        QVERIFY(!watcher.isActive());
    }

    // What udev does when a board is plugged in: a by-id symlink to the device node appears.
    // Only names matching the pattern count.
    void patternWatchesSymlinksToDevices()
    {
        QTemporaryDir dir;
        PortWatcher watcher;
        watcher.setPattern(dir.filePath(QStringLiteral("usb-Silicon_Labs*")));
        QSignalSpy appeared(&watcher, &PortWatcher::portAppeared);
        QSignalSpy gone(&watcher, &PortWatcher::portDisappeared);
        watcher.setInterval(10);
        watcher.start();
        const QString board
            = dir.filePath(QStringLiteral("usb-Silicon_Labs_CP2102_0001-if00-port0"));
        QVERIFY(QFile::link(QStringLiteral("/dev/null"), board));
        QVERIFY(QFile::link(QStringLiteral("/dev/null"),
                            dir.filePath(QStringLiteral("usb-FTDI_0002-if00-port0"))));
        QVERIFY(appeared.wait(2000));
        QTest::qWait(50);
        QCOMPARE(appeared.count(), 1);
        QCOMPARE(appeared.at(0).at(0).toString(), board);
        QVERIFY(QFile::remove(board));
        QVERIFY(gone.wait(2000));
        QCOMPARE(gone.at(0).at(0).toString(), board);
    }
};

QTEST_GUILESS_MAIN(TestPortWatcher)
#include "tst_portwatcher.moc"
