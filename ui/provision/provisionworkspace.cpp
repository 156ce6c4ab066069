// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/provision/provisionworkspace.h"

#include "core/common/endpoint.h"
#include "core/common/logger.h"
#include "core/common/redactor.h"
#include "core/protocomm/provisionclient.h"
#include "core/protocomm/provisionjob.h"
#include "core/sim/protocommvirtualboard.h"
#include "ui/provision/provisionsteplist.h"
#include "ui/provision/scanresultmodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

namespace Forgeline::Ui {

using namespace Forgeline::Protocomm;

namespace {
const QString Category = QStringLiteral("provision");
constexpr int StepConnect = ProvisionStepList::Connect;
constexpr int StepScan = ProvisionStepList::Scan;
constexpr int StepSend = ProvisionStepList::Send;
constexpr int StepApply = ProvisionStepList::Apply;
constexpr int StepWait = ProvisionStepList::Wait;
constexpr int StepCount = ProvisionStepList::StepCount;
using StepState = ProvisionStepList::State;
} // namespace

ProvisionWorkspace::ProvisionWorkspace(QWidget *parent)
    : QWidget(parent), m_virtualProfile(Sim::BoardProfile::defaultProfile())
{
    setObjectName(QStringLiteral("provisionWorkspace"));
    buildUi();
    m_steps->resetSteps();
    updateButtons();
}

ProvisionWorkspace::~ProvisionWorkspace()
{
    delete m_job;
    delete m_client;
}

void ProvisionWorkspace::buildUi()
{
    auto *root = new QVBoxLayout(this);

    auto *deviceBox = new QGroupBox(tr("Board"), this);
    auto *deviceForm = new QFormLayout(deviceBox);
    m_deviceForm = deviceForm;
    m_address = new QLineEdit(QStringLiteral("192.168.4.1:80"), deviceBox);
    m_address->setObjectName(QStringLiteral("provisionAddress"));
    m_address->setPlaceholderText(tr("HOST:PORT, or scan the board's QR code into any field"));
    m_address->setToolTip(tr("The board's access point address (192.168.4.1:80 on real hardware). A USB barcode scanner can type the QR payload here."));
    m_pop = new QLineEdit(deviceBox);
    m_pop->setObjectName(QStringLiteral("provisionPop"));
    m_pop->setEchoMode(QLineEdit::Password);
    m_pop->setPlaceholderText(tr("Proof of possession from the label or QR code"));
    m_pop->setToolTip(tr("Security 1: the proof of possession. Security 2: the password that goes with the username."));
    m_username = new QLineEdit(deviceBox);
    m_username->setObjectName(QStringLiteral("provisionUsername"));
    m_username->setPlaceholderText(tr("Security 2 username from the label or QR code, e.g. wifiprov"));
    m_security = new QComboBox(deviceBox);
    m_security->setObjectName(QStringLiteral("provisionSecurity"));
    m_security->addItem(tr("As the board reports"), -1);
    m_security->addItem(tr("Security 2 (SRP6a + username and password)"), 2);
    m_security->addItem(tr("Security 1 (X25519 + PoP)"), 1);
    m_security->addItem(tr("Security 0 (no encryption)"), 0);
    auto *buttons = new QHBoxLayout;
    m_connect = new QPushButton(tr("Connect"), deviceBox);
    m_connect->setObjectName(QStringLiteral("provisionConnect"));
    m_virtual = new QPushButton(tr("Start a virtual board"), deviceBox);
    m_virtual->setObjectName(QStringLiteral("provisionVirtualBoard"));
    m_virtual->setToolTip(tr("Runs a simulated ESP32 in provisioning mode inside Forgeline, to try everything without hardware."));
    m_cancel = new QPushButton(tr("Cancel"), deviceBox);
    m_cancel->setObjectName(QStringLiteral("provisionCancel"));
    buttons->addWidget(m_connect);
    buttons->addWidget(m_virtual);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    // After provisioning the question is whether the firmware really connects: its serial log.
    auto *monitor = new QPushButton(tr("Monitor"), deviceBox);
    monitor->setObjectName(QStringLiteral("provisionMonitor"));
    monitor->setToolTip(tr("Watch this board's serial log in the Monitor workspace (the port chosen in Flash)."));
    connect(monitor, &QPushButton::clicked, this, &ProvisionWorkspace::monitorRequested);
    buttons->addWidget(monitor);
    m_deviceInfo = new QLabel(tr("Not connected."), deviceBox);
    m_deviceInfo->setObjectName(QStringLiteral("provisionDeviceInfo"));
    m_deviceInfo->setWordWrap(true);
    deviceForm->addRow(tr("Address"), m_address);
    deviceForm->addRow(tr("Security"), m_security);
    deviceForm->addRow(tr("Username"), m_username);
    deviceForm->addRow(tr("PoP"), m_pop);
    deviceForm->setRowVisible(m_username, false);
    deviceForm->addRow(buttons);
    deviceForm->addRow(m_deviceInfo);

    m_steps = new ProvisionStepList(this);
    m_steps->setObjectName(QStringLiteral("provisionSteps"));
    m_steps->setAccessibleName(tr("Provisioning steps"));
    m_steps->setMaximumWidth(360);

    auto *top = new QHBoxLayout;
    top->addWidget(deviceBox, 3);
    top->addWidget(m_steps, 2);
    root->addLayout(top);

    auto *wifiBox = new QGroupBox(tr("Wi-Fi"), this);
    auto *wifiLayout = new QVBoxLayout(wifiBox);
    m_scanModel = new ScanResultModel(this);
    m_networks = new QTableView(wifiBox);
    m_networks->setObjectName(QStringLiteral("provisionNetworks"));
    m_networks->setAccessibleName(wifiBox->title());
    m_networks->setTabKeyNavigation(false); // Tab leaves the table, arrows walk it
    m_networks->setModel(m_scanModel);
    m_networks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_networks->setSelectionMode(QAbstractItemView::SingleSelection);
    m_networks->verticalHeader()->hide();
    m_networks->horizontalHeader()->setSectionResizeMode(ScanResultModel::Ssid, QHeaderView::Stretch);
    m_networks->setMinimumHeight(110);
    m_scan = new QPushButton(tr("Scan"), wifiBox);
    m_scan->setObjectName(QStringLiteral("provisionScan"));
    auto *creds = new QFormLayout;
    m_ssid = new QLineEdit(wifiBox);
    m_ssid->setObjectName(QStringLiteral("provisionSsid"));
    m_ssid->setPlaceholderText(tr("Pick a network above or type its name"));
    m_passphrase = new QLineEdit(wifiBox);
    m_passphrase->setObjectName(QStringLiteral("provisionPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("Empty for an open network"));
    m_provision = new QPushButton(tr("Provision"), wifiBox);
    m_provision->setObjectName(QStringLiteral("provisionApply"));
    m_provision->setDefault(true);
    creds->addRow(tr("SSID"), m_ssid);
    creds->addRow(tr("Passphrase"), m_passphrase);
    auto *wifiButtons = new QHBoxLayout;
    wifiButtons->addWidget(m_scan);
    wifiButtons->addStretch(1);
    wifiButtons->addWidget(m_provision);
    wifiLayout->addWidget(m_networks);
    wifiLayout->addLayout(creds);
    wifiLayout->addLayout(wifiButtons);
    root->addWidget(wifiBox, 1);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("provisionBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setMargin(8);
    m_banner->hide();
    root->addWidget(m_banner);

    auto *bottom = new QHBoxLayout;
    auto *customBox = new QGroupBox(tr("Custom endpoint"), this);
    auto *customForm = new QFormLayout(customBox);
    m_endpoint = new QLineEdit(QStringLiteral("custom-data"), customBox);
    m_endpoint->setObjectName(QStringLiteral("provisionEndpoint"));
    m_customData = new QLineEdit(customBox);
    m_customData->setObjectName(QStringLiteral("provisionCustomData"));
    m_customData->setPlaceholderText(tr("Text to send over the secure session"));
    m_send = new QPushButton(tr("Send"), customBox);
    m_send->setObjectName(QStringLiteral("provisionSend"));
    m_reply = new QLabel(customBox);
    m_reply->setObjectName(QStringLiteral("provisionReply"));
    m_reply->setWordWrap(true);
    m_reply->setTextInteractionFlags(Qt::TextSelectableByMouse);
    customForm->addRow(tr("Endpoint"), m_endpoint);
    customForm->addRow(tr("Data"), m_customData);
    customForm->addRow(m_send, m_reply);
    auto *boardsBox = new QGroupBox(tr("Provisioned in this session"), this);
    auto *boardsLayout = new QVBoxLayout(boardsBox);
    m_boards = new QListWidget(boardsBox);
    m_boards->setObjectName(QStringLiteral("provisionBoards"));
    m_boards->setAccessibleName(boardsBox->title());
    boardsLayout->addWidget(m_boards);
    bottom->addWidget(customBox, 1);
    bottom->addWidget(boardsBox, 1);
    root->addLayout(bottom);

    for (QLineEdit *edit : {m_address, m_username, m_pop, m_ssid, m_passphrase, m_customData})
        watchForQrPayload(edit);
    connect(m_security, &QComboBox::currentIndexChanged, this, &ProvisionWorkspace::updateUsernameRow);
    // Secrets are registered the moment editing ends, before anything can log them.
    connect(m_pop, &QLineEdit::editingFinished, this, [this] { Redactor::registerSecret(m_pop->text()); });
    connect(m_passphrase, &QLineEdit::editingFinished, this, [this] { Redactor::registerSecret(m_passphrase->text()); });
    connect(m_connect, &QPushButton::clicked, this, &ProvisionWorkspace::connectToDevice);
    connect(m_virtual, &QPushButton::clicked, this, &ProvisionWorkspace::startVirtualBoard);
    connect(m_cancel, &QPushButton::clicked, this, &ProvisionWorkspace::cancel);
    connect(m_scan, &QPushButton::clicked, this, &ProvisionWorkspace::scan);
    connect(m_provision, &QPushButton::clicked, this, &ProvisionWorkspace::provision);
    connect(m_passphrase, &QLineEdit::returnPressed, this, &ProvisionWorkspace::provision);
    connect(m_send, &QPushButton::clicked, this, &ProvisionWorkspace::sendCustom);
    connect(m_networks->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            m_ssid->setText(QString::fromUtf8(m_scanModel->network(current.row()).ssid));
    });
}

void ProvisionWorkspace::startVirtualBoard()
{
    m_board = std::make_unique<Sim::ProtocommVirtualBoard>(m_virtualProfile);
    connect(m_board.get(), &Sim::ProtocommVirtualBoard::logLine, this,
            [](const QString &line) { Logger::instance().debug(QStringLiteral("virtual-board"), line); });
    Result<quint16> port = m_board->start();
    if (!port) {
        showBanner(port.error().message, QStringLiteral("error"));
        m_board.reset();
        return;
    }
    m_address->setText(m_board->address());
    Redactor::registerSecret(m_virtualProfile.protocomm.pop);
    m_pop->setText(m_virtualProfile.protocomm.pop);
    m_username->setText(m_virtualProfile.protocomm.username);
    m_detectedSecurity = -1;
    updateUsernameRow();
    m_deviceName = m_virtualProfile.protocomm.deviceName;
    showBanner(tr("Virtual board %1 is running at %2. Press Connect.").arg(m_deviceName, m_board->address()), QStringLiteral("info"));
    log(tr("Started virtual board %1 at %2").arg(m_deviceName, m_board->address()));
}

bool ProvisionWorkspace::isSessionOpen() const
{
    return m_client && m_client->established();
}

int ProvisionWorkspace::provisionedCount() const
{
    return m_boards->count();
}

QString ProvisionWorkspace::bannerText() const
{
    return m_banner->isVisible() || !m_banner->text().isEmpty() ? m_banner->text() : QString();
}

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
    connect(m_client, &ProvisionClient::trace, this,
            [](const QString &line) { Logger::instance().debug(QStringLiteral("protocomm"), line); });
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
            showBanner(info.error().message + QLatin1String(". ") + info.error().fix, QStringLiteral("error"));
            log(info.error().message + QLatin1String(" — ") + info.error().detail, true);
            updateButtons();
            Q_EMIT sessionChanged(false);
            return;
        }
        const DeviceInfo &d = info.value();
        m_detectedSecurity = d.securityVersion;
        updateUsernameRow();
        m_steps->setStep(StepConnect, StepState::Done, tr("Security %1").arg(d.securityVersion));
        m_deviceInfo->setText(tr("Connected: %1protocomm %2, Security %3, capabilities: %4")
                                  .arg(m_deviceName.isEmpty() ? QString() : m_deviceName + QLatin1String(", "),
                                       d.provVersion.isEmpty() ? tr("(unknown)") : d.provVersion)
                                  .arg(d.securityVersion)
                                  .arg(d.capabilities.isEmpty() ? tr("none") : d.capabilities.join(QStringLiteral(", "))));
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
            showBanner(list.error().message + QLatin1Char(' ') + list.error().fix, QStringLiteral("error"));
            return;
        }
        m_scanModel->setNetworks(list.value());
        m_networks->resizeColumnsToContents();
        m_networks->horizontalHeader()->setSectionResizeMode(ScanResultModel::Ssid, QHeaderView::Stretch);
        m_steps->setStep(StepScan, StepState::Done, tr("%n network(s)", nullptr, int(list->size())));
        log(tr("Scan found %n network(s)", nullptr, int(list->size())));
    });
}

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
    connect(m_job, &ProvisionJob::stepChanged, this, [this](ProvisionJob::Step step, const QString &text) {
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
            showBanner(tr("Connected to %1 — IP %2, channel %3.").arg(ssid, o.status.ip4).arg(o.status.channel), QStringLiteral("ok"));
            m_boards->insertItem(0, tr("%1  %2 → %3, IP %4, channel %5")
                                        .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                                             m_deviceName.isEmpty() ? m_address->text() : m_deviceName, ssid, o.status.ip4)
                                        .arg(o.status.channel));
            log(tr("Provisioned %1 onto %2 (IP %3)").arg(m_deviceName, ssid, o.status.ip4));
            m_deviceInfo->setText(tr("Provisioned. The board closes its provisioning service now."));
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
            showBanner(e.message + QLatin1String("<br><b>") + tr("Next:") + QLatin1String("</b> ") + e.fix.toHtmlEscaped(),
                       QStringLiteral("error"));
            log(e.message + QLatin1String(" — ") + e.detail, true);
        }
        updateButtons();
        Q_EMIT provisioningFinished(o.connected);
    });
    setBusy(true);
    m_job->startOn(m_client);
}

