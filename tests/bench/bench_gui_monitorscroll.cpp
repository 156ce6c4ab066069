// SPDX-License-Identifier: GPL-3.0-or-later
// A million lines of a level-4 mbedTLS debug log through the Monitor workspace (issue 16): a
// writer thread pushes them into a pseudo-terminal as fast as the monitor drains it, the live
// view follows the tail. Prints the time, lines/s against what a board at 2 Mbaud can send,
// whether any line was lost, and the longest stall of the GUI's event loop (a 60 ms frame
// budget is the reference).
#include "ui/monitor/monitorlogmodel.h"
#include "ui/monitor/monitorworkspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <thread>
#include <unistd.h>

namespace {

constexpr qint64 Lines = 1'000'000;
constexpr double TwoMbaudBytesPerSecond = 2'000'000.0 / 10.0; // 8N1: ten bits a byte

QByteArray debugLine(qint64 n)
{
    // The shape of ESP-IDF's mbedTLS port at debug level 4, coloured like CONFIG_LOG_COLORS.
    static const char *const shapes[] = {
        "\x1b[0;37mV (%lld) mbedtls: ssl_msg.c:2054 0x3ffb8d4c: ssl->f_send() returned 300 (-0xfed4)\x1b[0m\r\n",
        "\x1b[0;37mV (%lld) mbedtls: ssl_msg.c:3711 0x3ffb8d4c: dumping 'input record from network' (48 bytes)\x1b[0m\r\n",
        "\x1b[0;37mV (%lld) mbedtls: ssl_msg.c:3711 0000:  16 03 03 00 2b 02 00 00 27 03 03 5f 8c 2e 11 a4  ....+...'.._....\x1b[0m\r\n",
        "\x1b[0;37mV (%lld) mbedtls: ssl_tls.c:4455 0x3ffb8d4c: => handshake\x1b[0m\r\n",
    };
    char buf[256];
    const int len = std::snprintf(buf, sizeof buf, shapes[n % 4], n);
    return QByteArray(buf, len);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                                                    : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    using namespace Forgeline::Ui;

    int master = -1;
    int slave = -1;
    char name[256] = {};
    if (::openpty(&master, &slave, name, nullptr, nullptr) != 0) {
        std::printf("bench_gui_monitorscroll: no pseudo-terminal\n");
        return 1;
    }
    termios t{};
    ::tcgetattr(slave, &t);
    ::cfmakeraw(&t);
    ::tcsetattr(slave, TCSANOW, &t);
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);

    MonitorWorkspace w;
    w.resize(1024, 768);
    w.show();
    w.setPort(QString::fromLocal8Bit(name));
    w.start();

    // The event loop's heartbeat: the longest gap between 5 ms ticks is the worst stall.
    QElapsedTimer beat;
    beat.start();
    qint64 worstStallMs = 0;
    QElapsedTimer clock;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 gap = beat.restart();
        if (gap > 100 && qEnvironmentVariableIsSet("BENCH_TRACE"))
            std::fprintf(stderr, "trace: stall %lld ms at %lld ms\n", gap, clock.elapsed());
        worstStallMs = qMax(worstStallMs, gap);
    });

    std::atomic<qint64> bytesWritten{0};
    std::atomic<bool> writerDone{false};
    std::atomic<bool> stopWriter{false};
    std::thread writer;
    bool started = false;
    MonitorLogModel *model = w.logModel();
    auto lastLine = [model] {
        return model->rowCount() ? model->firstLineNumber() + model->rowCount() - 1 : 0;
    };

    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (!started
            && w.findChild<QLabel *>(QStringLiteral("monitorState"))
                   ->text()
                   .contains(QStringLiteral("Watching"))) {
            started = true;
            clock.start();
            beat.restart();
            heartbeat.start();
            writer = std::thread([&] {
                QByteArray chunk;
                for (qint64 n = 1; n <= Lines; ++n) {
                    chunk += debugLine(n);
                    if (chunk.size() < 64 * 1024 && n < Lines)
                        continue;
                    qsizetype done = 0;
                    while (done < chunk.size() && !stopWriter) {
                        const ssize_t k = ::write(master, chunk.constData() + done,
                                                  size_t(chunk.size() - done));
                        if (k > 0)
                            done += k;
                        else
                            ::usleep(200);
                    }
                    bytesWritten += chunk.size();
                    chunk.clear();
                }
                writerDone = true;
            });
        }
        if (qEnvironmentVariableIsSet("BENCH_TRACE")) {
            static QElapsedTimer every;
            if (!every.isValid() || every.elapsed() > 2000) {
                every.start();
                std::fprintf(
                    stderr, "trace: started=%d lastLine=%lld written=%lld state=%s\n", int(started),
                    lastLine(), bytesWritten.load(),
                    qPrintable(w.findChild<QLabel *>(QStringLiteral("monitorState"))->text()));
            }
        }
        if (started && (lastLine() >= Lines || clock.elapsed() > 600000))
            app.quit();
    });
    poll.start();
    QTimer::singleShot(900000, &app, &QApplication::quit);
    app.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    heartbeat.stop();
    w.stop();
    stopWriter = true;
    if (writer.joinable())
        writer.join();
    ::close(master);
    const qint64 got = lastLine();
    const double linesPerSecond = double(got) / qMax(1e-9, seconds);
    const double boardLinesPerSecond
        = TwoMbaudBytesPerSecond / (double(bytesWritten.load()) / double(qMax<qint64>(1, got)));
    std::printf(
        "Monitor GUI: %lld of %lld lines (%.1f MB) through the workspace in %.2f s = %.0f lines/s "
        "(%.1fx what a board sends at 2 Mbaud); lines lost: %lld; longest GUI stall %lld ms "
        "(budget 60 ms: %s); %d lines kept in view\n",
        got, Lines, double(bytesWritten.load()) / 1e6, seconds, linesPerSecond,
        linesPerSecond / qMax(1e-9, boardLinesPerSecond), Lines - got, worstStallMs,
        worstStallMs <= 60 ? "met" : "NOT met", model->rowCount());
    ::close(slave);
    return got == Lines ? 0 : 1;
}
