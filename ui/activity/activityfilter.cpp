// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/activity/activityfilter.h"

#include "ui/activity/activitylogmodel.h"

namespace Forgeline::Ui {

ActivityFilter::ActivityFilter(QObject *parent) : QSortFilterProxyModel(parent) {}

void ActivityFilter::setMinimumLevel(LogEntry::Level level)
{
    if (level == m_minimum)
        return;
    m_minimum = level;
    invalidateRowsFilter();
}

bool ActivityFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    return idx.data(ActivityLogModel::LevelRole).toInt() >= int(m_minimum);
}

} // namespace Forgeline::Ui
