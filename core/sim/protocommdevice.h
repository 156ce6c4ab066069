// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocomm/messages.h"
#include "core/protocomm/security.h"
#include "core/sim/boardprofile.h"
#include "core/sim/wifiworld.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace Forgeline::Sim {

// The protocomm device side of the virtual board, independent of the transport: one
// security-session slot, the wifi_prov_mgr state machine (SetConfig, Apply, Connecting,
// Connected / ConnectionFailed, auto-stop), scan, ctrl and custom endpoints. It prints the
// ESP-IDF log lines a real board prints, in the same format ("E (136368) security1: ...").
class ProtocommDevice : public QObject
{
    Q_OBJECT
public:
    explicit ProtocommDevice(const BoardProfile &profile, QObject *parent = nullptr);
    ~ProtocommDevice() override;

    const BoardProfile &profile() const { return m_profile; }
    bool hasEndpoint(const QString &endpoint) const;

    void newTransportSession(quint32 id);
    void closeTransportSession(quint32 id);
    bool hasSession() const { return m_sessionOpen; }
    quint32 sessionId() const { return m_sessionId; }

    struct Reply
    {
        std::optional<QByteArray> body; // nullopt: the handler failed, no response
        int delayMs = 0;
    };
    Reply handle(const QString &endpoint, const QByteArray &request);

    void restart();
    bool provisioningStopped() const { return m_stopped; }
    bool credentialsApplied() const { return m_applied; }
    QString versionJson() const;

    void log(char level, const QString &tag, const QString &message);
    void printBootLog();

Q_SIGNALS:
    void logLine(const QString &line);
    void stopped();
    void restarted();

private:
    enum class Wifi { Idle, Applied, Connecting, Connected, Failed };

    Result<QByteArray> handleConfig(const QByteArray &plain);
    Result<QByteArray> handleScan(const QByteArray &plain, int *extraDelayMs);
    Result<QByteArray> handleCtrl(const QByteArray &plain);
    Protocomm::WifiStatus currentStatus() const;
    void startConnecting();
    void finishConnecting();
    void clearWifi();

    BoardProfile m_profile;
    WifiWorld m_world;
    std::unique_ptr<Protocomm::DeviceSecurity> m_security;
    bool m_sessionOpen = false;
    quint32 m_sessionId = 0;
    QElapsedTimer m_clock;
    qint64 m_bootOffsetMs = 300;

    Wifi m_wifi = Wifi::Idle;
    std::optional<Protocomm::WifiConfig> m_pending;
    bool m_applied = false;
    WifiWorld::Attempt m_attempt;
    QList<Protocomm::ScanEntry> m_scanResults;
    qint64 m_scanFinishedAt = -1;
    bool m_stopScheduled = false;
    bool m_stopped = false;
    QTimer m_applyTimer;
    QTimer m_connectTimer;
    QTimer m_stopTimer;
};

} // namespace Forgeline::Sim
