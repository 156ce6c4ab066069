// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/diagnoseworkspace.h"

#include "core/common/logger.h"
#include "core/tls/diagnosisengine.h"
#include "core/tls/diagnosisreport.h"
#include "ui/diagnose/findingspanel.h"
#include "ui/diagnose/ladderdelegate.h"
#include "ui/diagnose/laddermodel.h"
#include "ui/diagnose/logfilemodel.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

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

DiagnoseWorkspace::DiagnoseWorkspace(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("diagnoseWorkspace"));
    setAcceptDrops(true);

    m_openBad = new QPushButton(tr("Open failing log…"), this);
    m_openBad->setObjectName(QStringLiteral("diagnoseOpenFailing"));
    m_openGood = new QPushButton(tr("Add working log…"), this);
    m_openGood->setObjectName(QStringLiteral("diagnoseOpenWorking"));
    m_exportReport = new QPushButton(tr("Export report…"), this);
    m_exportReport->setObjectName(QStringLiteral("diagnoseExportReport"));
    m_exportLogs = new QPushButton(tr("Export redacted logs…"), this);
    m_exportLogs->setObjectName(QStringLiteral("diagnoseExportLogs"));
    m_showRecords = new QPushButton(tr("Show records"), this);
    m_showRecords->setObjectName(QStringLiteral("diagnoseShowRecords"));
    m_showRecords->setToolTip(
        tr("Open the TLS records dumped in the failing log in the Records workspace "
           "(which record carried which message, coalesced or fragmented)."));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("diagnoseProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(220);
    m_files = new QLabel(this);
    m_files->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("diagnoseStatus"));
    // Long file names or a long status (longer still in Chinese) must not widen the window past
    // 1024 pixels: both labels take what the bar leaves, the full text is in their tooltips.
    m_files->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_openBad);
    bar->addWidget(m_openGood);
    bar->addWidget(m_files, 2);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_progress);
    bar->addWidget(m_cancel);
    bar->addWidget(m_exportReport);
    bar->addWidget(m_exportLogs);
    bar->addWidget(m_showRecords);

    m_ladder = new LadderModel(this);
    m_ladderView = new QTableView(this);
    m_ladderView->setObjectName(QStringLiteral("diagnoseLadder"));
    m_ladderView->setAccessibleName(tr("Handshake ladder"));
    m_ladderView->setTabKeyNavigation(false); // Tab leaves the table, arrows walk it
    m_ladderView->setModel(m_ladder);
    m_ladderView->setItemDelegate(new LadderDelegate(m_ladderView));
    m_ladderView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ladderView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ladderView->verticalHeader()->hide();
    m_ladderView->setShowGrid(false);
    m_ladderView->setWordWrap(false);
    m_ladderView->horizontalHeader()->setSectionResizeMode(LadderModel::Working,
                                                           QHeaderView::Stretch);
    m_ladderView->horizontalHeader()->setSectionResizeMode(LadderModel::Failing,
                                                           QHeaderView::Stretch);
    m_ladderView->horizontalHeader()->setSectionResizeMode(LadderModel::WorkingLine,
                                                           QHeaderView::ResizeToContents);
    m_ladderView->horizontalHeader()->setSectionResizeMode(LadderModel::FailingLine,
                                                           QHeaderView::ResizeToContents);
    m_ladderView->verticalHeader()->setDefaultSectionSize(QFontMetrics(font()).height() + 12);

    m_findings = new FindingsPanel(this);

    auto makeLogView = [this](LogFileModel *model, const QString &name) {
        auto *view = new QTableView(this);
        view->setObjectName(name);
        view->setModel(model);
        view->verticalHeader()->hide();
        // Uniform row heights keep a million-line log cheap to scroll.
        view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view->verticalHeader()->setDefaultSectionSize(QFontMetrics(font()).height() + 2);
        view->horizontalHeader()->setStretchLastSection(true);
        view->horizontalHeader()->setSectionResizeMode(LogFileModel::LineNumber,
                                                       QHeaderView::Interactive);
        view->setColumnWidth(LogFileModel::LineNumber, 70);
        view->setShowGrid(false);
        view->setWordWrap(false);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setTabKeyNavigation(false);
        return view;
    };
    m_goodLog = new LogFileModel(this);
    m_badLog = new LogFileModel(this);
    m_goodLogView = makeLogView(m_goodLog, QStringLiteral("diagnoseWorkingLog"));
    m_badLogView = makeLogView(m_badLog, QStringLiteral("diagnoseFailingLog"));
    m_goodLogView->setAccessibleName(tr("Working log"));
    m_badLogView->setAccessibleName(tr("Failing log"));

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_ladderView);
    top->addWidget(m_findings);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_goodLogView);
    bottom->addWidget(m_badLogView);
    auto *main = new QSplitter(Qt::Vertical, this);
    main->addWidget(top);
    main->addWidget(bottom);
    main->setStretchFactor(0, 3);
    main->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(main, 1);

    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_job) {
            m_progress->setValue(m_job->permille.load());
            m_status->setText(m_job->phase.load() == 0 ? tr("Indexing…") : tr("Diagnosing…"));
        }
    });
    connect(m_openBad, &QPushButton::clicked, this, &DiagnoseWorkspace::chooseFailingLog);
    connect(m_openGood, &QPushButton::clicked, this, &DiagnoseWorkspace::chooseWorkingLog);
    connect(m_cancel, &QPushButton::clicked, this, &DiagnoseWorkspace::cancel);
    connect(m_exportReport, &QPushButton::clicked, this, &DiagnoseWorkspace::exportReport);
    connect(m_exportLogs, &QPushButton::clicked, this, &DiagnoseWorkspace::exportRedactedLogs);
    connect(m_showRecords, &QPushButton::clicked, this,
            [this] { Q_EMIT recordsRequested(m_badPath); });
    connect(m_ladderView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DiagnoseWorkspace::showStep);
    connect(m_findings, &FindingsPanel::evidenceActivated, this, &DiagnoseWorkspace::showLine);
    setBusy(false);
    m_exportReport->setEnabled(false);
    m_exportLogs->setEnabled(false);
    m_showRecords->setEnabled(false);
}

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

