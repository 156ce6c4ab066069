// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/diagnoseworkspace.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Forgeline::Ui {

DiagnoseWorkspace::DiagnoseWorkspace(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("diagnoseWorkspace"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Diagnose is not yet available"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);
    auto *body = new QLabel(tr("Load a failing mbedTLS debug log (and optionally a working one), see the handshake as a ladder, the first divergence, the decoded errors and a ranked diagnosis with fixes; export a report with secrets redacted."), this);
    body->setWordWrap(true);
    auto *status = new QLabel(tr("This workspace arrives with issue %1. Until then, nothing here talks to a board.").arg(3), this);
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
