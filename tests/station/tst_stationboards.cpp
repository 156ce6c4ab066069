// SPDX-License-Identifier: GPL-3.0-or-later
// Eight virtual boards through one StationJob on one event loop: all pass; then faults on some
// boards leave the others untouched, fail the faulty ones with their reason, and lose no pair.
#include "stationtesthelpers.h"

#include "core/station/certpool.h"
#include "core/station/records.h"
#include "core/station/recordspool.h"
#include "core/station/stationdatabase.h"
#include "core/station/stationevent.h"
#include "core/station/stationjob.h"

#include <QDir>
#include <QEventLoop>
#include <QFileSystemWatcher>
#include <QJsonArray>
#include <QPointer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Forgeline;
using namespace Forgeline::Station;
using namespace StationTest;

class TestStationBoards : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pool;
    QStringList m_roundTripErrors;

    struct Run
    {
        std::optional<StationSummary> summary;
        QList<QJsonObject> events;
    };

    Run runStation(StationJob &job, const QStringList &ports)
    {
        Run run;
        QEventLoop loop;
        connect(&job, &StationJob::stationEvent, &loop, [this, &run](const StationEvent &event) {
            const QJsonObject e = event.toJson();
            run.events.append(e);
            // The JSON of `forgeline-cli station --json` reads back to the same event: its
            // contract lives in StationEvent.
            const QJsonObject again = StationEvent::fromJson(e).toJson();
            if (again != e)
                m_roundTripErrors << QString::fromUtf8(
                                         QJsonDocument(e).toJson(QJsonDocument::Compact))
                                         + QStringLiteral(" -> ")
                                         + QString::fromUtf8(
                                             QJsonDocument(again).toJson(QJsonDocument::Compact));
        });
        connect(&job, &StationJob::finished, &loop, [&](const StationSummary &s) {
            run.summary = s;
            loop.quit();
        });
        job.start(ports);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        if (!run.summary)
            loop.exec();
        return run;
    }

    // One station's database with its pool (imported from the shared folder) and records.
    struct Stores
    {
        StationDatabase db;
        CertPool pool{db};
        RecordStore records{db};
    };
    bool openStores(Stores &s, const QString &file)
    {
        return s.db.open(QStringLiteral("sqlite://") + m_dir.filePath(file)) && s.pool.prepare()
               && s.pool.importFolder(m_pool) && s.records.prepare();
    }

    static QJsonObject resultFor(const Run &run, const QString &port)
    {
        for (const QJsonObject &e : run.events)
            if (e.value(QStringLiteral("event")).toString() == QStringLiteral("result")
                && e.value(QStringLiteral("port")).toString() == port)
                return e;
        return {};
    }

