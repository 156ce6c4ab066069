// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommon.h"

#include "core/protocomm/provisionclient.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <optional>

namespace Forgeline::Cli {

// Options every protocomm command shares: where the device is, security, username, PoP, tracing.
struct DeviceArgs
{
    QString host;
    quint16 port = 80;
    Protocomm::ProvisionClient::Options client;
    bool trace = false;
};

void addDeviceOptions(QCommandLineParser &parser);
// Reads --host/--qr/--sec/--username/--pop*/--timeout/--legacy-sessions; secrets are registered with the
// Redactor as soon as they are read. Prints and returns the exit code on error.
std::optional<DeviceArgs> readDeviceArgs(const QCommandLineParser &parser, int *exitCode);

// A secret from --NAME (warned about), --NAME-file, --NAME-env, or a no-echo prompt on a
// terminal. Empty when none was given and there is no terminal.
std::optional<QString> readSecret(const QCommandLineParser &parser, const QString &name,
                                  const QString &prompt, int *exitCode);

int exitCodeFor(const Error &error);
QJsonObject errorJson(const Error &error);
// Progress and notices on stderr, trace lines too when --trace (a ProvisionController, which
// logs its notices and traces itself, or a ProvisionClient, whose lines are logged here).
void attachConsole(QObject *source, bool trace, bool json);

} // namespace Forgeline::Cli
