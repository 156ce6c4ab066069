// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/logger.h"

#include <QAbstractListModel>
#include <QList>

namespace Forgeline::Ui {

// The activity pane's rows: a bounded store of logger entries. Entries arrive one by one
// (possibly thousands per second from a flash job), so appends are collected and applied
// once per event-loop turn with a single beginInsertRows; the oldest rows are dropped first
// when the store is full. Text is formatted lazily in data().
class ActivityLogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        LevelRole = Qt::UserRole + 1, // int(LogEntry::Level)
        CategoryRole,
        MessageRole,
        TimeRole,
    };

    static constexpr int DefaultCapacity = 20000;

    explicit ActivityLogModel(int capacity = DefaultCapacity, QObject *parent = nullptr);

    // Shows what the logger already holds, then follows it. Entries from worker threads
    // arrive queued on this model's thread.
    void follow(Logger &logger);

    int capacity() const { return m_capacity; }
    int pendingCount() const { return int(m_pending.size()); }
    const LogEntry &entryAt(int row) const { return m_entries.at(row); }

    // One line per entry, as the pane shows it and as it is copied to the clipboard.
    static QString formatLine(const LogEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public Q_SLOTS:
    void append(const Forgeline::LogEntry &entry);
    void flush(); // applies pending appends now (normally done on the next event-loop turn)
    void clear();

private:
    QList<LogEntry> m_entries;
    QList<LogEntry> m_pending;
    int m_capacity;
    bool m_flushScheduled = false;
};

} // namespace Forgeline::Ui
