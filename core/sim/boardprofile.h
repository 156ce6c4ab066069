// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Forgeline::Sim {

// A network the virtual board can "see".
struct WifiNetwork
{
    QString ssid;
    QByteArray bssid; // 6 bytes
    int rssi = -50;
    int channel = 1;
    int authMode = 3;   // wire value of WifiAuthMode
    QString passphrase; // empty for open networks
};

struct ProtocommProfile
{
    QString deviceName = QStringLiteral("PROV_FL0001");
    int security = 1;
    // Security1 PoP, or the Security2 password. It is the board's label: the device side
    // itself only ever sees the Security2 salt and verifier computed from it at load time.
    QString pop = QStringLiteral("abcd1234");
    QString username;      // Security2 (SRP6a) username
    int securityPatch = 0; // proto-ver sec_patch_ver; Security2 nonce mode (0 fixed IV, 1 counter)
    QByteArray sec2Salt;   // what a Security2 firmware stores (protocomm_security2_params_t)
    QByteArray sec2Verifier;
    // "cookie": ESP-IDF >= 4.3 (session survives reconnects); "socket": older firmware that
    // binds the session to the TCP connection.
    QString sessionMode = QStringLiteral("cookie");
    QStringList customEndpoints{QStringLiteral("custom-data")};
    bool autoStop = true;
    int autoStopDelayMs = 1000;
    int scanMaxEntries = 16;
    int responseDelayMs = 5;
    int scanDelayMs = 1500;
    int applyDelayMs = 1000;
    int restartDelayMs = 800;
};

struct WifiWorldProfile
{
    QList<WifiNetwork> networks;
    int connectDelayMs = 2000;
    QString ip = QStringLiteral("192.168.1.50");
};

// Faults on the HTTP side; request numbers count every POST since start, from 1.
struct HttpFaults
{
    bool closeBetween
        = false; // close the socket after every response (case: session lost on socket change, docs/dev/cases.md)
    int closeAfter = 0;      // close the socket after the response to request N
    int dropResponse = 0;    // handle request N but close without answering
    int restartAt = 0;       // restart the device when request N arrives
    int corruptResponse = 0; // flip the bits of the first body byte of response N
    int slowMs = 0;          // extra delay on every response
};

// The virtual board's description. Each side of the simulator reads its own section; the
// whole document is kept in `json` so sides added later (serial ROM loader, flash contents)
// parse their sections from the same file without touching this struct.
struct BoardProfile
{
    QString name;
    QString chip = QStringLiteral("esp32");
    QByteArray mac;
    ProtocommProfile protocomm;
    WifiWorldProfile wifi;
    HttpFaults httpFaults;
    QJsonObject json;
    QString baseDir; // the profile file's folder: relative "file" names are read from here

    static Result<BoardProfile> fromJson(const QByteArray &json);
    static Result<BoardProfile> load(const QString &path);
    // resources/data/boards/default.json, documented in docs/cli.md.
    static BoardProfile defaultProfile();

    // "close-between", "close-after:N", "drop-response:N", "corrupt-response:N",
    // "restart-at:N", "slow:MS".
    Result<void> applyFault(const QString &spec);
    static QStringList faultNames();
    // Every delay on the provisioning path to zero (benchmarks, fast tests). The auto-stop
    // delay stays: it happens after the flow, and a lost "Connected" reply depends on it.
    void removeDelays();
};

int authModeFromName(const QString &name, bool *ok = nullptr);

} // namespace Forgeline::Sim