private Q_SLOTS:
    void cleanup()
    {
        QVERIFY2(m_roundTripErrors.isEmpty(),
                 qPrintable(m_roundTripErrors.join(QLatin1Char('\n'))));
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pool = m_dir.filePath(QStringLiteral("pool"));
        QVERIFY(makePool(m_pool, 24));
    }

    void eightBoardsPass()
    {
        BoardLine line;
        const QList<VirtualBoard *> &raw = line.raw;
        const QStringList &ports = line.ports;
        for (int i = 0; i < 8; ++i) {
            BoardOptions o;
            o.pty = i % 2 == 0; // half over a pty, half over TCP like ser2net
            QVERIFY(line.add(i, o));
        }
        auto recipe = Recipe::fromJson(QJsonDocument(recipeJson(raw)).toJson());
        QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().message));

        StationDatabase db;
        QVERIFY(
            db.open(QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("pass.sqlite"))));
        CertPool pool(db);
        QVERIFY(pool.prepare());
        auto imported = pool.importFolder(m_pool);
        QVERIFY(imported);
        QCOMPARE(*imported, 24);
        RecordStore records(db);
        QVERIFY(records.prepare());

        StationJob job(*recipe, StationContext{QStringLiteral("st-A"), QStringLiteral("alice"),
                                               &pool, &records});
        const Run run = runStation(job, ports);
        QVERIFY(run.summary);
        for (const QString &port : ports) {
            const QJsonObject r = resultFor(run, port);
            QVERIFY2(
                r.value(QStringLiteral("result")).toString() == QStringLiteral("pass"),
                qPrintable(QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact))));
        }
        QCOMPARE(run.summary->passed, 8);

        // Each board's cert partition holds exactly its own pair's certificate, PEM + NUL.
        auto list = records.list();
        QVERIFY(list);
        QCOMPARE(list->size(), 8);
        QSet<QString> fingerprints, pairs;
        for (const StationRecord &rec : *list)
            QCOMPARE(rec.chip,
                     QStringLiteral(
                         "ESP32-D0WD-V3 (revision v3.0)")); // the virtual board's default silicon
        for (const StationRecord &rec : *list) {
            QCOMPARE(rec.result, Verdict::Pass);
            QCOMPARE(rec.provision, QStringLiteral("connected"));
            QCOMPARE(rec.station, QStringLiteral("st-A"));
            QCOMPARE(rec.operatorName, QStringLiteral("alice"));
            QCOMPARE(rec.written.size(), 2);
            QVERIFY(!rec.certSerial.isEmpty());
            fingerprints.insert(rec.certFingerprint);
            pairs.insert(rec.pairId);
            VirtualBoard *board = nullptr;
            for (VirtualBoard *b : raw)
                if (b->port == rec.port)
                    board = b;
            QVERIFY(board);
            const QByteArray cert
                = readFile(m_pool + QLatin1Char('/') + rec.pairId + QStringLiteral(".crt"));
            const QByteArray key
                = readFile(m_pool + QLatin1Char('/') + rec.pairId + QStringLiteral(".key"));
            QCOMPARE(board->flash().mid(0x110000, cert.size() + 1), cert + QByteArray(1, '\0'));
            QCOMPARE(board->flash().mid(0x112000, key.size() + 1), key + QByteArray(1, '\0'));
            QCOMPARE(rec.mac.toLower(),
                     QString::fromLatin1(board->rom->device().config().mac.toHex(':')));
            QVERIFY(board->net->device()->credentialsApplied());
            QVERIFY(board->net->deviceLog()
                        .join(QLatin1Char('\n'))
                        .contains(QStringLiteral("serial=") + rec.mac));
            auto holder = pool.macOf(rec.pairId);
            QVERIFY(holder);
            QCOMPARE(*holder, rec.mac);
        }
        QCOMPARE(fingerprints.size(), 8);
        QCOMPARE(pairs.size(), 8);
        auto counts = pool.counts();
        QVERIFY(counts);
        QCOMPARE(counts->used, 8);
        QCOMPARE(counts->free, 16);

        // Neither the private keys nor the Wi-Fi passphrase / PoP end up in the database.
        db.close();
        const QByteArray dbBytes = readFile(m_dir.filePath(QStringLiteral("pass.sqlite")))
                                   + readFile(m_dir.filePath(QStringLiteral("pass.sqlite-wal")));
        for (const QString &pair : std::as_const(pairs)) {
            const QByteArray key
                = readFile(m_pool + QLatin1Char('/') + pair + QStringLiteral(".key"));
            const QByteArray body = key.split('\n').value(1);
            QVERIFY(body.size() > 20);
            QVERIFY(!dbBytes.contains(body));
        }
        QVERIFY(!dbBytes.contains("factory-pass-123"));
        QVERIFY(!dbBytes.contains("abcd1234"));
        // Nor in the event stream.
        for (const QJsonObject &e : run.events)
            QVERIFY(!QJsonDocument(e).toJson().contains("factory-pass-123"));
    }

    // ESP-IDF 5 boards on Security 2 (SRP6a + AES-GCM), one per nonce scheme, next to a
    // Security 1 board on the same line: the recipe names the username, the PoP is the password.
    void securityTwoBoards()
    {
        BoardLine line;
        const QList<VirtualBoard *> &raw = line.raw;
        const QStringList &ports = line.ports;
        for (int i = 0; i < 3; ++i) {
            BoardOptions o;
            if (i < 2) {
                o.profile = QStringLiteral(":/forgeline/data/boards/security2.json");
                o.securityPatch = i;
            }
            QVERIFY(line.add(40 + i, o));
        }
        QCOMPARE(raw[0]->net->device()->profile().protocomm.security, 2);
        QJsonObject json = recipeJson(raw);
        QJsonObject provision = json.value(QStringLiteral("provision")).toObject();
        provision.insert(QStringLiteral("username"), QStringLiteral("wifiprov"));
        json.insert(QStringLiteral("provision"), provision);
        auto recipe = Recipe::fromJson(QJsonDocument(json).toJson());
        QVERIFY(recipe);
        QCOMPARE(recipe->provision->username, QByteArray("wifiprov"));

        Stores stores;
        QVERIFY(openStores(stores, QStringLiteral("sec2.sqlite")));
        CertPool &pool = stores.pool;
        RecordStore &records = stores.records;
        StationJob job(*recipe, StationContext{QStringLiteral("st-S2"), QStringLiteral("sam"),
                                               &pool, &records});
        const Run run = runStation(job, ports);
        QVERIFY(run.summary);
        for (const QString &port : ports) {
            const QJsonObject r = resultFor(run, port);
            QVERIFY2(
                r.value(QStringLiteral("result")).toString() == QStringLiteral("pass"),
                qPrintable(QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact))));
        }
        for (VirtualBoard *b : raw)
            QVERIFY(b->net->device()->credentialsApplied());
    }

    // The shared database goes away mid-shift (here: its table vanishes under the station). The
    // board was done right, so it passes; its record waits in the spool and reaches a database later.
    void databaseAwayKeepsTheRecord()
    {
        BoardOptions o;
        auto board = makeBoard(60, o);
        QVERIFY(board);
        auto recipe = Recipe::fromJson(QJsonDocument(recipeJson({board.get()})).toJson());
        QVERIFY(recipe);
        Stores stores;
        QVERIFY(openStores(stores, QStringLiteral("away.sqlite")));
        StationDatabase &db = stores.db;
        CertPool &pool = stores.pool;
        RecordStore &records = stores.records;
        QVERIFY(db.exec(QStringLiteral("DROP TABLE station_records")));
        RecordSpool spool(m_dir.filePath(QStringLiteral("away-spool.jsonl")));

        StationContext context{QStringLiteral("st-away"), QStringLiteral("ira"), &pool, &records};
        context.spool = &spool;
        StationJob job(*recipe, context);
        const Run run = runStation(job, {board->port});
        QVERIFY(run.summary);
        QCOMPARE(resultFor(run, board->port).value(QStringLiteral("result")).toString(),
                 QStringLiteral("pass"));
        QCOMPARE(spool.pending(), 1);
        QVERIFY(job.boards()
                    .first()
                    ->log()
                    .join(QLatin1Char('\n'))
                    .contains(QStringLiteral("sent on the next run")));

        StationDatabase later;
        QVERIFY(later.open(QStringLiteral("sqlite://")
                           + m_dir.filePath(QStringLiteral("later.sqlite"))));
        RecordStore laterRecords(later);
        QVERIFY(laterRecords.prepare());
        const auto sent = spool.flushInto(laterRecords);
        QVERIFY(sent);
        QCOMPARE(*sent, 1);
        const auto list = laterRecords.list();
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().mac,
                 resultFor(run, board->port).value(QStringLiteral("mac")).toString());
        QCOMPARE(list->first().result, Verdict::Pass);
        QCOMPARE(list->first().written.size(), 2);
    }

    void faultsStayOnTheirBoards()
    {
        // 1: no cert partition (fails before writing: pair goes back), 3: wrong Wi-Fi password
        // on the line (pair written, board fails at provisioning), 5: cable pulled while the
        // key is written (pair stays with that MAC), the rest are healthy.
        BoardLine line;
        const QList<VirtualBoard *> &raw = line.raw;
        const QStringList &ports = line.ports;
        for (int i = 0; i < 8; ++i) {
            BoardOptions o;
            o.pty = i % 2 == 1;
            if (i == 1)
                o.partitionCsv = QStringLiteral(
                    "nvs, data, nvs, 0x9000, 0x6000,\nfactory, app, factory, 0x10000, 1M,\n");
            if (i == 3)
                o.wifiPassphrase = QStringLiteral("the-real-password");
            if (i == 5)
                o.disconnectAt = 0x112000;
            QVERIFY(line.add(100 + i, o));
        }
        auto recipe = Recipe::fromJson(QJsonDocument(recipeJson(raw)).toJson());
        QVERIFY(recipe);

        Stores stores;
        QVERIFY(openStores(stores, QStringLiteral("faults.sqlite")));
        CertPool &pool = stores.pool;
        RecordStore &records = stores.records;
        StationJob job(*recipe, StationContext{QStringLiteral("st-B"), QStringLiteral("bob"), &pool,
                                               &records});
        const Run run = runStation(job, ports);
        QVERIFY(run.summary);
        QCOMPARE(run.summary->passed, 5);
        QCOMPARE(run.summary->failed, 3);

        const QJsonObject r1 = resultFor(run, ports[1]);
        QCOMPARE(r1.value(QStringLiteral("result")).toString(), QStringLiteral("fail"));
        QCOMPARE(r1.value(QStringLiteral("failedStep")).toString(), QStringLiteral("flash"));
        QVERIFY(r1.value(QStringLiteral("error")).toString().contains(QStringLiteral("\"cert\"")));
        const QJsonObject r3 = resultFor(run, ports[3]);
        QCOMPARE(r3.value(QStringLiteral("failedStep")).toString(), QStringLiteral("provision"));
        const QJsonObject r5 = resultFor(run, ports[5]);
        QCOMPARE(r5.value(QStringLiteral("failedStep")).toString(), QStringLiteral("flash"));
        for (int i : {0, 2, 4, 6, 7})
            QCOMPARE(resultFor(run, ports[i]).value(QStringLiteral("result")).toString(),
                     QStringLiteral("pass"));

        // Board 1 holds nothing; 3 and 5 keep their pairs; 5 healthy boards + 3 = 7 taken.
        auto counts = pool.counts();
        QVERIFY(counts);
        QCOMPARE(counts->used, 6);    // 5 passed + board 3 (written, provisioning failed)
        QCOMPARE(counts->claimed, 1); // board 5: cert written, key interrupted
        QCOMPARE(counts->free, 24 - 7);
        auto list = records.list();
        QVERIFY(list);
        QCOMPARE(list->size(), 8);
        QString pairOf5;
        for (const StationRecord &rec : *list) {
            if (rec.port == ports[1]) {
                QVERIFY(rec.pairId.isEmpty());
                QCOMPARE(rec.result, Verdict::Fail);
                QCOMPARE(rec.diagnosisId, QStringLiteral("station.partition"));
            }
            if (rec.port == ports[5])
                pairOf5 = rec.pairId;
        }
        QVERIFY(!pairOf5.isEmpty());

        // Board 5 again, cable back: it gets the same pair, and passes.
        auto again = makeBoard(105, {});
        QVERIFY(again);
        QList<VirtualBoard *> one{again.get()};
        auto recipe2 = Recipe::fromJson(QJsonDocument(recipeJson(one)).toJson());
        QVERIFY(recipe2);
        StationJob job2(*recipe2, StationContext{QStringLiteral("st-B"), QStringLiteral("bob"),
                                                 &pool, &records});
        const Run rerun = runStation(job2, {again->port});
        QVERIFY(rerun.summary);
        QCOMPARE(rerun.summary->passed, 1);
        QCOMPARE(resultFor(rerun, again->port).value(QStringLiteral("pair")).toString(), pairOf5);
        counts = pool.counts();
        QCOMPARE(counts->used, 7);
        QCOMPARE(counts->claimed, 0);
    }

    void preflightGatesFlash()
    {
        // A cert partition too small for the certificate: preflight predicts it, nothing is
        // written, the pair goes back. The healthy board passes the same preflight.
        auto good = makeBoard(200, {});
        BoardOptions small;
        small.partitionCsv = QStringLiteral(
            "nvs, data, nvs, 0x9000, 0x6000,\nfactory, app, factory, 0x10000, 1M,\n"
            "cert, data, 0x40, 0x110000, 0x100,\nkey, data, 0x41, 0x112000, 0x1000,\n");
        auto bad = makeBoard(201, small);
        QVERIFY(good);
        QVERIFY(bad);
        QJsonObject json = recipeJson({good.get(), bad.get()});
        json.insert(QStringLiteral("preflight"),
                    QJsonObject{{QStringLiteral("ca"),
                                 QJsonArray{QString(m_pool + QStringLiteral("/ca.pem"))}}});
        auto recipe = Recipe::fromJson(QJsonDocument(json).toJson());
        QVERIFY(recipe);
        QVERIFY(recipe->steps().contains(Recipe::Step::Preflight));
        Stores stores;
        QVERIFY(openStores(stores, QStringLiteral("preflight.sqlite")));
        CertPool &pool = stores.pool;
        RecordStore &records = stores.records;
        StationJob job(*recipe, StationContext{QStringLiteral("st-C"), QString(), &pool, &records});
        const Run run = runStation(job, {good->port, bad->port});
        QVERIFY(run.summary);
        const QJsonObject g = resultFor(run, good->port);
        QVERIFY2(g.value(QStringLiteral("result")).toString() == QStringLiteral("pass"),
                 qPrintable(QString::fromUtf8(QJsonDocument(g).toJson(QJsonDocument::Compact))));
        const QJsonObject b = resultFor(run, bad->port);
        QCOMPARE(b.value(QStringLiteral("result")).toString(), QStringLiteral("fail"));
        QCOMPARE(b.value(QStringLiteral("failedStep")).toString(), QStringLiteral("preflight"));
        auto counts = pool.counts();
        QCOMPARE(counts->used, 1);
        QCOMPARE(counts->claimed, 0);
        QCOMPARE(counts->free, 23);
        // The bad board's cert partition was never touched.
        QCOMPARE(bad->flash().mid(0x110000, 0x100), QByteArray(0x100, char(0xFF)));
    }

    // A pool held in the database (no files): preflight checks the pair from memory. The
    // temporary directory is watched while the board runs; nothing, and certainly no private
    // key, may appear in it (before, the pair was staged in a QTemporaryDir for preflight).
    void databasePairPreflightedWithoutAKeyFile()
    {
        auto board = makeBoard(250, {});
        QVERIFY(board);
        QJsonObject json = recipeJson({board.get()});
        json.insert(QStringLiteral("preflight"),
                    QJsonObject{{QStringLiteral("ca"),
                                 QJsonArray{QString(m_pool + QStringLiteral("/ca.pem"))}}});
        auto recipe = Recipe::fromJson(QJsonDocument(json).toJson());
        QVERIFY(recipe);
        StationDatabase db;
        QVERIFY(
            db.open(QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("rows.sqlite"))));
        CertPool pool(db);
        QVERIFY(pool.prepare());
        for (const QString &id : {QStringLiteral("dev0000"), QStringLiteral("dev0001")})
            QVERIFY(
                pool.addPair(id, readFile(m_pool + QLatin1Char('/') + id + QStringLiteral(".crt")),
                             readFile(m_pool + QLatin1Char('/') + id + QStringLiteral(".key"))));
        RecordStore records(db);
        QVERIFY(records.prepare());

        QTemporaryDir watched;
        QVERIFY(watched.isValid());
        const QByteArray oldTmp = qgetenv("TMPDIR");
        qputenv("TMPDIR", watched.path().toLocal8Bit());
        QCOMPARE(QDir::tempPath(), QDir(watched.path()).canonicalPath());
        QFileSystemWatcher watcher({watched.path()});
        QStringList appeared; // a change at all counts, even if the entry is gone when we look
        connect(&watcher, &QFileSystemWatcher::directoryChanged, this, [&](const QString &dir) {
            appeared << QStringLiteral("change:")
                            + QDir(dir)
                                  .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                                  .join(QLatin1Char(','));
        });
        StationJob job(*recipe,
                       StationContext{QStringLiteral("st-rows"), QString(), &pool, &records});
        QStringList sawPreflight;
        connect(&job, &StationJob::stationEvent, this, [&](const StationEvent &e) {
            if (e.step == Recipe::stepName(Recipe::Step::Preflight))
                sawPreflight << StationEvent::kindName(e.kind);
        });
        const Run run = runStation(job, {board->port});
        qputenv("TMPDIR", oldTmp);
        QVERIFY(run.summary);
        const QJsonObject r = resultFor(run, board->port);
        QVERIFY2(r.value(QStringLiteral("result")).toString() == QStringLiteral("pass"),
                 qPrintable(QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact))));
        QVERIFY(sawPreflight.contains(QStringLiteral("step")));
        QVERIFY2(appeared.isEmpty(), qPrintable(appeared.join(QLatin1Char(' '))));
        QVERIFY(QDir(watched.path())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                    .isEmpty());
        // The watch itself works: a file created there now is seen.
        QFile probe(watched.filePath(QStringLiteral("probe")));
        QVERIFY(probe.open(QIODevice::WriteOnly));
        probe.close();
        QTRY_VERIFY_WITH_TIMEOUT(!appeared.isEmpty(), 5000);
        // What was written is the pair from the rows.
        QVERIFY(
            board->flash().contains(readFile(m_pool + QStringLiteral("/dev0000.crt")).left(64))
            || board->flash().contains(readFile(m_pool + QStringLiteral("/dev0001.crt")).left(64)));
    }

    void stopBeforeWriting()
    {
        // The operator stops the line right after a board got its pair: the pair goes back,
        // the attempt is recorded as cancelled, the flash is untouched.
        auto board = makeBoard(400, {});
        QVERIFY(board);
        auto recipe = Recipe::fromJson(QJsonDocument(recipeJson({board.get()})).toJson());
        QVERIFY(recipe);
        Stores stores;
        QVERIFY(openStores(stores, QStringLiteral("stop.sqlite")));
        CertPool &pool = stores.pool;
        RecordStore &records = stores.records;
        StationJob job(*recipe, StationContext{QStringLiteral("st-D"), QString(), &pool, &records});
        connect(&job, &StationJob::stationEvent, this, [&job](const StationEvent &e) {
            if (e.kind == StationEvent::Kind::Claimed)
                job.cancel();
        });
        const Run run = runStation(job, {board->port});
        QVERIFY(run.summary);
        QCOMPARE(run.summary->cancelled, 1);
        QCOMPARE(resultFor(run, board->port).value(QStringLiteral("result")).toString(),
                 QStringLiteral("cancelled"));
        auto counts = pool.counts();
        QCOMPARE(counts->free, 24);
        QCOMPARE(counts->claimed + counts->used, 0);
        auto list = records.list();
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->at(0).result, Verdict::Cancelled);
        QVERIFY(list->at(0).pairId.isEmpty());
        QCOMPARE(board->flash().mid(0x110000, 0x100), QByteArray(0x100, char(0xFF)));
    }

    void deletedWhileFlashing()
    {
        // The line goes away (workspace closed, new settings) while a board is mid-write: the
        // loader's late answers are dropped with their board, nothing touches freed memory
        // (ASan builds check that).
        auto board = makeBoard(401, {});
        QVERIFY(board);
        auto recipe = Recipe::fromJson(QJsonDocument(recipeJson({board.get()})).toJson());
        QVERIFY(recipe);
        Stores stores;
        QVERIFY(openStores(stores, QStringLiteral("deleted.sqlite")));
        QPointer<StationJob> job
            = new StationJob(*recipe, StationContext{QStringLiteral("st-E"), QString(),
                                                     &stores.pool, &stores.records});
        bool flashing = false;
        connect(job, &StationJob::stationEvent, this, [&](const StationEvent &e) {
            if (e.kind != StationEvent::Kind::Progress || flashing)
                return;
            flashing = true;
            QTimer::singleShot(0, job, [job] { delete job; });
        });
        job->start({board->port});
        QTRY_VERIFY_WITH_TIMEOUT(job.isNull(), 60000);
        QVERIFY(flashing);
        QTest::qWait(1500); // the board and the store may still answer
    }
};

QTEST_GUILESS_MAIN(TestStationBoards)
#include "tst_stationboards.moc"
