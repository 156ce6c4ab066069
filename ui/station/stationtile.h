// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/station/stationevent.h"

#include <QElapsedTimer>
#include <QFrame>

class QLabel;
class QProgressBar;

namespace Forgeline::Ui {

// One port on the line: what is on it and how far it got, readable from across the bench.
class StationTile : public QFrame
{
    Q_OBJECT
public:
    explicit StationTile(const QString &port, QWidget *parent = nullptr);

    void setBoard(const QString &chip, const QString &mac);
    void setStep(const QString &step, int percent);
    void setProgress(qint64 done, qint64 total);
    void setResult(Station::StationEvent::Verdict verdict, const QString &detail);
    void tick();
    // The board was pulled: the verdict stays readable, the tile says the port is empty.
    void setRemoved();
    // None while the board runs.
    Station::Verdict verdict() const { return m_verdict; }

Q_SIGNALS:
    // The operator clicked the tile: show this board's log.
    void activated();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void paintState(Station::StationEvent::Verdict verdict);

    QLabel *m_port;
    QLabel *m_board;
    QLabel *m_step;
    QLabel *m_elapsed;
    QLabel *m_big;
    QProgressBar *m_bar;
    QElapsedTimer m_clock;
    Station::StationEvent::Verdict m_verdict = Station::StationEvent::Verdict::None;
};

} // namespace Forgeline::Ui
