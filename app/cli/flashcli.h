// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommon.h"

#include "core/flasher/flashjob.h"

#include <QCommandLineOption>

namespace Forgeline::Cli {

// Options every flash command shares: --port, --baud, --before, --table-offset.
struct FlashLinkOptions
{
    QCommandLineOption port{
        QStringLiteral("port"),
        QStringLiteral("Serial port (/dev/ttyUSB0, COM5, a pty) or socket://HOST:PORT."),
        QStringLiteral("P")};
    QCommandLineOption baud{
        QStringLiteral("baud"),
        QStringLiteral("Baud rate after connecting (default: the Flash setting, 921600)."),
        QStringLiteral("B")};
    QCommandLineOption before{
        QStringLiteral("before"),
        QStringLiteral("Reset into the loader: auto, classic, unix-tight, usb-jtag or no-reset."),
        QStringLiteral("MODE")};
    QCommandLineOption tableOffset{QStringLiteral("table-offset"),
                                   QStringLiteral("Partition table offset (default 0x8000)."),
                                   QStringLiteral("ADDR")};

    void addTo(QCommandLineParser &parser, bool withTable) const;
    // Fills request.link/tableOffset; prints and returns ExitUsage on bad values, else -1.
    int fill(const QCommandLineParser &parser, Flasher::FlashJobRequest &request) const;
};

bool parseAddress(const QString &text, quint32 *value);

// Runs the job on an event loop; Ctrl+C cancels it. Progress goes to stderr unless --json.
Result<Flasher::FlashJobOutcome> runFlashJob(const Flasher::FlashJobRequest &request, bool quiet);

// Exit code for a failed job, after printing it (and the JSON error object with --json).
int reportFailure(const Error &error, bool json);

QJsonObject boardJson(const Flasher::BoardInfo &board);

} // namespace Forgeline::Cli
