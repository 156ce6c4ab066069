// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

#include "core/common/redactor.h"

#include <QStringBuilder>
#include <QTextStream>

#include <cstdio>

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::CliCommon)
};

} // namespace

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOption(
        QCommandLineOption(QStringLiteral("json"), Tr::tr("Machine-readable JSON output.")));
}

bool wantsJson(const QCommandLineParser &parser) { return parser.isSet(QStringLiteral("json")); }

namespace {

// QCommandLineParser reads "-0x7500" as the short options 0, x, 7, 5, 0, 0. Such an argument is
// handed to it as a stand-in that cannot look like an option: a control character, the argument's
// index (so equal numbers stay distinguishable), the control character again, then the argument.
// No option of forgeline-cli starts with a digit, so nothing an option could mean is lost.
constexpr char16_t StandInMark = u'\x01';

bool looksLikeNegativeNumber(const QString &argument)
{
    return argument.size() >= 2 && argument.at(0) == u'-' && argument.at(1) >= u'0'
           && argument.at(1) <= u'9';
}

QString standIn(qsizetype index, const QString &argument)
{
    return QChar(StandInMark) % QString::number(index) % QChar(StandInMark) % argument;
}

QString asTyped(const QString &argument)
{
    if (!argument.startsWith(QChar(StandInMark)))
        return argument;
    const qsizetype end = argument.indexOf(QChar(StandInMark), 1);
    return end < 0 ? argument : argument.mid(end + 1);
}

} // namespace

int parseOrExit(QCommandLineParser &parser, const QStringList &arguments)
{
    QStringList shielded = arguments;
    for (qsizetype i = 1; i < shielded.size(); ++i) {
        if (shielded.at(i) == QLatin1String("--"))
            break; // the parser already takes everything after it as positional
        if (looksLikeNegativeNumber(shielded.at(i)))
            shielded[i] = standIn(i, shielded.at(i));
    }
    bool parsed = parser.parse(shielded);
    if (parsed && shielded != arguments) {
        // A stand-in the parser took as an option's value ("--channel -1") goes back as typed: the
        // parser takes the argument after a valued option whatever it looks like, so the second
        // parse has the same shape and the option sees the real text.
        const QStringList positionals = parser.positionalArguments();
        QStringList valued = shielded;
        for (qsizetype i = 1; i < valued.size(); ++i) {
            if (valued.at(i) != arguments.at(i) && !positionals.contains(valued.at(i)))
                valued[i] = arguments.at(i);
        }
        if (valued != shielded)
            parsed = parser.parse(valued);
    }
    if (!parsed) {
        printError(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // QCommandLineParser names the binary's path; the user typed "forgeline-cli image
        // flash-encrypt", and that is what the usage line should show.
        QString help = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        const qsizetype at = help.indexOf(program);
        if (!program.isEmpty() && at >= 0 && at < help.indexOf(QLatin1Char('\n')))
            help.replace(at, program.size(), arguments.value(0));
        printText(help);
        return ExitOk;
    }
    return -1;
}

QStringList positionalArguments(const QCommandLineParser &parser)
{
    QStringList typed = parser.positionalArguments();
    for (QString &argument : typed)
        argument = asTyped(argument);
    return typed;
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

int runSubcommand(const QStringList &arguments, const QList<Subcommand> &subcommands)
{
    QStringList names;
    for (const Subcommand &s : subcommands)
        names.append(s.name);
    const QString command = arguments.value(0);
    const QString list = names.join(QStringLiteral(", "));
    const QString first = arguments.value(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        printText(Tr::tr("Usage: %1 <%2> [options]\nRun '%1 <subcommand> --help' for its options.")
                      .arg(command, names.join(QLatin1Char('|'))));
        return ExitOk;
    }
    if (first.isEmpty() || first.startsWith(QLatin1Char('-'))) {
        printError(
            Tr::tr("%1 needs a subcommand: %2").arg(command.section(QLatin1Char(' '), -1), list));
        return ExitUsage;
    }
    for (const Subcommand &s : subcommands) {
        if (s.name == first) {
            QStringList rest = arguments.mid(2);
            rest.prepend(command + QLatin1Char(' ') + first);
            return s.run(rest);
        }
    }
    printError(Tr::tr("unknown %1 subcommand '%2' (one of %3)")
                   .arg(command.section(QLatin1Char(' '), -1), first, list));
    return ExitUsage;
}

} // namespace Forgeline::Cli
