// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocomm/provisionjob.h"

#include "core/common/guarded.h"
#include "core/common/redactor.h"
#include "core/protocomm/httptransport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

namespace Forgeline::Protocomm {

namespace {

// A class, so that lupdate files these texts under the context tr() uses.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Protocomm)
};

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

} // namespace

QString failReasonText(FailReason reason, const QByteArray &ssid)
{
    if (reason == FailReason::AuthError)
        return Tr::tr("The board could not join '%1': the Wi-Fi passphrase is wrong (AuthError).")
            .arg(QString::fromUtf8(ssid));
    return Tr::tr("The board could not find the network '%1' (NetworkNotFound).")
        .arg(QString::fromUtf8(ssid));
}

QString ProvisionJob::stepName(Step step)
{
    switch (step) {
    case Step::Connect: return Tr::tr("Connect and secure session");
    case Step::Scan: return Tr::tr("Scan for Wi-Fi networks");
    case Step::SetConfig: return Tr::tr("Send Wi-Fi credentials");
    case Step::Apply: return Tr::tr("Apply");
    case Step::Wait: return Tr::tr("Wait for the board to connect");
    case Step::Done: return Tr::tr("Done");
    }
    return {};
}

ProvisionJob::ProvisionJob(Request request, QObject *parent)
    : QObject(parent), m_request(std::move(request))
{
    qRegisterMetaType<Forgeline::Protocomm::ProvisionJob::Outcome>();
    Redactor::registerSecret(QString::fromUtf8(m_request.wifi.passphrase));
}

ProvisionJob::~ProvisionJob() = default;

void ProvisionJob::setStep(Step step, const QString &text) { Q_EMIT stepChanged(step, text); }

void ProvisionJob::attachClient()
{
    m_clientConnections << connect(m_client, &ProvisionClient::trace, this, &ProvisionJob::trace);
    m_clientConnections << connect(m_client, &ProvisionClient::notice, this,
                                   [this](const QString &text) {
                                       m_outcome.notices << text;
                                       Q_EMIT notice(text);
                                   });
}

void ProvisionJob::start()
{
    if (m_running)
        return;
    m_running = true;
    m_outcome = Outcome();
    m_startedMs = nowMs();
    if (m_ownsClient)
        delete m_client;
    m_ownsClient = true;
    m_client = new ProvisionClient(m_request.host, m_request.port, m_request.client, this);
    attachClient();
    setStep(Step::Connect, Tr::tr("Connecting to %1:%2").arg(m_request.host).arg(m_request.port));
    // Every reply is guarded: with startOn() the client is the caller's and may outlive this job.
    m_client->connectDevice(guarded(this, [this](Result<DeviceInfo> info) {
        if (!info)
            return fail(info.error());
        m_outcome.device = info.value();
        afterConnect();
    }));
}

void ProvisionJob::startOn(ProvisionClient *client)
{
    if (m_running || !client)
        return;
    m_running = true;
    m_outcome = Outcome();
    m_startedMs = nowMs();
    if (m_ownsClient)
        delete m_client;
    m_ownsClient = false;
    m_client = client;
    attachClient();
    m_outcome.device = client->deviceInfo();
    afterConnect();
}

void ProvisionJob::afterConnect()
{
    m_recoveriesAtStart = m_ownsClient ? 0 : m_client->recoveries();
    m_resentAfterRestart = false;
    if (m_request.scanFirst && m_outcome.device.canScan())
        doScan();
    else
        doSetConfig();
}

void ProvisionJob::cancel()
{
    if (!m_running)
        return;
    m_client->cancel();
    if (m_running)
        fail(Error::make(ErrorCode::ProtocommCancelled, Tr::tr("Cancelled.")));
}

void ProvisionJob::doScan()
{
    setStep(Step::Scan, Tr::tr("Scanning for Wi-Fi networks"));
    m_client->scan(ScanStartOptions(), guarded(this, [this](Result<QList<ScanEntry>> list) {
                       if (!list)
                           return fail(list.error());
                       m_outcome.networks = list.value();
                       doSetConfig();
                   }));
}

void ProvisionJob::doSetConfig()
{
    setStep(Step::SetConfig,
            Tr::tr("Sending credentials for '%1'").arg(QString::fromUtf8(m_request.wifi.ssid)));
    m_client->setConfig(m_request.wifi, guarded(this, [this](Result<void> r) {
                            if (!r)
                                return fail(r.error());
                            doApply();
                        }));
}

