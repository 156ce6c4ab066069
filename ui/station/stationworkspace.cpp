// SPDX-License-Identifier: GPL-3.0-or-later
// The Station workspace's line: its remembered settings, start and stop, boards joining by
// auto-start or a re-run, and the tiles that follow each board's events.
#include "ui/station/stationworkspace.h"

#include "core/common/logger.h"
#include "core/common/settings.h"
#include "core/sim/demoline.h"
#include "core/station/stationevent.h"

#include "ui/station/recipeeditor.h"
#include "ui/station/stationtile.h"

#include <QCheckBox>
#include <QFile>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

namespace Forgeline::Ui {

using namespace Station;

StationWorkspace::StationWorkspace(QWidget *parent) : QWidget(parent), m_line(new StationLine(this))
{
    connect(m_line, &StationLine::stationEvent, this, &StationWorkspace::onEvent);
    connect(m_line, &StationLine::finished, this, &StationWorkspace::onFinished);
    buildUi();
    // The station's identity and sources survive a restart; the recipe comes back from its file.
    const Settings s = Settings::load();
    m_operator->setText(s.stationOperator);
    m_pool->setText(s.stationPool);
    m_db->setText(s.stationDatabaseUrl);
    setWatchPattern(s.stationWatchPattern);
    if (!s.stationRecipeFile.isEmpty() && QFile::exists(s.stationRecipeFile))
        if (auto r = m_recipe->loadFile(s.stationRecipeFile); !r)
            setStatus(r.error().message);
}

void StationWorkspace::rememberSettings() const
{
    // A demo run must not replace the line's pool and database for next time.
    if (m_pool->text().trimmed() == demoPoolDirectory())
        return;
    Settings s = Settings::load();
    s.stationOperator = m_operator->text().trimmed();
    s.stationPool = m_pool->text().trimmed();
    s.stationDatabaseUrl = m_db->text().trimmed();
    s.stationWatchPattern = m_watchPattern->text().trimmed();
    if (!m_recipe->filePath().isEmpty())
        s.stationRecipeFile = m_recipe->filePath();
    s.save();
}

StationWorkspace::~StationWorkspace() = default;

bool StationWorkspace::running() const { return m_line->running() || m_line->preparing(); }
QString StationWorkspace::statusText() const { return m_status->text(); }

void StationWorkspace::setStatus(const QString &text) { m_status->setText(text); }

QStringList StationWorkspace::ports() const
{
    QStringList out;
    for (const QString &p : m_ports->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            out << p.trimmed();
    return out;
}

LineSettings StationWorkspace::lineSettings() const
{
    LineSettings settings;
    settings.recipeText = m_recipe->text();
    settings.recipeBaseDirectory = m_recipe->baseDirectory();
    settings.poolDirectory = m_pool->text().trimmed();
    settings.databaseUrl = databaseUrl();
    settings.spoolKey = m_db->text().trimmed();
    settings.operatorName = m_operator->text();
    return settings;
}

void StationWorkspace::onStationOpened(const Result<StationOpened> &opened)
{
    if (!opened) {
        const Error &e = opened.error();
        setStatus(e.detail.isEmpty() ? e.message : e.message + QLatin1Char(' ') + e.detail);
        setRunningUi(false);
        for (StationTile *tile : std::as_const(m_tiles))
            if (tile->verdict() == Verdict::None)
                tile->setResult(Verdict::Fail, e.message);
        return;
    }
    if (opened->flushedFromSpool > 0)
        Logger::instance().info(QStringLiteral("station"),
                                tr("%n record(s) kept while the database was away are now stored",
                                   nullptr, opened->flushedFromSpool));
    if (opened->spoolError) {
        // The CLI reports this too: records still waiting must not go unnoticed.
        const QString text = tr("Records kept while the database was away could not be sent: %1")
                                 .arg(opened->spoolError->message);
        Logger::instance().warning(QStringLiteral("station"),
                                   text + QLatin1Char(' ') + opened->spoolError->detail);
        setStatus(text);
    }
    refreshRecords();
}

void StationWorkspace::showTile(const QString &port)
{
    const int columns = 4;
    auto *tile = new StationTile(port, this);
    if (StationTile *old = m_tiles.value(port)) {
        // A fresh board on a port that already ran: a fresh tile in the same place.
        delete m_grid->replaceWidget(old, tile);
        delete old;
    } else {
        const int i = int(m_tileOrder.size());
        m_tileOrder << port;
        m_grid->addWidget(tile, i / columns, i % columns);
    }
    connect(tile, &StationTile::activated, this, [this, port] { showBoardLog(port); });
    m_tiles.insert(port, tile);
}

void StationWorkspace::setRunningUi(bool running)
{
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    if (running)
        m_tick->start();
    else
        m_tick->stop();
}

bool StationWorkspace::start()
{
    if (running())
        return false;
    const QStringList list = ports();
    if (list.isEmpty()) {
        setStatus(tr("Name at least one port."));
        return false;
    }
    Result<void> accepted = m_line->start(
        lineSettings(), list, [this](Result<StationOpened> opened) { onStationOpened(opened); });
    if (!accepted) {
        const Error &e = accepted.error();
        setStatus(e.detail.isEmpty() ? e.message : e.message + QLatin1Char(' ') + e.detail);
        return false;
    }
    qDeleteAll(m_tiles);
    m_tiles.clear();
    m_tileOrder.clear();
    for (const QString &port : list)
        showTile(port);
    setRunningUi(true);
    rememberSettings();
    setStatus(tr("Running %n board(s)", nullptr, int(list.size())));
    return true;
}

void StationWorkspace::onPortAppeared(const QString &port)
{
    if (!m_autoStart->isChecked())
        return;
    Logger::instance().info(QStringLiteral("station"),
                            tr("Board appeared on %1; starting it shortly").arg(port));
    QTimer::singleShot(m_autoStartDelayMs, this, [this, port] { startAppearedPort(port); });
}

void StationWorkspace::startAppearedPort(const QString &port)
{
    if (!m_autoStart->isChecked())
        return;
    if (!m_line->acceptsAppearedPort(port, m_quietMs)) {
        // Still running there (it re-enumerated mid-run; its own retries handle that), or it
        // just finished and its reset into the firmware made the port blink.
        Logger::instance().info(
            QStringLiteral("station"),
            tr("%1 came back right after its board ran; not a new board").arg(port));
        return;
    }
    if (startOnePort(port))
        setStatus(tr("Auto-started %1").arg(port));
}

bool StationWorkspace::rerunPort(const QString &port)
{
    if (!m_line->acceptsAppearedPort(port, 0)) {
        setStatus(tr("%1 is still running.").arg(port));
        return false;
    }
    if (!startOnePort(port))
        return false;
    setStatus(tr("Running %1 again").arg(port));
    return true;
}

bool StationWorkspace::startOnePort(const QString &port)
{
    if (!ports().contains(port))
        m_ports->setText(ports().isEmpty() ? port
                                           : m_ports->text().trimmed() + QLatin1Char(',') + port);
    Result<StationLine::Join> join = m_line->startPort(
        lineSettings(), port, [this](Result<StationOpened> opened) { onStationOpened(opened); });
    if (!join) {
        setStatus(tr("Cannot start %1: %2").arg(port, join.error().message));
        return false;
    }
    if (*join == StationLine::Join::SettingsChanged) {
        setStatus(
            tr("%1 is waiting: the recipe or station settings changed while boards run; press Start when they finish.")
                .arg(port));
        return false;
    }
    showTile(port);
    setRunningUi(true);
    return true;
}

void StationWorkspace::onPortDisappeared(const QString &port)
{
    // A running board fails on its own (the link reports the unplug); a finished tile keeps its
    // verdict so the operator can still read it after pulling the board.
    Logger::instance().info(QStringLiteral("station"), tr("Board removed from %1").arg(port));
    if (StationTile *tile = m_tiles.value(port); tile && tile->verdict() != Verdict::None)
        tile->setRemoved();
}

void StationWorkspace::stop()
{
    // "Stop all" halts the line: boards plugged in afterwards must not start behind the
    // operator's back.
    m_autoStart->setChecked(false);
    m_line->cancel();
    if (!m_line->running())
        setRunningUi(false);
}

void StationWorkspace::onEvent(const StationEvent &e)
{
    StationTile *tile = m_tiles.value(e.port);
    if (!tile)
        return;
    switch (e.kind) {
    case StationEvent::Kind::Identified:
        tile->setBoard(e.description.isEmpty() ? e.chip : e.description, e.mac);
        break;
    case StationEvent::Kind::Step: tile->setStep(e.step, e.percent); break;
    case StationEvent::Kind::Progress: tile->setProgress(e.done, e.total); break;
    case StationEvent::Kind::Result:
        tile->setResult(e.verdict, e.verdict == Verdict::Pass
                                       ? e.pair
                                       : e.failedStep + QStringLiteral(": ") + e.error);
        refreshRecords();
        break;
    default: break;
    }
}

void StationWorkspace::onFinished(const StationSummary &summary)
{
    setRunningUi(false);
    setStatus(tr("%1 passed, %2 failed in %3 s")
                  .arg(summary.passed)
                  .arg(summary.failed)
                  .arg(double(summary.elapsedMs) / 1000.0, 0, 'f', 1));
    refreshRecords();
    Q_EMIT finished(summary.passed, summary.failed);
}

Verdict StationWorkspace::tileResult(const QString &port) const
{
    const StationTile *t = m_tiles.value(port);
    return t ? t->verdict() : Verdict::None;
}

} // namespace Forgeline::Ui
