// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace Forgeline::Sim {

// The client certificate and key the virtual board's firmware finds in its own flash.
struct DeviceCredentials
{
    QByteArray certificate; // PEM (NUL-terminated or not) or DER, as the partition holds it
    QByteArray privateKey;
    QString source; // where they came from, for the boot log: "partitions cert/key"
    bool present() const { return !certificate.isEmpty() && !privateKey.isEmpty(); }
};

// Looks the credentials up the way the firmware would. Today: the raw `cert` and `key`
// data partitions named in the partition table at 0x8000 (what `flash --partition cert`
// writes). NVS and esp_secure_cert readers plug in here, tried in order, without the
// firmware changing. An erased partition (all 0xFF) counts as absent, not as an error.
Result<DeviceCredentials> findDeviceCredentials(const QByteArray &flash);

// The payload of a raw partition: PEM up to its first NUL or 0xFF, DER by its length.
QByteArray partitionPayload(const QByteArray &partition);

} // namespace Forgeline::Sim
