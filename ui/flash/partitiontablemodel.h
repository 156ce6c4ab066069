// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image/partitiontable.h"

#include <QAbstractTableModel>

namespace Forgeline::Ui {

// The board's partition table for a QTableView: name, type, subtype, offset, size, flags.
class PartitionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Type, SubType, Offset, Size, Flags, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setTable(const Image::PartitionTable &table);
    void clear();
    const Image::PartitionTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Image::PartitionTable m_table;
};

} // namespace Forgeline::Ui
