// SPDX-License-Identifier: GPL-3.0-or-later
#include "provisionargs.h"

#include "core/common/endpoint.h"
#include "core/common/logger.h"
#include "core/common/redactor.h"
#include "core/protocomm/provisioncontroller.h"
#include "core/protocomm/qrpayload.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::ProvisionArgs)
};

} // namespace

using namespace Forgeline::Protocomm;

namespace {

void printNote(const QString &text)
{
    const QByteArray bytes
        = (QStringLiteral("forgeline-cli: ") + Redactor::redact(text)).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool stdinIsTerminal()
{
#ifdef Q_OS_UNIX
    return isatty(STDIN_FILENO) == 1;
#else
    return false;
#endif
}

QString promptHidden(const QString &prompt)
{
    std::fputs(prompt.toUtf8().constData(), stderr);
    std::fflush(stderr);
#ifdef Q_OS_UNIX
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
#endif
    QTextStream in(stdin);
    const QString line = in.readLine();
#ifdef Q_OS_UNIX
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
#endif
    std::fputs("\n", stderr);
    return line;
}

} // namespace

void addDeviceOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {{QStringLiteral("host"), QStringLiteral("address")},
         Tr::tr(
             "Device address HOST, HOST:PORT or [IPv6]:PORT (default 192.168.4.1:80, the SoftAP address)."),
         QStringLiteral("host:port")});
    parser.addOption({QStringLiteral("qr"), Tr::tr("The provisioning QR code's JSON payload."),
                      QStringLiteral("json")});
    parser.addOption({QStringLiteral("sec"),
                      Tr::tr("Security level 0, 1 or 2 (default: as the device reports)."),
                      QStringLiteral("level")});
    parser.addOption(
        {QStringLiteral("username"),
         Tr::tr(
             "Security 2 (SRP6a) username (default: from --qr, else wifiprov as in the ESP-IDF example)."),
         QStringLiteral("name")});
    parser.addOption(
        {QStringLiteral("pop"),
         Tr::tr(
             "Proof of possession; for Security 2 the password (visible in the process list: prefer --pop-file or --pop-env)."),
         QStringLiteral("pop")});
    parser.addOption({QStringLiteral("pop-file"),
                      Tr::tr("Read the PoP from the first line of a file ('-' for stdin)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("pop-env"),
                      Tr::tr("Read the PoP from an environment variable."), QStringLiteral("var")});
    parser.addOption({QStringLiteral("timeout"),
                      Tr::tr("Per-request timeout in milliseconds (default 10000)."),
                      QStringLiteral("ms")});
    parser.addOption({QStringLiteral("legacy-sessions"),
                      Tr::tr("Do not send the session cookie (firmware before ESP-IDF 4.3).")});
    parser.addOption(
        {QStringLiteral("trace"), Tr::tr("Log every protocol step (secrets are never logged).")});
}

