// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/station/stationrecordspanel.h"

#include "ui/station/recordsmodel.h"
// Only for its tr(): these texts were written and translated in the Station workspace, and
// StationWorkspace::tr keeps them in its translation context so the catalogue still matches.
#include "ui/station/stationworkspace.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Forgeline::Ui {

using namespace Station;

StationRecordsPanel::StationRecordsPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *filterRow = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(StationWorkspace::tr("Filter by MAC"));
    m_filter->setClearButtonEnabled(true);
    m_resultFilter = new QComboBox(this);
    // Item data: the Verdict as int; none for every result.
    m_resultFilter->addItem(StationWorkspace::tr("All results"));
    m_resultFilter->addItem(StationWorkspace::tr("Passed"), int(Verdict::Pass));
    m_resultFilter->addItem(StationWorkspace::tr("Failed"), int(Verdict::Fail));
    filterRow->addWidget(new QLabel(StationWorkspace::tr("Records"), this));
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_resultFilter);
    layout->addLayout(filterRow);
    m_recordsModel = new RecordsModel(this);
    m_records = new QTableView(this);
    m_records->setModel(m_recordsModel);
    m_records->setAccessibleName(StationWorkspace::tr("Records"));
    m_records->setTabKeyNavigation(false); // Tab leaves the table, arrows walk it
    m_records->horizontalHeader()->setStretchLastSection(true);
    m_records->verticalHeader()->hide();
    m_records->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_records->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_records->setAlternatingRowColors(true);
    m_records->setWordWrap(false);
    layout->addWidget(m_records);
    auto *exportButton = new QPushButton(StationWorkspace::tr("Export\u2026"), this);
    layout->addWidget(exportButton);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        QString filter;
        const QString path = QFileDialog::getSaveFileName(
            this, StationWorkspace::tr("Export records"), QString(),
            StationWorkspace::tr("CSV (*.csv);;JSON (*.json)"), &filter);
        if (path.isEmpty())
            return;
        const bool json = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
                          || (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)
                              && filter.startsWith(QStringLiteral("JSON")));
        Q_EMIT exportRequested(path, json ? QStringLiteral("json") : QStringLiteral("csv"));
    });
    connect(m_filter, &QLineEdit::textChanged, this, &StationRecordsPanel::filterChanged);
    connect(m_resultFilter, &QComboBox::currentIndexChanged, this,
            &StationRecordsPanel::filterChanged);
}

RecordFilter StationRecordsPanel::filter() const
{
    RecordFilter filter;
    filter.mac = m_filter->text().trimmed();
    filter.macPartial = true;
    if (const QVariant verdict = m_resultFilter->currentData(); verdict.isValid())
        filter.result = Verdict(verdict.toInt());
    filter.newestFirst = true;
    return filter;
}

void StationRecordsPanel::setRecords(QList<StationRecord> records)
{
    m_recordsModel->setRecords(std::move(records));
    // Fitting columns reads every row: worth it for a shift's worth, not for a year's.
    if (m_recordsModel->rowCount() <= 500) {
        m_records->resizeColumnsToContents();
        // Long error texts are elided (full text in the tooltip) so Error and Diagnosis stay in view.
        for (int c = 0; c < m_recordsModel->columnCount(); ++c)
            m_records->setColumnWidth(c, qMin(m_records->columnWidth(c), 220));
    }
}

int StationRecordsPanel::rowCount() const { return m_recordsModel->rowCount(); }

} // namespace Forgeline::Ui
