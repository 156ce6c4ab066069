// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QLocale>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace Forgeline::Translations {

// The user interface languages this build ships, as stored in Settings::language: "en" (the
// source language, no catalogue) and "zh_CN". An empty choice means "follow the system".
QStringList languages();

// A name as a user types it ("zh", "zh-CN", "zh_CN.UTF-8", "en_US", "C") as one of languages(),
// or an error naming the choices.
Result<QString> parseLanguage(const QString &name);

// The language for a choice: the choice itself, or for "" the first of the system's UI
// languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG on Unix) that we ship; English otherwise.
// Simplified Chinese (zh, zh_CN, zh_SG, zh_Hans) is zh_CN; Traditional Chinese stays English.
QString resolve(const QString &choice, const QLocale &system = QLocale::system());

// Installs Forgeline's catalogue and, when the system has it, Qt's own (qtbase: standard
// buttons, file dialogs, parser help) for the language into the running application.
// Returns the language now in use.
QString install(const QString &choice);

// The language install() put in place ("en" before it ran): data with texts for people
// (diagnoses.<language>.json beside diagnoses.json) follows it.
QString current();

// Removes "--lang NAME" / "--lang=NAME" from arguments (a global option of both executables,
// taken before the command line is parsed so every text of the run is in that language).
// Returns the name ("" when absent), or an error for a missing or unknown name.
Result<QString> takeLanguageArgument(QStringList &arguments);

// For a file's local tr() helper: lupdate files a text under the class whose member function
// calls tr(), or under the enclosing namespace when a free function does, so one file's texts
// can sit in several contexts. Asks each in turn; the first that has the text wins, else the
// source text (with %n filled in). tst_translations checks every helper lists the contexts
// lupdate uses for its file.
QString translateFirst(std::initializer_list<const char *> contexts, const char *text,
                       const char *disambiguation = nullptr, int n = -1);

} // namespace Forgeline::Translations
