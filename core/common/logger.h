// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

namespace Forgeline {

struct LogEntry
{
    enum class Level { Debug, Info, Warning, Error };
    QDateTime time;
    Level level = Level::Info;
    QString category; // "flash", "provision", "decode", ...
    QString message;  // already redacted

    static QString levelName(Level level);
};

// The one place application messages go. Every message is redacted on the way in, so
// nothing downstream (activity pane, log file, bug report) can see a secret.
// Thread-safe: log() may be called from workers; the signal is delivered queued to GUI objects.
class Logger : public QObject
{
    Q_OBJECT
public:
    static Logger &instance();

    void log(LogEntry::Level level, const QString &category, const QString &message);
    void debug(const QString &category, const QString &message)
    {
        log(LogEntry::Level::Debug, category, message);
    }
    void info(const QString &category, const QString &message)
    {
        log(LogEntry::Level::Info, category, message);
    }
    void warning(const QString &category, const QString &message)
    {
        log(LogEntry::Level::Warning, category, message);
    }
    void error(const QString &category, const QString &message)
    {
        log(LogEntry::Level::Error, category, message);
    }

    // The most recent entries, so a pane opened late still shows what happened.
    QList<LogEntry> recent() const;
    static constexpr int RecentCapacity = 5000;

    // Routes qDebug/qWarning/... through redaction and into this logger (stderr too).
    static void installQtMessageHandler();

Q_SIGNALS:
    void entryAdded(const Forgeline::LogEntry &entry);

private:
    Logger() = default;
    mutable QMutex m_mutex;
    QList<LogEntry> m_recent;
};

} // namespace Forgeline

Q_DECLARE_METATYPE(Forgeline::LogEntry)
