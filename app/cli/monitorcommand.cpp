// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

#include "core/monitor/serialmonitor.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

#include <csignal>
#include <cstdio>

namespace Forgeline::Cli {

namespace {

volatile std::sig_atomic_t monitorInterrupted = 0;

void onMonitorInterrupt(int) { monitorInterrupted = 1; }

void writeLine(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

QString findingText(const Monitor::HandshakeResultEvent &e)
{
    if (e.ok)
        return QStringLiteral("[monitor] TLS handshake OK (lines %1-%2)")
            .arg(e.firstLine)
            .arg(e.lastLine);
    QString text = QStringLiteral("[monitor] TLS handshake FAILED (lines %1-%2)")
                       .arg(e.firstLine)
                       .arg(e.lastLine);
    if (e.finalError)
        text += QStringLiteral(": %1 %2").arg(Tls::formatCode(e.finalError->code),
                                              e.finalError->name);
    for (const Tls::Diagnosis &d : e.diagnoses.mid(0, 3)) {
        text += QStringLiteral("\n[monitor]   %1 (%2%): %3")
                    .arg(d.id)
                    .arg(qRound(d.confidence * 100))
                    .arg(d.title);
        for (const Tls::EvidenceLine &ev : d.evidence.mid(0, 3))
            text += QStringLiteral("\n[monitor]     line %1: %2").arg(ev.line).arg(ev.text);
        if (!d.fixes.isEmpty())
            text += QStringLiteral("\n[monitor]     fix: %1").arg(d.fixes.first());
    }
    return text;
}

} // namespace

int runMonitor(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Watch a board's serial console: print its lines, decode error codes, and "
                       "diagnose each TLS "
                       "handshake as it fails or succeeds."));
    addCommonOptions(parser);
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Serial port, pty or socket://HOST:PORT."),
                                        QStringLiteral("P"));
    const QCommandLineOption baudOption(QStringLiteral("baud"),
                                        QStringLiteral("Console baud rate (default 115200)."),
                                        QStringLiteral("B"));
    const QCommandLineOption resetOption(
        QStringLiteral("reset"), QStringLiteral("Reset the board into its firmware first."));
    const QCommandLineOption captureOption(
        QStringLiteral("capture"),
        QStringLiteral("Also write every line (secrets removed) to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption untilOption(QStringLiteral("until"),
                                         QStringLiteral("Stop when a line matches REGEX (exit 0)."),
                                         QStringLiteral("REGEX"));
    const QCommandLineOption untilHandshakeOption(
        QStringLiteral("until-handshake"),
        QStringLiteral("Stop after the first TLS connection that succeeded or failed."));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Give up after S seconds (exit 5)."),
                                           QStringLiteral("S"));
    const QCommandLineOption successOption(
        QStringLiteral("success"),
        QStringLiteral("The application's connected line (default MQTT_EVENT_CONNECTED)."),
        QStringLiteral("REGEX"));
    parser.addOptions({portOption, baudOption, resetOption, captureOption, untilOption,
                       untilHandshakeOption, timeoutOption, successOption});

    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    if (!positionalArguments(parser).isEmpty()) {
        printError(
            QStringLiteral("monitor takes no positional arguments; give the port with --port"));
        return ExitUsage;
    }
    if (!parser.isSet(portOption)) {
        printError(
            QStringLiteral("monitor needs --port, e.g. forgeline-cli monitor --port /dev/ttyUSB0"));
        return ExitUsage;
    }
    Monitor::MonitorOptions options;
    options.port = parser.value(portOption);
    if (parser.isSet(baudOption)) {
        bool ok = false;
        options.baud = parser.value(baudOption).toInt(&ok);
        if (!ok || options.baud < 300 || options.baud > 12000000) {
            printError(QStringLiteral("--baud needs a rate between 300 and 12000000"));
            return ExitUsage;
        }
    }
    double timeoutSeconds = 0;
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        timeoutSeconds = parser.value(timeoutOption).toDouble(&ok);
        if (!ok || timeoutSeconds <= 0) {
            printError(QStringLiteral("--timeout needs a positive number of seconds"));
            return ExitUsage;
        }
    }
    QRegularExpression until;
    if (parser.isSet(untilOption)) {
        until.setPattern(parser.value(untilOption));
        if (!until.isValid()) {
            printError(QStringLiteral("--until is not a valid regular expression: %1")
                           .arg(until.errorString()));
            return ExitUsage;
        }
    }
    options.successPattern.setPattern(parser.isSet(successOption)
                                          ? parser.value(successOption)
                                          : QStringLiteral("MQTT_EVENT_CONNECTED"));
    if (!options.successPattern.isValid()) {
        printError(QStringLiteral("--success is not a valid regular expression"));
        return ExitUsage;
    }
    options.reset = parser.isSet(resetOption);
    options.capturePath = parser.value(captureOption);
    const bool json = wantsJson(parser);
    const bool untilHandshake = parser.isSet(untilHandshakeOption);

    Monitor::SerialMonitor monitor(options);
    QEventLoop loop;
    int exitCode = ExitOk;
    bool anyFailure = false;
    bool lastFailed = false;
    QString endReason;
    QObject::connect(
        &monitor, &Monitor::SerialMonitor::monitorEvent, &loop,
        [&](const Monitor::MonitorEvent &event) {
            if (json) {
                // JSON Lines: one compact object per event, so a reader can act on
                // each as it comes.
                writeLine(
                    stdout,
                    QString::fromUtf8(
                        QJsonDocument(Monitor::eventToJson(event)).toJson(QJsonDocument::Compact)));
            } else if (const auto *line = std::get_if<Monitor::LineEvent>(&event)) {
                writeLine(stdout, line->text);
            } else if (const auto *hs = std::get_if<Monitor::HandshakeResultEvent>(&event)) {
                writeLine(stderr, findingText(*hs));
            } else if (const auto *code = std::get_if<Monitor::CodeEvent>(&event)) {
                writeLine(stderr, QStringLiteral("[monitor] line %1: %2 = %3")
                                      .arg(code->line)
                                      .arg(code->code, code->name));
            } else if (const auto *status = std::get_if<Monitor::StatusEvent>(&event)) {
                writeLine(stderr, QStringLiteral("[monitor] ") + status->message);
            } else if (const auto *end = std::get_if<Monitor::EndEvent>(&event)) {
                if (!end->message.isEmpty())
                    writeLine(stderr, QStringLiteral("[monitor] ") + end->message);
            }
            std::fflush(stdout);

            if (const auto *hs = std::get_if<Monitor::HandshakeResultEvent>(&event)) {
                anyFailure = anyFailure || !hs->ok;
                lastFailed = !hs->ok;
                if (untilHandshake)
                    monitor.stop(QStringLiteral("handshake"));
            } else if (const auto *line = std::get_if<Monitor::LineEvent>(&event)) {
                if (until.isValid() && !until.pattern().isEmpty()
                    && until.match(line->text).hasMatch())
                    monitor.stop(QStringLiteral("until"));
            }
        });
    QObject::connect(&monitor, &Monitor::SerialMonitor::finished, &loop,
                     [&](const QString &reason) {
                         endReason = reason;
                         loop.quit();
                     });
    // A soak runs for weeks: QTimer counts int milliseconds (24.8 days) and a longer --timeout
    // overflowed it, so the deadline is 64-bit and the poll below looks at it.
    QDeadlineTimer deadline(QDeadlineTimer::Forever);
    if (timeoutSeconds > 0 && timeoutSeconds < 1e12)
        deadline.setRemainingTime(qint64(timeoutSeconds * 1000));
    monitorInterrupted = 0;
    auto previous = std::signal(SIGINT, onMonitorInterrupt);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (monitorInterrupted)
            monitor.stop(QStringLiteral("interrupted"));
        else if (deadline.hasExpired())
            monitor.stop(monitor.isPortLost() ? QStringLiteral("port-lost")
                                              : QStringLiteral("timeout"),
                         monitor.isPortLost()
                             ? QStringLiteral("%1 did not come back.").arg(options.port)
                             : QStringLiteral("Nothing decisive within %1 s.").arg(timeoutSeconds));
    });
    poll.start(50);
    monitor.start();
    if (monitor.isRunning())
        loop.exec();
    std::signal(SIGINT, previous);
    std::fflush(stdout);

    // 0: the pattern matched or the handshake succeeded; 1: a handshake failed (the last one
    // when --until-handshake, any one otherwise); 5: the time ran out or the port stayed away.
    if (endReason == QLatin1String("error"))
        exitCode = ExitIo;
    else if (endReason == QLatin1String("interrupted"))
        exitCode = ExitCancelled;
    else if (endReason == QLatin1String("until"))
        exitCode = ExitOk;
    else if (endReason == QLatin1String("handshake"))
        exitCode = lastFailed ? ExitFailure : ExitOk;
    else if (anyFailure)
        exitCode = ExitFailure;
    else
        exitCode = ExitDevice;
    return exitCode;
}

} // namespace Forgeline::Cli
