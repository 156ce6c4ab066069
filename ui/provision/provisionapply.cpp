// SPDX-License-Identifier: GPL-3.0-or-later
// The Provision workspace's provisioning run: the credentials go to the board through a
// ProvisionJob, whose steps and outcome are shown as they come.
#include "ui/provision/provisionworkspace.h"

#include "core/common/redactor.h"
#include "core/protocomm/provisionclient.h"
#include "core/protocomm/provisionjob.h"
#include "ui/provision/provisionsteplist.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTime>

namespace Forgeline::Ui {

using namespace Forgeline::Protocomm;

namespace {
constexpr int StepSend = ProvisionStepList::Send;
constexpr int StepApply = ProvisionStepList::Apply;
constexpr int StepWait = ProvisionStepList::Wait;
constexpr int StepCount = ProvisionStepList::StepCount;
using StepState = ProvisionStepList::State;
} // namespace

void ProvisionWorkspace::provision()
{
    if (m_busy)
        return;
    if (m_ssid->text().isEmpty()) {
        showBanner(tr("Pick or type the network the board should join."), QStringLiteral("error"));
        return;
    }
    if (!isSessionOpen()) {
        connectThen([this] { provision(); });
        return;
    }
    Redactor::registerSecret(m_passphrase->text());
    ProvisionJob::Request request;
    request.wifi.ssid = m_ssid->text().toUtf8();
    request.wifi.passphrase = m_passphrase->text().toUtf8();
    request.pollIntervalMs = m_pollIntervalMs;
    if (m_job)
        m_job->deleteLater();
    m_job = new ProvisionJob(request, this);
    for (int s = StepSend; s < StepCount; ++s)
        m_steps->setStep(s, StepState::Pending);
    connect(m_job, &ProvisionJob::stepChanged, this,
            [this](ProvisionJob::Step step, const QString &text) {
                const int row = step == ProvisionJob::Step::SetConfig ? StepSend
                                : step == ProvisionJob::Step::Apply   ? StepApply
                                : step == ProvisionJob::Step::Wait    ? StepWait
                                                                      : -1;
                for (int s = StepSend; s < row; ++s)
                    m_steps->setStep(s, StepState::Done);
                if (row >= 0)
                    m_steps->setStep(row, StepState::Running);
                Q_EMIT statusMessage(text);
            });
    connect(m_job, &ProvisionJob::finished, this, [this](const ProvisionJob::Outcome &o) {
        setBusy(false);
        const QString ssid = m_ssid->text();
        if (o.connected) {
            for (int s = StepSend; s < StepCount; ++s)
                m_steps->setStep(s, StepState::Done);
            m_steps->setStep(StepWait, StepState::Done, tr("IP %1").arg(o.status.ip4));
            showBanner(tr("Connected to %1 — IP %2, channel %3.")
                           .arg(ssid, o.status.ip4)
                           .arg(o.status.channel),
                       QStringLiteral("ok"));
            m_boards->insertItem(0,
                                 tr("%1  %2 → %3, IP %4, channel %5")
                                     .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                                          m_deviceName.isEmpty() ? m_address->text() : m_deviceName,
                                          ssid, o.status.ip4)
                                     .arg(o.status.channel));
            log(tr("Provisioned %1 onto %2 (IP %3)").arg(m_deviceName, ssid, o.status.ip4));
            m_deviceInfo->setText(
                tr("Provisioned. The board closes its provisioning service now."));
            // The board stops its provisioning service after reporting Connected. Deleted later:
            // this runs inside the client's own callback.
            m_client->deleteLater();
            m_client = nullptr;
        } else {
            for (int s = StepSend; s < StepCount; ++s) {
                if (m_steps->state(s) == StepState::Running) {
                    m_steps->setStep(s, StepState::Failed);
                    break;
                }
            }
            const Error e = o.error.value_or(Error{});
            showBanner(e.message + QLatin1String("<br><b>") + tr("Next:") + QLatin1String("</b> ")
                           + e.fix.toHtmlEscaped(),
                       QStringLiteral("error"));
            log(e.message + QLatin1String(" — ") + e.detail, true);
        }
        updateButtons();
        Q_EMIT provisioningFinished(o.connected);
    });
    setBusy(true);
    m_job->startOn(m_client);
}

} // namespace Forgeline::Ui
