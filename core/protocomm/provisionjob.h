// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/protocomm/messages.h"
#include "core/protocomm/provisionclient.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

namespace Forgeline::Protocomm {

// The whole provisioning run for one board: proto-ver, handshake, optional scan, SetConfig,
// Apply, then GetStatus polling until Connected or ConnectionFailed. Event-loop driven; many
// jobs can run side by side in one thread.
class ProvisionJob : public QObject
{
    Q_OBJECT
public:
    enum class Step { Connect, Scan, SetConfig, Apply, Wait, Done };
    Q_ENUM(Step)

    struct Request
    {
        QString host;
        quint16 port = 80;
        ProvisionClient::Options client;
        WifiConfig wifi;
        bool scanFirst = false;
        int pollIntervalMs = 1000;
        int waitTimeoutMs = 60000;
        bool resetOnFailure = true; // prov-ctrl reset, so the board accepts new credentials
    };

    struct Outcome
    {
        bool connected = false;
        std::optional<Error> error;
        DeviceInfo device;
        QList<ScanEntry> networks;
        WifiStatus status;
        QStringList notices;
        int recoveries = 0;
        bool boardReset = false;
        qint64 elapsedMs = 0;
    };

    explicit ProvisionJob(Request request, QObject *parent = nullptr);
    ~ProvisionJob() override;

    void start();
    // Runs the flow on a session the caller already established (GUI: connect, scan, then
    // provision on the same session). The client stays the caller's.
    void startOn(ProvisionClient *client);
    void cancel();
    bool isRunning() const { return m_running; }
    const Outcome &outcome() const { return m_outcome; }
    ProvisionClient *client() const { return m_client; }

    static QString stepName(Step step);

Q_SIGNALS:
    void stepChanged(Forgeline::Protocomm::ProvisionJob::Step step, const QString &text);
    void notice(const QString &message);
    void trace(const QString &line);
    void finished(const Forgeline::Protocomm::ProvisionJob::Outcome &outcome);

private:
    void setStep(Step step, const QString &text);
    void attachClient();
    void afterConnect();
    void doScan();
    void doSetConfig();
    void doApply();
    void poll();
    void onStatus(const WifiStatus &status);
    void fail(const Error &error);
    void succeed();
    void finish();

    Request m_request;
    ProvisionClient *m_client = nullptr;
    bool m_ownsClient = true;
    QList<QMetaObject::Connection> m_clientConnections;
    Outcome m_outcome;
    qint64 m_startedMs = 0;
    qint64 m_waitStartedMs = 0;
    bool m_running = false;
    bool m_resentAfterRestart = false;
    int m_recoveriesAtApply = 0;
    int m_recoveriesAtStart = 0;
};

// The user-facing sentence for a connection failure reason.
QString failReasonText(FailReason reason, const QByteArray &ssid);

} // namespace Forgeline::Protocomm

Q_DECLARE_METATYPE(Forgeline::Protocomm::ProvisionJob::Outcome)
