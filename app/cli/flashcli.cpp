// SPDX-License-Identifier: GPL-3.0-or-later
#include "flashcli.h"

#include "core/common/settings.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>

#include <csignal>
#include <cstdio>

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::FlashCli)
};

} // namespace

using namespace Flasher;

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onSigint(int) { g_interrupted = 1; }

QString stageLabel(const QString &stage)
{
    if (stage == QLatin1String("write"))
        return Tr::tr("Writing");
    if (stage == QLatin1String("read"))
        return Tr::tr("Reading");
    if (stage == QLatin1String("erase"))
        return Tr::tr("Erasing");
    return Tr::tr("Verifying");
}

} // namespace

void FlashLinkOptions::addTo(QCommandLineParser &parser, bool withTable) const
{
    parser.addOption(port);
    parser.addOption(baud);
    parser.addOption(before);
    if (withTable)
        parser.addOption(tableOffset);
}

bool parseAddress(const QString &text, quint32 *value)
{
    bool ok = false;
    QString t = text.trimmed();
    qint64 mult = 1;
    if (t.endsWith(QLatin1Char('K'), Qt::CaseInsensitive)) {
        mult = 1024;
        t.chop(1);
    } else if (t.endsWith(QLatin1Char('M'), Qt::CaseInsensitive)) {
        mult = 1024 * 1024;
        t.chop(1);
    }
    const qint64 v = t.toLongLong(&ok, 0) * mult;
    if (!ok || v < 0 || v > 0xFFFFFFFFLL)
        return false;
    *value = quint32(v);
    return true;
}

int FlashLinkOptions::fill(const QCommandLineParser &parser, FlashJobRequest &request) const
{
    if (!parser.isSet(port)) {
        printError(Tr::tr(
            "--port is required (a device path or socket://HOST:PORT); 'forgeline-cli ports' lists them"));
        return ExitUsage;
    }
    request.link.port = parser.value(port);
    request.link.baud = Settings::load().flashBaudRate;
    if (parser.isSet(baud)) {
        bool ok = false;
        request.link.baud = parser.value(baud).toInt(&ok);
        if (!ok || request.link.baud < 9600 || request.link.baud > 5000000) {
            printError(Tr::tr("--baud must be a rate between 9600 and 5000000"));
            return ExitUsage;
        }
    }
    if (parser.isSet(before) && !resetKindFromName(parser.value(before), &request.link.reset)) {
        printError(Tr::tr("--before is auto, classic, unix-tight, usb-jtag or no-reset"));
        return ExitUsage;
    }
    if (parser.optionNames().contains(tableOffset.names().first()) && parser.isSet(tableOffset)
        && !parseAddress(parser.value(tableOffset), &request.tableOffset)) {
        printError(Tr::tr("--table-offset must be an address such as 0x8000"));
        return ExitUsage;
    }
    return -1;
}

Result<FlashJobOutcome> runFlashJob(const FlashJobRequest &request, bool quiet)
{
    FlashJob job;
    QEventLoop loop;
    std::optional<Result<FlashJobOutcome>> result;
    QObject::connect(&job, &FlashJob::finished, &loop, [&](const Result<FlashJobOutcome> &r) {
        result = r;
        loop.quit();
    });
    if (!quiet) {
        QObject::connect(&job, &FlashJob::stageChanged, &loop, [](const QString &s) {
            std::fprintf(stderr, "%s...\n", s.toUtf8().constData());
        });
        QObject::connect(&job, &FlashJob::progress, &loop,
                         [last = -1](const QString &stage, qint64 done, qint64 total) mutable {
                             // Table reads are a few 64-byte chunks: not worth a progress line.
                             if (total <= 1024 || stage == QLatin1String("erase"))
                                 return;
                             const int percent = int(done * 100 / total);
                             if (percent == last && done < total)
                                 return;
                             last = done >= total ? -1 : percent;
                             std::fprintf(stderr, "\r%s %lld/%lld bytes (%d%%)%s",
                                          stageLabel(stage).toUtf8().constData(), done, total,
                                          int(done * 100 / total), done >= total ? "\n" : "");
                         });
    }
    g_interrupted = 0;
    auto previous = std::signal(SIGINT, onSigint);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&job] {
        if (g_interrupted)
            job.cancel();
    });
    poll.start(50);
    job.start(request);
    if (!result)
        loop.exec();
    std::signal(SIGINT, previous);
    return *result;
}

int reportFailure(const Error &error, bool json)
{
    printError(error);
    if (json) {
        printJson(QJsonDocument(QJsonObject{
            {QStringLiteral("ok"), false},
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), error.code},
                                                  {QStringLiteral("message"), error.message},
                                                  {QStringLiteral("detail"), error.detail},
                                                  {QStringLiteral("fix"), error.fix}}}}));
    }
    const QString &c = error.code;
    if (error.isCancelled())
        return ExitCancelled;
    if (c.contains(QLatin1String("verify")))
        return ExitVerify;
    if (c.startsWith(QLatin1String("write.partial:")) || c.startsWith(QLatin1String("rom."))
        || c.startsWith(QLatin1String("serial.")) || c.startsWith(QLatin1String("chip."))
        || c.startsWith(QLatin1String("flash.")))
        return c.startsWith(QLatin1String("serial.open")) ? ExitIo : ExitDevice;
    if (c.startsWith(QLatin1String("backup.")))
        return ExitIo;
    return ExitFailure;
}

QJsonObject boardJson(const BoardInfo &board) { return board.toJson(); }

} // namespace Forgeline::Cli
