// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/errordecoder.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace Forgeline::Tls {

// An ESP-IDF release number; "v4.4.1", "4.4", "5" all parse.
struct IdfVersion
{
    int major = 0;
    int minor = 0;
    int patch = 0;

    static std::optional<IdfVersion> parse(QStringView text);
    int compare(const IdfVersion &other) const;
    QString toString() const;
};

// True when `idf` lies in [from, to] where both bounds are "major.minor" ("" to = open end).
bool idfInRange(const IdfVersion &idf, const QString &from, const QString &to);

} // namespace Forgeline::Tls
