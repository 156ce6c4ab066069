// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

#include "core/common/redactor.h"

#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace Forgeline::Cli {

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOption(QCommandLineOption(QStringLiteral("json"), QStringLiteral("Machine-readable JSON output.")));
}

bool wantsJson(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("json"));
}

int parseOrExit(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printText(parser.helpText());
        return ExitOk;
    }
    return -1;
}

void printError(const QString &message)
{
    QString line = Redactor::redact(message).simplified(); // one line, always
    std::fprintf(stderr, "forgeline-cli: %s\n", line.toUtf8().constData());
}

void printError(const Error &error)
{
    QString text = error.message;
    if (!error.fix.isEmpty())
        text += QStringLiteral(" ") + error.fix;
    printError(text);
}

void printJson(const QJsonDocument &doc)
{
    const QByteArray bytes = doc.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printText(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (!bytes.endsWith('\n'))
        bytes.append('\n');
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

QStringList protectNegativeNumbers(const QStringList &arguments)
{
    static const QRegularExpression negative(QStringLiteral("^-(0[xX][0-9A-Fa-f]*|[0-9][0-9A-Fa-f]*)$"));
    QStringList options;
    QStringList positionals;
    for (const QString &arg : arguments) {
        if (negative.match(arg).hasMatch())
            positionals << arg;
        else
            options << arg;
    }
    if (positionals.isEmpty())
        return arguments;
    if (!options.contains(QStringLiteral("--")))
        options << QStringLiteral("--");
    return options + positionals;
}

} // namespace Forgeline::Cli
