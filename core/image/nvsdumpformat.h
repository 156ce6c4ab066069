// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image/nvsreader.h"

#include <QJsonObject>
#include <QString>

namespace Forgeline::Image::Nvs {

// How a read NVS partition is shown, the same in the CLI and the GUI. Private keys and values
// under secret-looking names are replaced by a one-line summary unless `showSecrets` (only the
// CLI's explicit --show-secrets sets it).
struct ShownValue
{
    QString text;          // what to print in the value column
    bool hasValue = false; // numbers and non-secret strings: `text` is the value itself
    bool secret = false;
    QString summary; // certificate / private key / size line
};

ShownValue showValue(const Entry &entry, bool showSecrets);

// {"entries": [...], "pages": [...], "namespaces": [...], "problems": [...], ...}
QJsonObject dumpJson(const Dump &dump, bool showSecrets);
QString dumpText(const Dump &dump, bool showSecrets);

} // namespace Forgeline::Image::Nvs
