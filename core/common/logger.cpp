// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/logger.h"

#include "core/common/redactor.h"

#include <cstdio>

namespace Forgeline {

QString LogEntry::levelName(Level level)
{
    switch (level) {
    case Level::Debug: return QStringLiteral("debug");
    case Level::Info: return QStringLiteral("info");
    case Level::Warning: return QStringLiteral("warning");
    case Level::Error: return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

Logger &Logger::instance()
{
    static Logger *logger = [] {
        qRegisterMetaType<Forgeline::LogEntry>();
        return new Logger; // intentionally leaked: must outlive every static that logs at exit
    }();
    return *logger;
}

void Logger::log(LogEntry::Level level, const QString &category, const QString &message)
{
    LogEntry entry{QDateTime::currentDateTime(), level, category, Redactor::redact(message)};
    {
        QMutexLocker lock(&m_mutex);
        m_recent.append(entry);
        if (m_recent.size() > RecentCapacity)
            m_recent.remove(0, m_recent.size() - RecentCapacity);
    }
    Q_EMIT entryAdded(entry);
}

QList<LogEntry> Logger::recent() const
{
    QMutexLocker lock(&m_mutex);
    return m_recent;
}

void Logger::installQtMessageHandler()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &ctx, const QString &msg) {
        const QString clean = Redactor::redact(msg);
        std::fprintf(stderr, "%s\n", qPrintable(clean));
        LogEntry::Level level = LogEntry::Level::Debug;
        switch (type) {
        case QtDebugMsg: level = LogEntry::Level::Debug; break;
        case QtInfoMsg: level = LogEntry::Level::Info; break;
        case QtWarningMsg: level = LogEntry::Level::Warning; break;
        case QtCriticalMsg:
        case QtFatalMsg: level = LogEntry::Level::Error; break;
        }
        const QString category
            = ctx.category ? QString::fromLatin1(ctx.category) : QStringLiteral("qt");
        Logger::instance().log(level, category, clean);
    });
}

} // namespace Forgeline
