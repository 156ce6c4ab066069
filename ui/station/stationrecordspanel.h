// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/station/records.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace Forgeline::Ui {

class RecordsModel;

// The Station workspace's records: a MAC filter, a result filter, the table of the latest
// attempts and the export button. It only shows: the workspace lists the records from the
// station's store and writes the export, told by filterChanged() and exportRequested().
class StationRecordsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StationRecordsPanel(QWidget *parent = nullptr);

    // What the two filters select, newest first.
    Station::RecordFilter filter() const;
    void setRecords(QList<Station::StationRecord> records);
    int rowCount() const;

Q_SIGNALS:
    void filterChanged();
    // `format` is "csv" or "json".
    void exportRequested(const QString &path, const QString &format);

private:
    QLineEdit *m_filter = nullptr;
    QComboBox *m_resultFilter = nullptr;
    QTableView *m_records = nullptr;
    RecordsModel *m_recordsModel = nullptr;
};

} // namespace Forgeline::Ui
