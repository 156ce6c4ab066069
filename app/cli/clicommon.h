// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <functional>

namespace Forgeline::Cli {

// Documented in docs/cli.md; scripts depend on these numbers, never renumber them.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,     // the command ran and the answer is "no" (unknown code, failed check)
    ExitUsage = 2,       // bad arguments
    ExitIo = 3,          // file or port could not be read/written
    ExitVerify = 4,      // written data did not verify
    ExitDevice = 5,      // device did not answer / connection lost
    ExitCancelled = 130, // interrupted by the user (SIGINT)
};

struct Command
{
    QString name;
    QString summary;
    int (*run)(const QStringList &arguments); // arguments[0] is "forgeline-cli <name>"
};

const QList<Command> &commands();

// A command with subcommands ("image info", "nvs dump"): each subcommand parses its own
// arguments, whose arguments[0] is "forgeline-cli <command> <subcommand>".
struct Subcommand
{
    QString name;
    std::function<int(const QStringList &arguments)> run;
};

// Runs the subcommand arguments[1] names; --help lists them and says where each one's options
// are; a missing or unknown name is a usage error (exit 2) that lists them.
int runSubcommand(const QStringList &arguments, const QList<Subcommand> &subcommands);

// Adds --json and --help; every command calls this so the flags are uniform.
void addCommonOptions(QCommandLineParser &parser);
bool wantsJson(const QCommandLineParser &parser);

// Parses, printing a one-line error and returning ExitUsage on failure, or -1 to continue.
// An argument that starts with a minus and a digit (-0x7500, -29952) is never read as options: it
// stays a positional argument in the place it was typed, or is the value of the option before it
// (--channel -1). Read positionals with positionalArguments(), not parser.positionalArguments().
int parseOrExit(QCommandLineParser &parser, const QStringList &arguments);

// The positional arguments of a parseOrExit() parse, exactly as typed and in the order typed.
QStringList positionalArguments(const QCommandLineParser &parser);

// One line on stderr, prefixed with the program name; redacted.
void printError(const QString &message);
void printError(const Error &error);
void printJson(const QJsonDocument &doc);
void printText(const QString &text);

} // namespace Forgeline::Cli
