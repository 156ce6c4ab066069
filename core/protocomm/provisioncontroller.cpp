// SPDX-License-Identifier: GPL-3.0-or-later
// The controller's session: connecting (address, security, PoP), scanning for networks,
// sending to a custom endpoint, cancelling, and the busy flag. The provisioning run is in
// provisioncontrollerrun.cpp.
#include "core/protocomm/provisioncontroller.h"

#include "core/common/endpoint.h"
#include "core/common/guarded.h"
#include "core/common/logger.h"
#include "core/common/redactor.h"

namespace Forgeline::Protocomm {

ProvisionController::ProvisionController(QObject *parent) : QObject(parent) {}

ProvisionController::~ProvisionController()
{
    // The job first: it may hold the session's client, which it never owns here.
    delete m_job;
    delete m_client;
}

bool ProvisionController::isSessionOpen() const { return m_client && m_client->established(); }

const ProvisionJob::Outcome &ProvisionController::outcome() const { return m_outcome; }

void ProvisionController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

Result<void> ProvisionController::connectTo(const SessionTarget &target)
{
    if (m_busy)
        return {};
    return openSession(target, [this] {
        if (m_client && m_client->deviceInfo().canScan())
            scan();
    });
}

Result<void> ProvisionController::openSession(const SessionTarget &target,
                                              std::function<void()> next)
{
    const Result<Endpoint> endpoint = parseEndpoint(target.endpoint);
    if (!endpoint)
        return endpoint.error();
    Redactor::registerSecret(QString::fromUtf8(target.pop));
    closeSession();
    ProvisionClient::Options options;
    options.security = target.security;
    options.pop = target.pop;
    options.username = target.username;
    m_client = new ProvisionClient(endpoint->host, endpoint->port, options, this);
    connect(m_client, &ProvisionClient::notice, this, [this](const QString &text) {
        Logger::instance().warning(QStringLiteral("provision"), text);
        Q_EMIT notice(text);
    });
    connect(m_client, &ProvisionClient::trace, this, [this](const QString &line) {
        Logger::instance().debug(QStringLiteral("protocomm"), line);
        Q_EMIT trace(line);
    });
    Q_EMIT connecting(endpoint->toString());
    setBusy(true);
    ProvisionClient *client = m_client;
    client->connectDevice(guarded(this, [this, client, next](Result<DeviceInfo> info) {
        if (client != m_client) // a newer session replaced this one
            return;
        // On failure too: proto-ver may have answered before the handshake failed.
        m_detectedSecurity = client->deviceInfo().securityVersion;
        setBusy(false);
        if (!info) {
            Q_EMIT connectFailed(info.error());
            return;
        }
        Q_EMIT connected(info.value());
        if (next)
            next();
    }));
    return {};
}

void ProvisionController::closeSession()
{
    if (!m_client)
        return;
    m_client->disconnect(this);
    // Deleted later: this may run inside the client's own callback.
    m_client->deleteLater();
    m_client = nullptr;
}

void ProvisionController::scan()
{
    if (m_busy || !isSessionOpen())
        return;
    setBusy(true);
    Q_EMIT scanStarted();
    ProvisionClient *client = m_client;
    client->scan(ScanStartOptions(), guarded(this, [this, client](Result<QList<ScanEntry>> list) {
                     if (client != m_client)
                         return;
                     setBusy(false);
                     if (!list) {
                         Q_EMIT scanFailed(list.error());
                         return;
                     }
                     Q_EMIT scanFinished(list.value());
                 }));
}

void ProvisionController::sendCustom(const QString &endpoint, const QByteArray &data)
{
    if (m_busy || !isSessionOpen() || endpoint.isEmpty())
        return;
    setBusy(true);
    ProvisionClient *client = m_client;
    client->sendCustom(endpoint, data, guarded(this, [this, client](Result<QByteArray> reply) {
                           if (client != m_client)
                               return;
                           setBusy(false);
                           if (!reply) {
                               Q_EMIT customFailed(reply.error());
                               return;
                           }
                           Q_EMIT customReplied(reply.value());
                       }));
}

void ProvisionController::cancel()
{
    if (m_job && m_job->isRunning())
        m_job->cancel();
    else if (m_client)
        m_client->cancel();
    setBusy(false);
}

} // namespace Forgeline::Protocomm
