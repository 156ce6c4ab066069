// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QTranslator>

namespace Forgeline::Translations {

namespace {

const QString english = QStringLiteral("en");
const QString simplifiedChinese = QStringLiteral("zh_CN");
QString installed = QStringLiteral("en");

// Chinese written in simplified characters; zh_TW, zh_HK and zh_Hant are not what we ship.
bool isSimplifiedChinese(const QLocale &locale)
{
    if (locale.language() != QLocale::Chinese)
        return false;
    return locale.script() == QLocale::SimplifiedHanScript || locale.script() == QLocale::AnyScript;
}

// QLocale("zh-CN.UTF-8") is C; strip the encoding and modifier first ("zh_CN.UTF-8@x").
QLocale localeFromName(QString name)
{
    const qsizetype cut = name.indexOf(QRegularExpression(QStringLiteral("[.@]")));
    if (cut >= 0)
        name.truncate(cut);
    return QLocale(name);
}

} // namespace

QStringList languages() { return {english, simplifiedChinese}; }

Result<QString> parseLanguage(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed == QLatin1String("C") || trimmed == QLatin1String("POSIX")
        || trimmed.startsWith(QLatin1String("C.")))
        return english;
    const QLocale locale = localeFromName(trimmed);
    if (!trimmed.isEmpty() && locale.language() == QLocale::English)
        return english;
    if (!trimmed.isEmpty() && isSimplifiedChinese(locale) && locale.territory() != QLocale::Taiwan
        && locale.territory() != QLocale::HongKong && locale.territory() != QLocale::Macao)
        return simplifiedChinese;
    return Error::make(
        QStringLiteral("lang.unknown"),
        QCoreApplication::translate("Translations", "unknown language '%1'").arg(trimmed), {},
        QCoreApplication::translate("Translations", "Use one of: %1.")
            .arg(languages().join(QStringLiteral(", "))));
}

QString resolve(const QString &choice, const QLocale &system)
{
    if (languages().contains(choice))
        return choice;
    // uiLanguages() is the user's ordered preference; the first one we ship wins.
    const QStringList preferred = system.uiLanguages();
    for (const QString &name : preferred) {
        const QLocale locale(name);
        if (locale.language() == QLocale::English || locale.language() == QLocale::C)
            return english;
        if (isSimplifiedChinese(locale) && locale.territory() != QLocale::Taiwan
            && locale.territory() != QLocale::HongKong && locale.territory() != QLocale::Macao)
            return simplifiedChinese;
    }
    return english;
}

QString install(const QString &choice)
{
    const QString language = resolve(choice);
    installed = language;
    if (language == english)
        return language; // the sources are English: no catalogue to load
    auto *app = QCoreApplication::instance();
    auto *qtbase = new QTranslator(app);
    if (qtbase->load(QStringLiteral("qtbase_") + language,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtbase);
    else
        delete qtbase; // Debian ships it in qt6-translations-l10n; without it Qt's own texts stay
                       // English
    auto *ours = new QTranslator(app);
    if (ours->load(QStringLiteral("forgeline_") + language,
                   QStringLiteral(":/forgeline/translations")))
        QCoreApplication::installTranslator(ours);
    else
        delete ours;
    return language;
}

QString current() { return installed; }

Result<QString> takeLanguageArgument(QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--"))
            break;
        QString value;
        if (arg == QLatin1String("--lang")) {
            if (i + 1 >= arguments.size())
                return Error::make(
                    QStringLiteral("lang.missing"),
                    QCoreApplication::translate("Translations", "missing value for --lang"), {},
                    QCoreApplication::translate("Translations", "Use one of: %1.")
                        .arg(languages().join(QStringLiteral(", "))));
            value = arguments.at(i + 1);
            arguments.remove(i, 2);
        } else if (arg.startsWith(QLatin1String("--lang="))) {
            value = arg.mid(7);
            arguments.remove(i);
        } else {
            continue;
        }
        return parseLanguage(value);
    }
    return QString();
}

QString translateFirst(std::initializer_list<const char *> contexts, const char *text,
                       const char *disambiguation, int n)
{
    // An empty context holds nothing: what translate() returns for a text it does not know.
    const QString untranslated = QCoreApplication::translate("", text, disambiguation, n);
    for (const char *context : contexts) {
        QString found = QCoreApplication::translate(context, text, disambiguation, n);
        if (found != untranslated)
            return found;
    }
    return untranslated;
}

} // namespace Forgeline::Translations
