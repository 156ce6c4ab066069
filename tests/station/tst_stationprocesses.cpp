// SPDX-License-Identifier: GPL-3.0-or-later
// Two `forgeline-cli station` processes sharing one certificate pool and one SQLite database,
// claiming at the same time: every board gets a pair, no pair goes to two boards, every
// attempt is recorded.
#include "stationtesthelpers.h"

#include "core/station/certpool.h"
#include "core/station/records.h"
#include "core/station/stationdatabase.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <unistd.h>

using namespace Forgeline;
using namespace Forgeline::Station;
using namespace StationTest;

class TestStationProcesses : public QObject
{
    Q_OBJECT

    // A private PostgreSQL server in a fresh directory under /tmp. initdb refuses root, so as
    // root the server runs as the postgres user, which may not enter the checkout, the build
    // tree, the test's working directory or $TMPDIR (all may sit under a 0700 home): the
    // cluster goes to its own /tmp directory handed to that user, and every server command
    // runs from there.
    struct PostgresServer
    {
        QTemporaryDir base{QStringLiteral("/tmp/forgeline-pg-XXXXXX")};
        QString dataDir;
        bool running = false;

        static QStringList asPostgres(const QStringList &command)
        {
            if (::getuid() != 0)
                return command;
            return QStringList{QStringLiteral("runuser"), QStringLiteral("-u"),
                               QStringLiteral("postgres"), QStringLiteral("--")}
                   + command;
        }
        bool run(const QStringList &command, QByteArray *output = nullptr) const
        {
            const QStringList full = asPostgres(command);
            QProcess p;
            p.setWorkingDirectory(base.path());
            p.start(full.first(), full.mid(1));
            const bool ok = p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit
                            && p.exitCode() == 0;
            if (output)
                *output = p.readAllStandardOutput() + p.readAllStandardError();
            return ok;
        }
        // Creates the cluster and starts the server on 127.0.0.1:port; the error text on failure.
        QString start(quint16 port)
        {
            if (!base.isValid())
                return QStringLiteral("cannot create %1: %2").arg(base.path(), base.errorString());
            const QStringList chown{QStringLiteral("postgres:"), base.path()};
            if (::getuid() == 0 && QProcess::execute(QStringLiteral("chown"), chown) != 0)
                return QStringLiteral("cannot hand %1 to the postgres user").arg(base.path());
            dataDir = base.filePath(QStringLiteral("data"));
            QByteArray out;
            if (!run({QStringLiteral(PG_BIN "/initdb"), QStringLiteral("-D"), dataDir,
                      QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                      QStringLiteral("forgeline"), QStringLiteral("--no-sync")},
                     &out))
                return QString::fromLocal8Bit(out);
            // Settings go into the cluster's own configuration rather than pg_ctl -o, which
            // passes through a shell and would split a path with spaces.
            {
                QFile conf(dataDir + QStringLiteral("/postgresql.conf"));
                if (!conf.open(QIODevice::Append))
                    return conf.errorString();
                conf.write(QStringLiteral("\nport = %1\nlisten_addresses = '127.0.0.1'\n"
                                          "unix_socket_directories = '%2'\nfsync = off\n"
                                          "max_connections = 50\n")
                               .arg(port)
                               .arg(base.path())
                               .toUtf8());
            }
            const QString log = base.filePath(QStringLiteral("server.log"));
            if (!run({QStringLiteral(PG_BIN "/pg_ctl"), QStringLiteral("-D"), dataDir,
                      QStringLiteral("-l"), log, QStringLiteral("-w"), QStringLiteral("start")},
                     &out))
                return QString::fromLocal8Bit(out + readFile(log));
            running = true;
            return {};
        }
        ~PostgresServer()
        {
            if (running)
                run({QStringLiteral(PG_BIN "/pg_ctl"), QStringLiteral("-D"), dataDir,
                     QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
                     QStringLiteral("stop")});
            // base (owned by postgres when root) is removed after the server stopped.
        }
    };

private Q_SLOTS:
    void recipeErrorsSayWhichFileAndWhy()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("no-such-recipe.json"));
        QProcess p;
        p.start(QStringLiteral(FORGELINE_CLI_PATH),
                {QStringLiteral("station"), QStringLiteral("--recipe"), missing,
                 QStringLiteral("--ports"), QStringLiteral("/dev/null")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 3); // docs/cli.md, exit codes: 3 I/O
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(missing) && err.contains(QLatin1String("No such file")),
                 qPrintable(err));

        QFile bad(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{not json");
        bad.close();
        p.start(QStringLiteral(FORGELINE_CLI_PATH),
                {QStringLiteral("station"), QStringLiteral("--recipe"), bad.fileName(),
                 QStringLiteral("--ports"), QStringLiteral("/dev/null")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(p.readAllStandardError().contains("recipe"), "the error names the recipe");
    }

    void twoStationsSharePool()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        twoStations(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("line.sqlite")));
    }

    void twoStationsSharePoolPostgres()
    {
        if (!QFileInfo::exists(QStringLiteral(PG_BIN "/initdb")))
            QSKIP("PostgreSQL server binaries not installed (Debian package postgresql)");
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            QSKIP("Qt's PostgreSQL driver not installed (Debian package libqt6sql6-psql)");
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        PostgresServer pg;
        const QString error = pg.start(port);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        twoStations(QStringLiteral("postgresql://forgeline@127.0.0.1:%1/postgres").arg(port));
    }

private:
    void twoStations(const QString &dbUrl)
    {
        const int rounds = qEnvironmentVariableIntValue("STATION_ROUNDS") > 0
                               ? qEnvironmentVariableIntValue("STATION_ROUNDS")
                               : 4;
        const int perProcess = 25;
        const int total = rounds * 2 * perProcess; // 200 boards by default
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString poolDir = dir.filePath(QStringLiteral("pool"));
        QVERIFY(makePool(poolDir, total));

        QHash<QString, QSet<QString>> macOfPort; // ports are reused across rounds
        int boardIndex = 0;
        for (int round = 0; round < rounds; ++round) {
            std::vector<std::unique_ptr<VirtualBoard>> boards;
            QList<VirtualBoard *> raw;
            for (int i = 0; i < 2 * perProcess; ++i) {
                boards.push_back(makeBoard(1000 + boardIndex++, {}));
                QVERIFY(boards.back());
                raw << boards.back().get();
                macOfPort[boards.back()->port].insert(
                    QString::fromLatin1(boards.back()->rom->device().config().mac.toHex(':')));
            }
            const QString recipePath = dir.filePath(QStringLiteral("recipe%1.json").arg(round));
            {
                QFile f(recipePath);
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(QJsonDocument(recipeJson(raw)).toJson());
            }
            QProcess a, b;
            int finished = 0;
            QEventLoop loop;
            for (QProcess *p : {&a, &b}) {
                connect(p, &QProcess::finished, &loop, [&finished, &loop] {
                    if (++finished == 2)
                        loop.quit();
                });
            }
            auto portsOf = [&raw](int from, int count) {
                QStringList ports;
                for (int i = from; i < from + count; ++i)
                    ports << raw[i]->port;
                return ports.join(QLatin1Char(','));
            };
            const QStringList common{QStringLiteral("station"),
                                     QStringLiteral("--recipe"),
                                     recipePath,
                                     QStringLiteral("--pool"),
                                     poolDir,
                                     QStringLiteral("--db"),
                                     dbUrl,
                                     QStringLiteral("--operator"),
                                     QStringLiteral("carol"),
                                     QStringLiteral("--json")};
            a.start(QStringLiteral(FORGELINE_CLI_PATH),
                    common
                        + QStringList{QStringLiteral("--station"), QStringLiteral("S1"),
                                      QStringLiteral("--ports"), portsOf(0, perProcess)});
            b.start(QStringLiteral(FORGELINE_CLI_PATH),
                    common
                        + QStringList{QStringLiteral("--station"), QStringLiteral("S2"),
                                      QStringLiteral("--ports"), portsOf(perProcess, perProcess)});
            QTimer::singleShot(240000, &loop, &QEventLoop::quit);
            loop.exec();
            QCOMPARE(finished, 2);
            for (QProcess *p : {&a, &b}) {
                const QByteArray out = p->readAllStandardOutput();
                QVERIFY2(p->exitCode() == 0,
                         QByteArray(p->readAllStandardError().right(2000) + out.right(2000))
                             .constData());
                // One JSON object per line, the last one the summary.
                const QList<QByteArray> lines = out.trimmed().split('\n');
                QVERIFY(lines.size() > perProcess);
                for (const QByteArray &line : lines)
                    QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());
                const QJsonObject summary = QJsonDocument::fromJson(lines.last()).object();
                QCOMPARE(summary.value(QStringLiteral("event")).toString(),
                         QStringLiteral("summary"));
                QCOMPARE(summary.value(QStringLiteral("passed")).toInt(), perProcess);
                QVERIFY(!out.contains("factory-pass-123"));
            }
        }

        StationDatabase db;
        QVERIFY(db.open(dbUrl));
        RecordStore records(db);
        QVERIFY(records.prepare());
        auto list = records.list();
        QVERIFY(list);
        QCOMPARE(list->size(), total);
        QSet<QString> pairs, fingerprints, macs;
        QHash<QString, int> perStation;
        for (const StationRecord &r : *list) {
            QCOMPARE(r.result, Verdict::Pass);
            QVERIFY2(macOfPort.value(r.port).contains(r.mac),
                     qPrintable(r.port + QLatin1Char(' ') + r.mac));
            pairs.insert(r.pairId);
            fingerprints.insert(r.certFingerprint);
            macs.insert(r.mac);
            perStation[r.station]++;
        }
        QCOMPARE(pairs.size(), total); // zero pairs handed out twice
        QCOMPARE(fingerprints.size(), total);
        QCOMPARE(macs.size(), total);
        QCOMPARE(perStation.value(QStringLiteral("S1")), total / 2);
        QCOMPARE(perStation.value(QStringLiteral("S2")), total / 2);

        // The records command exports the same rows.
        QProcess csv;
        csv.start(QStringLiteral(FORGELINE_CLI_PATH),
                  {QStringLiteral("records"), QStringLiteral("--db"), dbUrl,
                   QStringLiteral("--export"), QStringLiteral("csv")});
        QVERIFY(csv.waitForFinished(60000));
        QCOMPARE(csv.exitCode(), 0);
        const QList<QByteArray> rows = csv.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(rows.size(), total + 1);
        QVERIFY(rows[0].startsWith("id,time,station,operator,port,chip,mac"));
        const QString oneMac = list->at(7).mac.toUpper();
        QProcess json;
        json.start(QStringLiteral(FORGELINE_CLI_PATH),
                   {QStringLiteral("records"), QStringLiteral("--db"), dbUrl,
                    QStringLiteral("--mac"), oneMac, QStringLiteral("--export"),
                    QStringLiteral("json")});
        QVERIFY(json.waitForFinished(60000));
        QCOMPARE(json.exitCode(), 0);
        const QJsonArray exported = QJsonDocument::fromJson(json.readAllStandardOutput()).array();
        QCOMPARE(exported.size(), 1);
        QCOMPARE(exported[0].toObject().value(QStringLiteral("certFingerprint")).toString(),
                 list->at(7).certFingerprint);
        QCOMPARE(exported[0].toObject().value(QStringLiteral("operator")).toString(),
                 QStringLiteral("carol"));
        QVERIFY(!exported[0].toObject().contains(QStringLiteral("key")));

        CertPool pool(db);
        QVERIFY(pool.prepare());
        pool.usePool(QDir(poolDir).absolutePath());
        auto counts = pool.counts();
        QVERIFY(counts);
        QCOMPARE(counts->used, total);
        QCOMPARE(counts->free, 0);
        for (const StationRecord &r : *list) {
            auto holder = pool.macOf(r.pairId);
            QVERIFY(holder);
            QCOMPARE(*holder, r.mac);
        }
    }
};

QTEST_GUILESS_MAIN(TestStationProcesses)
#include "tst_stationprocesses.moc"
