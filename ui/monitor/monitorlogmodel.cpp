// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/monitorlogmodel.h"

#include "ui/common/statuspalette.h"

#include <QBrush>
#include <QColor>

namespace Forgeline::Ui {

MonitorLogModel::MonitorLogModel(QObject *parent) : QAbstractListModel(parent) {}

void MonitorLogModel::setCapacity(int lines)
{
    m_capacity = qMax(1, lines);
    if (int(m_lines.size()) > m_capacity) {
        const int drop = int(m_lines.size()) - m_capacity;
        beginRemoveRows({}, 0, drop - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + drop);
        endRemoveRows();
    }
}

void MonitorLogModel::append(const QList<Monitor::LineEvent> &lines)
{
    if (lines.isEmpty())
        return;
    // Only the newest `capacity` of a huge batch can stay; skip the rest outright.
    const qsizetype skip = qMax<qsizetype>(0, lines.size() - m_capacity);
    const qsizetype adding = lines.size() - skip;
    const qsizetype overflow = qsizetype(m_lines.size()) + adding - m_capacity;
    if (overflow > 0) {
        const qsizetype drop = qMin<qsizetype>(overflow, qsizetype(m_lines.size()));
        beginRemoveRows({}, 0, int(drop) - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + drop);
        endRemoveRows();
    }
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + int(adding) - 1);
    for (qsizetype i = skip; i < lines.size(); ++i) {
        const Monitor::LineEvent &l = lines.at(i);
        m_lines.push_back({l.number, l.text, l.level, l.noise});
    }
    endInsertRows();
}

void MonitorLogModel::clear()
{
    beginResetModel();
    m_lines.clear();
    endResetModel();
}

QStringList MonitorLogModel::texts(qint64 fromLine) const
{
    QStringList out;
    for (const Line &l : m_lines) {
        if (l.number >= fromLine)
            out.append(l.text);
    }
    return out;
}

int MonitorLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant MonitorLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_lines.size()))
        return {};
    const Line &l = m_lines[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: return l.text;
    case Qt::ForegroundRole:
        if (l.noise)
            return QBrush(StatusPalette::application().text(Tone::Muted));
        switch (l.level) {
        case 'E': return QBrush(StatusPalette::application().text(Tone::Error));
        case 'W': return QBrush(StatusPalette::application().text(Tone::Warning));
        case 'I': return QBrush(StatusPalette::application().text(Tone::Success));
        case 'D':
        case 'V': return QBrush(StatusPalette::application().text(Tone::Muted));
        default: return {};
        }
    case LineNumberRole: return l.number;
    case LevelRole: return l.level ? QString(QLatin1Char(l.level)) : QString();
    case NoiseRole: return l.noise;
    default: return {};
    }
}

} // namespace Forgeline::Ui
