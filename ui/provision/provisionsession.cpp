// SPDX-License-Identifier: GPL-3.0-or-later
// The Provision workspace's secure session as shown: the form's target goes to the controller
// (connect, scan, custom endpoint) and what it reports lands in the steps, the device line, the
// networks table and the reply.
#include "ui/provision/provisionworkspace.h"

#include "core/protocomm/provisioncontroller.h"
#include "ui/provision/provisionsteplist.h"
#include "ui/provision/scanresultmodel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>

namespace Forgeline::Ui {

using namespace Forgeline::Protocomm;

namespace {
constexpr int StepConnect = ProvisionStepList::Connect;
constexpr int StepScan = ProvisionStepList::Scan;
using StepState = ProvisionStepList::State;
} // namespace

SessionTarget ProvisionWorkspace::sessionTarget() const
{
    SessionTarget target;
    target.endpoint = m_address->text();
    target.security = m_security->currentData().toInt();
    target.pop = m_pop->text().toUtf8();
    target.username = m_username->text().trimmed().toUtf8();
    return target;
}

void ProvisionWorkspace::showAddressError(const Error &error)
{
    showBanner(
        tr("%1 The address should look like 192.168.4.1:80 or [fe80::1]:80.").arg(error.message),
        Tone::Error);
}

void ProvisionWorkspace::connectToDevice()
{
    const Result<void> started = m_controller->connectTo(sessionTarget());
    if (!started)
        showAddressError(started.error());
}

void ProvisionWorkspace::scan() { m_controller->scan(); }

void ProvisionWorkspace::sendCustom()
{
    m_controller->sendCustom(m_endpoint->text(), m_customData->text().toUtf8());
}

void ProvisionWorkspace::bindSession()
{
    ProvisionController *c = m_controller;
    connect(c, &ProvisionController::busyChanged, this, [this](bool busy) {
        updateButtons();
        Q_EMIT busyChanged(busy);
    });
    connect(c, &ProvisionController::notice, this,
            [this](const QString &text) { showBanner(text, Tone::Info); });
    connect(c, &ProvisionController::connecting, this, [this](const QString &shown) {
        m_steps->resetSteps();
        m_steps->setStep(StepConnect, StepState::Running, shown);
        m_banner->hide();
        log(tr("Connecting to %1").arg(shown));
    });
    connect(c, &ProvisionController::connectFailed, this, [this](const Error &error) {
        updateUsernameRow();
        m_steps->setStep(StepConnect, StepState::Failed);
        showBanner(error.message + QLatin1String(". ") + error.fix, Tone::Error);
        log(error.message + QStringLiteral(" — ") + error.detail, true);
        updateButtons();
        Q_EMIT sessionChanged(false);
    });
    connect(c, &ProvisionController::connected, this, [this](const DeviceInfo &d) {
        updateUsernameRow();
        m_steps->setStep(StepConnect, StepState::Done, tr("Security %1").arg(d.securityVersion));
        const QString name = m_controller->deviceName();
        m_deviceInfo->setText(tr("Connected: %1protocomm %2, Security %3, capabilities: %4")
                                  .arg(name.isEmpty() ? QString() : name + QLatin1String(", "),
                                       d.provVersion.isEmpty() ? tr("(unknown)") : d.provVersion)
                                  .arg(d.securityVersion)
                                  .arg(d.capabilities.isEmpty()
                                           ? tr("none")
                                           : d.capabilities.join(QStringLiteral(", "))));
        log(tr("Secure session established (Security %1)").arg(d.securityVersion));
        updateButtons();
        Q_EMIT sessionChanged(true);
    });
    connect(c, &ProvisionController::scanStarted, this,
            [this] { m_steps->setStep(StepScan, StepState::Running, tr("scanning…")); });
    connect(c, &ProvisionController::scanFailed, this, [this](const Error &error) {
        m_steps->setStep(StepScan, StepState::Failed);
        showBanner(error.message + QLatin1Char(' ') + error.fix, Tone::Error);
    });
    connect(c, &ProvisionController::scanFinished, this, [this](const QList<ScanEntry> &networks) {
        m_scanModel->setNetworks(networks);
        m_networks->resizeColumnsToContents();
        m_networks->horizontalHeader()->setSectionResizeMode(ScanResultModel::Ssid,
                                                             QHeaderView::Stretch);
        m_steps->setStep(StepScan, StepState::Done,
                         tr("%n network(s)", nullptr, int(networks.size())));
        log(tr("Scan found %n network(s)", nullptr, int(networks.size())));
    });
    connect(c, &ProvisionController::customFailed, this,
            [this](const Error &error) { m_reply->setText(error.message); });
    connect(c, &ProvisionController::customReplied, this, [this](const QByteArray &reply) {
        QByteArray text = reply;
        while (text.endsWith('\0'))
            text.chop(1);
        m_reply->setText(tr("Reply: %1 (%2 bytes)").arg(QString::fromUtf8(text)).arg(reply.size()));
    });
}

} // namespace Forgeline::Ui
