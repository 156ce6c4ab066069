// SPDX-License-Identifier: GPL-3.0-or-later
// The controller's provisioning run: the credentials go to the board through a ProvisionJob,
// on the open session (the workspace) or on one of the job's own (the CLI's run()).
#include "core/protocomm/provisioncontroller.h"

#include "core/common/logger.h"
#include "core/common/redactor.h"

#include <QCoreApplication>

namespace Forgeline::Protocomm {

Result<void> ProvisionController::provision(const SessionTarget &target, const QByteArray &ssid,
                                            const QByteArray &passphrase)
{
    if (m_busy)
        return {};
    if (ssid.isEmpty())
        // The workspace's own words, so its translation stays.
        return Error::make(
            QStringLiteral("provision.nossid"),
            QCoreApplication::translate("Forgeline::Ui::ProvisionWorkspace",
                                        "Pick or type the network the board should join."));
    if (!isSessionOpen())
        return openSession(target, [this, target, ssid, passphrase] {
            // Refusals were checked above; connecting never makes the SSID empty.
            (void)provision(target, ssid, passphrase);
        });
    Redactor::registerSecret(QString::fromUtf8(passphrase));
    ProvisionJob::Request request;
    request.wifi.ssid = ssid;
    request.wifi.passphrase = passphrase;
    request.pollIntervalMs = m_pollIntervalMs;
    startJob(request, true);
    return {};
}

void ProvisionController::run(const ProvisionJob::Request &request)
{
    if (m_busy)
        return;
    Redactor::registerSecret(QString::fromUtf8(request.client.pop));
    startJob(request, false);
}

void ProvisionController::startJob(const ProvisionJob::Request &request, bool onSession)
{
    if (m_job)
        m_job->deleteLater();
    m_job = new ProvisionJob(request, this);
    m_outcome = ProvisionJob::Outcome();
    if (!onSession) {
        // The job's own session: its client reports through the job. On the open session
        // the client's notices and traces already come through openSession().
        connect(m_job, &ProvisionJob::notice, this, [this](const QString &text) {
            Logger::instance().warning(QStringLiteral("provision"), text);
            Q_EMIT notice(text);
        });
        connect(m_job, &ProvisionJob::trace, this, [this](const QString &line) {
            Logger::instance().debug(QStringLiteral("protocomm"), line);
            Q_EMIT trace(line);
        });
    }
    connect(m_job, &ProvisionJob::stepChanged, this, &ProvisionController::stepChanged);
    ProvisionJob *job = m_job;
    connect(job, &ProvisionJob::finished, this, [this, job](const ProvisionJob::Outcome &outcome) {
        if (job == m_job)
            onJobFinished(outcome);
    });
    Q_EMIT provisionStarted();
    setBusy(true);
    if (onSession)
        m_job->startOn(m_client);
    else
        m_job->start();
}

void ProvisionController::onJobFinished(const ProvisionJob::Outcome &outcome)
{
    m_outcome = outcome;
    // The board stops its provisioning service after reporting Connected.
    if (outcome.connected)
        closeSession();
    setBusy(false);
    Q_EMIT finished(outcome);
}

} // namespace Forgeline::Protocomm
