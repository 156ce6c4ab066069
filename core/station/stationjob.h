// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/station/boardrun.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace Forgeline::Station {

struct StationSummary
{
    int passed = 0;
    int failed = 0;
    int cancelled = 0;
    qint64 elapsedMs = 0;
};

// N boards through one recipe at once, all on the caller's event loop (no thread per board:
// every step is asynchronous I/O, so one thread keeps every port busy).
class StationJob : public QObject
{
    Q_OBJECT
public:
    StationJob(const Recipe &recipe, const StationContext &context, QObject *parent = nullptr);

    void start(const QStringList &ports);
    // Adds one more board while the station runs (auto-start when a board appears).
    BoardRun *startPort(const QString &port);
    void cancel();
    // Whether a port that just appeared is a new board to start. Not while a board runs on it,
    // and not within `quietMs` of one finishing there: boards on native USB (USB-Serial/JTAG,
    // USB-OTG CDC) drop off the bus and come back when the final step resets them into their
    // firmware, and that must not start the same board over and over.
    bool acceptsAppearedPort(const QString &port,
                             qint64 quietMs = DefaultReenumerationQuietMs) const;
    static constexpr qint64 DefaultReenumerationQuietMs = 4000;
    bool running() const { return m_active > 0; }
    const QList<BoardRun *> &boards() const { return m_boards; }
    // Per board (by MAC): a re-run replaces its earlier verdict.
    StationSummary summary() const;

Q_SIGNALS:
    void stationEvent(const Forgeline::Station::StationEvent &event);
    void boardFinished(Forgeline::Station::BoardRun *board);
    void finished(const Forgeline::Station::StationSummary &summary);

private:
    Recipe m_recipe;
    StationContext m_context;
    QList<BoardRun *> m_boards;
    int m_active = 0;
    QElapsedTimer m_clock;
};

} // namespace Forgeline::Station
