// SPDX-License-Identifier: GPL-3.0-or-later
// The Station workspace's demo: a line of virtual boards (core/sim/demoline.h) filled into the
// setup fields, with its own pool and database so it never mixes with the line's records.
#include "ui/station/stationworkspace.h"

#include "core/sim/demoline.h"
#include "core/sim/demopool.h"

#include <QDir>
#include <QJsonDocument>
#include <QLineEdit>

namespace Forgeline::Ui {

QString StationWorkspace::demoPoolDirectory() { return Sim::defaultDemoPoolDirectory(); }

Result<void> StationWorkspace::startVirtualBoards(int count)
{
    if (running())
        return Error::make(QStringLiteral("station.virtual"), tr("Stop the running boards first."));
    const QString poolDir = demoPoolDirectory();
    if (!m_demoLine)
        m_demoLine = std::make_unique<Sim::DemoLine>();
    if (auto started = m_demoLine->start(poolDir, count); !started)
        return started.error();
    const QStringList ports = m_demoLine->ports();
    setRecipeText(QString::fromUtf8(QJsonDocument(m_demoLine->recipe()).toJson()));
    setPorts(ports);
    setPoolDirectory(poolDir);
    // Demo attempts never mix with the line's real records.
    setDatabaseUrl(QStringLiteral("sqlite://")
                   + QDir(poolDir).absoluteFilePath(QStringLiteral("demo-station.sqlite")));
    if (m_operator->text().trimmed().isEmpty())
        setOperatorName(tr("demo"));
    setStatus(tr("%n virtual board(s) ready: press Start all", nullptr, int(ports.size())));
    return {};
}

} // namespace Forgeline::Ui
