// SPDX-License-Identifier: GPL-3.0-or-later
// The Diagnose workspace's widgets and their wiring: the file bar with progress and exports,
// the handshake ladder beside the findings, and the two raw logs below.
#include "ui/diagnose/diagnoseworkspace.h"

#include "ui/diagnose/findingspanel.h"
#include "ui/diagnose/ladderdelegate.h"
#include "ui/diagnose/laddermodel.h"
#include "ui/diagnose/logfilemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Forgeline::Ui {

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
    connect(m_progressTimer, &QTimer::timeout, this, &DiagnoseWorkspace::showProgress);
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

} // namespace Forgeline::Ui
