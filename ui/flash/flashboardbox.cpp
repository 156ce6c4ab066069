// SPDX-License-Identifier: GPL-3.0-or-later
// Texts keep the Flash workspace's translation context: they were its own before the box
// became a class, and the zh_CN catalogue files them there.
#include "ui/flash/flashboardbox.h"

#include "core/flasher/loadersession.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>

namespace Forgeline::Ui {

FlashBoardBox::FlashBoardBox(QWidget *parent)
    : QGroupBox(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Board"), parent),
      m_chip(new QLabel(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "—"), this)),
      m_mac(new QLabel(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "—"), this)),
      m_flash(new QLabel(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "—"), this)),
      m_security(
          new QLabel(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "—"), this))
{
    auto *form = new QFormLayout(this);
    for (QLabel *l : {m_chip, m_mac, m_flash, m_security})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Chip:"), m_chip);
    form->addRow(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "MAC:"), m_mac);
    form->addRow(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Flash:"), m_flash);
    form->addRow(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Security:"),
                 m_security);
}

void FlashBoardBox::setBoard(const Flasher::BoardInfo &board)
{
    // The revision decides which images the ROM bootloader accepts (header min/max revision).
    m_chip->setText(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "%1, chip id %2")
                        .arg(board.chipDescription())
                        .arg(board.chipId));
    m_mac->setText(board.macText());
    m_flash->setText(
        QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "%1 MiB, JEDEC 0x%2%3")
            .arg(board.flashSize >> 20)
            .arg(board.flashId, 6, 16, QLatin1Char('0'))
            .arg(board.flashSizeGuessed ? QCoreApplication::translate(
                     "Forgeline::Ui::FlashWorkspace", " (size assumed)")
                                        : QString()));
    // Flash encryption decides what an app partition must be given (plaintext or encrypted for
    // its address).
    QString security
        = QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "flash encryption %1")
              .arg(board.flashEncryptionText());
    if (board.securityInfo)
        security += QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "; flags 0x%1")
                        .arg(board.securityFlags, 0, 16);
    m_security->setText(security);
    m_security->setStyleSheet(board.flashEncryptionEnabled() ? QStringLiteral("font-weight: bold")
                                                             : QString());
}

} // namespace Forgeline::Ui
