// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/station/records.h"

#include <QString>

namespace Forgeline::Station {

// Where an attempt's record waits when the station database cannot take it (a shared
// PostgreSQL across the network is down, a lock held too long): one JSON line per record in a
// local file, sent to the database by the next station run. A board that was flashed and
// provisioned correctly is not failed, and nothing about it is lost, because a server blinked.
class RecordSpool
{
public:
    explicit RecordSpool(QString path);

    // <app data>/station-spool-<hash of the database URL>.jsonl: records wait for the database
    // they were meant for, never another (a demo database, a different line's server).
    static QString defaultPath(const QString &databaseUrl);
    QString path() const { return m_path; }

    Result<void> append(const StationRecord &record);
    int pending() const;
    // Adds every waiting record to `store`; the ones it still refuses stay in the spool.
    // Returns how many were sent.
    Result<int> flushInto(RecordStore &store);

private:
    QString m_path;
};

} // namespace Forgeline::Station
