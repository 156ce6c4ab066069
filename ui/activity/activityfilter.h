// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/logger.h"

#include <QSortFilterProxyModel>

namespace Forgeline::Ui {

// Hides activity rows below a minimum level (e.g. "warnings and errors only").
class ActivityFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ActivityFilter(QObject *parent = nullptr);

    LogEntry::Level minimumLevel() const { return m_minimum; }
    void setMinimumLevel(LogEntry::Level level);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    LogEntry::Level m_minimum = LogEntry::Level::Debug;
};

} // namespace Forgeline::Ui
