// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>

namespace Forgeline::SimFirmware {

// One connection attempt of the virtual board's TLS client, as esp-tls makes it.
struct TlsAttempt
{
    QString host;
    quint16 port = 0;
    QString hostname;             // SNI / the name checked against the server certificate
    QByteArray caPem;             // empty: no server verification configured
    QByteArray clientCertificate; // empty: no client certificate to send
    QByteArray clientKey;
    int debugLevel = 3;     // mbedTLS debug threshold 0..4
    bool debugLogs = false; // ESP-IDF log level D or V: esp-tls' debug lines print
    int timeoutMs = 10000;
};

struct TlsOutcome
{
    bool connected = false;
    int mbedtlsError = 0; // the negative code mbedtls_ssl_handshake (or setup) returned
    quint32 verifyFlags = 0;
    QString espTlsError; // ESP_ERR_* name of esp-tls' last error ("" when connected)
    int espTlsCode = 0;  // its value (v4.4+ numbering)
};

// How a line reaches the console: level letter, tag, text (the text of an mbedTLS debug
// entry keeps its own '\n', so the console shows the blank line ESP-IDF's port leaves).
using ConsoleSink = std::function<void(char level, const char *tag, const QByteArray &text)>;

// Runs one real mbedTLS (the system's libmbedtls) client handshake to host:port and prints
// what an ESP-IDF v4.4 board prints: the library's debug output through the port's callback
// (components/mbedtls/port/mbedtls_debug.c: "file:line msg", levels 1..4 as W I D V) and
// esp-tls' own lines (components/esp-tls/esp_tls_mbedtls.c). Blocking; call it off the event
// loop. `abort` set from another thread ends the attempt at the next read.
TlsOutcome runTlsAttempt(const TlsAttempt &attempt, const ConsoleSink &print,
                         const std::atomic<bool> &abort);

} // namespace Forgeline::SimFirmware
