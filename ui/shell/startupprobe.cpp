// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/startupprobe.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QWidget>

#include <ctime>
#include <unistd.h>

namespace Forgeline::Ui {

StartupProbe::StartupProbe(QWidget &watched, QObject *parent) : QObject(parent)
{
    watched.installEventFilter(this);
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_seen && event->type() == QEvent::Paint) {
        m_seen = true;
        watched->removeEventFilter(this);
        Q_EMIT firstPaint();
    }
    return QObject::eventFilter(watched, event);
}

namespace {

// /proc/self/stat field 22: start time in clock ticks after boot, comparable with CLOCK_BOOTTIME.
// Resolution is one tick (10 ms at the usual USER_HZ of 100).
double kernelProcessAgeMs()
{
#if defined(Q_OS_LINUX)
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may contain spaces; fields after it start past the last ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    constexpr int StartTimeAfterParen = 22 - 3; // field 3 is the first after ')'
    if (fields.size() <= StartTimeAfterParen)
        return -1;
    bool ok = false;
    const double startTicks = fields.at(StartTimeAfterParen).toDouble(&ok);
    const long hz = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!ok || hz <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(hz);
#else
    return -1;
#endif
}

} // namespace

double millisecondsSinceProcessStart()
{
    static QElapsedTimer sinceFirstCall = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    const double kernel = kernelProcessAgeMs();
    const double own = double(sinceFirstCall.nsecsElapsed()) / 1e6;
    return kernel >= own ? kernel : own;
}

} // namespace Forgeline::Ui
