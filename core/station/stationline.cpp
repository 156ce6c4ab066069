// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/stationline.h"

#include <QHostInfo>

#include <utility>

namespace Forgeline::Station {

QString LineSettings::fingerprint() const
{
    return recipeText + QChar(0) + poolDirectory + QChar(0) + spoolKey + QChar(0) + operatorName;
}

StationLine::StationLine(QObject *parent) : QObject(parent) {}

StationLine::~StationLine()
{
    // Boards first: they call into the store.
    delete m_job;
    m_job = nullptr;
}

Result<void> StationLine::start(const LineSettings &settings, const QStringList &ports,
                                std::function<void(Result<StationOpened>)> ready)
{
    if (running() || m_preparing)
        return Error::make(QStringLiteral("station.busy"), tr("The line is already running."));
    return prepare(settings, ports, std::move(ready));
}

Result<StationLine::Join> StationLine::startPort(const LineSettings &settings, const QString &port,
                                                 std::function<void(Result<StationOpened>)> ready)
{
    if (m_job && !m_preparing && settings.fingerprint() == m_fingerprint) {
        m_job->startPort(port);
        return Join::Started;
    }
    if (m_preparing && settings.fingerprint() == m_pendingFingerprint) {
        if (!m_pendingPorts.contains(port))
            m_pendingPorts << port; // starts with the others when the station is open
        return Join::Preparing;
    }
    if (running() || m_preparing)
        return Join::SettingsChanged;
    if (Result<void> r = prepare(settings, {port}, std::move(ready)); !r)
        return r.error();
    return Join::Preparing;
}

Result<void> StationLine::prepare(const LineSettings &settings, const QStringList &ports,
                                  std::function<void(Result<StationOpened>)> ready)
{
    Result<Recipe> recipe
        = Recipe::fromJson(settings.recipeText.toUtf8(), settings.recipeBaseDirectory);
    if (!recipe)
        return recipe.error();
    // The old boards use the old store: both go, boards first.
    delete m_job;
    m_job = nullptr;
    m_fingerprint.clear();
    m_store = std::make_unique<StationStore>();
    m_preparing = true;
    const int generation = ++m_generation;

    StationSetupRequest request;
    request.databaseUrl = settings.databaseUrl;
    request.spoolKey = settings.spoolKey;
    request.poolDirectory = settings.poolDirectory;
    request.needsPool = recipe->needsPair();
    StationContext context;
    context.station = settings.station.isEmpty() ? QHostInfo::localHostName() : settings.station;
    context.operatorName = settings.operatorName.trimmed();
    m_pendingFingerprint = settings.fingerprint();
    m_pendingPorts = ports;
    const Recipe parsed = *recipe;
    m_store->open(request, this,
                  [this, generation, context, parsed,
                   ready = std::move(ready)](Result<StationOpened> opened) mutable {
                      if (generation != m_generation)
                          return;
                      m_preparing = false;
                      const QStringList ports = std::exchange(m_pendingPorts, {});
                      const QString fingerprint = std::exchange(m_pendingFingerprint, {});
                      if (opened) {
                          context.store = m_store.get();
                          m_job = new StationJob(parsed, context, this);
                          m_fingerprint = fingerprint;
                          connect(m_job, &StationJob::stationEvent, this,
                                  &StationLine::stationEvent);
                          connect(m_job, &StationJob::finished, this, &StationLine::finished);
                      }
                      if (ready)
                          ready(opened);
                      if (opened && m_job)
                          m_job->start(ports);
                  });
    return {};
}

void StationLine::cancel()
{
    if (m_preparing) {
        // Nothing runs yet: forget the answer. The store stays until the next start, so
        // nothing here waits for a database that is still answering.
        ++m_generation;
        m_preparing = false;
        return;
    }
    if (m_job)
        m_job->cancel();
}

bool StationLine::acceptsAppearedPort(const QString &port, qint64 quietMs) const
{
    return !m_job || m_job->acceptsAppearedPort(port, quietMs);
}

QStringList StationLine::boardLog(const QString &port) const
{
    if (!m_job)
        return {};
    const auto &boards = m_job->boards();
    for (auto it = boards.crbegin(); it != boards.crend(); ++it)
        if ((*it)->port() == port)
            return (*it)->log();
    return {};
}

} // namespace Forgeline::Station
