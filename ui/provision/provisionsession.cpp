// SPDX-License-Identifier: GPL-3.0-or-later
// The Provision workspace's secure session: connecting (address, security, PoP), scanning for
// networks and sending to a custom endpoint over the open session.
#include "ui/provision/provisionworkspace.h"

#include "core/common/endpoint.h"
#include "core/common/logger.h"
#include "core/common/redactor.h"
#include "core/protocomm/provisionclient.h"
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

void ProvisionWorkspace::connectToDevice()
{
    connectThen([this] {
        if (m_client && m_client->deviceInfo().canScan())
            scan();
    });
}

void ProvisionWorkspace::connectThen(std::function<void()> next)
{
    if (m_busy)
        return;
    const Result<Endpoint> endpoint = parseEndpoint(m_address->text());
    if (!endpoint) {
        showBanner(tr("%1 The address should look like 192.168.4.1:80 or [fe80::1]:80.")
                       .arg(endpoint.error().message),
                   QStringLiteral("error"));
        return;
    }
    const QString host = endpoint->host;
    const quint16 port = endpoint->port;
    const QString shown = endpoint->toString();
    Redactor::registerSecret(m_pop->text());
    if (m_client) {
        m_client->disconnect(this);
        m_client->deleteLater();
    }
    ProvisionClient::Options options;
    options.security = m_security->currentData().toInt();
    options.pop = m_pop->text().toUtf8();
    options.username = m_username->text().trimmed().toUtf8();
    m_client = new ProvisionClient(host, port, options, this);
    connect(m_client, &ProvisionClient::notice, this, [this](const QString &text) {
        log(text, true);
        showBanner(text, QStringLiteral("info"));
    });
    connect(m_client, &ProvisionClient::trace, this, [](const QString &line) {
        Logger::instance().debug(QStringLiteral("protocomm"), line);
    });
    m_steps->resetSteps();
    m_steps->setStep(StepConnect, StepState::Running, shown);
    m_banner->hide();
    setBusy(true);
    log(tr("Connecting to %1").arg(shown));
    m_client->connectDevice([this, next](Result<DeviceInfo> info) {
        setBusy(false);
        if (!info) {
            // proto-ver may have answered before the handshake failed.
            m_detectedSecurity = m_client->deviceInfo().securityVersion;
            updateUsernameRow();
            m_steps->setStep(StepConnect, StepState::Failed);
            showBanner(info.error().message + QLatin1String(". ") + info.error().fix,
                       QStringLiteral("error"));
            log(info.error().message + QLatin1String(" — ") + info.error().detail, true);
            updateButtons();
            Q_EMIT sessionChanged(false);
            return;
        }
        const DeviceInfo &d = info.value();
        m_detectedSecurity = d.securityVersion;
        updateUsernameRow();
        m_steps->setStep(StepConnect, StepState::Done, tr("Security %1").arg(d.securityVersion));
        m_deviceInfo->setText(
            tr("Connected: %1protocomm %2, Security %3, capabilities: %4")
                .arg(m_deviceName.isEmpty() ? QString() : m_deviceName + QLatin1String(", "),
                     d.provVersion.isEmpty() ? tr("(unknown)") : d.provVersion)
                .arg(d.securityVersion)
                .arg(d.capabilities.isEmpty() ? tr("none")
                                              : d.capabilities.join(QStringLiteral(", "))));
        log(tr("Secure session established (Security %1)").arg(d.securityVersion));
        updateButtons();
        Q_EMIT sessionChanged(true);
        if (next)
            next();
    });
}

void ProvisionWorkspace::scan()
{
    if (m_busy || !isSessionOpen())
        return;
    setBusy(true);
    m_steps->setStep(StepScan, StepState::Running, tr("scanning…"));
    m_client->scan(ScanStartOptions(), [this](Result<QList<ScanEntry>> list) {
        setBusy(false);
        if (!list) {
            m_steps->setStep(StepScan, StepState::Failed);
            showBanner(list.error().message + QLatin1Char(' ') + list.error().fix,
                       QStringLiteral("error"));
            return;
        }
        m_scanModel->setNetworks(list.value());
        m_networks->resizeColumnsToContents();
        m_networks->horizontalHeader()->setSectionResizeMode(ScanResultModel::Ssid,
                                                             QHeaderView::Stretch);
        m_steps->setStep(StepScan, StepState::Done,
                         tr("%n network(s)", nullptr, int(list->size())));
        log(tr("Scan found %n network(s)", nullptr, int(list->size())));
    });
}

void ProvisionWorkspace::sendCustom()
{
    if (m_busy || !isSessionOpen() || m_endpoint->text().isEmpty())
        return;
    setBusy(true);
    m_client->sendCustom(
        m_endpoint->text(), m_customData->text().toUtf8(), [this](Result<QByteArray> reply) {
            setBusy(false);
            if (!reply) {
                m_reply->setText(reply.error().message);
                return;
            }
            QByteArray text = reply.value();
            while (text.endsWith('\0'))
                text.chop(1);
            m_reply->setText(
                tr("Reply: %1 (%2 bytes)").arg(QString::fromUtf8(text)).arg(reply->size()));
        });
}

} // namespace Forgeline::Ui
