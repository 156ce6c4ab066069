// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/sim/devicecredentials.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Forgeline::Sim {

// The "firmware" section of a board profile: what the virtual board runs after a reset
// into its application (docs/cli.md, forgeline-sim --firmware). An ESP-IDF v4.4 MQTT-over-TLS
// client on mbedTLS 2.28, the pairing Espressif ships from v4.4.1 on.
struct FirmwareProfile
{
    bool enabled = false;
    QString serverHost = QStringLiteral("127.0.0.1");
    quint16 serverPort = 8883;
    QString hostname = QStringLiteral("localhost"); // SNI and the name the certificate must carry
    QByteArray caPem; // the CA the firmware trusts (embedded in the app)
    bool sendClientCertificate = true;
    int debugLevel = 3;  // CONFIG_MBEDTLS_DEBUG_LEVEL 0..4 (0 = off)
    char logLevel = 'I'; // CONFIG_LOG_DEFAULT_LEVEL: esp-tls' D lines need 'D'
    bool colours = true; // CONFIG_LOG_COLORS
    QString ssid = QStringLiteral("FactoryNet");
    int bootDelayMs = 200; // reset to app_main
    int wifiDelayMs = 600; // association + DHCP
    int retryMs = 5000;    // MQTT reconnect_timeout_ms after a failure
    int maxAttempts = 0;   // 0 = keep retrying
    int handshakeTimeoutMs = 10000;
    bool bootAfterReset = true;   // a reboot command starts the app (the strap released)
    CredentialLookup credentials; // where the app looks for its client certificate and key

    // `section` is the profile's "firmware" object; `baseDir` resolves a "caFile".
    static Result<FirmwareProfile> fromJson(const QJsonObject &section,
                                            const QString &baseDir = {});
};

} // namespace Forgeline::Sim
