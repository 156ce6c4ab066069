// SPDX-License-Identifier: GPL-3.0-or-later
// The Diagnose workspace's run: the logs indexed and diagnosed on a worker thread with
// progress and cancel, then the report shown in the ladder, findings and logs.
#include "ui/diagnose/diagnoseworkspace.h"

#include "core/common/logger.h"
#include "core/tls/diagnosisengine.h"
#include "core/tls/diagnosisreport.h"
#include "ui/diagnose/findingspanel.h"
#include "ui/diagnose/laddermodel.h"
#include "ui/diagnose/logfilemodel.h"

#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <optional>

namespace Forgeline::Ui {

// Shared between the GUI and the worker thread; the GUI reads results only after finished().
struct DiagnoseWorkspace::Job
{
    QString bad;
    QString good;
    std::atomic<bool> cancelled{false};
    std::atomic<int> permille{0};
    std::atomic<int> phase{0}; // 0 indexing, 1 diagnosing
    std::shared_ptr<LogLineIndex> badIndex;
    std::shared_ptr<LogLineIndex> goodIndex;
    std::optional<Result<Tls::DiagnosisReport>> result;

    void run()
    {
        const qint64 total = QFileInfo(bad).size() + (good.isEmpty() ? 0 : QFileInfo(good).size());
        qint64 before = 0;
        auto indexProgress = [&](qint64 done, qint64) {
            permille = int(400 * (before + done) / qMax<qint64>(1, total));
            return !cancelled.load();
        };
        badIndex = LogLineIndex::build(bad, indexProgress);
        before = QFileInfo(bad).size();
        if (!good.isEmpty() && !cancelled)
            goodIndex = LogLineIndex::build(good, indexProgress);
        if (cancelled)
            return;
        phase = 1;
        result = Tls::DiagnosisEngine::diagnoseFiles(bad, good, [this](qint64 done, qint64 all) {
            permille = 400 + int(600 * done / qMax<qint64>(1, all));
            return !cancelled.load();
        });
    }
};

DiagnoseWorkspace::~DiagnoseWorkspace()
{
    if (m_thread) {
        m_job->cancelled = true;
        m_thread->wait();
    }
}

bool DiagnoseWorkspace::isBusy() const { return m_thread != nullptr; }

void DiagnoseWorkspace::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_openBad->setEnabled(!busy);
    m_openGood->setEnabled(!busy);
    if (busy) {
        m_progress->setValue(0);
        m_progressTimer->start();
    } else {
        m_progressTimer->stop();
    }
}

void DiagnoseWorkspace::showProgress()
{
    if (m_job) {
        m_progress->setValue(m_job->permille.load());
        m_status->setText(m_job->phase.load() == 0 ? tr("Indexing…") : tr("Diagnosing…"));
    }
}

void DiagnoseWorkspace::loadLogs(const QString &failingLog, const QString &workingLog)
{
    if (m_thread)
        return;
    m_badPath = failingLog;
    m_goodPath = workingLog;
    m_files->setText(workingLog.isEmpty() ? QFileInfo(failingLog).fileName()
                                          : tr("%1 (failing) vs %2 (working)")
                                                .arg(QFileInfo(failingLog).fileName(),
                                                     QFileInfo(workingLog).fileName()));
    m_files->setToolTip(workingLog.isEmpty() ? failingLog : failingLog + u'\n' + workingLog);
    m_job = std::make_shared<Job>();
    m_job->bad = failingLog;
    m_job->good = workingLog;
    std::shared_ptr<Job> job = m_job;
    m_thread = QThread::create([job] { job->run(); });
    connect(m_thread, &QThread::finished, this, &DiagnoseWorkspace::jobFinished);
    setBusy(true);
    m_findings->showMessage(tr("Reading %1…").arg(QFileInfo(failingLog).fileName()));
    Logger::instance().info(QStringLiteral("diagnose"), tr("Diagnosing %1").arg(failingLog));
    m_thread->start();
}

void DiagnoseWorkspace::cancel()
{
    if (m_job)
        m_job->cancelled = true;
}

void DiagnoseWorkspace::jobFinished()
{
    std::shared_ptr<Job> job = std::move(m_job);
    m_thread->deleteLater();
    m_thread = nullptr;
    setBusy(false);
    if (job->cancelled || !job->result) {
        m_status->setText(tr("Cancelled"));
        m_findings->showMessage(tr("Cancelled. Open a log to start again."));
        Q_EMIT diagnosisFinished(false);
        return;
    }
    if (!job->result->ok()) {
        const Error &e = job->result->error();
        m_status->setText(tr("Failed"));
        m_findings->showMessage(e.fix.isEmpty() ? e.message : e.message + QLatin1Char(' ') + e.fix);
        Logger::instance().warning(QStringLiteral("diagnose"), e.message);
        Q_EMIT diagnosisFinished(false);
        return;
    }
    m_report = std::make_shared<const Tls::DiagnosisReport>(std::move(job->result->value()));
    m_ladder->setReport(m_report);
    m_ladderView->setColumnHidden(LadderModel::Working, !m_ladder->hasWorkingLog());
    m_ladderView->setColumnHidden(LadderModel::WorkingLine, !m_ladder->hasWorkingLog());
    m_badLog->setIndex(job->badIndex);
    m_goodLog->setIndex(job->goodIndex);
    m_goodLogView->setVisible(job->goodIndex != nullptr);
    m_findings->showReport(*m_report);

    QSet<qint64> marked;
    if (!m_report->diagnoses.isEmpty()) {
        for (const Tls::EvidenceLine &e : m_report->diagnoses.first().evidence) {
            if (!e.fromWorkingLog)
                marked.insert(e.line);
        }
    }
    m_badLog->setHighlightedLines(marked);
    m_exportReport->setEnabled(true);
    m_exportLogs->setEnabled(true);
    m_showRecords->setEnabled(!m_badPath.isEmpty());
    m_status->setText(m_report->diagnoses.isEmpty() ? tr("No known pattern")
                                                    : m_report->diagnoses.first().id);

    const int row
        = m_ladder->divergenceRow() >= 0 ? m_ladder->divergenceRow() : m_ladder->rowCount() - 1;
    if (row >= 0) {
        const QModelIndex index = m_ladder->index(row, LadderModel::Failing);
        m_ladderView->setCurrentIndex(index);
        m_ladderView->scrollTo(index, QAbstractItemView::PositionAtCenter);
    }
    Q_EMIT diagnosisFinished(true);
}

void DiagnoseWorkspace::showStep(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qint64 bad = m_ladder->index(index.row(), LadderModel::Failing)
                           .data(LadderModel::SourceLineRole)
                           .toLongLong();
    const qint64 good = m_ladder->index(index.row(), LadderModel::Working)
                            .data(LadderModel::SourceLineRole)
                            .toLongLong();
    if (bad > 0)
        showLine(false, bad);
    if (good > 0)
        showLine(true, good);
}

void DiagnoseWorkspace::showLine(bool working, qint64 line)
{
    QTableView *view = working ? m_goodLogView : m_badLogView;
    const QModelIndex index = view->model()->index(int(line - 1), LogFileModel::Text);
    if (!index.isValid())
        return;
    view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                       | QItemSelectionModel::Rows);
}

} // namespace Forgeline::Ui
