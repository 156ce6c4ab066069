// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocomm/messages.h"

#include "protocomm/proto/wifi_config.pb.h"
#include "protocomm/proto/wifi_ctrl.pb.h"
#include "protocomm/proto/wifi_scan.pb.h"

#include <QCoreApplication>

namespace Forgeline::Protocomm {

namespace w = forgeline::wire;

namespace {

template<typename Message>
QByteArray serialize(const Message &message)
{
    std::string out;
    message.SerializeToString(&out);
    return QByteArray(out.data(), qsizetype(out.size()));
}

template<typename Message>
bool parse(Message &message, const QByteArray &bytes)
{
    return message.ParseFromArray(bytes.constData(), int(bytes.size()));
}

QByteArray toBytes(const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); }

std::string toStd(const QByteArray &b) { return std::string(b.constData(), size_t(b.size())); }

Error decodeError(const char *what, const QByteArray &bytes)
{
    return Error::make(QStringLiteral("protocomm.decode"),
                       QCoreApplication::translate(
                           "Protocomm", "The device sent a reply that is not a valid %1 message.")
                           .arg(QString::fromLatin1(what)),
                       QStringLiteral("%1 bytes: %2")
                           .arg(bytes.size())
                           .arg(QString::fromLatin1(bytes.left(64).toHex())));
}

Error unexpectedType(const char *what, int got)
{
    return Error::make(
        QStringLiteral("protocomm.decode"),
        QCoreApplication::translate("Protocomm",
                                    "The device answered with the wrong message type."),
        QStringLiteral("expected %1, got msg=%2").arg(QString::fromLatin1(what)).arg(got));
}

Status toStatus(int value) { return static_cast<Status>(value); }

} // namespace

QString authModeName(int authMode)
{
    switch (authMode) {
    case 0: return QStringLiteral("Open");
    case 1: return QStringLiteral("WEP");
    case 2: return QStringLiteral("WPA-PSK");
    case 3: return QStringLiteral("WPA2-PSK");
    case 4: return QStringLiteral("WPA/WPA2-PSK");
    case 5: return QStringLiteral("WPA2-Enterprise");
    case 6: return QStringLiteral("WPA3-PSK");
    case 7: return QStringLiteral("WPA2/WPA3-PSK");
    case 8: return QStringLiteral("WAPI-PSK");
    case 9: return QStringLiteral("OWE");
    case 10: return QStringLiteral("WPA3-Enterprise-192");
    case 11: return QStringLiteral("WPA3-EXT-PSK");
    case 12: return QStringLiteral("WPA3-EXT-PSK-mixed");
    case 13: return QStringLiteral("DPP");
    case 14: return QStringLiteral("WPA3-Enterprise");
    case 15: return QStringLiteral("WPA2/WPA3-Enterprise");
    case 16: return QStringLiteral("WPA-Enterprise");
    default: return QStringLiteral("auth mode %1").arg(authMode);
    }
}

QString statusName(Status status)
{
    switch (status) {
    case Status::Success: return QStringLiteral("Success");
    case Status::InvalidSecScheme: return QStringLiteral("InvalidSecScheme");
    case Status::InvalidProto: return QStringLiteral("InvalidProto");
    case Status::TooManySessions: return QStringLiteral("TooManySessions");
    case Status::InvalidArgument: return QStringLiteral("InvalidArgument");
    case Status::InternalError: return QStringLiteral("InternalError");
    case Status::CryptoError: return QStringLiteral("CryptoError");
    case Status::InvalidSession: return QStringLiteral("InvalidSession");
    }
    return QStringLiteral("Status %1").arg(int(status));
}

// ---- prov-config ----

QByteArray encodeGetStatus()
{
    w::WiFiConfigPayload p;
    p.set_msg(w::TypeCmdGetStatus);
    p.mutable_cmd_get_status();
    return serialize(p);
}

