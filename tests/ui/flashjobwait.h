// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the Flash workspace tests: they drive a job, then wait for its end.

#include "ui/flash/flashworkspace.h"

#include <QEventLoop>
#include <QObject>
#include <QTimer>

namespace FlashJobWait {

// Waits on a real event loop (QSignalSpy::wait would do too, but this keeps the result).
inline bool waitJob(Forgeline::Ui::FlashWorkspace &w, int timeoutMs = 60000)
{
    bool ok = false;
    bool done = false;
    QEventLoop loop;
    auto c = QObject::connect(&w, &Forgeline::Ui::FlashWorkspace::jobFinished, &loop,
                              [&](bool result) {
                                  ok = result;
                                  done = true;
                                  loop.quit();
                              });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(c);
    return done && ok;
}

} // namespace FlashJobWait
