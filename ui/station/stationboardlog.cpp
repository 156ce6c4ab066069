// SPDX-License-Identifier: GPL-3.0-or-later
// The Station workspace's board log window: one port's latest run as its tile shows it, to
// copy, and to run that board again.
#include "ui/station/stationworkspace.h"

#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Forgeline::Ui {

QStringList StationWorkspace::boardLog(const QString &port) const { return m_line->boardLog(port); }

void StationWorkspace::showBoardLog(const QString &port)
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Board on %1").arg(port));
    dialog->resize(720, 420);
    auto *layout = new QVBoxLayout(dialog);
    auto *text = new QPlainTextEdit(dialog);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QStringList lines = boardLog(port);
    text->setPlainText(lines.isEmpty() ? tr("Nothing logged yet for this port.")
                                       : lines.join(QLatin1Char('\n')));
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    auto *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    // A failed board stays re-runnable (its pair, if any reached the flash, comes back to it).
    auto *again = buttons->addButton(tr("Run again"), QDialogButtonBox::ActionRole);
    again->setEnabled(m_line->acceptsAppearedPort(port, 0));
    connect(again, &QPushButton::clicked, dialog, [this, dialog, port] {
        dialog->close();
        rerunPort(port);
    });
    connect(copy, &QPushButton::clicked, dialog,
            [text] { QGuiApplication::clipboard()->setText(text->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    dialog->show();
}

} // namespace Forgeline::Ui
