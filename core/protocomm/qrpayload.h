// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QString>

#include <optional>

namespace Forgeline::Protocomm {

// The JSON an ESP provisioning QR code carries, e.g.
// {"ver":"v1","name":"PROV_1234","pop":"abcd1234","transport":"softap","security":1}
struct QrPayload
{
    QString version;
    QString name;                // SoftAP SSID or BLE device name
    QString transport;           // "softap" | "ble"
    QString pop;                 // Security1 PoP or Security2 password
    QString username;            // Security2
    QString password;            // SoftAP Wi-Fi passphrase
    QString network;             // "wifi" | "thread"
    std::optional<int> security; // absent: the phone apps assume 2, then ask proto-ver
};

// Accepts the JSON as pasted or as a USB barcode scanner types it (stray whitespace, CR/LF,
// or the esp-jumpstart "qrcode.html?data=" link). Secrets are registered with the Redactor
// before this returns.
Result<QrPayload> parseQrPayload(const QString &text);

// Cheap test for "this field just received a QR payload rather than an address or a PoP".
bool looksLikeQrPayload(const QString &text);

} // namespace Forgeline::Protocomm
