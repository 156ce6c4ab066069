// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/diagnosis.h"
#include "ui/diagnose/diagnoseworkspace.h"
#include "ui/diagnose/findingspanel.h"
#include "ui/diagnose/laddermodel.h"
#include "ui/diagnose/logfilemodel.h"

#include <QBrush>
#include <QDir>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Ui;

namespace {

QString data(const QString &name) { return QStringLiteral(TESTDATA_DIR "/logs/") + name; }

} // namespace

class TestDiagnoseWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedPairHighlightsTheDivergenceRow()
    {
        DiagnoseWorkspace w;
        QSignalSpy done(&w, &DiagnoseWorkspace::diagnosisFinished);
        w.loadLogs(data(QStringLiteral("seed001_fails_excerpt.log")),
                   data(QStringLiteral("seed001_succeeds_excerpt.log")));
        QVERIFY(w.isBusy());
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().first().toBool(), true);
        QVERIFY(!w.isBusy());

        LadderModel *ladder = w.ladderModel();
        const int row = ladder->divergenceRow();
        QVERIFY(row >= 0);
        QCOMPARE(w.ladderView()->currentIndex().row(), row);
        const QModelIndex failing = ladder->index(row, LadderModel::Failing);
        QCOMPARE(failing.data(LadderModel::SourceLineRole).toLongLong(),
                 2); // "f_recv ... returned 0"
        QVERIFY(failing.data(LadderModel::DivergenceRole).toBool());
        QVERIFY(failing.data(LadderModel::ProblemRole).toBool());
        QVERIFY(failing.data(Qt::BackgroundRole).value<QBrush>().style() != Qt::NoBrush);
        QVERIFY(!ladder->index(0, LadderModel::Failing).data(LadderModel::DivergenceRole).toBool()
                || row == 0);
        QCOMPARE(
            ladder->index(row, LadderModel::Working).data(LadderModel::SourceLineRole).toLongLong(),
            2);
        QCOMPARE(w.findingsPanel()->shownIds().first(),
                 QStringLiteral("peer-closed-during-handshake"));
        // The raw log follows the selection and marks the evidence lines.
        QVERIFY(w.failingLogModel()->lineText(2).contains(QStringLiteral("returned 0")));
        QVERIFY(w.failingLogModel()
                    ->index(1, LogFileModel::Text)
                    .data(Qt::BackgroundRole)
                    .value<QBrush>()
                    .style()
                != Qt::NoBrush);
    }

    void realPairScreenshot()
    {
        DiagnoseWorkspace w;
        w.resize(1500, 950);
        w.show();
        QSignalSpy done(&w, &DiagnoseWorkspace::diagnosisFinished);
        w.loadLogs(data(QStringLiteral("host228_client_certificate_required.log")),
                   data(QStringLiteral("host228_working.log")));
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().first().toBool(), true);
        const int row = w.ladderModel()->divergenceRow();
        QVERIFY(row > 5);
        QVERIFY(w.ladderModel()
                    ->index(row, LadderModel::Failing)
                    .data()
                    .toString()
                    .contains(QStringLiteral("CertificateRequest")));
        QCOMPARE(w.ladderView()->currentIndex().row(), row);
        QCOMPARE(w.findingsPanel()->shownIds().first(),
                 QStringLiteral("client-certificate-required"));
        QVERIFY(w.failingLogModel()->rowCount() > 1000);
        QTest::qWait(200);
        QDir().mkpath(QStringLiteral(TEST_BUILD_DIR "/screenshots"));
        QVERIFY(w.grab().save(QStringLiteral(TEST_BUILD_DIR "/screenshots/diagnose.png")));
    }

    // In a narrow findings panel (the workspace at 1024 pixels) the cards keep the height their
    // wrapped text needs and the panel scrolls; they used to be squeezed into each other.
    void findingCardsAreNotSqueezedWhenNarrow()
    {
        DiagnoseWorkspace w;
        w.resize(900, 600);
        w.show();
        QSignalSpy done(&w, &DiagnoseWorkspace::diagnosisFinished);
        w.loadLogs(data(QStringLiteral("host228_client_certificate_required.log")),
                   data(QStringLiteral("host228_working.log")));
        QVERIFY(done.wait(30000));
        QTest::qWait(100);
        const auto cards
            = w.findingsPanel()->findChildren<QFrame *>(QStringLiteral("diagnosisCard"));
        QVERIFY(!cards.isEmpty());
        QVERIFY(w.findingsPanel()->viewport()->width() < 400);
        for (QFrame *card : cards) {
            QVERIFY(card->hasHeightForWidth());
            QVERIFY2(card->height() >= card->heightForWidth(card->width()),
                     qPrintable(QStringLiteral("%1: %2 px high, its text needs %3")
                                    .arg(card->property("diagnosisId").toString())
                                    .arg(card->height())
                                    .arg(card->heightForWidth(card->width()))));
        }
        QVERIFY(w.findingsPanel()->verticalScrollBar()->maximum() > 0);
    }

    void badInputShowsAClearMessage()
    {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.log"));
        QFile(empty).open(QIODevice::WriteOnly);
        DiagnoseWorkspace w;
        QSignalSpy done(&w, &DiagnoseWorkspace::diagnosisFinished);
        w.loadLogs(empty);
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().first().toBool(), false);
        const auto *header
            = w.findingsPanel()->findChild<QLabel *>(QStringLiteral("diagnoseFinalError"));
        QVERIFY(header);
        QVERIFY(header->text().contains(QStringLiteral("empty")));
        QVERIFY(w.findingsPanel()->shownIds().isEmpty());
    }

    void singleLogWorksAndCanBeCancelled()
    {
        DiagnoseWorkspace w;
        QSignalSpy done(&w, &DiagnoseWorkspace::diagnosisFinished);
        w.loadLogs(data(QStringLiteral("seed000_protocomm_session_lost.log")));
        QVERIFY(done.wait(30000));
        QCOMPARE(w.findingsPanel()->shownIds().first(),
                 QStringLiteral("secure-session-not-established"));
        QVERIFY(w.ladderView()->isColumnHidden(LadderModel::Working));

        w.loadLogs(data(QStringLiteral("host228_working.log")));
        w.cancel();
        QVERIFY(done.wait(30000));
        QVERIFY(!w.isBusy()); // either finished before the cancel landed or stopped cleanly
    }
};

QTEST_MAIN(TestDiagnoseWorkspace)
#include "tst_diagnoseworkspace.moc"
