// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommon.h"

#include "core/tls/targetprofile.h"

#include <QCommandLineOption>
#include <QJsonObject>

namespace Forgeline::Cli {

// `flash` runs the certificate/key preflight before writing one: the file being written is the
// certificate or the key, --key/--cert names the other half. Options match `preflight`.
struct FlashPreflightOptions
{
    QCommandLineOption cert{
        QStringLiteral("cert"),
        QStringLiteral("Preflight: the device certificate (when --file is its key)."),
        QStringLiteral("F")};
    QCommandLineOption key{
        QStringLiteral("key"),
        QStringLiteral("Preflight: the device private key (when --file is its certificate)."),
        QStringLiteral("F")};
    QCommandLineOption chain{
        QStringLiteral("chain"),
        QStringLiteral("Preflight: intermediates the device sends after its certificate."),
        QStringLiteral("F")};
    QCommandLineOption ca{
        QStringLiteral("ca"),
        QStringLiteral("Preflight: CA that issued the device certificate; repeatable."),
        QStringLiteral("F")};
    QCommandLineOption target{
        QStringLiteral("target"),
        QStringLiteral("Preflight target profile, e.g. idf-4.0 (default), idf-5.2."),
        QStringLiteral("ID"), Tls::TargetProfiles::defaultId()};
    QCommandLineOption clock{
        QStringLiteral("device-clock"),
        QStringLiteral(
            "Preflight: device clock at the first TLS connection, unset (default) or synced."),
        QStringLiteral("unset|synced"), QStringLiteral("unset")};
    QCommandLineOption overrides{
        QStringLiteral("override"),
        QStringLiteral(
            "Preflight: override a target default, e.g. out_content_len=8192; repeatable."),
        QStringLiteral("NAME=VALUE")};
    QCommandLineOption force{
        QStringLiteral("force"),
        QStringLiteral("Write even though the preflight predicts a device failure.")};

    void addTo(QCommandLineParser &parser) const;

    // Checks the file about to be written. Returns -1 to go on writing (the preflight passed, was
    // overridden with --force, or does not apply), else the exit code after printing why not.
    // `json` receives the preflight's JSON (or why it was skipped).
    int run(const QCommandLineParser &parser, const QString &payloadFile, bool jsonOutput,
            QJsonObject *json) const;
};

} // namespace Forgeline::Cli
