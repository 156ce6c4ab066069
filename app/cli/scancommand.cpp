// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"
#include "provisionargs.h"

#include "core/protocomm/httptransport.h"
#include "core/protocomm/provisionclient.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::ScanCommand)
};

} // namespace

using namespace Forgeline::Protocomm;

namespace {

// Connects (proto-ver + handshake), then runs `action`, which must call finish() exactly once.
int withSession(const DeviceArgs &args, bool json,
                const std::function<void(ProvisionClient &, std::function<void(int)>)> &action)
{
    ProvisionClient client(args.host, args.port, args.client);
    attachConsole(&client, args.trace, json);
    QEventLoop loop;
    int result = ExitOk;
    bool done = false;
    auto finish = [&](int code) {
        result = code;
        done = true;
        loop.quit();
    };
    client.connectDevice([&](Result<DeviceInfo> info) {
        if (!info) {
            if (json)
                printJson(
                    QJsonDocument(QJsonObject{{QStringLiteral("error"), errorJson(info.error())}}));
            else
                printError(info.error());
            return finish(exitCodeFor(info.error()));
        }
        action(client, finish);
    });
    if (!done)
        loop.exec();
    return result;
}

void reportError(const Error &e, bool json)
{
    if (json)
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("error"), errorJson(e)}}));
    else
        printError(e);
}

} // namespace

int runScan(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("List the Wi-Fi networks an ESP device in provisioning mode can see."));
    addCommonOptions(parser);
    addDeviceOptions(parser);
    const int parsed = parseOrExit(parser, arguments);
    if (parsed >= 0)
        return parsed;
    const bool json = wantsJson(parser);
    int code = ExitOk;
    std::optional<DeviceArgs> args = readDeviceArgs(parser, &code);
    if (!args)
        return code;
    return withSession(
        *args, json, [json](ProvisionClient &client, std::function<void(int)> finish) {
            client.scan(ScanStartOptions(), [json, finish](Result<QList<ScanEntry>> list) {
                if (!list) {
                    reportError(list.error(), json);
                    return finish(exitCodeFor(list.error()));
                }
                if (json) {
                    QJsonArray arr;
                    for (const ScanEntry &e : list.value())
                        arr.append(QJsonObject{
                            {QStringLiteral("ssid"), QString::fromUtf8(e.ssid)},
                            {QStringLiteral("rssi"), e.rssi},
                            {QStringLiteral("channel"), int(e.channel)},
                            {QStringLiteral("auth"), authModeName(e.authMode)},
                            {QStringLiteral("bssid"), QString::fromLatin1(e.bssid.toHex(':'))}});
                    printJson(QJsonDocument(QJsonObject{{QStringLiteral("networks"), arr}}));
                } else {
                    printText(Tr::tr("%1  RSSI  CH  AUTH            BSSID")
                                  .arg(QStringLiteral("SSID").leftJustified(32)));
                    for (const ScanEntry &e : list.value())
                        printText(QStringLiteral("%1  %2  %3  %4  %5")
                                      .arg(QString::fromUtf8(e.ssid).leftJustified(32))
                                      .arg(e.rssi, 4)
                                      .arg(e.channel, 2)
                                      .arg(authModeName(e.authMode).leftJustified(14),
                                           QString::fromLatin1(e.bssid.toHex(':'))));
                }
                finish(ExitOk);
            });
        });
}

int runEndpoint(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Send data to a named protocomm endpoint (e.g. custom-data) and print the reply."));
    addCommonOptions(parser);
    addDeviceOptions(parser);
    parser.addOption({QStringLiteral("hex"), Tr::tr("DATA is hexadecimal bytes.")});
    parser.addPositionalArgument(QStringLiteral("name"),
                                 Tr::tr("Endpoint name, e.g. custom-data."));
    parser.addPositionalArgument(QStringLiteral("data"),
                                 Tr::tr("Text (or hex with --hex) to send."));
    const int parsed = parseOrExit(parser, arguments);
    if (parsed >= 0)
        return parsed;
    const bool json = wantsJson(parser);
    const QStringList pos = positionalArguments(parser);
    if (pos.size() != 2) {
        printError(Tr::tr("give an endpoint name and the data to send"));
        return ExitUsage;
    }
    const QString name = pos.at(0);
    const QByteArray data = parser.isSet(QStringLiteral("hex"))
                                ? QByteArray::fromHex(pos.at(1).toLatin1())
                                : pos.at(1).toUtf8();
    int code = ExitOk;
    std::optional<DeviceArgs> args = readDeviceArgs(parser, &code);
    if (!args)
        return code;
    return withSession(*args, json, [=](ProvisionClient &client, std::function<void(int)> finish) {
        client.sendCustom(name, data, [=](Result<QByteArray> reply) {
            if (!reply) {
                reportError(reply.error(), json);
                return finish(exitCodeFor(reply.error()));
            }
            QByteArray text = reply.value();
            while (text.endsWith('\0'))
                text.chop(1);
            if (json)
                printJson(QJsonDocument(QJsonObject{
                    {QStringLiteral("endpoint"), name},
                    {QStringLiteral("text"), QString::fromUtf8(text)},
                    {QStringLiteral("hex"), QString::fromLatin1(reply.value().toHex())}}));
            else
                printText(Tr::tr("%1\n(hex %2)")
                              .arg(QString::fromUtf8(text),
                                   QString::fromLatin1(reply.value().toHex(' '))));
            finish(ExitOk);
        });
    });
}

int runProvCtrl(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "prov-ctrl: 'reset' makes a board whose connection failed accept new credentials; 'reprov' clears them (ESP-IDF >= 5.1)."));
    addCommonOptions(parser);
    addDeviceOptions(parser);
    parser.addPositionalArgument(QStringLiteral("command"), Tr::tr("reset or reprov"));
    const int parsed = parseOrExit(parser, arguments);
    if (parsed >= 0)
        return parsed;
    const bool json = wantsJson(parser);
    const QStringList pos = positionalArguments(parser);
    if (pos.size() != 1
        || (pos.first() != QLatin1String("reset") && pos.first() != QLatin1String("reprov"))) {
        printError(Tr::tr("give 'reset' or 'reprov'"));
        return ExitUsage;
    }
    const CtrlCommand command
        = pos.first() == QLatin1String("reset") ? CtrlCommand::Reset : CtrlCommand::Reprov;
    int code = ExitOk;
    std::optional<DeviceArgs> args = readDeviceArgs(parser, &code);
    if (!args)
        return code;
    return withSession(*args, json, [=](ProvisionClient &client, std::function<void(int)> finish) {
        client.control(command, [=](Result<void> r) {
            if (!r) {
                reportError(r.error(), json);
                return finish(exitCodeFor(r.error()));
            }
            if (json)
                printJson(QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                                    {QStringLiteral("command"), pos.first()}}));
            else
                printText(Tr::tr("prov-ctrl %1: done").arg(pos.first()));
            finish(ExitOk);
        });
    });
}

} // namespace Forgeline::Cli
