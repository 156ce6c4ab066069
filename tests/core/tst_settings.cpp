// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/settings.h"

#include <QFile>
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
        s.stationOperator = QStringLiteral("dana");
        s.stationPool = QStringLiteral("/srv/pool");
        s.stationDatabaseUrl = QStringLiteral("postgresql://line3@db.local:5432/forgeline");
        s.stationRecipeFile = QStringLiteral("/srv/line3.json");
        s.stationWatchPattern = QStringLiteral("/dev/serial/by-id/usb-Silicon_Labs*");
        s.save(store);
        QCOMPARE(Settings::load(store), s);
        QCOMPARE(store.value(QStringLiteral("settingsVersion")).toInt(), Settings::CurrentVersion);
    }

    void databasePasswordIsNotKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.ini"));
        {
            QSettings store(path, QSettings::IniFormat);
            Settings s;
            s.stationDatabaseUrl
                = QStringLiteral("postgresql://line3:Wq9-not-in-file@db.local/forgeline");
            s.save(store);
            QCOMPARE(Settings::load(store).stationDatabaseUrl,
                     QStringLiteral("postgresql://line3@db.local/forgeline"));
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray ini = f.readAll();
        QVERIFY(ini.contains("db.local"));
        QVERIFY(!ini.contains("Wq9-not-in-file"));
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
