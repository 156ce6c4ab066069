// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image/nvskeys.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Forgeline::Image {

// What a partition read from a board holds, told the same way wherever a technician asks (the
// Flash workspace's Inspect): an esp_secure_cert TLV partition, an NVS partition, erased flash,
// or else whatever the image inspector makes of it (an app, a table, encrypted or random
// data). Secrets are always summarised, never shown.
struct StoreInspection
{
    QString
        kind; // "esp_secure_cert", "nvs", "erased", else the image inspector's kind ("app", ...)
    QString headline; // one line: "nvs: certificate CN=dev-0001 …" / "erased" / ...
    QString text;     // the full dump
    bool problems = false;
};

StoreInspection inspectStore(const QByteArray &bytes,
                             const std::optional<Nvs::Keys> &nvsKeys = std::nullopt);

} // namespace Forgeline::Image