std::optional<QString> readSecret(const QCommandLineParser &parser, const QString &name,
                                  const QString &prompt, int *exitCode)
{
    QString value;
    bool given = false;
    if (parser.isSet(name)) {
        value = parser.value(name);
        Redactor::registerSecret(value);
        given = true;
        printNote(
            Tr::tr(
                "warning: --%1 on the command line is visible to other users in the process list; use --%1-file or --%1-env.")
                .arg(name));
    } else if (parser.isSet(name + QStringLiteral("-file"))) {
        const QString path = parser.value(name + QStringLiteral("-file"));
        QFile f;
        const bool ok = path == QLatin1String("-")
                            ? f.open(stdin, QIODevice::ReadOnly)
                            : (f.setFileName(path), f.open(QIODevice::ReadOnly));
        if (!ok) {
            printError(Tr::tr("cannot read %1: %2").arg(path, f.errorString()));
            *exitCode = ExitIo;
            return std::nullopt;
        }
        value = QString::fromUtf8(f.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
        Redactor::registerSecret(value);
        given = true;
    } else if (parser.isSet(name + QStringLiteral("-env"))) {
        const QString var = parser.value(name + QStringLiteral("-env"));
        if (!qEnvironmentVariableIsSet(var.toLocal8Bit().constData())) {
            printError(Tr::tr("the environment variable %1 is not set").arg(var));
            *exitCode = ExitUsage;
            return std::nullopt;
        }
        value = qEnvironmentVariable(var.toLocal8Bit().constData());
        Redactor::registerSecret(value);
        given = true;
    }
    if (!given && !prompt.isEmpty() && stdinIsTerminal()) {
        value = promptHidden(prompt);
        Redactor::registerSecret(value);
    }
    return value;
}

std::optional<DeviceArgs> readDeviceArgs(const QCommandLineParser &parser, int *exitCode)
{
    DeviceArgs args;
    args.trace
        = parser.isSet(QStringLiteral("trace")) || qEnvironmentVariableIsSet("FORGELINE_TRACE");
    const QString address = parser.value(QStringLiteral("host"));
    Result<Endpoint> endpoint
        = parseEndpoint(address.isEmpty() ? QStringLiteral("192.168.4.1:80") : address);
    if (!endpoint) {
        printError(Tr::tr("--host: %1 %2").arg(endpoint.error().message, endpoint.error().fix));
        *exitCode = ExitUsage;
        return std::nullopt;
    }
    args.host = endpoint->host;
    args.port = endpoint->port;

    QString qrPop;
    if (parser.isSet(QStringLiteral("qr"))) {
        Result<QrPayload> qr = parseQrPayload(parser.value(QStringLiteral("qr")));
        if (!qr) {
            printError(qr.error());
            *exitCode = ExitUsage;
            return std::nullopt;
        }
        if (qr->transport != QLatin1String("softap")) {
            printError(
                Tr::tr(
                    "this QR code is for a %1 device; forgeline-cli provisions over SoftAP (HTTP)")
                    .arg(qr->transport));
            *exitCode = ExitUsage;
            return std::nullopt;
        }
        qrPop = qr->pop;
        args.client.username = qr->username.toUtf8();
        if (qr->security)
            args.client.security = *qr->security;
        printNote(Tr::tr("QR code for %1 (join its Wi-Fi access point first)").arg(qr->name));
    }
    if (parser.isSet(QStringLiteral("sec"))) {
        bool ok = false;
        args.client.security = parser.value(QStringLiteral("sec")).toInt(&ok);
        if (!ok || args.client.security < 0 || args.client.security > 2) {
            printError(Tr::tr("--sec is 0, 1 or 2"));
            *exitCode = ExitUsage;
            return std::nullopt;
        }
    }
    const bool popGiven = parser.isSet(QStringLiteral("pop"))
                          || parser.isSet(QStringLiteral("pop-file"))
                          || parser.isSet(QStringLiteral("pop-env"));
    if (parser.isSet(QStringLiteral("username")))
        args.client.username = parser.value(QStringLiteral("username")).toUtf8();
    QString prompt;
    if (args.client.security != 0 && qrPop.isEmpty())
        prompt = args.client.security == 2 ? Tr::tr("Security 2 password (PoP): ")
                                           : Tr::tr("Proof of possession (PoP): ");
    std::optional<QString> pop
        = readSecret(parser, QStringLiteral("pop"), popGiven ? QString() : prompt, exitCode);
    if (!pop)
        return std::nullopt;
    args.client.pop = (pop->isEmpty() ? qrPop : *pop).toUtf8();
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        args.client.timeoutMs = parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || args.client.timeoutMs <= 0) {
            printError(Tr::tr("--timeout wants milliseconds"));
            *exitCode = ExitUsage;
            return std::nullopt;
        }
    }
    args.client.useCookies = !parser.isSet(QStringLiteral("legacy-sessions"));
    return args;
}

int exitCodeFor(const Error &error)
{
    switch (classify(error)) {
    case FailureKind::Usage: return ExitUsage;
    case FailureKind::Rejected: return ExitFailure;
    case FailureKind::Device: return ExitDevice;
    case FailureKind::Cancelled: return ExitCancelled;
    }
    return ExitFailure;
}

QJsonObject errorJson(const Error &error)
{
    return QJsonObject{{QStringLiteral("code"), error.code},
                       {QStringLiteral("message"), Redactor::redact(error.message)},
                       {QStringLiteral("detail"), Redactor::redact(error.detail)},
                       {QStringLiteral("fix"), Redactor::redact(error.fix)}};
}

void attachConsole(QObject *source, bool trace, bool json)
{
    if (auto *controller = qobject_cast<ProvisionController *>(source)) {
        // The controller logs its notices and trace lines itself.
        QObject::connect(controller, &ProvisionController::stepChanged, controller,
                         [json](ProvisionJob::Step, const QString &text) {
                             Logger::instance().info(QStringLiteral("provision"), text);
                             if (!json)
                                 printNote(text);
                         });
        QObject::connect(controller, &ProvisionController::notice, controller,
                         [](const QString &text) { printNote(text); });
        if (trace) {
            QObject::connect(
                controller, &ProvisionController::trace, controller,
                [](const QString &line) { printNote(QStringLiteral("trace: ") + line); });
        }
        return;
    }
    if (auto *client = qobject_cast<ProvisionClient *>(source)) {
        QObject::connect(client, &ProvisionClient::notice, client, [](const QString &text) {
            Logger::instance().warning(QStringLiteral("provision"), text);
            printNote(text);
        });
        if (trace) {
            QObject::connect(client, &ProvisionClient::trace, client, [](const QString &line) {
                Logger::instance().debug(QStringLiteral("protocomm"), line);
                printNote(QStringLiteral("trace: ") + line);
            });
        }
    }
}

} // namespace Forgeline::Cli
