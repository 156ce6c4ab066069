// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/station/stationsetup.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QThread;

namespace Forgeline::Station {

struct PoolClaim
{
    CertPair pair;
    bool reused = false; // the board already held it (it may be on its flash)
};

// Where a record went: stored (id), or kept in the spool because the database refused it.
struct RecordOutcome
{
    Result<qint64> stored = qint64(0);
    bool spooled = false;
    QString spoolPath;
    std::optional<Error> spoolError; // the spool refused it too
};

struct StationOpened
{
    bool hasPool = false;
    int flushedFromSpool = 0;
    std::optional<Error> spoolError;
    int importedPairs = 0;
};

// The station's database work as queued calls: claims, releases, records, listing, the pool
// import and the spool flush run on the store's own thread, so a database that is slow or
// held locked by another station (SQLite waits up to 30 s for a lock) never stalls the GUI's
// event loop. Each call takes a context object on the caller's thread; the answer is
// delivered there, and dropped if the context was destroyed meanwhile.
//
// Two ways to make one: StationStore() owns a worker thread and is set up with open();
// StationStore(pool, records, spool) runs on the caller's own thread with objects the caller
// made (tests, the benchmark), with the same queued answers.
class StationStore : public QObject
{
    Q_OBJECT
public:
    explicit StationStore(QObject *parent = nullptr);
    StationStore(CertPool *pool, RecordStore *records, RecordSpool *spool,
                 QObject *parent = nullptr);
    ~StationStore() override;

    // Runs openStation() on the worker; until it answers, the store has no pool or records.
    void open(const StationSetupRequest &request, QObject *context,
              std::function<void(Result<StationOpened>)> done);
    bool hasPool() const { return m_hasPool; }
    bool hasRecords() const { return m_hasRecords; }

    void claim(const QString &mac, const QString &station, QObject *context,
               std::function<void(Result<PoolClaim>)> done);
    void release(const QString &id, const QString &mac, QObject *context,
                 std::function<void(Result<void>)> done);
    void markUsed(const QString &id, const QString &mac, QObject *context,
                  std::function<void(Result<void>)> done);
    // Stores the record; if the database refuses it, keeps it in the spool.
    void addRecord(const StationRecord &record, QObject *context,
                   std::function<void(RecordOutcome)> done);
    void listRecords(const RecordFilter &filter, QObject *context,
                     std::function<void(Result<QList<StationRecord>>)> done);

private:
    struct Worker;
    // Runs `work` on the worker; its value comes back to `done` on this object's thread.
    template<typename R>
    void run(std::function<R(Worker &)> work, QObject *context, std::function<void(R)> done);

    QThread *m_thread = nullptr; // null: work runs on this object's thread
    Worker *m_worker = nullptr;
    bool m_hasPool = false;
    bool m_hasRecords = false;
};

} // namespace Forgeline::Station
