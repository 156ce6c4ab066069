// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/stationstore.h"

#include "core/common/guarded.h"

#include <QCoreApplication>
#include <QThread>

namespace Forgeline::Station {

// Lives on the worker thread (or the store's thread); only touched from there.
struct StationStore::Worker : QObject
{
    std::unique_ptr<StationResources> owned;
    CertPool *pool = nullptr;
    RecordStore *records = nullptr;
    RecordSpool *spool = nullptr;
};

namespace {

Error noDatabase()
{
    return Error::make(QStringLiteral("station.no-database"),
                       QCoreApplication::translate("Station", "The station database is not open."));
}

} // namespace

StationStore::StationStore(QObject *parent) : QObject(parent)
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("station-db"));
    m_worker = new Worker;
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

StationStore::StationStore(CertPool *pool, RecordStore *records, RecordSpool *spool,
                           QObject *parent)
    : QObject(parent), m_hasPool(pool != nullptr), m_hasRecords(records != nullptr)
{
    m_worker = new Worker;
    m_worker->pool = pool;
    m_worker->records = records;
    m_worker->spool = spool;
}

StationStore::~StationStore()
{
    if (!m_thread) {
        delete m_worker;
        return;
    }
    // The connections close on the thread that opened them, after the work already queued.
    Worker *worker = m_worker;
    QThread *thread = m_thread;
    QMetaObject::invokeMethod(
        worker,
        [worker, thread] {
            delete worker;
            thread->quit();
        },
        Qt::QueuedConnection);
    thread->wait();
    delete thread;
}

template<typename R>
void StationStore::run(std::function<R(Worker &)> work, QObject *context,
                       std::function<void(R)> done)
{
    // The answer is posted to this store (alive until the worker has stopped) and handed to a
    // callback guarded by the context there, on the context's thread: the guard is only ever
    // checked on the thread that owns the context.
    auto reply = std::make_shared<std::function<void(R)>>(guarded(context, std::move(done)));
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, work = std::move(work), reply] {
            auto value = std::make_shared<R>(work(*worker));
            QMetaObject::invokeMethod(
                this, [reply, value] { (*reply)(std::move(*value)); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void StationStore::open(const StationSetupRequest &request, QObject *context,
                        std::function<void(Result<StationOpened>)> done)
{
    Q_ASSERT(m_thread); // a store over the caller's objects is open already
    m_hasPool = false;
    m_hasRecords = false;
    std::function<Result<StationOpened>(Worker &)> work
        = [request](Worker &w) -> Result<StationOpened> {
        w.pool = nullptr;
        w.records = nullptr;
        w.spool = nullptr;
        w.owned.reset();
        Result<std::unique_ptr<StationResources>> station = openStation(request);
        if (!station)
            return station.error();
        w.owned = std::move(*station);
        w.pool = w.owned->pool ? &*w.owned->pool : nullptr;
        w.records = &*w.owned->records;
        w.spool = w.owned->spool.get();
        return StationOpened{w.pool != nullptr, w.owned->flushedFromSpool, w.owned->spoolError,
                             w.owned->importedPairs};
    };
    run<Result<StationOpened>>(std::move(work), context,
                               [this, done = std::move(done)](Result<StationOpened> r) {
                                   if (r) {
                                       m_hasPool = r->hasPool;
                                       m_hasRecords = true;
                                   }
                                   done(std::move(r));
                               });
}

void StationStore::claim(const QString &mac, const QString &station, QObject *context,
                         std::function<void(Result<PoolClaim>)> done)
{
    run<Result<PoolClaim>>(
        [mac, station](Worker &w) -> Result<PoolClaim> {
            if (!w.pool)
                return noDatabase();
            PoolClaim claim;
            Result<CertPair> pair = w.pool->claim(mac, station, &claim.reused);
            if (!pair)
                return pair.error();
            claim.pair = std::move(*pair);
            return claim;
        },
        context, std::move(done));
}

void StationStore::release(const QString &id, const QString &mac, QObject *context,
                           std::function<void(Result<void>)> done)
{
    run<Result<void>>(
        [id, mac](Worker &w) -> Result<void> {
            return w.pool ? w.pool->release(id, mac) : Result<void>(noDatabase());
        },
        context, std::move(done));
}

void StationStore::markUsed(const QString &id, const QString &mac, QObject *context,
                            std::function<void(Result<void>)> done)
{
    run<Result<void>>(
        [id, mac](Worker &w) -> Result<void> {
            return w.pool ? w.pool->markUsed(id, mac) : Result<void>(noDatabase());
        },
        context, std::move(done));
}

void StationStore::addRecord(const StationRecord &record, QObject *context,
                             std::function<void(RecordOutcome)> done)
{
    run<RecordOutcome>(
        [record](Worker &w) {
            RecordOutcome outcome;
            if (!w.records) {
                outcome.stored = noDatabase();
                return outcome;
            }
            outcome.stored = w.records->add(record);
            if (!outcome.stored && w.spool) {
                if (Result<void> kept = w.spool->append(record); kept) {
                    outcome.spooled = true;
                    outcome.spoolPath = w.spool->path();
                } else {
                    outcome.spoolError = kept.error();
                }
            }
            return outcome;
        },
        context, std::move(done));
}

void StationStore::listRecords(const RecordFilter &filter, QObject *context,
                               std::function<void(Result<QList<StationRecord>>)> done)
{
    run<Result<QList<StationRecord>>>(
        [filter](Worker &w) -> Result<QList<StationRecord>> {
            return w.records ? w.records->list(filter) : Result<QList<StationRecord>>(noDatabase());
        },
        context, std::move(done));
}

} // namespace Forgeline::Station