QByteArray encodeSetConfig(const WifiConfig &config)
{
    w::WiFiConfigPayload p;
    p.set_msg(w::TypeCmdSetConfig);
    // The device requires the sub-message to be present, so always create it.
    w::CmdSetConfig *c = p.mutable_cmd_set_config();
    c->set_ssid(toStd(config.ssid));
    c->set_passphrase(toStd(config.passphrase));
    c->set_bssid(toStd(config.bssid));
    c->set_channel(config.channel);
    return serialize(p);
}

QByteArray encodeApplyConfig()
{
    // esp_prov's form: only msg, no sub-message; the device does not need one.
    w::WiFiConfigPayload p;
    p.set_msg(w::TypeCmdApplyConfig);
    return serialize(p);
}

Result<WifiStatus> decodeRespGetStatus(const QByteArray &bytes)
{
    w::WiFiConfigPayload p;
    if (!parse(p, bytes))
        return decodeError("RespGetStatus", bytes);
    if (p.msg() != w::TypeRespGetStatus)
        return unexpectedType("RespGetStatus", p.msg());
    const w::RespGetStatus &r = p.resp_get_status();
    WifiStatus s;
    s.status = toStatus(r.status());
    s.state = static_cast<StationState>(r.sta_state());
    switch (r.state_case()) {
    case w::RespGetStatus::kFailReason:
        s.failReason = static_cast<FailReason>(r.fail_reason());
        break;
    case w::RespGetStatus::kConnected:
        s.hasConnected = true;
        s.ip4 = QString::fromStdString(r.connected().ip4_addr());
        s.authMode = r.connected().auth_mode();
        s.ssid = toBytes(r.connected().ssid());
        s.bssid = toBytes(r.connected().bssid());
        s.channel = r.connected().channel();
        break;
    case w::RespGetStatus::kAttemptFailed:
        s.attemptsRemaining = r.attempt_failed().attempts_remaining();
        break;
    case w::RespGetStatus::STATE_NOT_SET: break;
    }
    return s;
}

Result<Status> decodeRespSetConfig(const QByteArray &bytes)
{
    w::WiFiConfigPayload p;
    if (!parse(p, bytes))
        return decodeError("RespSetConfig", bytes);
    if (p.msg() != w::TypeRespSetConfig)
        return unexpectedType("RespSetConfig", p.msg());
    return toStatus(p.resp_set_config().status());
}

Result<Status> decodeRespApplyConfig(const QByteArray &bytes)
{
    w::WiFiConfigPayload p;
    if (!parse(p, bytes))
        return decodeError("RespApplyConfig", bytes);
    if (p.msg() != w::TypeRespApplyConfig)
        return unexpectedType("RespApplyConfig", p.msg());
    return toStatus(p.resp_apply_config().status());
}

Result<ConfigRequest> decodeConfigRequest(const QByteArray &bytes)
{
    w::WiFiConfigPayload p;
    if (!parse(p, bytes))
        return decodeError("WiFiConfigPayload", bytes);
    ConfigRequest r;
    r.msg = static_cast<ConfigMsg>(p.msg());
    switch (p.msg()) {
    case w::TypeCmdGetStatus: r.hasPayload = p.has_cmd_get_status(); break;
    case w::TypeCmdSetConfig:
        r.hasPayload = p.has_cmd_set_config();
        r.config.ssid = toBytes(p.cmd_set_config().ssid());
        r.config.passphrase = toBytes(p.cmd_set_config().passphrase());
        r.config.bssid = toBytes(p.cmd_set_config().bssid());
        r.config.channel = p.cmd_set_config().channel();
        break;
    case w::TypeCmdApplyConfig: r.hasPayload = p.has_cmd_apply_config(); break;
    default: break;
    }
    return r;
}

