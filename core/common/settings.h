// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QSettings;

namespace Forgeline {

// All persisted preferences, typed and with defaults, in one value. Widgets never touch
// QSettings directly (except window geometry); they read and write this struct.
// Secrets never go here: PoP and passphrases are asked for, used and forgotten.
struct Settings
{
    static constexpr int CurrentVersion = 1;

    // Decode
    QString decodeMbedtlsVersion; // "" = all versions, else "2.16", "2.28", "3.0", "3.6", "4.0"
    QString decodeIdfVersion;     // "" = unknown, else e.g. "4.3", "5.2"

    // Shell
    QString lastWorkspace = QStringLiteral("decode");
    bool activityPaneVisible = true;
    QString language; // "" = the system locale, else "en" or "zh_CN" (on restart)

    // Flash
    int flashBaudRate = 921600;
    bool backupBeforeWrite = true;
    QString backupDirectory; // "" = app data dir / backups

    // Station (auto-start is deliberately not kept: a line must never start boards by itself
    // just because the app was reopened)
    QString stationOperator;
    QString stationPool;
    QString stationDatabaseUrl; // saved without its password (see save())
    QString stationRecipeFile;
    QString stationWatchPattern; // "" = every serial port

    static Settings load(QSettings &store);
    void save(QSettings &store) const;

    // Convenience over the application's default QSettings (IniFormat, user scope).
    static Settings load();
    void save() const;

    bool operator==(const Settings &) const = default;
};

} // namespace Forgeline
