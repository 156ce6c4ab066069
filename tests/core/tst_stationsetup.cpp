// SPDX-License-Identifier: GPL-3.0-or-later
// The one station setup (CLI and workspace) and the station store that runs its database work
// on another thread: real SQLite files, a real spool, answers on the caller's thread.
#include "core/station/recordspool.h"
#include "core/station/stationsetup.h"
#include "core/station/stationstore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Forgeline;
using namespace Forgeline::Station;

class TestStationSetup : public QObject
{
    Q_OBJECT

    static QString makePool(const QTemporaryDir &tmp, int count)
    {
        const QString dir = tmp.filePath(QStringLiteral("pool"));
        QDir().mkpath(dir);
        for (int i = 0; i < count; ++i) {
            const QString id = QStringLiteral("dev%1").arg(i);
            QFile c(dir + QLatin1Char('/') + id + QStringLiteral(".crt"));
            QFile k(dir + QLatin1Char('/') + id + QStringLiteral(".key"));
            if (!c.open(QIODevice::WriteOnly) || !k.open(QIODevice::WriteOnly))
                return {};
            c.write("CERT " + id.toLatin1());
            k.write("KEY " + id.toLatin1());
        }
        return dir;
    }

    static StationRecord record(const QString &mac)
    {
        StationRecord r;
        r.time = QDateTime::currentDateTimeUtc();
        r.station = QStringLiteral("st");
        r.mac = mac;
        r.result = Verdict::Pass;
        return r;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void recipeThatWritesACertificateNeedsAPool()
    {
        StationSetupRequest request;
        request.needsPool = true;
        const auto station = openStation(request);
        QVERIFY(!station);
        QCOMPARE(station.error().code, QStringLiteral("station.no-pool"));
        QVERIFY(!station.error().fix.isEmpty());
    }

    void folderPoolImportedAndSpoolSent()
    {
        QTemporaryDir tmp;
        const QString pool = makePool(tmp, 3);
        QVERIFY(!pool.isEmpty());
        StationSetupRequest request;
        request.databaseUrl
            = QStringLiteral("sqlite://") + tmp.filePath(QStringLiteral("line.sqlite"));
        request.poolDirectory = pool;
        request.needsPool = true;
        // A record an earlier run kept while the database was away.
        RecordSpool(RecordSpool::defaultPath(request.databaseUrl))
            .append(record(QStringLiteral("aa:01")));

        auto station = openStation(request);
        QVERIFY2(station, qPrintable(station ? QString() : station.error().message));
        QCOMPARE((*station)->importedPairs, 3);
        QCOMPARE((*station)->flushedFromSpool, 1);
        QVERIFY(!(*station)->spoolError);
        QVERIFY((*station)->pool);
        const auto list = (*station)->records->list();
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        station = openStation(request); // every station imports at start: idempotent
        QVERIFY(station);
        QCOMPARE((*station)->importedPairs, 0);
        QCOMPARE((*station)->flushedFromSpool, 0);
    }

    void folderPoolWithoutDatabaseKeepsClaimsBesideThePairs()
    {
        QTemporaryDir tmp;
        const QString pool = makePool(tmp, 1);
        StationSetupRequest request;
        request.databaseUrl
            = QStringLiteral("sqlite://") + tmp.filePath(QStringLiteral("records.sqlite"));
        request.poolDirectory = pool;
        auto station = openStation(request);
        QVERIFY(station);
        // With --db the pool shares it; this request names one, so the claims are there.
        QCOMPARE((*station)->poolDb.url(), request.databaseUrl);
        QCOMPARE(folderPoolDatabaseUrl(pool),
                 QStringLiteral("sqlite://")
                     + QDir(pool).absoluteFilePath(QStringLiteral(".forgeline-pool.sqlite")));
    }

    void spoolThatCannotBeReadIsReported()
    {
        QTemporaryDir tmp;
        StationSetupRequest request;
        request.databaseUrl
            = QStringLiteral("sqlite://") + tmp.filePath(QStringLiteral("line.sqlite"));
        // The spool path is a directory: it cannot be read, and the setup says so.
        const QString spoolPath = RecordSpool::defaultPath(request.databaseUrl);
        QFile::remove(spoolPath);
        QVERIFY(QDir().mkpath(spoolPath));
        const auto station = openStation(request);
        QDir(spoolPath).removeRecursively();
        QVERIFY(station);
        QVERIFY((*station)->spoolError.has_value());
    }

    void storeWorksOnItsOwnThreadAndAnswersOnThis()
    {
        QTemporaryDir tmp;
        const QString pool = makePool(tmp, 2);
        StationStore store;
        StationSetupRequest request;
        request.databaseUrl
            = QStringLiteral("sqlite://") + tmp.filePath(QStringLiteral("line.sqlite"));
        request.poolDirectory = pool;
        request.needsPool = true;

        std::optional<Result<StationOpened>> opened;
        store.open(request, this, [&](Result<StationOpened> r) { opened = std::move(r); });
        QVERIFY(!opened); // never answered from inside the call
        QTRY_VERIFY(opened.has_value());
        QVERIFY(opened->ok());
        QVERIFY(store.hasPool());
        QCOMPARE((*opened)->importedPairs, 2);

        QThread *answeredOn = nullptr;
        std::optional<Result<PoolClaim>> claim;
        store.claim(QStringLiteral("aa:02"), QStringLiteral("st"), this, [&](Result<PoolClaim> r) {
            answeredOn = QThread::currentThread();
            claim = std::move(r);
        });
        QTRY_VERIFY(claim.has_value());
        QVERIFY(claim->ok());
        QCOMPARE(answeredOn, QThread::currentThread());
        QVERIFY(!(*claim)->reused);

        // An answer for a context that died meanwhile is dropped.
        auto *gone = new QObject;
        bool called = false;
        store.claim(QStringLiteral("aa:03"), QStringLiteral("st"), gone,
                    [&](Result<PoolClaim>) { called = true; });
        delete gone;
        std::optional<RecordOutcome> stored;
        store.addRecord(record(QStringLiteral("aa:02")), this,
                        [&](RecordOutcome o) { stored = std::move(o); });
        QTRY_VERIFY(stored.has_value()); // queued after the claim: that one has been answered too
        QVERIFY(!called);
        QVERIFY(stored->stored.ok());
        QVERIFY(!stored->spooled);
    }
};

QTEST_GUILESS_MAIN(TestStationSetup)
#include "tst_stationsetup.moc"
