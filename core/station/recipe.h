// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/image/certpayload.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Forgeline::Station {

// What to write: the claimed certificate, its key, or a file, to a partition or an address; or
// a certificate store built per board from the claimed pair (an NVS partition from a CSV
// template, or an esp_secure_cert partition), always to a named partition.
struct FlashItem
{
    enum class Source { Certificate, Key, File, Nvs, SecureCert };
    Source source = Source::File;
    QString file;
    QString partition;
    std::optional<quint32> address;
    Image::PayloadFormat format = Image::PayloadFormat::Raw;

    // Source::Nvs: the generator's CSV with per-board placeholders ({certificate}, {key},
    // {mac}, {pair}); `file` rows are relative to `nvsBaseDir`.
    QString nvsCsv;
    QString nvsBaseDir;
    quint8 nvsVersion = 2;
    // NVS encryption: the keys go to this partition (fresh random keys per board unless
    // `keysFile` names a keys file every board shares).
    QString keysPartition;
    QString keysFile;
    // Source::SecureCert: the CA certificate stored beside the pair (PEM or DER; optional).
    QByteArray secureCertCa;

    bool isStore() const { return source == Source::Nvs || source == Source::SecureCert; }
    bool usesPair() const;
};

struct ProvisionSettings
{
    QByteArray ssid;
    QByteArray passphrase; // a secret: registered with the Redactor when the recipe loads
    QByteArray pop;        // idem (Security 2: the password)
    QByteArray username;   // Security 2 (SRP6a) username; empty: the ESP-IDF default "wifiprov"
    int security = -1;     // -1: as the board reports in proto-ver
    // Where each board's protocomm answers: per port ("/dev/ttyUSB0" -> "192.168.4.1:80"),
    // else `defaultAddress` (a line with one SoftAP at a time uses the ESP default).
    QHash<QString, QString> addresses;
    QString defaultAddress;
    QString customEndpoint;
    QByteArray customData; // "{mac}" and "{pair}" are replaced per board
    int timeoutMs = 60000;
    int pollIntervalMs = 500;
};

// After provisioning: reset the board into its firmware and watch its console until the
// application's success line, or until a TLS handshake fails (the board then fails at step
// `connect` with the diagnosis id in its record).
struct ConnectSettings
{
    int timeoutMs = 30000;
    QString success = QStringLiteral("MQTT_EVENT_CONNECTED"); // a regular expression
    qint32 baud = 115200;                                     // the firmware's console rate
};

// A station's recipe (JSON, edited in the GUI, documented in docs/cli.md):
// {
//   "name": "Line 3 cert+wifi", "baud": 921600, "tableOffset": "0x8000",
//   "retries": {"identify": 2, "flash": 1, "provision": 1},
//   "preflight": {"target": "esp-idf-5.1", "ca": ["ca.pem"]},          (optional)
//   "flash": [{"source": "certificate", "partition": "cert", "format": "pem-nul"},
//             {"source": "key", "partition": "key", "format": "pem-nul"},
//             {"file": "app.bin", "address": "0x10000"},
//             {"nvs": "certs.csv", "partition": "nvs", "version": 2,
//              "encrypt": {"keysPartition": "nvs_keys", "keys": "keys.bin"}},             (keys optional)
//             {"secureCert": {"ca": "ca.pem"}, "partition": "esp_secure_cert"}],
//   "verify": true,
//   "provision": {"ssid": "FactoryNet", "passphrase": "...", "pop": "...", "username": "wifiprov", "security": 2,
//                 "addresses": {"/dev/ttyUSB0": "192.168.4.1:80"}, "address": "192.168.4.1:80",
//                 "customData": {"endpoint": "custom-data", "data": "serial={mac}"}, "timeoutMs": 60000},
//   "connect": {"timeoutMs": 30000, "success": "MQTT_EVENT_CONNECTED", "baud": 115200}   (optional)
// }
struct Recipe
{
    enum class Step { Identify, Claim, Preflight, Flash, Verify, Provision, Connect, Record };

    QString name;
    qint32 baud = 921600;
    quint32 tableOffset = 0x8000;
    QHash<QString, int> retries; // step name -> extra attempts
    bool preflight = false;
    QString preflightTarget;
    QStringList preflightCa;
    QList<FlashItem> flash;
    bool verify = true;
    std::optional<ProvisionSettings> provision;
    std::optional<ConnectSettings> connect;

    bool needsPair() const;
    int retriesFor(Step step) const;
    QList<Step> steps() const;
    QString provisionAddressFor(const QString &port) const;

    static QString stepName(Step step);
    // `registerSecrets` false is for validating text while someone types it: registering every
    // prefix of a half-typed passphrase would redact innocent substrings from every log.
    static Result<Recipe> fromJson(const QByteArray &json, const QString &baseDir = {},
                                   bool registerSecrets = true);
    static Result<Recipe> load(const QString &path);
};

} // namespace Forgeline::Station
