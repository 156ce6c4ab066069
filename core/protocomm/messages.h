// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Plain C++ views of the protocomm Wi-Fi provisioning payloads and their exact encodings.
// The generated protobuf classes stay private to core; the client, the virtual board and the
// tests all go through these functions, so there is one encoder per message.
namespace Forgeline::Protocomm {

// Values are the wire values (constants.proto Status).
enum class Status : int {
    Success = 0,
    InvalidSecScheme = 1,
    InvalidProto = 2,
    TooManySessions = 3,
    InvalidArgument = 4,
    InternalError = 5,
    CryptoError = 6,
    InvalidSession = 7,
};

enum class StationState : int {
    Connected = 0,
    Connecting = 1,
    Disconnected = 2,
    ConnectionFailed = 3
};
enum class FailReason : int { AuthError = 0, NetworkNotFound = 1 };

// Open set: devices send raw wifi_auth_mode_t values beyond the .proto enum.
QString authModeName(int authMode);
QString statusName(Status status);

struct WifiConfig
{
    QByteArray ssid;
    QByteArray passphrase;
    QByteArray bssid; // empty or 6 bytes
    int channel = 0;
};

struct WifiStatus
{
    Status status = Status::Success;
    StationState state = StationState::Disconnected;
    std::optional<FailReason> failReason;
    std::optional<quint32> attemptsRemaining;
    // Set when state == Connected.
    bool hasConnected = false;
    QString ip4;
    int authMode = 0;
    QByteArray ssid;
    QByteArray bssid;
    int channel = 0;
};

struct ScanStartOptions
{
    bool blocking = true;
    bool passive = false;
    quint32 groupChannels
        = 5; // SoftAP: pause between channel groups so the phone/PC stays associated
    quint32 periodMs = 120;
};

struct ScanStatusInfo
{
    bool finished = false;
    quint32 resultCount = 0;
};

struct ScanEntry
{
    QByteArray ssid;
    quint32 channel = 0;
    qint32 rssi = 0;
    QByteArray bssid;
    int authMode = 0;
};

struct ScanResultPage
{
    Status status = Status::Success;
    QList<ScanEntry> entries;
};

enum class CtrlCommand : int { Reset = 1, Reprov = 3 };

// ---- prov-config ----
enum class ConfigMsg : int {
    CmdGetStatus = 0,
    RespGetStatus = 1,
    CmdSetConfig = 2,
    RespSetConfig = 3,
    CmdApplyConfig = 4,
    RespApplyConfig = 5
};

QByteArray encodeGetStatus();
QByteArray encodeSetConfig(const WifiConfig &config);
QByteArray encodeApplyConfig();
Result<WifiStatus> decodeRespGetStatus(const QByteArray &bytes);
Result<Status> decodeRespSetConfig(const QByteArray &bytes);
Result<Status> decodeRespApplyConfig(const QByteArray &bytes);

// Device side.
struct ConfigRequest
{
    ConfigMsg msg = ConfigMsg::CmdGetStatus;
    bool hasPayload = false;
    WifiConfig config; // for CmdSetConfig
};
Result<ConfigRequest> decodeConfigRequest(const QByteArray &bytes);
QByteArray encodeRespGetStatus(const WifiStatus &status);
QByteArray encodeRespSetConfig(Status status);
QByteArray encodeRespApplyConfig(Status status);

// ---- prov-scan ----
enum class ScanMsg : int {
    CmdScanStart = 0,
    RespScanStart = 1,
    CmdScanStatus = 2,
    RespScanStatus = 3,
    CmdScanResult = 4,
    RespScanResult = 5
};

QByteArray encodeScanStart(const ScanStartOptions &options);
QByteArray encodeScanStatus();
QByteArray encodeScanResult(quint32 startIndex, quint32 count);
Result<void> decodeRespScanStart(const QByteArray &bytes);
Result<ScanStatusInfo> decodeRespScanStatus(const QByteArray &bytes);
Result<ScanResultPage> decodeRespScanResult(const QByteArray &bytes);

struct ScanRequest
{
    ScanMsg msg = ScanMsg::CmdScanStart;
    bool hasPayload = false;
    ScanStartOptions start;
    quint32 startIndex = 0;
    quint32 count = 0;
};
Result<ScanRequest> decodeScanRequest(const QByteArray &bytes);
QByteArray encodeRespScanStart(Status status);
QByteArray encodeRespScanStatus(Status status, const ScanStatusInfo &info);
QByteArray encodeRespScanResult(Status status, const QList<ScanEntry> &entries);

// ---- prov-ctrl ----
QByteArray encodeCtrl(CtrlCommand command);
Result<Status> decodeRespCtrl(const QByteArray &bytes, CtrlCommand command);
struct CtrlRequest
{
    int msg = 0;
};
Result<CtrlRequest> decodeCtrlRequest(const QByteArray &bytes);
QByteArray encodeRespCtrl(CtrlCommand command, Status status);

} // namespace Forgeline::Protocomm
