// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

#include "core/common/buildinfo.h"
#include "core/common/translations.h"

#include <QCoreApplication>
#include <QJsonObject>

using namespace Forgeline;
using namespace Forgeline::Cli;

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::Main)
};

} // namespace

namespace {

QString usage()
{
    QString text = Tr::tr(
        "Usage: forgeline-cli [--version] [--help] <command> [options] [--json]\n\nCommands:\n");
    for (const Command &c : commands())
        text += QStringLiteral("  %1  %2\n").arg(c.name.leftJustified(12), c.summary);
    text += Tr::tr(
        "\nRun 'forgeline-cli <command> --help' for a command's options.\n"
        "Exit codes: 0 ok, 1 failure, 2 usage, 3 I/O, 4 verification, 5 device, 130 cancelled.\n");
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Forgeline"));
    QCoreApplication::setApplicationName(QStringLiteral("forgeline"));
    QCoreApplication::setApplicationVersion(BuildInfo::applicationVersion());

    // --lang NAME anywhere before "--", else LANGUAGE / LC_ALL / LC_MESSAGES / LANG. JSON output
    // and exit codes are the same in every language; only the texts for people change.
    QStringList args = QCoreApplication::arguments();
    const Result<QString> language = Translations::takeLanguageArgument(args);
    if (!language) {
        printError(language.error());
        return ExitUsage;
    }
    Translations::install(*language);
    if (args.size() < 2) {
        printError(Tr::tr("no command given; try 'forgeline-cli --help'"));
        return ExitUsage;
    }
    const QString first = args.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("help")) {
        printText(usage());
        return ExitOk;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")
        || first == QLatin1String("version")) {
        if (args.contains(QStringLiteral("--json"))) {
            printJson(QJsonDocument(QJsonObject{
                {QStringLiteral("forgeline"), BuildInfo::applicationVersion()},
                {QStringLiteral("qt"), BuildInfo::qtVersion()},
                {QStringLiteral("openssl"), BuildInfo::openSslVersion()},
                {QStringLiteral("protobuf"), BuildInfo::protobufVersion()},
                {QStringLiteral("zlib"), BuildInfo::zlibVersion()},
            }));
        } else {
            printText(Tr::tr("forgeline-cli %1 (Qt %2, %3, protobuf %4)")
                          .arg(BuildInfo::applicationVersion(), BuildInfo::qtVersion(),
                               BuildInfo::openSslVersion(), BuildInfo::protobufVersion()));
        }
        return ExitOk;
    }
    for (const Command &c : commands()) {
        if (c.name == first) {
            QStringList rest = args.mid(2);
            rest.prepend(QStringLiteral("forgeline-cli ") + c.name);
            return c.run(rest);
        }
    }
    printError(Tr::tr("unknown command '%1'; try 'forgeline-cli --help'").arg(first));
    return ExitUsage;
}
