// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"
#include "provisionargs.h"

#include "core/common/redactor.h"
#include "core/protocomm/provisioncontroller.h"
#include "core/protocomm/srp6a.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <csignal>

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::ProvisionCommand)
};

} // namespace

using namespace Forgeline::Protocomm;

namespace {

// Ctrl-C cancels the job (closing the connection cleanly, exit 130) instead of killing the
// process mid-request. The handler only sets a flag; a timer on the event loop acts on it.
volatile std::sig_atomic_t interrupted = 0;

void onInterrupt(int) { interrupted = 1; }

QJsonObject outcomeJson(const ProvisionJob::Outcome &o, const QByteArray &ssid, int exitCode)
{
    QJsonObject out{{QStringLiteral("connected"), o.connected},
                    {QStringLiteral("ssid"), QString::fromUtf8(ssid)},
                    {QStringLiteral("recoveries"), o.recoveries},
                    {QStringLiteral("elapsedMs"), double(o.elapsedMs)},
                    {QStringLiteral("exitCode"), exitCode}};
    QJsonArray notices;
    for (const QString &n : o.notices)
        notices.append(Redactor::redact(n));
    out.insert(QStringLiteral("notices"), notices);
    out.insert(QStringLiteral("device"),
               QJsonObject{{QStringLiteral("version"), o.device.provVersion},
                           {QStringLiteral("security"), o.device.securityVersion},
                           {QStringLiteral("securityPatch"), o.device.securityPatch},
                           {QStringLiteral("capabilities"),
                            QJsonArray::fromStringList(o.device.capabilities)}});
    if (o.connected) {
        out.insert(QStringLiteral("ip"), o.status.ip4);
        out.insert(QStringLiteral("channel"), o.status.channel);
        out.insert(QStringLiteral("bssid"), QString::fromLatin1(o.status.bssid.toHex(':')));
        out.insert(QStringLiteral("authMode"), authModeName(o.status.authMode));
    }
    if (o.error) {
        out.insert(QStringLiteral("error"), errorJson(*o.error));
        if (o.status.failReason)
            out.insert(QStringLiteral("failReason"), *o.status.failReason == FailReason::AuthError
                                                         ? QStringLiteral("AuthError")
                                                         : QStringLiteral("NetworkNotFound"));
        out.insert(QStringLiteral("boardReset"), o.boardReset);
    }
    return out;
}

QString cArray(const char *name, const QByteArray &bytes)
{
    QStringList lines;
    for (qsizetype i = 0; i < bytes.size(); i += 16) {
        QStringList row;
        for (qsizetype j = i; j < qMin(i + 16, bytes.size()); ++j)
            row << QStringLiteral("0x%1").arg(quint8(bytes.at(j)), 2, 16, QLatin1Char('0'));
        lines << QStringLiteral("    ") + row.join(QStringLiteral(", "));
    }
    return QStringLiteral("static const char %1[] = {\n%2\n};")
        .arg(QString::fromLatin1(name), lines.join(QStringLiteral(",\n")));
}

// What `esp_prov.py --sec_ver 2 --sec2_gen_cred` does: the salt and verifier a Security 2
// firmware is built with. The password itself is never printed.
int generateSec2Credentials(const QCommandLineParser &parser, bool json)
{
    const QByteArray username = parser.value(QStringLiteral("username")).toUtf8();
    if (username.isEmpty()) {
        printError(Tr::tr("--sec2-gen-cred needs --username"));
        return ExitUsage;
    }
    int code = ExitOk;
    std::optional<QString> password
        = readSecret(parser, QStringLiteral("pop"), Tr::tr("Security 2 password (PoP): "), &code);
    if (!password)
        return code;
    if (password->isEmpty()) {
        printError(
            Tr::tr("--sec2-gen-cred needs the password (--pop-file, --pop-env or the prompt)"));
        return ExitUsage;
    }
    QByteArray salt;
    if (parser.isSet(QStringLiteral("sec2-salt"))) {
        salt = QByteArray::fromHex(parser.value(QStringLiteral("sec2-salt")).toLatin1());
        if (salt.isEmpty()) {
            printError(Tr::tr("--sec2-salt wants hex bytes"));
            return ExitUsage;
        }
    }
    bool lengthOk = true;
    const int saltBytes = parser.isSet(QStringLiteral("sec2-salt-len"))
                              ? parser.value(QStringLiteral("sec2-salt-len")).toInt(&lengthOk)
                              : 16;
    if (!lengthOk || saltBytes < 1 || saltBytes > 64) {
        printError(Tr::tr("--sec2-salt-len is 1 to 64"));
        return ExitUsage;
    }
    Result<Srp::Credentials> creds
        = Srp::makeCredentials(username, password->toUtf8(), salt, saltBytes);
    if (!creds) {
        printError(creds.error());
        return ExitFailure;
    }
    if (json) {
        printJson(QJsonDocument(QJsonObject{
            {QStringLiteral("username"), QString::fromUtf8(username)},
            {QStringLiteral("salt"), QString::fromLatin1(creds->salt.toHex())},
            {QStringLiteral("verifier"), QString::fromLatin1(creds->verifier.toHex())}}));
        return ExitOk;
    }
    printText(QStringLiteral(
                  "// Security 2 credentials for username \"%1\" (protocomm_security2_params_t)")
                  .arg(QString::fromUtf8(username)));
    printText(cArray("sec2_salt", creds->salt));
    printText(cArray("sec2_verifier", creds->verifier));
    return ExitOk;
}

} // namespace

