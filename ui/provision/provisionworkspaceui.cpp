// SPDX-License-Identifier: GPL-3.0-or-later
// The Provision workspace's widgets and their wiring: the board form, the step list, the Wi-Fi
// networks and credentials, the banner, the custom endpoint and the boards provisioned so far.
#include "ui/provision/provisionworkspace.h"

#include "core/common/redactor.h"
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
#include <QVBoxLayout>

namespace Forgeline::Ui {

void ProvisionWorkspace::buildUi()
{
    auto *root = new QVBoxLayout(this);

    auto *deviceBox = new QGroupBox(tr("Board"), this);
    auto *deviceForm = new QFormLayout(deviceBox);
    m_deviceForm = deviceForm;
    m_address = new QLineEdit(QStringLiteral("192.168.4.1:80"), deviceBox);
    m_address->setObjectName(QStringLiteral("provisionAddress"));
    m_address->setPlaceholderText(tr("HOST:PORT, or scan the board's QR code into any field"));
    m_address->setToolTip(tr(
        "The board's access point address (192.168.4.1:80 on real hardware). A USB barcode scanner can type the QR payload here."));
    m_pop = new QLineEdit(deviceBox);
    m_pop->setObjectName(QStringLiteral("provisionPop"));
    m_pop->setEchoMode(QLineEdit::Password);
    m_pop->setPlaceholderText(tr("Proof of possession from the label or QR code"));
    m_pop->setToolTip(tr(
        "Security 1: the proof of possession. Security 2: the password that goes with the username."));
    m_username = new QLineEdit(deviceBox);
    m_username->setObjectName(QStringLiteral("provisionUsername"));
    m_username->setPlaceholderText(
        tr("Security 2 username from the label or QR code, e.g. wifiprov"));
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
    m_virtual->setToolTip(tr(
        "Runs a simulated ESP32 in provisioning mode inside Forgeline, to try everything without hardware."));
    m_cancel = new QPushButton(tr("Cancel"), deviceBox);
    m_cancel->setObjectName(QStringLiteral("provisionCancel"));
    buttons->addWidget(m_connect);
    buttons->addWidget(m_virtual);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    // After provisioning the question is whether the firmware really connects: its serial log.
    auto *monitor = new QPushButton(tr("Monitor"), deviceBox);
    monitor->setObjectName(QStringLiteral("provisionMonitor"));
    monitor->setToolTip(
        tr("Watch this board's serial log in the Monitor workspace (the port chosen in Flash)."));
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
    m_networks->horizontalHeader()->setSectionResizeMode(ScanResultModel::Ssid,
                                                         QHeaderView::Stretch);
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

    m_banner = new StatusBanner(this);
    m_banner->setObjectName(QStringLiteral("provisionBanner"));
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
    connect(m_security, &QComboBox::currentIndexChanged, this,
            &ProvisionWorkspace::updateUsernameRow);
    // Secrets are registered the moment editing ends, before anything can log them.
    connect(m_pop, &QLineEdit::editingFinished, this,
            [this] { Redactor::registerSecret(m_pop->text()); });
    connect(m_passphrase, &QLineEdit::editingFinished, this,
            [this] { Redactor::registerSecret(m_passphrase->text()); });
    connect(m_connect, &QPushButton::clicked, this, &ProvisionWorkspace::connectToDevice);
    connect(m_virtual, &QPushButton::clicked, this, &ProvisionWorkspace::startVirtualBoard);
    connect(m_cancel, &QPushButton::clicked, this, &ProvisionWorkspace::cancel);
    connect(m_scan, &QPushButton::clicked, this, &ProvisionWorkspace::scan);
    connect(m_provision, &QPushButton::clicked, this, &ProvisionWorkspace::provision);
    connect(m_passphrase, &QLineEdit::returnPressed, this, &ProvisionWorkspace::provision);
    connect(m_send, &QPushButton::clicked, this, &ProvisionWorkspace::sendCustom);
    connect(m_networks->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_ssid->setText(QString::fromUtf8(m_scanModel->network(current.row()).ssid));
            });
}

} // namespace Forgeline::Ui
