// SPDX-License-Identifier: GPL-3.0-or-later
// Station throughput: 8 virtual boards at 921600 baud with the serial timing model on, through
// identify, claim, flash cert+key, verify and provision, all from one thread's event loop.
// Target (issue 8): total wall time within 1.2x of the slowest board run alone; prints boards
// per hour for the station.
#include "../station/stationtesthelpers.h"

#include "core/station/certpool.h"
#include "core/station/records.h"
#include "core/station/stationdatabase.h"
#include "core/station/stationjob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace Forgeline;
using namespace Forgeline::Station;
using namespace StationTest;

namespace {

int g_nextBoard = 0;

// The virtual boards live on their own thread, as real boards live outside the station: the
// station's single event loop is what is measured, not the simulator sharing it.
QThread *g_simThread = nullptr;
QObject *g_simAnchor = nullptr;

template<typename F>
void inSimThread(F fn)
{
    QMetaObject::invokeMethod(g_simAnchor, fn, Qt::BlockingQueuedConnection);
}

// Runs `count` fresh boards at once; returns wall ms, or -1 if any board failed.
double runBoards(int count, CertPool &pool, RecordStore &records)
{
    std::vector<std::unique_ptr<VirtualBoard>> boards;
    QList<VirtualBoard *> raw;
    QStringList ports;
    bool made = true;
    inSimThread([&] {
        for (int i = 0; i < count; ++i) {
            BoardOptions o;
            o.pty = true;
            o.timing = true;
            boards.push_back(makeBoard(5000 + g_nextBoard++, o));
            if (!boards.back()) {
                made = false;
                return;
            }
            raw << boards.back().get();
            ports << boards.back()->port;
        }
    });
    struct Cleanup
    {
        std::vector<std::unique_ptr<VirtualBoard>> &boards;
        ~Cleanup()
        {
            inSimThread([this] { boards.clear(); });
        }
    } cleanup{boards};
    if (!made)
        return -1;
    auto recipe = Recipe::fromJson(QJsonDocument(recipeJson(raw, 921600)).toJson());
    if (!recipe)
        return -1;
    StationJob job(
        *recipe, StationContext{QStringLiteral("bench"), QStringLiteral("bench"), &pool, &records});
    std::optional<StationSummary> summary;
    QEventLoop loop;
    QObject::connect(&job, &StationJob::finished, &loop, [&](const StationSummary &s) {
        summary = s;
        loop.quit();
    });
    QElapsedTimer t;
    t.start();
    job.start(ports);
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    if (!summary)
        loop.exec();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (!summary || summary->passed != count) {
        for (BoardRun *b : job.boards())
            if (b->state() != BoardRun::State::Passed)
                std::fprintf(stderr, "board %s: %s\n", qPrintable(b->port()),
                             qPrintable(b->log().join(QStringLiteral(" | ")).right(600)));
        return -1;
    }
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QThread simThread;
    simThread.start();
    g_simThread = &simThread;
    g_simAnchor = new QObject;
    g_simAnchor->moveToThread(&simThread);
    struct StopSim
    {
        QThread &thread;
        ~StopSim()
        {
            QMetaObject::invokeMethod(
                g_simAnchor, [] { delete g_simAnchor; }, Qt::BlockingQueuedConnection);
            thread.quit();
            thread.wait();
        }
    } stopSim{simThread};
    QTemporaryDir dir;
    const QString poolDir = dir.filePath(QStringLiteral("pool"));
    const int boards = 8;
    if (!makePool(poolDir, 3 * boards)) {
        std::fprintf(stderr, "bench_station: could not make the test pool\n");
        return 1;
    }
    StationDatabase db;
    if (!db.open(dir.filePath(QStringLiteral("bench.sqlite"))))
        return 1;
    CertPool pool(db);
    RecordStore records(db);
    if (!pool.prepare() || !pool.importFolder(poolDir) || !records.prepare())
        return 1;

    double slowestAlone = 0.0;
    for (int i = 0; i < boards; ++i) {
        const double ms = runBoards(1, pool, records);
        if (ms < 0) {
            std::fprintf(stderr, "bench_station: a single board failed\n");
            return 1;
        }
        slowestAlone = std::max(slowestAlone, ms);
    }
    const double together = runBoards(boards, pool, records);
    if (together < 0) {
        std::fprintf(stderr, "bench_station: the station run failed\n");
        return 1;
    }
    const double ratio = together / slowestAlone;
    std::printf(
        "bench_station: slowest single board alone %.0f ms; %d boards at once %.0f ms; ratio %.2fx (target <= 1.20x) %s\n",
        slowestAlone, boards, together, ratio, ratio <= 1.2 ? "OK" : "OVER");
    std::printf(
        "bench_station: %.0f boards per hour (identify, cert+key at 921600, verify, provision)\n",
        boards * 3600000.0 / together);
    std::fflush(stdout);
    return 0;
}
