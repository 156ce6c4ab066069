// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/activity/activitylogmodel.h"

#include "ui/common/statuspalette.h"

#include <QBrush>
#include <QColor>
#include <QTimer>

namespace Forgeline::Ui {

ActivityLogModel::ActivityLogModel(int capacity, QObject *parent)
    : QAbstractListModel(parent), m_capacity(qMax(1, capacity))
{}

void ActivityLogModel::follow(Logger &logger)
{
    connect(&logger, &Logger::entryAdded, this, &ActivityLogModel::append);
    const QList<LogEntry> earlier = logger.recent();
    for (const LogEntry &e : earlier)
        append(e);
}

QString ActivityLogModel::formatLine(const LogEntry &entry)
{
    return entry.time.toString(QStringLiteral("HH:mm:ss.zzz")) % u' '
           % LogEntry::levelName(entry.level).leftJustified(7) % u' ' % entry.category
           % QStringLiteral(": ") % entry.message;
}

int ActivityLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ActivityLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return formatLine(e);
    case Qt::ToolTipRole: return QString(e.time.toString(Qt::ISODateWithMs) % u'\n' % e.message);
    case Qt::ForegroundRole:
        if (e.level == LogEntry::Level::Error)
            return QBrush(StatusPalette::application().text(Tone::Error));
        if (e.level == LogEntry::Level::Warning)
            return QBrush(StatusPalette::application().text(Tone::Warning));
        return {};
    case LevelRole: return int(e.level);
    case CategoryRole: return e.category;
    case MessageRole: return e.message;
    case TimeRole: return e.time;
    default: return {};
    }
}

QHash<int, QByteArray> ActivityLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(LevelRole, "level");
    names.insert(CategoryRole, "category");
    names.insert(MessageRole, "message");
    names.insert(TimeRole, "time");
    return names;
}

void ActivityLogModel::append(const LogEntry &entry)
{
    m_pending.append(entry);
    if (m_pending.size() > m_capacity)
        m_pending.removeFirst(); // a burst larger than the store: its head would be dropped anyway
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QTimer::singleShot(0, this, &ActivityLogModel::flush);
    }
}

void ActivityLogModel::flush()
{
    m_flushScheduled = false;
    if (m_pending.isEmpty())
        return;
    // Take the batch first: a view reacting to these signals may log, which appends anew.
    const QList<LogEntry> batch = std::exchange(m_pending, {});
    const int incoming = int(batch.size());
    const int overflow = int(m_entries.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_entries.remove(0, overflow);
        endRemoveRows();
    }
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + incoming - 1);
    m_entries.append(batch);
    endInsertRows();
}

void ActivityLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_pending.clear();
    endResetModel();
}

} // namespace Forgeline::Ui
