// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/flash/partitiontablemodel.h"

#include <QFontDatabase>

namespace Forgeline::Ui {

void PartitionTableModel::setTable(const Image::PartitionTable &table)
{
    beginResetModel();
    m_table = table;
    endResetModel();
}

void PartitionTableModel::clear() { setTable({}); }

int PartitionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.partitions.size());
}

int PartitionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PartitionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_table.partitions.size())
        return {};
    const Image::Partition &p = m_table.partitions.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return p.name;
        case Type: return p.typeName();
        case SubType: return p.subtypeName();
        case Offset: return QStringLiteral("0x%1").arg(p.offset, 6, 16, QLatin1Char('0'));
        case Size:
            return p.size >= 1024 * 1024 && p.size % (1024 * 1024) == 0
                       ? tr("%1 MiB").arg(p.size >> 20)
                       : tr("%1 KiB").arg(p.size / 1024.0, 0, 'g', 4);
        case Flags: {
            QStringList f;
            if (p.encrypted())
                f << tr("encrypted");
            if (p.readonly())
                f << tr("read-only");
            return f.join(QStringLiteral(", "));
        }
        default: break;
        }
    }
    if (role == Qt::FontRole && (index.column() == Offset || index.column() == Size))
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role == Qt::ToolTipRole)
        return tr("%1: %2 bytes at 0x%3").arg(p.name).arg(p.size).arg(p.offset, 0, 16);
    if (role == Qt::UserRole)
        return p.name;
    return {};
}

QVariant PartitionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Type: return tr("Type");
    case SubType: return tr("Subtype");
    case Offset: return tr("Offset");
    case Size: return tr("Size");
    case Flags: return tr("Flags");
    default: return {};
    }
}

} // namespace Forgeline::Ui
