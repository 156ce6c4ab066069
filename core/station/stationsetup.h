// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/station/certpool.h"
#include "core/station/records.h"
#include "core/station/recordspool.h"
#include "core/station/stationdatabase.h"

#include <memory>
#include <optional>

namespace Forgeline::Station {

// What a station is started from, as the operator gave it (CLI options or workspace fields).
struct StationSetupRequest
{
    QString databaseUrl;    // "" = the app data dir's station.sqlite; may carry a password
    QString spoolKey;       // the URL the record spool is keyed by; "" = databaseUrl
    QString poolDirectory;  // "" = no folder pool (a database-only pool when databaseUrl is set)
    bool needsPool = false; // the recipe writes a certificate
};

// A ready station's database side: the records store with its spool, and the pool when there
// is one. Every member talks to the database on the thread that called openStation(), so the
// whole object lives and dies on that thread (StationStore keeps it on its worker).
struct StationResources
{
    StationDatabase recordsDb;
    StationDatabase poolDb;
    std::optional<RecordStore> records;
    std::unique_ptr<RecordSpool> spool;
    std::optional<CertPool> pool;
    int flushedFromSpool = 0;        // records an earlier run kept that are now stored
    std::optional<Error> spoolError; // the spool could not be sent; the run goes on
    int importedPairs = 0;           // pairs new to the pool from the folder
};

// The one way a station starts, for `forgeline-cli station` and the Station workspace alike:
// opens and migrates the records database, sends what the spool kept while the database was
// away, opens the pool's database (the --db one when given, so a line shares its claims;
// else a file next to the pairs, so every station using that folder does) and imports the
// folder. Errors carry a fix; "station.no-pool" means the request itself is incomplete.
Result<std::unique_ptr<StationResources>> openStation(const StationSetupRequest &request);

// The pool's database when no --db is given: beside the pairs.
QString folderPoolDatabaseUrl(const QString &poolDirectory);

} // namespace Forgeline::Station
