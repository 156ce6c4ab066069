// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/jsonstringlist.h"

#include <QJsonArray>
#include <QJsonValue>

namespace Forgeline {

QStringList jsonStringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        out << v.toString();
    return out;
}

} // namespace Forgeline
