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

// Where the firmware keeps its credentials (the board profile's "firmware.credentials"):
// {"store": "auto" | "secure-cert" | "nvs" | "raw", "nvsPartition": "nvs",
//  "nvsNamespace": "certs", "certKey": "client_cert", "keyKey": "client_key"}
struct CredentialLookup
{
    QString store = QStringLiteral("auto"); // auto: esp_secure_cert, then NVS, then raw partitions
    QString secureCertPartition = QStringLiteral("esp_secure_cert");
    QString nvsPartition = QStringLiteral("nvs");
    QString nvsNamespace = QStringLiteral("certs");
    QString certKey = QStringLiteral("client_cert");
    QString keyKey = QStringLiteral("client_key");
    QString certPartition = QStringLiteral("cert");
    QString keyPartition = QStringLiteral("key");
};

// Looks the credentials up the way the firmware would, in the partition table at 0x8000: an
// esp_secure_cert partition (TLV dev_cert + priv_key, as esp_secure_cert_mgr reads it), an NVS
// partition (string or blob entries; encrypted NVS is read with the keys in the table's
// nvs_keys partition, as nvs_flash_secure_init does), or the raw `cert` and `key` partitions
// (what `flash --partition cert` writes). An erased or missing store counts as absent, not as
// an error; a store that is there but broken (bad CRC, keys that do not decrypt) is an error,
// because the real firmware would fail to read it too.
Result<DeviceCredentials> findDeviceCredentials(const QByteArray &flash,
                                                const CredentialLookup &lookup = {});

// The payload of a raw partition: PEM up to its first NUL or 0xFF, DER by its length.
QByteArray partitionPayload(const QByteArray &partition);

} // namespace Forgeline::Sim
