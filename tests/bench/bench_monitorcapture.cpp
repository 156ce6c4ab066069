// SPDX-License-Identifier: GPL-3.0-or-later
// A 2 GB capture (issue 16, "handled, bounded memory, clear status"): more than 2 GiB of a
// level-4 mbedTLS 2.28 debug log written into a pseudo-terminal as fast as it takes them and
// watched by SerialMonitor as the CLI and GUI run it (split, clean, redact, keep a tail,
// follow every TLS connection) with a capture file on disk. Reports bytes and lines through,
// the capture's size against the bytes through (and its content, block by block), peak RSS
// against a bound, lines/s and the handshakes recognised. Any 32-bit size or offset on the
// way would show as a short or wrapped capture, a wrong count or a crash past 2^31 bytes.
//
//   bench_monitorcapture [GiB]   (default 2.25: past 2^31; 4.5 takes the capture past 2^32)
#include "core/monitor/lineredactor.h"
#include "core/monitor/serialmonitor.h"
#include "core/tls/logline.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

using namespace Forgeline;

namespace {

// What "bounded" means here: the monitor's tail (10,000 lines), one TLS connection's trace,
// the pty's and the capture's buffers, Qt itself. A leak of even a few bytes per line would
// pass it by far within the 30 million lines of a 2 GiB log.
constexpr double RssBoundMb = 300.0;

double peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0; // kilobytes on Linux
}

