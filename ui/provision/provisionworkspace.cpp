// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/provision/provisionworkspace.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Forgeline::Ui {

ProvisionWorkspace::ProvisionWorkspace(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("provisionWorkspace"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Provision is not yet available"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);
    auto *body = new QLabel(tr("Find the board by address or QR payload, establish the protocomm Security 1 session with its proof of possession, scan Wi-Fi, send credentials and watch the status until the board connects or fails with a reason."), this);
    body->setWordWrap(true);
    auto *status = new QLabel(tr("This workspace arrives with issue %1. Until then, nothing here talks to a board.").arg(4), this);
    status->setWordWrap(true);
    status->setEnabled(false);
    layout->addStretch(1);
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addWidget(body);
    layout->addWidget(status);
    layout->addStretch(2);
    layout->setContentsMargins(48, 24, 48, 24);
}

} // namespace Forgeline::Ui
