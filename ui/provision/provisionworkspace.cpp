// SPDX-License-Identifier: GPL-3.0-or-later
// The Provision workspace's own state: the virtual board, busy and button states, the banner,
// the Username row and the activity log.
#include "ui/provision/provisionworkspace.h"

#include "core/common/logger.h"
#include "core/common/redactor.h"
#include "core/protocomm/provisionclient.h"
#include "core/protocomm/provisionjob.h"
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

void ProvisionWorkspace::startVirtualBoard()
{
    m_board = std::make_unique<Sim::ProtocommVirtualBoard>(m_virtualProfile);
    connect(m_board.get(), &Sim::ProtocommVirtualBoard::logLine, this, [](const QString &line) {
        Logger::instance().debug(QStringLiteral("virtual-board"), line);
    });
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
    showBanner(tr("Virtual board %1 is running at %2. Press Connect.")
                   .arg(m_deviceName, m_board->address()),
               QStringLiteral("info"));
    log(tr("Started virtual board %1 at %2").arg(m_deviceName, m_board->address()));
}

bool ProvisionWorkspace::isSessionOpen() const { return m_client && m_client->established(); }

int ProvisionWorkspace::provisionedCount() const { return m_boards->count(); }

QString ProvisionWorkspace::bannerText() const
{
    return m_banner->isVisible() || !m_banner->text().isEmpty() ? m_banner->text() : QString();
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
    const Tone tone = kind == QLatin1String("ok")      ? Tone::Success
                      : kind == QLatin1String("error") ? Tone::Error
                                                       : Tone::Info;
    // Some messages carry markup ("<br><b>Next:</b>"), so QLabel's guess stays.
    m_banner->showMessage(tone, Redactor::redact(text), Qt::AutoText);
    Q_EMIT statusMessage(Redactor::redact(text));
}

void ProvisionWorkspace::updateUsernameRow()
{
    const bool show = m_security->currentData().toInt() == 2 || m_detectedSecurity == 2
                      || !m_username->text().isEmpty();
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