QByteArray encodeRespGetStatus(const WifiStatus &status)
{
    w::WiFiConfigPayload p;
    p.set_msg(w::TypeRespGetStatus);
    w::RespGetStatus *r = p.mutable_resp_get_status();
    r->set_status(static_cast<w::Status>(status.status));
    r->set_sta_state(static_cast<w::WifiStationState>(status.state));
    if (status.state == StationState::Connected) {
        w::WifiConnectedState *c = r->mutable_connected();
        c->set_ip4_addr(status.ip4.toStdString());
        c->set_auth_mode(static_cast<w::WifiAuthMode>(status.authMode));
        c->set_ssid(toStd(status.ssid));
        c->set_bssid(toStd(status.bssid));
        c->set_channel(status.channel);
    } else if (status.failReason) {
        r->set_fail_reason(static_cast<w::WifiConnectFailedReason>(*status.failReason));
    } else if (status.attemptsRemaining) {
        r->mutable_attempt_failed()->set_attempts_remaining(*status.attemptsRemaining);
    }
    return serialize(p);
}

QByteArray encodeRespSetConfig(Status status)
{
    w::WiFiConfigPayload p;
    p.set_msg(w::TypeRespSetConfig);
    p.mutable_resp_set_config()->set_status(static_cast<w::Status>(status));
    return serialize(p);
}

QByteArray encodeRespApplyConfig(Status status)
{
    w::WiFiConfigPayload p;
    p.set_msg(w::TypeRespApplyConfig);
    p.mutable_resp_apply_config()->set_status(static_cast<w::Status>(status));
    return serialize(p);
}

// ---- prov-scan ----

QByteArray encodeScanStart(const ScanStartOptions &options)
{
    w::WiFiScanPayload p;
    p.set_msg(w::TypeCmdScanStart);
    w::CmdScanStart *s = p.mutable_cmd_scan_start();
    s->set_blocking(options.blocking);
    s->set_passive(options.passive);
    s->set_group_channels(options.groupChannels);
    s->set_period_ms(options.periodMs);
    return serialize(p);
}

QByteArray encodeScanStatus()
{
    w::WiFiScanPayload p;
    p.set_msg(w::TypeCmdScanStatus);
    return serialize(p);
}

QByteArray encodeScanResult(quint32 startIndex, quint32 count)
{
    w::WiFiScanPayload p;
    p.set_msg(w::TypeCmdScanResult);
    w::CmdScanResult *r = p.mutable_cmd_scan_result();
    r->set_start_index(startIndex);
    r->set_count(count);
    return serialize(p);
}

Result<void> decodeRespScanStart(const QByteArray &bytes)
{
    w::WiFiScanPayload p;
    if (!parse(p, bytes))
        return decodeError("RespScanStart", bytes);
    if (p.msg() != w::TypeRespScanStart)
        return unexpectedType("RespScanStart", p.msg());
    if (p.status() != w::Success)
        return Error::make(
            QStringLiteral("protocomm.scan"),
            QCoreApplication::translate("Protocomm", "The device could not start a Wi-Fi scan."),
            statusName(toStatus(p.status())));
    return {};
}

Result<ScanStatusInfo> decodeRespScanStatus(const QByteArray &bytes)
{
    w::WiFiScanPayload p;
    if (!parse(p, bytes))
        return decodeError("RespScanStatus", bytes);
    if (p.msg() != w::TypeRespScanStatus)
        return unexpectedType("RespScanStatus", p.msg());
    return ScanStatusInfo{p.resp_scan_status().scan_finished(),
                          p.resp_scan_status().result_count()};
}

Result<ScanResultPage> decodeRespScanResult(const QByteArray &bytes)
{
    w::WiFiScanPayload p;
    if (!parse(p, bytes))
        return decodeError("RespScanResult", bytes);
    if (p.msg() != w::TypeRespScanResult)
        return unexpectedType("RespScanResult", p.msg());
    ScanResultPage page;
    page.status = toStatus(p.status());
    for (const w::WiFiScanResult &e : p.resp_scan_result().entries())
        page.entries.append(
            ScanEntry{toBytes(e.ssid()), e.channel(), e.rssi(), toBytes(e.bssid()), e.auth()});
    return page;
}