double currentRssMb()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// One connection's level-4 debug log as the board prints it (one '\n' per line). Its secret
// dumps are masked first, as the capture masks them, so the capture must be the input byte for
// byte: whatever is lost, doubled or wrapped on the way shows as a difference.
QByteArray oneConnection(qint64 *lines)
{
    QFile f(QStringLiteral(TESTDATA_DIR "/logs/host228_working.log"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    Monitor::LineRedactor redactor;
    QByteArray scratch;
    QByteArray block;
    QList<QByteArray> all = f.readAll().split('\n');
    if (!all.isEmpty() && all.last().isEmpty())
        all.removeLast();
    for (const QByteArray &raw : all)
        block
            += redactor.redact(QString::fromUtf8(Tls::cleanLogLine(raw, scratch))).toUtf8() + '\n';
    block += "I (2000) MQTTS_EXAMPLE: MQTT_EVENT_CONNECTED\n";
    *lines = block.count('\n');
    return block;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double gib = argc > 1 ? QByteArray(argv[1]).toDouble() : 2.25;
    qint64 blockLines = 0;
    const QByteArray block = oneConnection(&blockLines);
    if (block.isEmpty() || gib <= 0) {
        std::fprintf(stderr, "bench_monitorcapture: cannot read the test log (or bad size)\n");
        return 1;
    }
    const qint64 blocks = qint64(gib * double(1LL << 30)) / block.size() + 1;
    const qint64 totalBytes = blocks * block.size();
    const qint64 totalLines = blocks * blockLines;
    QTemporaryDir dir;
    const QString capturePath = dir.filePath(QStringLiteral("capture.log"));
    std::printf("bench_monitorcapture: %.2f GiB (%lld bytes, %lld lines, %lld TLS connections) "
                "through a pty, capture in %s\n",
                double(totalBytes) / double(1LL << 30), totalBytes, totalLines, blocks,
                qPrintable(capturePath));
    std::fflush(stdout);

    int master = -1, slave = -1;
    char name[256] = {};
    if (::openpty(&master, &slave, name, nullptr, nullptr) != 0)
        return 1;
    termios t{};
    ::tcgetattr(slave, &t);
    ::cfmakeraw(&t);
    ::tcsetattr(slave, TCSANOW, &t);

    Monitor::MonitorOptions options;
    options.port = QString::fromLocal8Bit(name);
    options.baud = 2000000;
    options.capturePath = capturePath;
    options.successPattern.setPattern(QStringLiteral("MQTT_EVENT_CONNECTED"));
    Monitor::SerialMonitor monitor(options);
    qint64 handshakes = 0;
    qint64 failed = 0;
    QStringList statuses;
    bool opened = false;
    QObject::connect(&monitor, &Monitor::SerialMonitor::monitorEvent, &monitor,
                     [&](const Monitor::MonitorEvent &e) {
                         if (const auto *h = std::get_if<Monitor::HandshakeResultEvent>(&e)) {
                             ++handshakes;
                             failed += h->ok ? 0 : 1;
                         } else if (const auto *s = std::get_if<Monitor::StatusEvent>(&e)) {
                             opened = true;
                             statuses << s->kind + QStringLiteral(": ") + s->message;
                         }
                     });
    monitor.start();
    while (!opened)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);

    // The board: the same connection over and over, blocking writes (a pty holds a few KiB,
    // so the writer goes exactly as fast as the monitor reads).
    std::thread writer([&] {
        for (qint64 b = 0; b < blocks; ++b) {
            qsizetype sent = 0;
            while (sent < block.size()) {
                const ssize_t n
                    = ::write(master, block.constData() + sent, size_t(block.size() - sent));
                if (n > 0)
                    sent += n;
                else if (n < 0 && errno != EINTR && errno != EAGAIN)
                    return;
            }
        }
    });

    QElapsedTimer wall;
    wall.start();
    QTimer tick; // wakes the loop so progress prints even while reads keep it busy
    tick.start(200);
    qint64 nextReport = 512LL << 20;
    while (monitor.linesSeen() < totalLines && wall.elapsed() < 3600 * 1000) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        if (monitor.bytesSeen() >= nextReport) {
            nextReport += 512LL << 20;
            std::printf("  %6.2f GiB after %5.1f s: %lld lines, RSS now %.0f MB, peak %.0f MB\n",
                        double(monitor.bytesSeen()) / double(1LL << 30), wall.elapsed() / 1000.0,
                        monitor.linesSeen(), currentRssMb(), peakRssMb());
            std::fflush(stdout);
        }
    }
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    writer.join();
    const qint64 bytesThrough = monitor.bytesSeen();
    const qint64 linesThrough = monitor.linesSeen();
    monitor.stop();
    ::close(master);
    ::close(slave);

    const qint64 captureSize = QFileInfo(capturePath).size();
    // The capture's content: every block as it went in, read back in block-sized pieces.
    QFile capture(capturePath);
    qint64 badBlocks = capture.open(QIODevice::ReadOnly) ? 0 : blocks;
    for (qint64 b = 0; b < blocks && badBlocks == 0; ++b)
        if (capture.read(block.size()) != block)
            ++badBlocks;
    const double peak = peakRssMb();
    const bool complete = bytesThrough == totalBytes && linesThrough == totalLines;
    const bool captureOk = captureSize == bytesThrough && badBlocks == 0;
    const bool bounded = peak < RssBoundMb;
    const bool allSeen = handshakes == blocks && failed == 0;
    std::printf("  bytes through %lld of %lld, lines %lld of %lld (%s)\n", bytesThrough, totalBytes,
                linesThrough, totalLines, complete ? "all" : "MISSING");
    std::printf("  capture file %lld bytes: %s\n", captureSize,
                captureOk ? "equal to the bytes through, content identical"
                          : "DIFFERS from the bytes through");
    std::printf("  peak RSS %.0f MB, bound %.0f MB: %s\n", peak, RssBoundMb,
                bounded ? "met" : "NOT MET");
    std::printf("  %.1f s: %.0f lines/s, %.1f MB/s\n", seconds, double(linesThrough) / seconds,
                double(bytesThrough) / seconds / 1e6);
    std::printf("  TLS connections recognised %lld of %lld (%lld reported failed): %s\n",
                handshakes, blocks, failed, allSeen ? "all" : "MISSED SOME");
    std::printf("  status events: %s\n", qPrintable(statuses.join(QStringLiteral("; "))));
    return complete && captureOk && bounded && allSeen ? 0 : 1;
}
