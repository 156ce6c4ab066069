// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/flash/flashworkspace.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Forgeline::Ui {

FlashWorkspace::FlashWorkspace(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("flashWorkspace"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Flash is not yet available"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);
    auto *body = new QLabel(tr("Pick a serial port, reset the board into its ROM loader, show chip, MAC, flash size and partition table, then write a certificate and key into their partitions with verify and backup."), this);
    body->setWordWrap(true);
    auto *status = new QLabel(tr("This workspace arrives with issue %1. Until then, nothing here talks to a board.").arg(5), this);
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
