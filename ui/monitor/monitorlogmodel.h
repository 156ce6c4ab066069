// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/monitor/monitorevents.h"

#include <QAbstractListModel>
#include <QList>

#include <deque>

namespace Forgeline::Ui {

// The live log as a model: a bounded ring of lines (the oldest go first), appended in
// batches so a board printing thousands of lines a second costs one insert per batch, not
// one per line. Colours follow ESP-IDF's: E red, W amber, I green, D and V grey.
class MonitorLogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int DefaultCapacity = 1'000'000;
    enum Role { LineNumberRole = Qt::UserRole + 1, LevelRole, NoiseRole };

    explicit MonitorLogModel(QObject *parent = nullptr);

    void setCapacity(int lines);
    int capacity() const { return m_capacity; }
    void append(const QList<Monitor::LineEvent> &lines);
    void clear();
    // The lines kept, oldest first, as text with the board's numbering: for Save and Diagnose.
    QStringList texts(qint64 fromLine = 0) const;
    qint64 firstLineNumber() const { return m_lines.empty() ? 0 : m_lines.front().number; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    struct Line
    {
        qint64 number = 0;
        QString text;
        char level = 0;
        bool noise = false;
    };
    std::deque<Line> m_lines;
    int m_capacity = DefaultCapacity;
};

} // namespace Forgeline::Ui
