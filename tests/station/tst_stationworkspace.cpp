// SPDX-License-Identifier: GPL-3.0-or-later
// Four virtual boards through the Station workspace, offscreen; saves a screenshot.
#include "stationtesthelpers.h"

#include "ui/station/stationworkspace.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Forgeline;
using namespace StationTest;

class TestStationWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fourBoards()
    {
        QTemporaryDir dir;
        const QString pool = dir.filePath(QStringLiteral("pool"));
        QVERIFY(makePool(pool, 6));
        std::vector<std::unique_ptr<VirtualBoard>> boards;
        QList<VirtualBoard *> raw;
        QStringList ports;
        for (int i = 0; i < 4; ++i) {
            BoardOptions o;
            o.pty = i % 2 == 0;
            if (i == 3)
                o.wifiPassphrase = QStringLiteral("another-password"); // one red tile
            boards.push_back(makeBoard(300 + i, o));
            QVERIFY(boards.back());
            raw << boards.back().get();
            ports << boards.back()->port;
        }
        Ui::StationWorkspace w;
        w.resize(1200, 900);
        w.show();
        w.setOperatorName(QStringLiteral("dana"));
        w.setRecipeText(QString::fromUtf8(QJsonDocument(recipeJson(raw)).toJson()));
        w.setPorts(ports);
        w.setPoolDirectory(pool);
        w.setDatabaseUrl(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("gui.sqlite")));
        QSignalSpy done(&w, &Ui::StationWorkspace::finished);
        QVERIFY2(w.start(), qPrintable(w.statusText()));
        QCOMPARE(w.tileCount(), 4);
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().at(0).toInt(), 3);
        QCOMPARE(done.first().at(1).toInt(), 1);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(w.tileResult(ports[i]), QStringLiteral("pass"));
        QCOMPARE(w.tileResult(ports[3]), QStringLiteral("fail"));
        QCOMPARE(w.recordRows(), 4);
        const QString csv = dir.filePath(QStringLiteral("export.csv"));
        QVERIFY(w.exportRecords(csv, QStringLiteral("csv")));
        QCOMPARE(readFile(csv).trimmed().split('\n').size(), 5);

        const QString shots = QStringLiteral(TEST_BUILD_DIR "/screenshots");
        QDir().mkpath(shots);
        QVERIFY(w.grab().save(shots + QStringLiteral("/station.png")));
    }
};

QTEST_MAIN(TestStationWorkspace)
#include "tst_stationworkspace.moc"
