// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/settings.h"

#include "core/common/translations.h"

#include <QSettings>
#include <QUrl>

namespace Forgeline {

namespace {

QSettings defaultStore()
{
    // INI on every platform so support staff can read the file a user sends.
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Forgeline"),
                     QStringLiteral("forgeline"));
}

const QStringList knownMbedtls
    = {QStringLiteral("2.16"), QStringLiteral("2.28"), QStringLiteral("3.0"), QStringLiteral("3.6"),
       QStringLiteral("4.0")};

} // namespace

Settings Settings::load(QSettings &s)
{
    Settings d;
    const int version = s.value(QStringLiteral("settingsVersion"), 0).toInt();
    Q_UNUSED(version) // only one version so far; migrations go here when keys change

    d.decodeMbedtlsVersion
        = s.value(QStringLiteral("decode/mbedtlsVersion"), d.decodeMbedtlsVersion).toString();
    if (!d.decodeMbedtlsVersion.isEmpty() && !knownMbedtls.contains(d.decodeMbedtlsVersion))
        d.decodeMbedtlsVersion.clear(); // a hand-edited or newer file must not break decoding
    d.decodeIdfVersion
        = s.value(QStringLiteral("decode/idfVersion"), d.decodeIdfVersion).toString();
    d.lastWorkspace = s.value(QStringLiteral("shell/lastWorkspace"), d.lastWorkspace).toString();
    d.activityPaneVisible
        = s.value(QStringLiteral("shell/activityPaneVisible"), d.activityPaneVisible).toBool();
    d.language = s.value(QStringLiteral("shell/language"), d.language).toString();
    if (!d.language.isEmpty() && !Translations::languages().contains(d.language))
        d.language.clear(); // a language this build does not ship falls back to the system's
    bool okBaud = false;
    const int baud = s.value(QStringLiteral("flash/baudRate"), d.flashBaudRate).toInt(&okBaud);
    if (okBaud && baud >= 9600 && baud <= 5000000)
        d.flashBaudRate = baud;
    d.backupBeforeWrite
        = s.value(QStringLiteral("flash/backupBeforeWrite"), d.backupBeforeWrite).toBool();
    d.backupDirectory
        = s.value(QStringLiteral("flash/backupDirectory"), d.backupDirectory).toString();
    d.stationOperator = s.value(QStringLiteral("station/operator")).toString();
    d.stationPool = s.value(QStringLiteral("station/pool")).toString();
    d.stationDatabaseUrl = s.value(QStringLiteral("station/databaseUrl")).toString();
    d.stationRecipeFile = s.value(QStringLiteral("station/recipeFile")).toString();
    d.stationWatchPattern = s.value(QStringLiteral("station/watchPattern")).toString();
    return d;
}

void Settings::save(QSettings &s) const
{
    s.setValue(QStringLiteral("settingsVersion"), CurrentVersion);
    s.setValue(QStringLiteral("decode/mbedtlsVersion"), decodeMbedtlsVersion);
    s.setValue(QStringLiteral("decode/idfVersion"), decodeIdfVersion);
    s.setValue(QStringLiteral("shell/lastWorkspace"), lastWorkspace);
    s.setValue(QStringLiteral("shell/activityPaneVisible"), activityPaneVisible);
    s.setValue(QStringLiteral("shell/language"), language);
    s.setValue(QStringLiteral("flash/baudRate"), flashBaudRate);
    s.setValue(QStringLiteral("flash/backupBeforeWrite"), backupBeforeWrite);
    s.setValue(QStringLiteral("flash/backupDirectory"), backupDirectory);
    s.setValue(QStringLiteral("station/operator"), stationOperator);
    s.setValue(QStringLiteral("station/pool"), stationPool);
    // A PostgreSQL URL may carry a password; settings are a plain INI file users send to support.
    const QUrl url(stationDatabaseUrl);
    s.setValue(QStringLiteral("station/databaseUrl"), url.isValid() && !url.password().isEmpty()
                                                          ? url.toString(QUrl::RemovePassword)
                                                          : stationDatabaseUrl);
    s.setValue(QStringLiteral("station/recipeFile"), stationRecipeFile);
    s.setValue(QStringLiteral("station/watchPattern"), stationWatchPattern);
    s.sync();
}

Settings Settings::load()
{
    QSettings s = defaultStore();
    return load(s);
}

void Settings::save() const
{
    QSettings s = defaultStore();
    save(s);
}

} // namespace Forgeline