int runProvision(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Provision Wi-Fi credentials into an ESP device over protocomm (SoftAP / HTTP, Security 0, 1 or 2).\n"
        "Exit 0 only when the board reports Connected; 1 when it rejects the PoP or the credentials;\n"
        "2 usage; 5 when the device does not answer."));
    addCommonOptions(parser);
    addDeviceOptions(parser);
    parser.addOption({QStringLiteral("ssid"), Tr::tr("Network to join."), QStringLiteral("ssid")});
    parser.addOption(
        {QStringLiteral("passphrase"),
         Tr::tr(
             "Wi-Fi passphrase (visible in the process list: prefer --passphrase-file or --passphrase-env)."),
         QStringLiteral("passphrase")});
    parser.addOption({QStringLiteral("passphrase-file"),
                      Tr::tr("Read the passphrase from the first line of a file ('-' for stdin)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("passphrase-env"),
                      Tr::tr("Read the passphrase from an environment variable."),
                      QStringLiteral("var")});
    parser.addOption({QStringLiteral("bssid"),
                      Tr::tr("Only join this access point (aa:bb:cc:dd:ee:ff)."),
                      QStringLiteral("bssid")});
    parser.addOption({QStringLiteral("channel"), Tr::tr("Channel hint for the device."),
                      QStringLiteral("channel")});
    parser.addOption({QStringLiteral("scan"), Tr::tr("Scan for networks first and report them.")});
    parser.addOption({QStringLiteral("poll-interval"),
                      Tr::tr("Status poll interval in ms (default 1000)."), QStringLiteral("ms")});
    parser.addOption({QStringLiteral("wait"), Tr::tr("Seconds to wait for Connected (default 60)."),
                      QStringLiteral("s")});
    parser.addOption(
        {QStringLiteral("no-reset"),
         Tr::tr("Do not reset the board's provisioning state after a failed attempt.")});
    parser.addOption(
        {QStringLiteral("sec2-gen-cred"),
         Tr::tr(
             "Only print the Security 2 salt and verifier for --username and the password (--pop-*), for the firmware.")});
    parser.addOption({QStringLiteral("sec2-salt"),
                      Tr::tr("With --sec2-gen-cred: use this salt (hex) instead of a random one."),
                      QStringLiteral("hex")});
    parser.addOption({QStringLiteral("sec2-salt-len"),
                      Tr::tr("With --sec2-gen-cred: random salt length in bytes (default 16)."),
                      QStringLiteral("n")});
    const int parsed = parseOrExit(parser, arguments);
    if (parsed >= 0)
        return parsed;
    const bool json = wantsJson(parser);
    if (parser.isSet(QStringLiteral("sec2-gen-cred")))
        return generateSec2Credentials(parser, json);

    int code = ExitOk;
    std::optional<DeviceArgs> device = readDeviceArgs(parser, &code);
    if (!device)
        return code;
    const QString ssid = parser.value(QStringLiteral("ssid"));
    if (ssid.isEmpty()) {
        printError(Tr::tr("--ssid is required"));
        return ExitUsage;
    }
    std::optional<QString> passphrase = readSecret(
        parser, QStringLiteral("passphrase"),
        Tr::tr("Wi-Fi passphrase for %1 (empty for an open network): ").arg(ssid), &code);
    if (!passphrase)
        return code;

    ProvisionJob::Request request;
    request.host = device->host;
    request.port = device->port;
    request.client = device->client;
    request.wifi.ssid = ssid.toUtf8();
    request.wifi.passphrase = passphrase->toUtf8();
    if (parser.isSet(QStringLiteral("bssid"))) {
        QByteArray hex = parser.value(QStringLiteral("bssid")).toLatin1();
        hex.replace(':', "").replace('-', "");
        request.wifi.bssid = QByteArray::fromHex(hex);
        if (request.wifi.bssid.size() != 6) {
            printError(Tr::tr("--bssid wants 6 bytes, e.g. aa:bb:cc:dd:ee:ff"));
            return ExitUsage;
        }
    }
    request.wifi.channel = parser.value(QStringLiteral("channel")).toInt();
    request.scanFirst = parser.isSet(QStringLiteral("scan"));
    if (parser.isSet(QStringLiteral("poll-interval")))
        request.pollIntervalMs = parser.value(QStringLiteral("poll-interval")).toInt();
    if (parser.isSet(QStringLiteral("wait")))
        request.waitTimeoutMs = parser.value(QStringLiteral("wait")).toInt() * 1000;
    request.resetOnFailure = !parser.isSet(QStringLiteral("no-reset"));

    // The same controller as the Provision workspace, running the whole sequence unattended.
    ProvisionController controller;
    attachConsole(&controller, device->trace, json);
    QEventLoop loop;
    QObject::connect(&controller, &ProvisionController::finished, &loop, &QEventLoop::quit);
    interrupted = 0;
    auto previous = std::signal(SIGINT, onInterrupt);
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &controller, [&controller] {
        if (interrupted)
            controller.cancel();
    });
    watch.start(50);
    controller.run(request);
    if (controller.isBusy())
        loop.exec();
    watch.stop();
    std::signal(SIGINT, previous);
    const ProvisionJob::Outcome &o = controller.outcome();
    const int exitCode = o.connected ? int(ExitOk) : exitCodeFor(o.error.value_or(Error{}));
    if (json) {
        printJson(QJsonDocument(outcomeJson(o, request.wifi.ssid, exitCode)));
    } else {
        if (request.scanFirst) {
            for (const ScanEntry &e : o.networks)
                printText(QStringLiteral("%1  %2 dBm  ch %3  %4")
                              .arg(QString::fromUtf8(e.ssid).leftJustified(32))
                              .arg(e.rssi, 4)
                              .arg(e.channel, 2)
                              .arg(authModeName(e.authMode)));
        }
        if (o.connected)
            printText(Tr::tr("Connected to %1: IP %2, channel %3%4")
                          .arg(QString::fromUtf8(request.wifi.ssid), o.status.ip4)
                          .arg(o.status.channel)
                          .arg(o.recoveries
                                   ? Tr::tr(" (after %1 session recovery)").arg(o.recoveries)
                                   : QString()));
        else
            printError(*o.error);
    }
    return exitCode;
}

} // namespace Forgeline::Cli
