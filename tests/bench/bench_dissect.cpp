// SPDX-License-Identifier: GPL-3.0-or-later
// Record dissector speed (issue 13): a pcap of at least 200 MB holding many TLS 1.2 sessions
// (full handshakes with a certificate chain, then 16 KB application-data records), written
// frame by frame through libpcap's pcap_dump, dissected on one thread.
// Targets: over 200 MB/s, and at least 10x faster than `tshark -r FILE -Y tls` on the same file
// (measured in the same run when tshark is installed).
#include "core/tls/records/dissector.h"
#include "tests/records/recordbytes.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <pcap/pcap.h>

#include <cstdio>
#include <ctime>

#include <sys/resource.h>

using namespace Forgeline;
using namespace Forgeline::TestSupport;

namespace {

struct Writer
{
    pcap_t *dead = nullptr;
    pcap_dumper_t *dumper = nullptr;
    qint64 frames = 0;

    void frame(const QByteArray &bytes)
    {
        pcap_pkthdr h{};
        h.ts.tv_sec = 1700000000 + frames / 1000;
        h.ts.tv_usec = suseconds_t((frames % 1000) * 1000);
        h.caplen = h.len = bpf_u_int32(bytes.size());
        pcap_dump(reinterpret_cast<u_char *>(dumper), &h,
                  reinterpret_cast<const u_char *>(bytes.constData()));
        ++frames;
    }
};

// One TLS 1.2 session on its own ports: TCP handshake, the handshake flights, `appRecords`
// 16 KB records each way, FIN. Segments are MSS-sized as on a real link.
void writeSession(Writer &w, int index, int appRecords)
{
    const quint32 client = 0x0a000000 | quint32(1 + index % 200), server = 0x0a640001;
    const quint16 port = quint16(20000 + index % 40000);
    quint32 seq[2] = {quint32(index) * 7919u, quint32(index) * 104729u};
    auto send = [&](int dir, const QByteArray &data) {
        for (qsizetype at = 0; at < data.size(); at += 1448) {
            const QByteArray part = data.mid(at, 1448);
            w.frame(ethernet(dir == 0
                                 ? ipv4Tcp(client, port, server, 443, seq[0], seq[1], 0x18, part)
                                 : ipv4Tcp(server, 443, client, port, seq[1], seq[0], 0x18, part)));
            seq[dir] += quint32(part.size());
        }
    };
    w.frame(ethernet(ipv4Tcp(client, port, server, 443, seq[0]++, 0, 0x02, {})));
    w.frame(ethernet(ipv4Tcp(server, 443, client, port, seq[1]++, seq[0], 0x12, {})));
    send(0, record(22, clientHello(), 0x0301));
    const QByteArray chain = vec(vec(QByteArray(1200, 'L'), 3) + vec(QByteArray(900, 'I'), 3), 3);
    send(1, record(22, serverHello()) + record(22, message(11, chain))
                + record(22, message(12, QByteArray::fromHex("030017") + vec(QByteArray(65, 'p'), 1)
                                             + be(0x0403, 2) + vec(QByteArray(72, 's'), 2)))
                + record(22, message(14, {})));
    send(0, record(22, message(16, vec(QByteArray(65, 'k'), 1))) + record(20, "\x01")
                + record(22, QByteArray(40, 'f')));
    send(1, record(20, "\x01") + record(22, QByteArray(40, 'f')));
    const QByteArray app = record(23, QByteArray(16384 + 24, 'a'));
    for (int i = 0; i < appRecords; ++i) {
        send(0, record(23, QByteArray(512, 'q')));
        send(1, app);
    }
    send(0, record(21, QByteArray(26, 'c')));
    w.frame(ethernet(ipv4Tcp(client, port, server, 443, seq[0], seq[1], 0x11, {})));
}

bool writeCapture(const QString &path, qint64 target, Writer &w, int &sessions)
{
    w.dead = pcap_open_dead(DLT_EN10MB, 65535);
    w.dumper = pcap_dump_open(w.dead, QFile::encodeName(path).constData());
    if (!w.dumper)
        return false;
    while (pcap_dump_ftell(w.dumper) < target) {
        writeSession(w, sessions, 1 + sessions % 12);
        ++sessions;
    }
    pcap_dump_close(w.dumper);
    pcap_close(w.dead);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 target = qEnvironmentVariableIntValue("FORGELINE_BENCH_DISSECT_MB") > 0
                              ? qint64(qEnvironmentVariableIntValue("FORGELINE_BENCH_DISSECT_MB"))
                                    << 20
                              : qint64(210) << 20;
    QTemporaryDir dir;
    // FORGELINE_BENCH_DISSECT_FILE keeps the generated capture there (for a profiler) and
    // reuses it on the next run.
    const QString keep = qEnvironmentVariable("FORGELINE_BENCH_DISSECT_FILE");
    const QString path = keep.isEmpty() ? dir.filePath(QStringLiteral("sessions.pcap")) : keep;
    Writer w;
    int sessions = 0;
    if (!keep.isEmpty() && QFileInfo::exists(keep)) {
        const auto counted = Tls::Dissector::dissectFile(path);
        sessions = counted ? int(counted->streams.size()) : 0;
        w.frames = counted ? counted->units : 0;
    } else if (!writeCapture(path, target, w, sessions)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    const double mb = double(QFileInfo(path).size()) / (1 << 20);
    std::printf("bench_dissect: %.1f MB pcap, %d TLS sessions, %lld frames\n", mb, sessions,
                static_cast<long long>(w.frames));

    // The machine may be shared: CPU seconds measure "one core" fairly, wall time is also shown.
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    const auto report = Tls::Dissector::dissectFile(path);
    const double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!report) {
        std::fprintf(stderr, "dissect failed: %s\n", qPrintable(report.error().message));
        return 1;
    }
    qint64 records = 0;
    for (const auto &s : report->streams)
        records += s.records.size();
    const double rate = mb / cpu;
    std::printf(
        "  forgeline dissect: %.2f s wall, %.2f s CPU, %.0f MB/s per CPU second (one thread), "
        "%lld streams, %lld records (target > 200 MB/s: %s)\n",
        seconds, cpu, rate, static_cast<long long>(report->streams.size()),
        static_cast<long long>(records), rate > 200 ? "met" : "NOT met");
    if (report->streams.size() != sessions) {
        std::fprintf(stderr, "expected %d streams, got %lld\n", sessions,
                     static_cast<long long>(report->streams.size()));
        return 1;
    }

    const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    if (tshark.isEmpty()) {
        std::printf("  tshark not installed: no comparison\n");
        return 0;
    }
    QProcess t;
    t.setStandardOutputFile(QProcess::nullDevice());
    t.setStandardErrorFile(QProcess::nullDevice());
    auto childCpu = [] {
        rusage usage{};
        getrusage(RUSAGE_CHILDREN, &usage);
        return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
               + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    };
    const double childBefore = childCpu();
    timer.restart();
    t.start(tshark, {QStringLiteral("-r"), path, QStringLiteral("-Y"), QStringLiteral("tls")});
    if (!t.waitForFinished(-1) || t.exitCode() != 0) {
        std::printf("  tshark failed (exit %d)\n", t.exitCode());
        return 0;
    }
    const double tsharkSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double tsharkCpu = childCpu() - childBefore;
    std::printf(
        "  tshark -r FILE -Y tls: %.2f s wall, %.2f s CPU, %.1f MB/s per CPU second; forgeline is "
        "%.1fx faster by CPU time, %.1fx by wall time (target >= 10x: %s)\n",
        tsharkSeconds, tsharkCpu, mb / tsharkCpu, tsharkCpu / cpu, tsharkSeconds / seconds,
        tsharkCpu / cpu >= 10 ? "met" : "NOT met");
    return 0;
}