void ProvisionWorkspace::sendCustom()
{
    if (m_busy || !isSessionOpen() || m_endpoint->text().isEmpty())
        return;
    setBusy(true);
    m_client->sendCustom(m_endpoint->text(), m_customData->text().toUtf8(), [this](Result<QByteArray> reply) {
        setBusy(false);
        if (!reply) {
            m_reply->setText(reply.error().message);
            return;
        }
        QByteArray text = reply.value();
        while (text.endsWith('\0'))
            text.chop(1);
        m_reply->setText(tr("Reply: %1 (%2 bytes)").arg(QString::fromUtf8(text)).arg(reply->size()));
    });
}

void ProvisionWorkspace::cancel()
{
    if (m_job && m_job->isRunning())
        m_job->cancel();
    else if (m_client)
        m_client->cancel();
    setBusy(false);
}

void ProvisionWorkspace::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    updateButtons();
    Q_EMIT busyChanged(busy);
}

void ProvisionWorkspace::updateButtons()
{
    const bool open = isSessionOpen();
    m_connect->setEnabled(!m_busy);
    m_virtual->setEnabled(!m_busy);
    m_cancel->setEnabled(m_busy);
    m_scan->setEnabled(!m_busy && open);
    m_provision->setEnabled(!m_busy);
    m_send->setEnabled(!m_busy && open);
    if (!open && !m_busy && m_deviceInfo->text().startsWith(tr("Connected")))
        m_deviceInfo->setText(tr("Not connected."));
}

void ProvisionWorkspace::showBanner(const QString &text, const QString &kind)
{
    const QString colors = kind == QLatin1String("ok")      ? QStringLiteral("background:#e3f4e6; color:#14532d; border:1px solid #8fcf9c;")
                           : kind == QLatin1String("error") ? QStringLiteral("background:#fdecec; color:#7f1d1d; border:1px solid #f0a3a3;")
                                                            : QStringLiteral("background:#eaf1fb; color:#1e3a5f; border:1px solid #9fbbe0;");
    m_banner->setStyleSheet(QStringLiteral("QLabel { %1 border-radius:4px; }").arg(colors));
    m_banner->setText(Redactor::redact(text));
    m_banner->show();
    Q_EMIT statusMessage(Redactor::redact(text));
}

void ProvisionWorkspace::updateUsernameRow()
{
    const bool show = m_security->currentData().toInt() == 2 || m_detectedSecurity == 2 || !m_username->text().isEmpty();
    m_deviceForm->setRowVisible(m_username, show);
}

void ProvisionWorkspace::log(const QString &message, bool warning)
{
    if (warning)
        Logger::instance().warning(Category, message);
    else
        Logger::instance().info(Category, message);
}

} // namespace Forgeline::Ui
