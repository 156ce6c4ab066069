// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/stationsetup.h"

#include <QCoreApplication>
#include <QDir>

namespace Forgeline::Station {

QString folderPoolDatabaseUrl(const QString &poolDirectory)
{
    return QStringLiteral("sqlite://")
           + QDir(poolDirectory).absoluteFilePath(QStringLiteral(".forgeline-pool.sqlite"));
}

Result<std::unique_ptr<StationResources>> openStation(const StationSetupRequest &request)
{
    const QString poolDir = request.poolDirectory.trimmed();
    const QString dbUrl = request.databaseUrl.trimmed();
    const bool hasPool = !poolDir.isEmpty() || !dbUrl.isEmpty();
    if (request.needsPool && !hasPool)
        return Error::make(ErrorCode::StationNoPool,
                           QCoreApplication::translate(
                               "Station", "The recipe writes a certificate but no pool was given."),
                           {},
                           QCoreApplication::translate(
                               "Station", "Give a certificate pool folder or a station database."));

    auto station = std::make_unique<StationResources>();
    if (auto r = station->recordsDb.open(dbUrl); !r)
        return r.error();
    station->records.emplace(station->recordsDb);
    if (auto r = station->records->prepare(); !r)
        return r.error();
    // Records an earlier run could not store (database away) go in first.
    station->spool = std::make_unique<RecordSpool>(
        RecordSpool::defaultPath(request.spoolKey.isEmpty() ? dbUrl : request.spoolKey));
    if (Result<int> sent = station->spool->flushInto(*station->records); sent)
        station->flushedFromSpool = *sent;
    else
        station->spoolError = sent.error();

    if (hasPool) {
        if (auto r
            = station->poolDb.open(!dbUrl.isEmpty() ? dbUrl : folderPoolDatabaseUrl(poolDir));
            !r)
            return r.error();
        station->pool.emplace(station->poolDb);
        if (auto r = station->pool->prepare(); !r)
            return r.error();
        if (!poolDir.isEmpty()) {
            Result<int> added = station->pool->importFolder(poolDir);
            if (!added)
                return added.error();
            station->importedPairs = *added;
        }
    }
    return station;
}

} // namespace Forgeline::Station