Result<ScanRequest> decodeScanRequest(const QByteArray &bytes)
{
    w::WiFiScanPayload p;
    if (!parse(p, bytes))
        return decodeError("WiFiScanPayload", bytes);
    ScanRequest r;
    r.msg = static_cast<ScanMsg>(p.msg());
    switch (p.msg()) {
    case w::TypeCmdScanStart:
        r.hasPayload = p.has_cmd_scan_start();
        r.start
            = ScanStartOptions{p.cmd_scan_start().blocking(), p.cmd_scan_start().passive(),
                               p.cmd_scan_start().group_channels(), p.cmd_scan_start().period_ms()};
        break;
    case w::TypeCmdScanStatus: r.hasPayload = p.has_cmd_scan_status(); break;
    case w::TypeCmdScanResult:
        r.hasPayload = p.has_cmd_scan_result();
        r.startIndex = p.cmd_scan_result().start_index();
        r.count = p.cmd_scan_result().count();
        break;
    default: break;
    }
    return r;
}

QByteArray encodeRespScanStart(Status status)
{
    w::WiFiScanPayload p;
    p.set_msg(w::TypeRespScanStart);
    p.set_status(static_cast<w::Status>(status));
    p.mutable_resp_scan_start();
    return serialize(p);
}

QByteArray encodeRespScanStatus(Status status, const ScanStatusInfo &info)
{
    w::WiFiScanPayload p;
    p.set_msg(w::TypeRespScanStatus);
    p.set_status(static_cast<w::Status>(status));
    w::RespScanStatus *s = p.mutable_resp_scan_status();
    s->set_scan_finished(info.finished);
    s->set_result_count(info.resultCount);
    return serialize(p);
}

QByteArray encodeRespScanResult(Status status, const QList<ScanEntry> &entries)
{
    w::WiFiScanPayload p;
    p.set_msg(w::TypeRespScanResult);
    p.set_status(static_cast<w::Status>(status));
    w::RespScanResult *r = p.mutable_resp_scan_result();
    for (const ScanEntry &e : entries) {
        w::WiFiScanResult *out = r->add_entries();
        out->set_ssid(toStd(e.ssid));
        out->set_channel(e.channel);
        out->set_rssi(e.rssi);
        out->set_bssid(toStd(e.bssid));
        out->set_auth(static_cast<w::WifiAuthMode>(e.authMode));
    }
    return serialize(p);
}

// ---- prov-ctrl ----

QByteArray encodeCtrl(CtrlCommand command)
{
    w::WiFiCtrlPayload p;
    p.set_msg(static_cast<w::WiFiCtrlMsgType>(command));
    return serialize(p);
}

Result<Status> decodeRespCtrl(const QByteArray &bytes, CtrlCommand command)
{
    w::WiFiCtrlPayload p;
    if (!parse(p, bytes))
        return decodeError("WiFiCtrlPayload", bytes);
    if (p.msg() != int(command) + 1)
        return unexpectedType("RespCtrl", p.msg());
    return toStatus(p.status());
}

Result<CtrlRequest> decodeCtrlRequest(const QByteArray &bytes)
{
    w::WiFiCtrlPayload p;
    if (!parse(p, bytes))
        return decodeError("WiFiCtrlPayload", bytes);
    return CtrlRequest{p.msg()};
}

QByteArray encodeRespCtrl(CtrlCommand command, Status status)
{
    w::WiFiCtrlPayload p;
    p.set_msg(static_cast<w::WiFiCtrlMsgType>(int(command) + 1));
    p.set_status(static_cast<w::Status>(status));
    if (command == CtrlCommand::Reset)
        p.mutable_resp_ctrl_reset();
    else
        p.mutable_resp_ctrl_reprov();
    return serialize(p);
}

} // namespace Forgeline::Protocomm
