// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QJsonValue;

namespace Forgeline {

// The strings of a JSON array, as the embedded data files write lists of causes, fixes,
// curves or notes. An element that is not a string reads as ""; anything but an array, as {}.
QStringList jsonStringList(const QJsonValue &value);

} // namespace Forgeline
