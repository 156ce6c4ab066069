// SPDX-License-Identifier: GPL-3.0-or-later
// Provisioning speed against in-process virtual boards with every simulated delay at zero,
// over real HTTP on loopback, all on one thread's event loop (no thread per board).
// Budgets (issue 4): one full provisioning (proto-ver to Connected) median < 20 ms;
// 64 boards provisioned concurrently from one process < 2 s in total.
#include "core/protocomm/provisionjob.h"
#include "core/sim/protocommvirtualboard.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Forgeline;
using namespace Forgeline::Protocomm;
using namespace Forgeline::Sim;

namespace {

ProvisionJob::Request requestFor(quint16 port)
{
    ProvisionJob::Request r;
    r.host = QStringLiteral("127.0.0.1");
    r.port = port;
    r.client.pop = "abcd1234";
    r.wifi.ssid = "FactoryNet";
    r.wifi.passphrase = "factory-pass-123";
    r.pollIntervalMs = 0;
    return r;
}

BoardProfile zeroDelayProfile()
{
    BoardProfile p = BoardProfile::defaultProfile();
    p.removeDelays();
    return p;
}

// ESP-IDF 5's default: SRP-6a (3072-bit) and AES-GCM instead of X25519 and AES-CTR.
BoardProfile zeroDelaySecurity2Profile()
{
    auto loaded = BoardProfile::load(QStringLiteral(":/forgeline/data/boards/security2.json"));
    if (!loaded)
        return {};
    loaded->removeDelays();
    return *loaded;
}

// Provisions `count` fresh boards at once; returns wall time in ms, or -1 if any failed.
double provisionConcurrently(int count, int security = 1)
{
    const BoardProfile profile = security == 2 ? zeroDelaySecurity2Profile() : zeroDelayProfile();
    std::vector<std::unique_ptr<ProtocommVirtualBoard>> boards;
    std::vector<std::unique_ptr<ProvisionJob>> jobs;
    for (int i = 0; i < count; ++i) {
        boards.push_back(std::make_unique<ProtocommVirtualBoard>(profile));
        if (!boards.back()->start())
            return -1;
    }
    QEventLoop loop;
    int finished = 0;
    int connected = 0;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < count; ++i) {
        ProvisionJob::Request request = requestFor(boards[size_t(i)]->port());
        if (security == 2)
            request.client.username = profile.protocomm.username.toUtf8();
        jobs.push_back(std::make_unique<ProvisionJob>(request));
        QObject::connect(jobs.back().get(), &ProvisionJob::finished, &loop,
                         [&](const ProvisionJob::Outcome &o) {
                             ++finished;
                             connected += o.connected ? 1 : 0;
                             if (finished == count)
                                 loop.quit();
                         });
    }
    for (auto &job : jobs)
        job->start();
    if (finished < count)
        loop.exec();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    return connected == count ? ms : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);

    constexpr int Runs = 101;
    (void)provisionConcurrently(1); // warm-up: OpenSSL and protobuf initialisation
    std::vector<double> single;
    for (int i = 0; i < Runs; ++i) {
        const double ms = provisionConcurrently(1);
        if (ms < 0) {
            std::printf("Provisioning: a run failed\n");
            return 1;
        }
        single.push_back(ms);
    }
    std::sort(single.begin(), single.end());
    const double median = single[single.size() / 2];
    std::printf(
        "Provisioning one virtual board (proto-ver to Connected, Security1, zero simulated delay): "
        "median %.2f ms over %d runs, p90 %.2f ms (%.3f x the 20 ms budget)\n",
        median, Runs, single[size_t(Runs * 9 / 10)], median / 20.0);

    std::vector<double> sec2;
    for (int i = 0; i < 21; ++i) {
        const double ms = provisionConcurrently(1, 2);
        if (ms < 0) {
            std::printf("Provisioning over Security 2: a run failed\n");
            return 1;
        }
        sec2.push_back(ms);
    }
    std::sort(sec2.begin(), sec2.end());
    std::printf(
        "Provisioning one virtual board over Security 2 (SRP-6a 3072, AES-GCM): median %.2f ms over %d runs "
        "(%.3f x the 20 ms budget)\n",
        sec2[sec2.size() / 2], int(sec2.size()), sec2[sec2.size() / 2] / 20.0);

    constexpr int Boards = 64;
    std::vector<double> totals;
    for (int round = 0; round < 3; ++round) {
        const double ms = provisionConcurrently(Boards);
        if (ms < 0) {
            std::printf("Provisioning %d boards concurrently: a board failed\n", Boards);
            return 1;
        }
        totals.push_back(ms);
    }
    std::sort(totals.begin(), totals.end());
    const double total = totals[1];
    std::printf(
        "Provisioning %d virtual boards concurrently on one event loop: median %.1f ms total over 3 rounds "
        "(%.3f x the 2 s budget; %.2f ms per board)\n",
        Boards, total, total / 2000.0, total / Boards);
    return 0;
}
