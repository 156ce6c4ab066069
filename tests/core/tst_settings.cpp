// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/settings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Forgeline;

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        QTemporaryDir dir;
        QSettings store(dir.filePath(QStringLiteral("f.ini")), QSettings::IniFormat);
        Settings s;
        s.decodeMbedtlsVersion = QStringLiteral("2.28");
        s.decodeIdfVersion = QStringLiteral("4.4");
        s.lastWorkspace = QStringLiteral("flash");
        s.flashBaudRate = 460800;
        s.backupBeforeWrite = false;
        s.save(store);
        QCOMPARE(Settings::load(store), s);
        QCOMPARE(store.value(QStringLiteral("settingsVersion")).toInt(), Settings::CurrentVersion);
    }

    void badValuesFallBackToDefaults()
    {
        QTemporaryDir dir;
        QSettings store(dir.filePath(QStringLiteral("f.ini")), QSettings::IniFormat);
        store.setValue(QStringLiteral("decode/mbedtlsVersion"), QStringLiteral("9.9"));
        store.setValue(QStringLiteral("flash/baudRate"), QStringLiteral("fast"));
        const Settings s = Settings::load(store);
        QVERIFY(s.decodeMbedtlsVersion.isEmpty());
        QCOMPARE(s.flashBaudRate, Settings{}.flashBaudRate);
        QVERIFY(s.backupBeforeWrite); // backups are on unless the user turned them off
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
