// SPDX-License-Identifier: GPL-3.0-or-later
// `forgeline-cli station --watch-pattern`: a line with no port list, where boards are plugged
// in one after another. Plugging in is what udev does: a by-id symlink to the device node
// appears (here to a virtual board's pseudo-terminal). Ctrl+C (SIGTERM) on an idle line ends
// it normally.
#include "stationtesthelpers.h"

#include "core/station/records.h"
#include "core/station/stationdatabase.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Forgeline;
using namespace StationTest;

class TestStationWatch : public QObject
{
    Q_OBJECT

    static QList<QJsonObject> events(QProcess &p, QByteArray &buffer)
    {
        buffer += p.readAllStandardOutput();
        QList<QJsonObject> out;
        for (const QByteArray &line : buffer.split('\n'))
            if (!line.trimmed().isEmpty())
                out << QJsonDocument::fromJson(line).object();
        return out;
    }
    static int count(const QList<QJsonObject> &events, const QString &kind)
    {
        int n = 0;
        for (const QJsonObject &e : events)
            n += e.value(QStringLiteral("event")).toString() == kind;
        return n;
    }

private Q_SLOTS:
    void boardsPluggedInOneAfterAnother()
    {
        QTemporaryDir dir;
        const QString pool = dir.filePath(QStringLiteral("pool"));
        QVERIFY(makePool(pool, 3));
        const QString byId = dir.filePath(QStringLiteral("by-id"));
        UsbBoards line;
        QVERIFY(makeUsbBoards(line, 2, 500, byId));
        const QList<VirtualBoard *> &raw = line.boards;
        // A port that is not a board's bridge: never started.
        QVERIFY(QFile::link(QStringLiteral("/dev/null"),
                            byId + QStringLiteral("/usb-Logitech_Mouse-if00")));

        const QString recipePath = dir.filePath(QStringLiteral("recipe.json"));
        {
            QFile f(recipePath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(recipeJson(raw)).toJson());
        }
        const QString db
            = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("line.sqlite"));
        QProcess cli;
        cli.setProcessChannelMode(QProcess::SeparateChannels);
        cli.start(QStringLiteral(FORGELINE_CLI_PATH),
                  {QStringLiteral("station"), QStringLiteral("--recipe"), recipePath,
                   QStringLiteral("--pool"), pool, QStringLiteral("--db"), db,
                   QStringLiteral("--operator"), QStringLiteral("kim"),
                   QStringLiteral("--watch-pattern"), byId + QStringLiteral("/usb-Silicon_Labs*"),
                   QStringLiteral("--json")});
        QVERIFY(cli.waitForStarted());
        QByteArray out;
        // Ports present at the watcher's first scan are its baseline: plug in only after it.
        QTRY_VERIFY_WITH_TIMEOUT(count(events(cli, out), QStringLiteral("watching")) == 1, 60000);
        QCOMPARE(cli.state(), QProcess::Running);

        for (int i = 0; i < 2; ++i) {
            QVERIFY(line.plug(i));
            // The boards' servers live on this event loop: wait without blocking it.
            QTRY_VERIFY_WITH_TIMEOUT(count(events(cli, out), QStringLiteral("result")) == i + 1,
                                     60000);
        }
        const auto all = events(cli, out);
        QCOMPARE(count(all, QStringLiteral("appeared")), 2);
        for (const QJsonObject &e : all) {
            if (e.value(QStringLiteral("event")).toString() == QStringLiteral("result"))
                QCOMPARE(e.value(QStringLiteral("result")).toString(), QStringLiteral("pass"));
            QVERIFY(
                !e.value(QStringLiteral("port")).toString().contains(QStringLiteral("Logitech")));
        }
        QCOMPARE(cli.state(), QProcess::Running); // an idle watching line waits for more

        cli.terminate();
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 10000);
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 0);
        const auto final = events(cli, out);
        QCOMPARE(final.last().value(QStringLiteral("event")).toString(), QStringLiteral("summary"));
        QCOMPARE(final.last().value(QStringLiteral("passed")).toInt(), 2);
        QVERIFY(!out.contains("factory-pass-123"));

        Station::StationDatabase database;
        QVERIFY(database.open(db));
        Station::RecordStore store(database);
        auto records = store.list();
        QVERIFY(records);
        QCOMPARE(records->size(), 2);
        for (const auto &r : *records)
            QCOMPARE(r.operatorName, QStringLiteral("kim"));
        for (VirtualBoard *b : raw)
            QVERIFY(b->flash().contains("-----BEGIN CERTIFICATE-----"));
    }
};

QTEST_GUILESS_MAIN(TestStationWatch)
#include "tst_stationwatch.moc"
