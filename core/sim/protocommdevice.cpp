// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/protocommdevice.h"

#include "core/protocomm/security2.h"

#include <cstdio>

namespace Forgeline::Sim {

using namespace Forgeline::Protocomm;

namespace {

Error handlerError(const QString &why) { return Error::make(QStringLiteral("sim.handler"), why); }

QString macText(const QByteArray &mac) { return QString::fromLatin1(mac.toHex(':')); }

} // namespace

ProtocommDevice::ProtocommDevice(const BoardProfile &profile, QObject *parent)
    : QObject(parent), m_profile(profile), m_world(profile.wifi)
{
    DeviceLogFn deviceLog
        = [this](char level, const QString &tag, const QString &msg) { log(level, tag, msg); };
    if (m_profile.protocomm.security == 2)
        m_security = std::make_unique<Sec2Device>(
            Srp::Credentials{m_profile.protocomm.sec2Salt, m_profile.protocomm.sec2Verifier},
            m_profile.protocomm.securityPatch, std::move(deviceLog));
    else
        m_security = makeDeviceSecurity(m_profile.protocomm.security,
                                        m_profile.protocomm.pop.toUtf8(), std::move(deviceLog));
    m_clock.start();
    for (QTimer *t : {&m_applyTimer, &m_connectTimer, &m_stopTimer})
        t->setSingleShot(true);
    connect(&m_applyTimer, &QTimer::timeout, this, &ProtocommDevice::startConnecting);
    connect(&m_connectTimer, &QTimer::timeout, this, &ProtocommDevice::finishConnecting);
    connect(&m_stopTimer, &QTimer::timeout, this, [this] {
        m_stopped = true;
        log('I', QStringLiteral("wifi_prov_mgr"), QStringLiteral("Provisioning stopped"));
        Q_EMIT stopped();
    });
}

ProtocommDevice::~ProtocommDevice() = default;

void ProtocommDevice::log(char level, const QString &tag, const QString &message)
{
    Q_EMIT logLine(QStringLiteral("%1 (%2) %3: %4")
                       .arg(QChar::fromLatin1(level))
                       .arg(m_clock.elapsed() + m_bootOffsetMs)
                       .arg(tag, message));
}

void ProtocommDevice::printBootLog()
{
    const ProtocommProfile &p = m_profile.protocomm;
    log('I', QStringLiteral("boot"), QStringLiteral("ESP-IDF v5.5.5 2nd stage bootloader"));
    log('I', QStringLiteral("wifi"),
        QStringLiteral("mode : sta (%1) + softAP (%1)").arg(macText(m_profile.mac)));
    log('I', QStringLiteral("wifi_prov_mgr"),
        QStringLiteral("Provisioning started with service name : %1 ").arg(p.deviceName));
    log('I', QStringLiteral("app"), QStringLiteral("Provisioning started"));
}

bool ProtocommDevice::hasEndpoint(const QString &endpoint) const
{
    static const QStringList builtIn{QStringLiteral("proto-ver"), QStringLiteral("prov-session"),
                                     QStringLiteral("prov-config"), QStringLiteral("prov-scan"),
                                     QStringLiteral("prov-ctrl")};
    return builtIn.contains(endpoint) || m_profile.protocomm.customEndpoints.contains(endpoint);
}

QString ProtocommDevice::versionJson() const
{
    // cJSON_Print layout, as wifi_prov_mgr produces it.
    QStringList caps;
    if (m_profile.protocomm.security == 0)
        caps << QStringLiteral("\"no_sec\"");
    else if (m_profile.protocomm.security == 1 && m_profile.protocomm.pop.isEmpty())
        caps << QStringLiteral("\"no_pop\"");
    caps << QStringLiteral("\"wifi_scan\"");
    return QStringLiteral(
               "{\n\t\"prov\":\t{\n\t\t\"ver\":\t\"v1.1\",\n\t\t\"sec_ver\":\t%1,\n\t\t\"sec_patch_ver\":\t%2,\n"
               "\t\t\"cap\":\t[%3]\n\t}\n}")
        .arg(m_profile.protocomm.security)
        .arg(m_profile.protocomm.securityPatch)
        .arg(caps.join(QStringLiteral(", ")));
}

void ProtocommDevice::newTransportSession(quint32 id)
{
    if (m_sessionOpen && m_profile.protocomm.security != 0)
        log('W', QStringLiteral("security%1").arg(m_profile.protocomm.security),
            QStringLiteral("Closing old session with id %1").arg(m_sessionId));
    m_security->reset();
    m_sessionOpen = true;
    m_sessionId = id;
}

void ProtocommDevice::closeTransportSession(quint32 id)
{
    if (!m_sessionOpen || id != m_sessionId)
        return;
    m_security->reset();
    m_sessionOpen = false;
}

ProtocommDevice::Reply ProtocommDevice::handle(const QString &endpoint, const QByteArray &request)
{
    Reply reply;
    reply.delayMs = m_profile.protocomm.responseDelayMs;
    if (endpoint == QLatin1String("proto-ver")) {
        reply.body = versionJson().toUtf8();
        return reply;
    }
    if (endpoint == QLatin1String("prov-session")) {
        Result<QByteArray> r = m_security->handleSession(request);
        if (r)
            reply.body = r.value();
        return reply;
    }
    std::optional<QByteArray> plain = m_security->decrypt(request);
    if (!plain) {
        log('E', QStringLiteral("protocomm"),
            QStringLiteral("Decryption of response failed for endpoint %1").arg(endpoint));
        return reply;
    }
    Result<QByteArray> out = handlerError(QStringLiteral("no handler"));
    int extra = 0;
    if (endpoint == QLatin1String("prov-config"))
        out = handleConfig(*plain);
    else if (endpoint == QLatin1String("prov-scan"))
        out = handleScan(*plain, &extra);
    else if (endpoint == QLatin1String("prov-ctrl"))
        out = handleCtrl(*plain);
    else {
        log('I', QStringLiteral("app"),
            QStringLiteral("Received data: %1").arg(QString::fromUtf8(plain->left(256))));
        out = QByteArray("SUCCESS", 8); // the example firmware's reply includes the NUL
    }
    if (!out) {
        log('E', QStringLiteral("protocomm"),
            QStringLiteral("Request handler for %1 failed").arg(endpoint));
        return reply;
    }
    reply.body = m_security->encrypt(out.value());
    reply.delayMs += extra;
    return reply;
}

Result<QByteArray> ProtocommDevice::handleConfig(const QByteArray &plain)
{
    Result<ConfigRequest> req = decodeConfigRequest(plain);
    if (!req) {
        log('E', QStringLiteral("WiFiProvConfig"), QStringLiteral("Unable to unpack config data"));
        return req.error();
    }
    switch (req->msg) {
    case ConfigMsg::CmdGetStatus: {
        const WifiStatus st = currentStatus();
        if (st.state == StationState::Connected && m_profile.protocomm.autoStop
            && !m_stopScheduled) {
            m_stopScheduled = true;
            m_stopTimer.start(m_profile.protocomm.autoStopDelayMs);
        }
        return encodeRespGetStatus(st);
    }
    case ConfigMsg::CmdSetConfig: {
        if (!req->hasPayload)
            return handlerError(QStringLiteral("SetConfig without payload"));
        if (m_applied) {
            log('E', QStringLiteral("wifi_prov_mgr"),
                QStringLiteral("Wi-Fi credentials already received by provisioning app"));
            return encodeRespSetConfig(Status::InternalError);
        }
        const WifiConfig &c = req->config;
        if (c.ssid.size() > 32 || c.passphrase.size() > 63
            || (!c.bssid.isEmpty() && c.bssid.size() != 6)) {
            log('E', QStringLiteral("wifi_prov_handlers"),
                QStringLiteral("Invalid Wi-Fi credentials length"));
            return encodeRespSetConfig(Status::InvalidArgument);
        }
        // Never the passphrase: the log is shown to users and ends up in reports.
        log('I', QStringLiteral("wifi_prov_handlers"),
            QStringLiteral("Wi-Fi Credentials Received : ssid %1").arg(QString::fromUtf8(c.ssid)));
        m_pending = c;
        return encodeRespSetConfig(Status::Success);
    }
    case ConfigMsg::CmdApplyConfig:
        if (m_applied) {
            log('E', QStringLiteral("wifi_prov_mgr"),
                QStringLiteral("Wi-Fi credentials already received by provisioning app"));
            return encodeRespApplyConfig(Status::InternalError);
        }
        if (!m_pending) {
            log('E', QStringLiteral("wifi_prov_handlers"), QStringLiteral("Wi-Fi config not set"));
            return encodeRespApplyConfig(Status::InternalError);
        }
        m_applied = true;
        m_wifi = Wifi::Applied;
        log('I', QStringLiteral("wifi_prov_handlers"), QStringLiteral("Wi-Fi Credentials Applied"));
        // The firmware waits before connecting so the reply leaves before a channel change.
        m_applyTimer.start(m_profile.protocomm.applyDelayMs);
        return encodeRespApplyConfig(Status::Success);
    default:
        log('E', QStringLiteral("WiFiProvConfig"),
            QStringLiteral("Invalid message type %1").arg(int(req->msg)));
        return handlerError(QStringLiteral("bad msg"));
    }
}

Result<QByteArray> ProtocommDevice::handleScan(const QByteArray &plain, int *extraDelayMs)
{
    Result<ScanRequest> req = decodeScanRequest(plain);
    if (!req) {
        log('E', QStringLiteral("WiFiProvScan"), QStringLiteral("Unable to unpack scan message"));
        return req.error();
    }
    const int max = m_profile.protocomm.scanMaxEntries;
    switch (req->msg) {
    case ScanMsg::CmdScanStart:
        if (!req->hasPayload)
            return handlerError(QStringLiteral("ScanStart without payload"));
        if (!m_applied)
            m_scanResults = m_world.scan(max);
        if (req->start.blocking) {
            *extraDelayMs = m_profile.protocomm.scanDelayMs;
            m_scanFinishedAt = m_clock.elapsed();
        } else {
            m_scanFinishedAt = m_clock.elapsed() + m_profile.protocomm.scanDelayMs;
        }
        return encodeRespScanStart(Status::Success);
    case ScanMsg::CmdScanStatus: {
        const bool finished = m_scanFinishedAt >= 0 && m_clock.elapsed() >= m_scanFinishedAt;
        return encodeRespScanStatus(
            Status::Success,
            ScanStatusInfo{finished, finished ? quint32(m_scanResults.size()) : 0});
    }
    case ScanMsg::CmdScanResult: {
        if (!req->hasPayload)
            return handlerError(QStringLiteral("ScanResult without payload"));
        if (req->startIndex >= quint32(max) || req->startIndex + req->count > quint32(max)) {
            log('E', QStringLiteral("WiFiProvScan"),
                QStringLiteral("Scan result index out of range"));
            return handlerError(QStringLiteral("index"));
        }
        QList<ScanEntry> page;
        for (quint32 i = req->startIndex;
             i < req->startIndex + req->count && i < quint32(m_scanResults.size()); ++i)
            page << m_scanResults.at(qsizetype(i));
        const bool beyond = req->startIndex + req->count > quint32(m_scanResults.size());
        return encodeRespScanResult(beyond ? Status::InternalError : Status::Success, page);
    }
    default: return handlerError(QStringLiteral("bad msg"));
    }
}

Result<QByteArray> ProtocommDevice::handleCtrl(const QByteArray &plain)
{
    Result<CtrlRequest> req = decodeCtrlRequest(plain);
    if (!req)
        return req.error();
    if (req->msg == int(CtrlCommand::Reset)) {
        if (m_wifi != Wifi::Failed) {
            log('E', QStringLiteral("wifi_prov_mgr"),
                QStringLiteral("Trying reset when not in failure state. Current state: %1")
                    .arg(int(m_wifi)));
            return encodeRespCtrl(CtrlCommand::Reset, Status::InternalError);
        }
        clearWifi();
        log('I', QStringLiteral("wifi_prov_mgr"),
            QStringLiteral("Resetting provisioning state machine to start"));
        return encodeRespCtrl(CtrlCommand::Reset, Status::Success);
    }
    if (req->msg == int(CtrlCommand::Reprov)) {
        if (m_profile.protocomm.autoStop) {
            log('E', QStringLiteral("wifi_prov_mgr"),
                QStringLiteral("Trying reprovision when auto stop is enabled"));
            return encodeRespCtrl(CtrlCommand::Reprov, Status::InternalError);
        }
        clearWifi();
        log('I', QStringLiteral("wifi_prov_mgr"),
            QStringLiteral("Re-provisioning: credentials cleared"));
        return encodeRespCtrl(CtrlCommand::Reprov, Status::Success);
    }
    return handlerError(QStringLiteral("bad ctrl msg"));
}

WifiStatus ProtocommDevice::currentStatus() const
{
    WifiStatus s;
    switch (m_wifi) {
    case Wifi::Idle: s.state = StationState::Disconnected; break;
    case Wifi::Applied:
    case Wifi::Connecting: s.state = StationState::Connecting; break;
    case Wifi::Failed:
        s.state = StationState::ConnectionFailed;
        s.failReason = m_attempt.reason;
        break;
    case Wifi::Connected:
        s.state = StationState::Connected;
        s.hasConnected = true;
        s.ip4 = m_world.profile().ip;
        s.authMode = m_attempt.network.authMode;
        s.ssid = m_attempt.network.ssid.toUtf8();
        s.bssid = m_attempt.network.bssid;
        s.channel = m_attempt.network.channel;
        break;
    }
    return s;
}

void ProtocommDevice::startConnecting()
{
    m_wifi = Wifi::Connecting;
    log('I', QStringLiteral("wifi_prov_mgr"),
        QStringLiteral("Connecting to %1").arg(QString::fromUtf8(m_pending->ssid)));
    m_connectTimer.start(m_world.profile().connectDelayMs);
}

void ProtocommDevice::finishConnecting()
{
    m_attempt = m_world.connect(*m_pending);
    if (m_attempt.connected) {
        const WifiNetwork &n = m_attempt.network;
        m_wifi = Wifi::Connected;
        log('I', QStringLiteral("wifi"),
            QStringLiteral("connected with %1, aid = 1, channel %2, BW20, bssid = %3")
                .arg(n.ssid)
                .arg(n.channel)
                .arg(macText(n.bssid)));
        log('I', QStringLiteral("esp_netif_handlers"),
            QStringLiteral("sta ip: %1, mask: 255.255.255.0").arg(m_world.profile().ip));
        log('I', QStringLiteral("app"),
            QStringLiteral("Connected with IP Address:%1").arg(m_world.profile().ip));
        log('I', QStringLiteral("app"), QStringLiteral("Provisioning successful"));
        return;
    }
    m_wifi = Wifi::Failed;
    if (m_attempt.reason == FailReason::AuthError) {
        log('E', QStringLiteral("wifi_prov_mgr"), QStringLiteral("STA Auth Error"));
        log('E', QStringLiteral("app"),
            QStringLiteral("Provisioning failed! Reason : Wi-Fi station authentication failed"));
    } else {
        log('E', QStringLiteral("wifi_prov_mgr"), QStringLiteral("STA AP Not found"));
        log('E', QStringLiteral("app"),
            QStringLiteral("Provisioning failed! Reason : Wi-Fi access-point not found"));
    }
}

void ProtocommDevice::clearWifi()
{
    m_applyTimer.stop();
    m_connectTimer.stop();
    m_wifi = Wifi::Idle;
    m_pending.reset();
    m_applied = false;
}

void ProtocommDevice::restart()
{
    clearWifi();
    m_stopTimer.stop();
    m_stopScheduled = false;
    m_stopped = false;
    m_security->reset();
    m_sessionOpen = false;
    m_scanResults.clear();
    m_scanFinishedAt = -1;
    m_clock.restart();
    m_bootOffsetMs = 30;
    Q_EMIT logLine(QStringLiteral("rst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)"));
    printBootLog();
    Q_EMIT restarted();
}

} // namespace Forgeline::Sim