void DiagnoseWorkspace::chooseFailingLog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open the log of the failing handshake"), QDir::homePath(),
        tr("Logs (*.log *.txt *.gz);;All files (*)"));
    if (!path.isEmpty())
        loadLogs(path, m_goodPath);
}

void DiagnoseWorkspace::chooseWorkingLog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open the log of a working handshake"), QDir::homePath(),
        tr("Logs (*.log *.txt *.gz);;All files (*)"));
    if (path.isEmpty())
        return;
    if (m_badPath.isEmpty())
        m_goodPath = path;
    else
        loadLogs(m_badPath, path);
}

void DiagnoseWorkspace::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void DiagnoseWorkspace::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    if (files.isEmpty() || m_thread)
        return;
    event->acceptProposedAction();
    if (files.size() == 1) {
        loadLogs(files.first(), m_goodPath);
        return;
    }
    // Two files: the one named like a working run is the reference.
    static const QRegularExpression working(QStringLiteral("good|ok|work|succe|pass"),
                                            QRegularExpression::CaseInsensitiveOption);
    const bool firstIsWorking = working.match(QFileInfo(files.at(0)).fileName()).hasMatch()
                                && !working.match(QFileInfo(files.at(1)).fileName()).hasMatch();
    loadLogs(firstIsWorking ? files.at(1) : files.at(0),
             firstIsWorking ? files.at(0) : files.at(1));
}

void DiagnoseWorkspace::exportReport()
{
    if (!m_report)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the diagnosis as HTML"),
        QDir::home().filePath(QStringLiteral("tls-diagnosis.html")), tr("HTML (*.html)"));
    if (path.isEmpty())
        return;
    const auto written = Tls::DiagnosisReportWriter::writeHtml(*m_report, path);
    m_status->setText(written ? tr("Report saved") : written.error().message);
    m_status->setToolTip(m_status->text());
}

void DiagnoseWorkspace::exportRedactedLogs()
{
    if (!m_report || m_thread)
        return;
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Folder for the redacted copies"), QDir::homePath());
    if (dir.isEmpty())
        return;
    QStringList sources{m_badPath};
    if (!m_goodPath.isEmpty())
        sources << m_goodPath;
    auto *thread = QThread::create([sources, dir] {
        for (const QString &source : sources) {
            const QString target = QDir(dir).filePath(QFileInfo(source).completeBaseName()
                                                      + QStringLiteral(".redacted.log"));
            (void)Tls::DiagnosisReportWriter::writeRedactedLog(source, target);
        }
    });
    m_status->setText(tr("Writing redacted copies…"));
    connect(thread, &QThread::finished, this, [this, thread] {
        thread->deleteLater();
        m_status->setText(tr("Redacted copies written"));
    });
    connect(this, &QObject::destroyed, thread, [thread] { thread->wait(); });
    thread->start();
}

} // namespace Forgeline::Ui
