// SPDX-License-Identifier: GPL-3.0-or-later
// Every model of the GUI under QAbstractItemModelTester: filled with real data, refilled with
// less, emptied. The tester checks the model contract on every change (rows and indexes,
// parents, data roles); a broken contract fails here, not as a view glitch in the field.
// The records ladder is tested the same way in tests/records/tst_recordsworkspace.cpp, where
// real captures are made.
#include "../core/imagewriter.h"
#include "core/image/appimage.h"
#include "core/image/partitioncsv.h"
#include "core/monitor/monitorevents.h"
#include "core/protocomm/messages.h"
#include "core/station/records.h"
#include "core/tls/diagnosisengine.h"
#include "ui/diagnose/laddermodel.h"
#include "ui/diagnose/logfilemodel.h"
#include "ui/flash/partitiontablemodel.h"
#include "ui/image/imagesegmentmodel.h"
#include "ui/monitor/monitorlogmodel.h"
#include "ui/provision/scanresultmodel.h"
#include "ui/station/recordsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Forgeline;

namespace {

QString logPath(const char *name)
{
    return QStringLiteral(TESTDATA_DIR "/logs/") + QLatin1String(name);
}

Station::StationRecord record(int i, const QString &result)
{
    Station::StationRecord r;
    r.id = i;
    r.time = QDateTime::currentDateTimeUtc();
    r.station = QStringLiteral("st-1");
    r.mac = QStringLiteral("24:0a:c4:00:00:%1").arg(i, 2, 10, QLatin1Char('0'));
    r.result = Station::verdictFromName(result);
    r.error = result == QStringLiteral("pass") ? QString()
                                               : QStringLiteral("a long reason ").repeated(20);
    return r;
}

// Reads every cell in every role the views use, so data() runs on each index.
void readAll(const QAbstractItemModel &model)
{
    for (int r = 0; r < model.rowCount(); ++r)
        for (int c = 0; c < model.columnCount(); ++c)
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::ForegroundRole),
                             int(Qt::BackgroundRole), int(Qt::TextAlignmentRole)})
                (void)model.index(r, c).data(role);
    for (int c = 0; c < model.columnCount(); ++c)
        (void)model.headerData(c, Qt::Horizontal, Qt::DisplayRole);
}

QList<Monitor::LineEvent> monitorLines(qint64 first, int count)
{
    QList<Monitor::LineEvent> lines;
    const char levels[] = {'E', 'W', 'I', 'D', 'V', 0};
    for (int i = 0; i < count; ++i) {
        Monitor::LineEvent e;
        e.number = first + i;
        e.level = levels[i % 6];
        e.noise = i % 7 == 0;
        e.text = QStringLiteral("I (%1) wifi: line %1").arg(first + i);
        lines.append(e);
    }
    return lines;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

    static constexpr auto Mode = QAbstractItemModelTester::FailureReportingMode::QtTest;

private Q_SLOTS:
    void records()
    {
        Ui::RecordsModel model;
        QAbstractItemModelTester tester(&model, Mode);
        model.setRecords({record(1, QStringLiteral("pass")), record(2, QStringLiteral("fail")),
                          record(3, QStringLiteral("cancelled"))});
        QCOMPARE(model.rowCount(), 3);
        readAll(model);
        model.setRecords({record(4, QStringLiteral("pass"))});
        QCOMPARE(model.rowCount(), 1);
        model.setRecords({});
        QCOMPARE(model.rowCount(), 0);
    }

    void partitions()
    {
        Ui::PartitionTableModel model;
        QAbstractItemModelTester tester(&model, Mode);
        const auto table = Image::parsePartitionCsv(QStringLiteral(
            "nvs, data, nvs, 0x9000, 0x6000,\nphy_init, data, phy, 0xf000, 0x1000,\n"
            "factory, app, factory, 0x10000, 1M,\ncert, data, 0x40, , 0x1000, encrypted\n"));
        QVERIFY2(table, qPrintable(table ? QString() : table.error().message));
        model.setTable(*table);
        QCOMPARE(model.rowCount(), 4);
        readAll(model);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void scanResults()
    {
        Ui::ScanResultModel model;
        QAbstractItemModelTester tester(&model, Mode);
        QList<Protocomm::ScanEntry> networks;
        for (int i = 0; i < 3; ++i)
            networks.append(Protocomm::ScanEntry{"Net" + QByteArray::number(i), quint32(1 + i),
                                                 -40 - 10 * i, QByteArray(6, char(i)), i});
        model.setNetworks(networks);
        QCOMPARE(model.rowCount(), 3);
        readAll(model);
        model.setNetworks(networks.mid(0, 1));
        QCOMPARE(model.rowCount(), 1);
        model.setNetworks({});
        QCOMPARE(model.rowCount(), 0);
    }

    void ladder()
    {
        Ui::LadderModel model;
        QAbstractItemModelTester tester(&model, Mode);
        auto pair = Tls::DiagnosisEngine::diagnoseFiles(logPath("seed001_fails_excerpt.log"),
                                                        logPath("seed001_succeeds_excerpt.log"));
        QVERIFY(pair);
        model.setReport(std::make_shared<const Tls::DiagnosisReport>(*pair));
        QVERIFY(model.rowCount() > 0);
        readAll(model);
        auto single
            = Tls::DiagnosisEngine::diagnoseFiles(logPath("seed000_protocomm_session_lost.log"));
        QVERIFY(single);
        model.setReport(std::make_shared<const Tls::DiagnosisReport>(*single));
        readAll(model);
        model.setReport(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void logFile()
    {
        Ui::LogFileModel model;
        QAbstractItemModelTester tester(&model, Mode);
        model.setIndex(Ui::LogLineIndex::build(logPath("seed001_console_0x7500.log")));
        QVERIFY(model.rowCount() > 0);
        model.setHighlightedLines({1, 2});
        readAll(model);
        model.setIndex(Ui::LogLineIndex::build(logPath("seed000_protocomm_session_lost.log")));
        readAll(model);
        model.setIndex(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void imageSegments()
    {
        Ui::ImageSegmentModel model;
        QAbstractItemModelTester tester(&model, Mode);
        auto image = Image::AppImage::parse(TestImages::buildImage(TestImages::c3App()));
        QVERIFY(image);
        QVERIFY(image->segments.size() > 1);
        model.setSegments(image->segments);
        QCOMPARE(model.rowCount(), int(image->segments.size()));
        readAll(model);
        model.setSegments(image->segments.mid(0, 1));
        QCOMPARE(model.rowCount(), 1);
        model.setSegments({});
        QCOMPARE(model.rowCount(), 0);
    }

    void monitorLog()
    {
        // Appends past the capacity drop the oldest rows: the tester checks those removals.
        Ui::MonitorLogModel model;
        QAbstractItemModelTester tester(&model, Mode);
        model.setCapacity(50);
        model.append(monitorLines(1, 30));
        QCOMPARE(model.rowCount(), 30);
        model.append(monitorLines(31, 45));
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.firstLineNumber(), qint64(26));
        for (int r = 0; r < model.rowCount(); ++r)
            for (int role :
                 {int(Qt::DisplayRole), int(Qt::ForegroundRole),
                  int(Ui::MonitorLogModel::LineNumberRole), int(Ui::MonitorLogModel::LevelRole),
                  int(Ui::MonitorLogModel::NoiseRole)})
                (void)model.index(r, 0).data(role);
        model.setCapacity(10);
        QCOMPARE(model.rowCount(), 10);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
