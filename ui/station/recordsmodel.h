// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/station/records.h"

#include <QAbstractTableModel>

namespace Forgeline::Ui {

// Station records for a table view: a line runs hundreds of boards an hour, so the view asks
// only for what it shows instead of holding a widget item per cell.
class RecordsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Time,
        Station,
        Operator,
        Port,
        Chip,
        Mac,
        Certificate,
        Result,
        Provisioning,
        Error,
        Diagnosis,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRecords(QList<Station::StationRecord> records);
    const Station::StationRecord &record(int row) const { return m_records.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Station::StationRecord> m_records;
};

} // namespace Forgeline::Ui
