// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <utility>

namespace Forgeline {

// The one idiom for "call me back, unless I am gone": a callback bound to a context QObject.
// The returned callable does nothing once the context has been destroyed, so a reply that
// arrives after its window, job or board was deleted is dropped instead of touching freed
// memory. Call it on the context's thread (QPointer is not a cross-thread guard); work on
// another thread posts its answer back first (see core/station/stationstore.cpp).
template<typename F>
auto guarded(QObject *context, F &&callback)
{
    return [guard = QPointer<QObject>(context),
            callback = std::forward<F>(callback)](auto &&...args) mutable {
        if (guard)
            callback(std::forward<decltype(args)>(args)...);
    };
}

} // namespace Forgeline
