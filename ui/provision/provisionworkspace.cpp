// SPDX-License-Identifier: GPL-3.0-or-later
// The Provision workspace's own state: the virtual board, button states, the banner, the
// Username row and the activity log. The session's state is the controller's.
#include "ui/provision/provisionworkspace.h"

#include "core/common/logger.h"
#include "core/common/redactor.h"
#include "core/protocomm/provisioncontroller.h"
#include "core/sim/protocommvirtualboard.h"
#include "ui/provision/provisionsteplist.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace Forgeline::Ui {

namespace {
const QString Category = QStringLiteral("provision");
} // namespace

ProvisionWorkspace::ProvisionWorkspace(QWidget *parent)
    : QWidget(parent), m_controller(new Protocomm::ProvisionController(this)),
      m_virtualProfile(Sim::BoardProfile::defaultProfile())
{
    setObjectName(QStringLiteral("provisionWorkspace"));
    buildUi();
    bindSession();
    bindRun();
    m_steps->resetSteps();
    updateButtons();
}

ProvisionWorkspace::~ProvisionWorkspace()
{
    // Before the virtual board goes: the session talks to it.
    delete m_controller;
}

bool ProvisionWorkspace::isBusy() const { return m_controller->isBusy(); }

void ProvisionWorkspace::startVirtualBoard()
{
    m_board = std::make_unique<Sim::ProtocommVirtualBoard>(m_virtualProfile);
    connect(m_board.get(), &Sim::ProtocommVirtualBoard::logLine, this, [](const QString &line) {
        Logger::instance().debug(QStringLiteral("virtual-board"), line);
    });
    Result<quint16> port = m_board->start();
    if (!port) {
        showBanner(port.error().message, Tone::Error);
        m_board.reset();
        return;
    }
    m_address->setText(m_board->address());
    Redactor::registerSecret(m_virtualProfile.protocomm.pop);
    m_pop->setText(m_virtualProfile.protocomm.pop);
    m_username->setText(m_virtualProfile.protocomm.username);
    m_controller->forgetDetectedSecurity();
    updateUsernameRow();
    const QString name = m_virtualProfile.protocomm.deviceName;
    m_controller->setDeviceName(name);
    showBanner(
        tr("Virtual board %1 is running at %2. Press Connect.").arg(name, m_board->address()),
        Tone::Info);
    log(tr("Started virtual board %1 at %2").arg(name, m_board->address()));
}

bool ProvisionWorkspace::isSessionOpen() const { return m_controller->isSessionOpen(); }

int ProvisionWorkspace::provisionedCount() const { return m_boards->count(); }

QString ProvisionWorkspace::bannerText() const
{
    return m_banner->isVisible() || !m_banner->text().isEmpty() ? m_banner->text() : QString();
}

void ProvisionWorkspace::cancel() { m_controller->cancel(); }

void ProvisionWorkspace::updateButtons()
{
    const bool open = isSessionOpen();
    const bool busy = isBusy();
    m_connect->setEnabled(!busy);
    m_virtual->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_scan->setEnabled(!busy && open);
    m_provision->setEnabled(!busy);
    m_send->setEnabled(!busy && open);
    if (!open && !busy && m_deviceInfo->text().startsWith(tr("Connected")))
        m_deviceInfo->setText(tr("Not connected."));
}

void ProvisionWorkspace::showBanner(const QString &text, Tone tone)
{
    // Some messages carry markup ("<br><b>Next:</b>"), so QLabel's guess stays.
    m_banner->showMessage(tone, Redactor::redact(text), Qt::AutoText);
    Q_EMIT statusMessage(Redactor::redact(text));
}

void ProvisionWorkspace::updateUsernameRow()
{
    const bool show = m_security->currentData().toInt() == 2
                      || m_controller->detectedSecurity() == 2 || !m_username->text().isEmpty();
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
