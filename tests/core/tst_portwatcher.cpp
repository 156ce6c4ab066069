// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/portwatcher.h"

#include <QSignalSpy>
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
};

QTEST_GUILESS_MAIN(TestPortWatcher)
#include "tst_portwatcher.moc"