void ProvisionJob::doApply()
{
    setStep(Step::Apply, Tr::tr("Applying"));
    m_recoveriesAtApply = m_client->recoveries();
    m_client->applyConfig(guarded(this, [this](Result<bool> r) {
        if (!r) {
            // The device refused Apply right after a session recovery: it restarted and forgot
            // the credentials. Send them once more.
            if (r.error().code == QLatin1String("provision.apply") && !m_resentAfterRestart
                && m_client->recoveries() > m_recoveriesAtStart) {
                m_resentAfterRestart = true;
                const QString text = Tr::tr(
                    "The board seems to have restarted and lost the credentials; sending them again.");
                m_outcome.notices << text;
                Q_EMIT notice(text);
                return doSetConfig();
            }
            return fail(r.error());
        }
        if (r.value()) {
            const QString text = Tr::tr(
                "The board had already applied the settings before the connection dropped.");
            m_outcome.notices << text;
            Q_EMIT notice(text);
        }
        m_waitStartedMs = nowMs();
        setStep(Step::Wait, Tr::tr("Waiting for the board to join '%1'")
                                .arg(QString::fromUtf8(m_request.wifi.ssid)));
        poll();
    }));
}

void ProvisionJob::poll()
{
    if (!m_running)
        return;
    m_client->getStatus(guarded(this, [this](Result<WifiStatus> st) {
        if (!st) {
            if (classify(st.error()) != FailureKind::Device)
                return fail(st.error());
            // Firmware stops its provisioning service right after reporting Connected, so
            // losing contact now does not mean it failed.
            return fail(Error::make(
                QStringLiteral("provision.unconfirmed"),
                Tr::tr(
                    "Lost contact with the board after it received the credentials; it may have joined '%1' and closed its access point.")
                    .arg(QString::fromUtf8(m_request.wifi.ssid)),
                st.error().message,
                Tr::tr(
                    "Check your router or the board's log; if it did not join, power-cycle it and provision again.")));
        }
        onStatus(st.value());
    }));
}

void ProvisionJob::onStatus(const WifiStatus &status)
{
    m_outcome.status = status;
    if (status.state == StationState::Connected)
        return succeed();
    if (status.state == StationState::ConnectionFailed) {
        const FailReason reason = status.failReason.value_or(FailReason::AuthError);
        const Error error
            = Error::make(reason == FailReason::AuthError ? QStringLiteral("provision.autherror")
                                                          : QStringLiteral("provision.notfound"),
                          failReasonText(reason, m_request.wifi.ssid),
                          QStringLiteral("RespGetStatus sta_state=ConnectionFailed fail_reason=%1")
                              .arg(int(reason)),
                          reason == FailReason::AuthError
                              ? Tr::tr("Check the passphrase and provision again.")
                              : Tr::tr("Check the SSID and that the network is in range."));
        if (!m_request.resetOnFailure || !m_running)
            return fail(error);
        // Leave the board ready for new credentials instead of stranding it.
        m_client->control(CtrlCommand::Reset, guarded(this, [this, error](Result<void> r) {
                              m_outcome.boardReset = r.ok();
                              Error e = error;
                              if (r.ok())
                                  e.fix += QStringLiteral(" ")
                                           + Tr::tr(
                                               "The board was reset and accepts new credentials.");
                              fail(e);
                          }));
        return;
    }
    if (status.state == StationState::Disconnected && !m_resentAfterRestart
        && m_client->recoveries() > m_recoveriesAtApply) {
        m_resentAfterRestart = true;
        const QString text
            = Tr::tr("The board restarted while connecting; sending the credentials again.");
        m_outcome.notices << text;
        Q_EMIT notice(text);
        return doSetConfig();
    }
    if (status.attemptsRemaining)
        setStep(
            Step::Wait,
            Tr::tr("Connection attempt failed; %1 attempts left").arg(*status.attemptsRemaining));
    if (nowMs() - m_waitStartedMs > m_request.waitTimeoutMs)
        return fail(
            Error::make(QStringLiteral("provision.timeout"),
                        Tr::tr("The board did not report a result within %1 s.")
                            .arg(m_request.waitTimeoutMs / 1000),
                        QStringLiteral("last sta_state=%1").arg(int(status.state)),
                        Tr::tr("Check that the network is in range, then power-cycle the board.")));
    if (m_request.pollIntervalMs <= 0)
        QMetaObject::invokeMethod(this, &ProvisionJob::poll, Qt::QueuedConnection);
    else
        QTimer::singleShot(m_request.pollIntervalMs, this, &ProvisionJob::poll);
}

void ProvisionJob::succeed()
{
    setStep(Step::Done, Tr::tr("Connected: IP %1, channel %2")
                            .arg(m_outcome.status.ip4)
                            .arg(m_outcome.status.channel));
    m_outcome.connected = true;
    finish();
}

void ProvisionJob::fail(const Error &error)
{
    if (!m_running)
        return;
    m_outcome.error = error;
    finish();
}

void ProvisionJob::finish()
{
    if (!m_running)
        return;
    m_running = false;
    m_outcome.recoveries = m_client ? m_client->recoveries() - m_recoveriesAtStart : 0;
    m_outcome.elapsedMs = nowMs() - m_startedMs;
    if (m_client && m_ownsClient)
        m_client->transport()->closeConnection();
    for (const QMetaObject::Connection &c : std::as_const(m_clientConnections))
        disconnect(c);
    m_clientConnections.clear();
    Q_EMIT finished(m_outcome);
}

} // namespace Forgeline::Protocomm
