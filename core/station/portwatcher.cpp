// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/portwatcher.h"

#include "core/flasher/portdiscovery.h"

#include <QDir>
#include <QFileInfo>

namespace Forgeline::Station {

PortWatcher::PortWatcher(QObject *parent) : QObject(parent), m_lister(serialPortLister())
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &PortWatcher::scan);
}

void PortWatcher::setPortLister(std::function<QStringList()> lister)
{
    m_lister = std::move(lister);
}

std::function<QStringList()> PortWatcher::serialPortLister()
{
    return [] {
        QStringList names;
        for (const auto &entry : Flasher::discoverPorts())
            names << entry.name;
        return names;
    };
}

std::function<QStringList()> PortWatcher::patternLister(const QString &pattern)
{
    const QFileInfo info(pattern);
    const QString folder = info.path();
    const QString name = info.fileName();
    return [folder, name] {
        QStringList paths;
        // System: device nodes and symlinks to them (by-id names) are "system" entries to QDir.
        const QDir dir(folder);
        for (const QString &entry : dir.entryList(
                 {name}, QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot, QDir::Name))
            paths << dir.filePath(entry);
        return paths;
    };
}

void PortWatcher::setPattern(const QString &pattern)
{
    m_lister = pattern.trimmed().isEmpty() ? serialPortLister() : patternLister(pattern.trimmed());
    // A different set of ports: what is there now is the new baseline.
    m_hasBaseline = false;
    if (isActive())
        scan();
}

void PortWatcher::setInterval(int ms) { m_timer.setInterval(ms); }

void PortWatcher::start()
{
    m_hasBaseline = false;
    scan();
    m_timer.start();
}

void PortWatcher::stop() { m_timer.stop(); }

bool PortWatcher::isActive() const { return m_timer.isActive(); }

void PortWatcher::scan()
{
    const QStringList listed = m_lister ? m_lister() : QStringList();
    const QSet<QString> now(listed.cbegin(), listed.cend());
    if (!m_hasBaseline) {
        m_known = now;
        m_hasBaseline = true;
        return;
    }
    for (const QString &port : listed)
        if (!m_known.contains(port))
            Q_EMIT portAppeared(port);
    for (const QString &port : std::as_const(m_known))
        if (!now.contains(port))
            Q_EMIT portDisappeared(port);
    m_known = now;
}

} // namespace Forgeline::Station
