// SPDX-License-Identifier: GPL-3.0-or-later
// The Provision workspace's provisioning run as shown: the credentials go to the controller,
// whose steps and outcome land in the step list, the banner and the boards provisioned.
#include "ui/provision/provisionworkspace.h"

#include "core/protocomm/provisioncontroller.h"
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
    const Result<void> started = m_controller->provision(sessionTarget(), m_ssid->text().toUtf8(),
                                                         m_passphrase->text().toUtf8());
    if (started)
        return;
    if (started.error().code == ErrorCode::EndpointInvalid)
        showAddressError(started.error());
    else
        showBanner(started.error().message, Tone::Error);
}

void ProvisionWorkspace::bindRun()
{
    ProvisionController *c = m_controller;
    connect(c, &ProvisionController::provisionStarted, this, [this] {
        for (int s = StepSend; s < StepCount; ++s)
            m_steps->setStep(s, StepState::Pending);
    });
    connect(c, &ProvisionController::stepChanged, this,
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
    connect(c, &ProvisionController::finished, this, [this](const ProvisionJob::Outcome &o) {
        const QString ssid = m_ssid->text();
        const QString name = m_controller->deviceName();
        if (o.connected) {
            for (int s = StepSend; s < StepCount; ++s)
                m_steps->setStep(s, StepState::Done);
            m_steps->setStep(StepWait, StepState::Done, tr("IP %1").arg(o.status.ip4));
            showBanner(tr("Connected to %1 — IP %2, channel %3.")
                           .arg(ssid, o.status.ip4)
                           .arg(o.status.channel),
                       Tone::Success);
            m_boards->insertItem(
                0, tr("%1  %2 → %3, IP %4, channel %5")
                       .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                            name.isEmpty() ? m_address->text() : name, ssid, o.status.ip4)
                       .arg(o.status.channel));
            log(tr("Provisioned %1 onto %2 (IP %3)").arg(name, ssid, o.status.ip4));
            m_deviceInfo->setText(
                tr("Provisioned. The board closes its provisioning service now."));
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
                       Tone::Error);
            log(e.message + QStringLiteral(" — ") + e.detail, true);
        }
        updateButtons();
        Q_EMIT provisioningFinished(o.connected);
    });
}

} // namespace Forgeline::Ui
