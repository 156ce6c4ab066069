// SPDX-License-Identifier: GPL-3.0-or-later
// The activity pane: a well-behaved model (checked by QAbstractItemModelTester on every
// change), batched appends, a bounded store, level filter, copy/clear, and no secret on screen.
#include "core/common/logger.h"
#include "core/common/redactor.h"
#include "ui/activity/activityfilter.h"
#include "ui/activity/activitylogmodel.h"
#include "ui/activity/activitypane.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QListView>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using Forgeline::LogEntry;
using Forgeline::Logger;
using Forgeline::Ui::ActivityFilter;
using Forgeline::Ui::ActivityLogModel;
using Forgeline::Ui::ActivityPane;

namespace {

LogEntry entry(LogEntry::Level level, const QString &message)
{
    return LogEntry{QDateTime::currentDateTime(), level, QStringLiteral("test"), message};
}

QStringList allText(const QAbstractItemModel &model)
{
    QStringList rows;
    for (int r = 0; r < model.rowCount(); ++r)
        rows.append(model.index(r, 0).data().toString());
    return rows;
}

// A PoP-like value nobody would type by accident.
const QString secret = QStringLiteral("pop-7Kq93xZv");

} // namespace

class TestActivityPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Forgeline::Redactor::forgetAllSecrets(); }

    void appendsAreBatchedPerEventLoopTurn()
    {
        ActivityLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 50; ++i)
            model.append(entry(LogEntry::Level::Info, QStringLiteral("line %1").arg(i)));
        QCOMPARE(model.rowCount(), 0); // nothing until the event loop turns
        QCOMPARE(model.pendingCount(), 50);
        QTRY_COMPARE(model.rowCount(), 50);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(model.index(49, 0).data().toString().endsWith(QStringLiteral("test: line 49")));
        QCOMPARE(model.index(0, 0).data(ActivityLogModel::MessageRole).toString(),
                 QStringLiteral("line 0"));
        QCOMPARE(model.index(0, 0).data(ActivityLogModel::LevelRole).toInt(),
                 int(LogEntry::Level::Info));
    }

    void storeIsBounded()
    {
        ActivityLogModel model(5);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 3; ++i)
            model.append(entry(LogEntry::Level::Info, QStringLiteral("old %1").arg(i)));
        model.flush();
        QCOMPARE(model.rowCount(), 3);
        for (int i = 0; i < 4; ++i)
            model.append(entry(LogEntry::Level::Info, QStringLiteral("new %1").arg(i)));
        model.flush();
        QCOMPARE(model.rowCount(), 5); // 7 entries into 5 slots: the two oldest went
        QCOMPARE(model.entryAt(0).message, QStringLiteral("old 2"));
        QCOMPARE(model.entryAt(4).message, QStringLiteral("new 3"));

        // A burst bigger than the whole store keeps only its newest entries.
        for (int i = 0; i < 12; ++i)
            model.append(entry(LogEntry::Level::Info, QStringLiteral("burst %1").arg(i)));
        model.flush();
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.entryAt(0).message, QStringLiteral("burst 7"));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void filterByLevel()
    {
        ActivityLogModel model;
        ActivityFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(entry(LogEntry::Level::Debug, QStringLiteral("d")));
        model.append(entry(LogEntry::Level::Info, QStringLiteral("i")));
        model.append(entry(LogEntry::Level::Warning, QStringLiteral("w")));
        model.append(entry(LogEntry::Level::Error, QStringLiteral("e")));
        model.flush();
        QCOMPARE(filter.rowCount(), 4);
        filter.setMinimumLevel(LogEntry::Level::Warning);
        QCOMPARE(filter.rowCount(), 2);
        QCOMPARE(filter.index(0, 0).data(ActivityLogModel::MessageRole).toString(),
                 QStringLiteral("w"));
        filter.setMinimumLevel(LogEntry::Level::Error);
        QCOMPARE(filter.rowCount(), 1);
        model.append(entry(LogEntry::Level::Info, QStringLiteral("i2")));
        model.append(entry(LogEntry::Level::Error, QStringLiteral("e2")));
        model.flush();
        QCOMPARE(filter.rowCount(), 2);
    }

    void paneFollowsLoggerAndCopies()
    {
        ActivityPane pane(Logger::instance());
        QAbstractItemModelTester tester(pane.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.clear();
        Logger::instance().info(QStringLiteral("decode"), QStringLiteral("decoded -0x7500"));
        Logger::instance().warning(QStringLiteral("flash"), QStringLiteral("port busy"));
        QTRY_COMPARE(pane.model()->rowCount(), 2);

        // From a worker thread the entry arrives queued, on the GUI thread.
        QThread *worker = QThread::create([] {
            Logger::instance().error(QStringLiteral("provision"), QStringLiteral("from a worker"));
        });
        worker->start();
        QVERIFY(worker->wait(5000));
        delete worker;
        QTRY_COMPARE(pane.model()->rowCount(), 3);

        pane.copyToClipboard();
        const QStringList copied = QApplication::clipboard()->text().split(u'\n');
        QCOMPARE(copied.size(), 3);
        QVERIFY(copied.at(0).contains(QStringLiteral("decode: decoded -0x7500")));
        QVERIFY(copied.at(2).contains(QStringLiteral("provision: from a worker")));

        // The level chooser narrows what is shown and what is copied.
        auto *level = pane.findChild<QComboBox *>(QStringLiteral("activityLevel"));
        QVERIFY(level);
        level->setCurrentIndex(2); // warnings and errors
        QCOMPARE(pane.view()->model()->rowCount(), 2);
        QCOMPARE(pane.visibleText().split(u'\n').size(), 2);

        pane.clear();
        QCOMPARE(pane.model()->rowCount(), 0);
        QVERIFY(pane.visibleText().isEmpty());
    }

    void secretsNeverShown()
    {
        Forgeline::Redactor::registerSecret(secret);
        ActivityPane pane(Logger::instance());
        pane.clear();
        Logger::instance().info(QStringLiteral("provision"),
                                QStringLiteral("session with PoP %1 started").arg(secret));
        const QtMessageHandler testlibHandler = qInstallMessageHandler(nullptr);
        Logger::installQtMessageHandler();
        qWarning("retrying with %s", qPrintable(secret)); // the Qt message path is redacted too
        qInstallMessageHandler(testlibHandler);
        QTRY_COMPARE(pane.model()->rowCount(), 2);
        const QStringList rows = allText(*pane.model());
        for (const QString &row : rows) {
            QVERIFY2(!row.contains(secret), qPrintable(row));
            QVERIFY2(row.contains(Forgeline::Redactor::placeholder()), qPrintable(row));
        }
        for (int r = 0; r < pane.model()->rowCount(); ++r)
            QVERIFY(!pane.model()->index(r, 0).data(Qt::ToolTipRole).toString().contains(secret));
        pane.copyToClipboard();
        QVERIFY(!QApplication::clipboard()->text().contains(secret));
    }
};

QTEST_MAIN(TestActivityPane)
#include "tst_activitypane.moc"
