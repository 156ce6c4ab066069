// SPDX-License-Identifier: GPL-3.0-or-later
// The monitor keeping up with a board (issue 16): a real level-4 mbedTLS 2.28 debug log
// (tests/data/logs/host228_working.log, as ESP-IDF prints it: colours, CRLF, the blank line
// after each entry) written into a pseudo-terminal at 2 Mbaud (10 bits a byte, 200 kB/s),
// watched by SerialMonitor exactly as the CLI and GUI run it (split, clean, redact, capture,
// spot codes, follow TLS connections). Reports lines/s, the monitor thread's CPU share, and
// whether every line arrived. Then the same bytes unpaced: how fast the monitor can go at all.
#include "core/monitor/serialmonitor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <atomic>
#include <cerrno>
#include <chrono>
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

double threadCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_THREAD, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
           + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

QByteArray boardOutput(qint64 targetBytes, qint64 *lines)
{
    QFile f(QStringLiteral(TESTDATA_DIR "/logs/host228_working.log"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray once;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("I "))
            once += "\x1b[0;32m" + line + "\x1b[0m\r\n\r\n";
        else if (line.startsWith("W "))
            once += "\x1b[0;33m" + line + "\x1b[0m\r\n\r\n";
        else if (line.startsWith("E "))
            once += "\x1b[0;31m" + line + "\x1b[0m\r\n\r\n";
        else
            once += line + "\r\n";
    }
    QByteArray out;
    while (out.size() < targetBytes)
        out += once;
    *lines = out.count('\n');
    return out;
}

struct Measured
{
    double wallS = 0;
    double cpuS = 0;
    qint64 lines = 0;
    qint64 bytes = 0;
    int handshakes = 0;
    qint64 writerStalls
        = 0; // the pty was full: the monitor was behind (a UART would have lost bytes)
};

// bytesPerSecond 0 = as fast as the pty takes them.
Measured run(const QByteArray &data, qint64 expectedLines, double bytesPerSecond,
             const QString &capture)
{
    Measured r;
    int master = -1, slave = -1;
    char name[256] = {};
    if (::openpty(&master, &slave, name, nullptr, nullptr) != 0)
        return r;
    termios t{};
    ::tcgetattr(slave, &t);
    ::cfmakeraw(&t);
    ::tcsetattr(slave, TCSANOW, &t);
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);

    Monitor::MonitorOptions options;
    options.port = QString::fromLocal8Bit(name);
    options.baud = 2000000;
    options.capturePath = capture;
    options.successPattern.setPattern(QStringLiteral("MQTT_EVENT_CONNECTED"));
    Monitor::SerialMonitor monitor(options);
    QObject::connect(&monitor, &Monitor::SerialMonitor::monitorEvent, &monitor,
                     [&](const Monitor::MonitorEvent &e) {
                         r.handshakes += std::holds_alternative<Monitor::HandshakeResultEvent>(e);
                     });
    bool opened = false;
    QObject::connect(&monitor, &Monitor::SerialMonitor::monitorEvent, &monitor,
                     [&](const Monitor::MonitorEvent &e) {
                         opened = opened || std::holds_alternative<Monitor::StatusEvent>(e);
                     });
    monitor.start();
    while (!opened)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);

    std::atomic<bool> done{false};
    std::atomic<qint64> stalls{0};
    std::thread writer([&] {
        const auto start = std::chrono::steady_clock::now();
        qsizetype sent = 0;
        while (sent < data.size()) {
            qsizetype allowed = data.size();
            if (bytesPerSecond > 0) {
                const double elapsed
                    = std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                          .count();
                allowed = qMin<qsizetype>(data.size(), qsizetype(elapsed * bytesPerSecond));
                if (allowed <= sent) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
                    continue;
                }
            }
            const ssize_t n = ::write(master, data.constData() + sent,
                                      size_t(qMin<qsizetype>(allowed - sent, 4096)));
            if (n > 0) {
                sent += n;
            } else if (errno == EAGAIN) {
                ++stalls;
                pollfd out{master, POLLOUT, 0};
                ::poll(&out, 1, 100);
            }
        }
        done = true;
    });

    QElapsedTimer wall;
    wall.start();
    const double cpu0 = threadCpuSeconds();
    // Sleep in the event loop between reads (as the CLI does), so the CPU figure is the monitor's.
    QTimer tick;
    tick.start(50);
    while (monitor.linesSeen() < expectedLines && wall.elapsed() < 600000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    r.wallS = double(wall.nsecsElapsed()) / 1e9;
    r.cpuS = threadCpuSeconds() - cpu0;
    writer.join();
    monitor.stop();
    r.lines = monitor.linesSeen();
    r.bytes = monitor.bytesSeen();
    r.writerStalls = stalls;
    ::close(master);
    ::close(slave);
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    qint64 lines = 0;
    const double rate = 2'000'000 / 10.0;                           // 2 Mbaud, 8N1
    const QByteArray paced = boardOutput(qint64(rate * 8), &lines); // about 8 s of output
    if (paced.isEmpty()) {
        std::fprintf(stderr, "bench_monitor: cannot read the test log\n");
        return 1;
    }
    std::printf("bench_monitor: %lld lines, %.1f MB of level-4 ESP-IDF debug output\n", lines,
                paced.size() / 1e6);

    const Measured p = run(paced, lines, rate, dir.filePath(QStringLiteral("paced.log")));
    std::printf("  2 Mbaud over a pty: %lld/%lld lines (%s), %.0f lines/s offered and taken, "
                "monitor thread CPU %.0f%%, "
                "pty-full stalls %lld, TLS connections reported %d\n",
                p.lines, lines, p.lines == lines ? "no loss" : "LOST LINES",
                double(p.lines) / p.wallS, 100.0 * p.cpuS / p.wallS, p.writerStalls, p.handshakes);

    qint64 fastLines = 0;
    const QByteArray fast = boardOutput(qint64(10e6), &fastLines);
    const Measured f = run(fast, fastLines, 0, dir.filePath(QStringLiteral("fast.log")));
    std::printf("  unpaced: %lld lines in %.2f s = %.0f lines/s (%.1f MB/s, %.1fx a 2 Mbaud "
                "board), monitor thread CPU %.0f%%\n",
                f.lines, f.wallS, double(f.lines) / f.wallS, double(f.bytes) / f.wallS / 1e6,
                double(f.bytes) / f.wallS / rate, 100.0 * f.cpuS / f.wallS);
    // On a shared machine wall time says more about the load than about us; CPU per line does not.
    const double usPerLine = 1e6 * f.cpuS / double(qMax<qint64>(1, f.lines));
    std::printf("  CPU per line %.1f us: one core would take %.0f lines/s, %.1fx the lines a 2 "
                "Mbaud board can print\n",
                usPerLine, 1e6 / usPerLine,
                (1e6 / usPerLine) / (double(lines) / (double(paced.size()) / rate)));
    return p.lines == lines && f.lines == fastLines ? 0 : 1;
}
