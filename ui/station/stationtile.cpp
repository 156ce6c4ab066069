// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/station/stationtile.h"

#include "ui/common/statuspalette.h"

#include <QGuiApplication>
#include <QLabel>
#include <QMouseEvent>
#include <QProgressBar>
#include <QVBoxLayout>

namespace Forgeline::Ui {

using Verdict = Station::StationEvent::Verdict;

StationTile::StationTile(const QString &port, QWidget *parent)
    : QFrame(parent), m_port(new QLabel(port, this)),
      m_board(new QLabel(tr("waiting for board"), this)), m_step(new QLabel(this)),
      m_elapsed(new QLabel(this)), m_big(new QLabel(this)), m_bar(new QProgressBar(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setMinimumSize(220, 150);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Click for this board's log"));
    auto *layout = new QVBoxLayout(this);
    QFont bold = m_port->font();
    bold.setBold(true);
    m_port->setFont(bold);
    m_port->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_big->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_big->setFont(big);
    m_big->setAlignment(Qt::AlignCenter);
    m_bar->setRange(0, 100);
    layout->addWidget(m_port);
    layout->addWidget(m_board);
    layout->addWidget(m_step);
    layout->addWidget(m_bar);
    layout->addWidget(m_big);
    layout->addWidget(m_elapsed);
    m_clock.start();
    paintState(Verdict::None);
}

void StationTile::paintState(Verdict verdict)
{
    QPalette p = palette();
    // The application's palette, not the tile's own: the tile's window is what is set here.
    const StatusPalette colours = StatusPalette::application();
    QColor colour = colours.background(Tone::Warning); // amber while working
    if (verdict == Verdict::Pass)
        colour = colours.fill(Tone::Success);
    else if (verdict == Verdict::Fail || verdict == Verdict::Cancelled)
        colour = colours.fill(Tone::Error);
    p.setColor(QPalette::Window, colour);
    const bool filled = verdict != Verdict::None;
    p.setColor(QPalette::WindowText,
               filled ? QColor(Qt::white) : QGuiApplication::palette().color(QPalette::WindowText));
    setPalette(p);
}

void StationTile::setBoard(const QString &chip, const QString &mac)
{
    m_board->setText(tr("%1 · %2").arg(chip, mac));
}

void StationTile::setStep(const QString &step, int percent)
{
    m_step->setText(step);
    m_bar->setValue(percent);
}

void StationTile::setProgress(qint64 done, qint64 total)
{
    if (total > 0)
        m_bar->setFormat(tr("%p% (%1/%2 bytes)").arg(done).arg(total));
}

void StationTile::setResult(Verdict verdict, const QString &detail)
{
    m_verdict = verdict;
    m_big->setText(verdict == Verdict::Pass   ? tr("PASS")
                   : verdict == Verdict::Fail ? tr("FAIL")
                                              : tr("STOPPED"));
    m_step->setText(detail);
    m_step->setWordWrap(true);
    if (verdict == Verdict::Pass)
        m_bar->setValue(100);
    m_bar->setFormat(QStringLiteral("%p%"));
    paintState(verdict);
    tick();
}

void StationTile::setRemoved() { m_board->setText(tr("%1 · removed").arg(m_board->text())); }

void StationTile::tick()
{
    if (m_verdict == Verdict::None)
        m_elapsed->setText(tr("%1 s").arg(double(m_clock.elapsed()) / 1000.0, 0, 'f', 1));
    else if (!m_elapsed->text().endsWith(tr("(done)")))
        m_elapsed->setText(tr("%1 s (done)").arg(double(m_clock.elapsed()) / 1000.0, 0, 'f', 1));
}

void StationTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT activated();
    QFrame::mouseReleaseEvent(event);
}

} // namespace Forgeline::Ui
