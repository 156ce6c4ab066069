// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/stationjob.h"

#include <QSet>

namespace Forgeline::Station {

StationJob::StationJob(const Recipe &recipe, const StationContext &context, QObject *parent)
    : QObject(parent), m_recipe(recipe), m_context(context)
{
    if (!m_context.store)
        m_context.store
            = new StationStore(m_context.pool, m_context.records, m_context.spool, this);
}

void StationJob::start(const QStringList &ports)
{
    m_clock.start();
    for (const QString &port : ports)
        startPort(port);
}

BoardRun *StationJob::startPort(const QString &port)
{
    if (!m_clock.isValid())
        m_clock.start();
    auto *board = new BoardRun(m_recipe, port, m_context, this);
    m_boards.append(board);
    ++m_active;
    connect(board, &BoardRun::stationEvent, this, &StationJob::stationEvent);
    connect(board, &BoardRun::finished, this, [this, board] {
        Q_EMIT boardFinished(board);
        if (--m_active == 0)
            Q_EMIT finished(summary());
    });
    board->start();
    return board;
}

bool StationJob::acceptsAppearedPort(const QString &port, qint64 quietMs) const
{
    for (auto it = m_boards.crbegin(); it != m_boards.crend(); ++it) {
        if ((*it)->port() != port)
            continue;
        const qint64 since = (*it)->msSinceFinished();
        return since >= 0 && since >= quietMs; // the latest board on this port decides
    }
    return true;
}

void StationJob::cancel()
{
    const auto boards = m_boards;
    for (BoardRun *board : boards)
        board->cancel();
}

StationSummary StationJob::summary() const
{
    StationSummary s;
    // A board run again (same MAC) counts once, as its latest run ended; a different board
    // swapped onto the same port is another board. Runs that never learnt a MAC count each.
    QSet<QString> seen;
    for (auto it = m_boards.crbegin(); it != m_boards.crend(); ++it) {
        const BoardRun *b = *it;
        const QString mac = b->record().mac;
        if (!mac.isEmpty()) {
            if (seen.contains(mac))
                continue;
            seen.insert(mac);
        }
        switch (b->state()) {
        case BoardRun::State::Passed: ++s.passed; break;
        case BoardRun::State::Failed: ++s.failed; break;
        case BoardRun::State::Cancelled: ++s.cancelled; break;
        default: break;
        }
    }
    s.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    return s;
}

} // namespace Forgeline::Station
