// SPDX-License-Identifier: GPL-3.0-or-later
// The Flash workspace's "make this the boot partition" choice for app writes: writing ota_1
// alone leaves the bootloader starting whatever otadata selects, which is rarely what the
// technician who just wrote an app means.
#include "ui/flash/flashworkspace.h"

#include "core/image/otadata.h"
#include "ui/flash/partitiontablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>

namespace Forgeline::Ui {

namespace OtaData = Image::OtaData;

void FlashWorkspace::buildBootSwitchRow(QFormLayout *form, QWidget *box)
{
    m_setBoot = new QCheckBox(
        tr("Make it the boot partition (updates otadata; the old otadata is backed up)"), box);
    m_setBoot->setObjectName(QStringLiteral("flashSetBoot"));
    m_setBoot->setToolTip(
        tr("The bootloader starts the app partition otadata selects. Without this, an app written "
           "into an OTA slot is not started until the firmware switches to it."));
    form->addRow(QString(), m_setBoot);
    form->setRowVisible(m_setBoot, false);
    connect(m_partition, &QComboBox::currentIndexChanged, this,
            &FlashWorkspace::updateBootSwitchRow);
}

void FlashWorkspace::updateBootSwitchRow()
{
    const Image::PartitionTable &table = m_table->table();
    const Image::Partition *p = table.find(m_partition->currentText());
    const bool factory = p && p->type == 0x00 && p->subtype == 0x00;
    const bool ota = p && OtaData::otaSlot(*p) >= 0;
    const bool shown = (factory || ota) && OtaData::otadataPartition(table) != nullptr;
    m_writeForm->setRowVisible(m_setBoot, shown);
    // On for an OTA slot (a technician writing ota_1 wants ota_1 to run); off for factory,
    // where switching erases otadata and so forgets any OTA update the board took.
    m_setBoot->setChecked(ota);
}

bool FlashWorkspace::makeBootPartition() const
{
    return m_setBoot && !m_setBoot->isHidden() && m_setBoot->isChecked();
}

void FlashWorkspace::setMakeBootPartition(bool on) { m_setBoot->setChecked(on); }

QString FlashWorkspace::bootSwitchText(const Flasher::FlashJobOutcome &o) const
{
    if (o.bootSwitched) {
        const QString t
            = tr("The bootloader now starts %1 (%2).").arg(o.bootPartition, o.bootReason);
        return o.otadataBackupPath.isEmpty()
                   ? t
                   : t + QLatin1Char(' ')
                         + tr("Previous otadata backed up: %1").arg(o.otadataBackupPath);
    }
    if (o.bootPartition.isEmpty())
        return o.bootReason.isEmpty() ? QString()
                                      : tr("Boot partition unknown: %1.").arg(o.bootReason);
    if (o.bootPartition != o.partition)
        return tr("otadata still selects %1 (%2): the bootloader will not start %3.")
            .arg(o.bootPartition, o.bootReason, o.partition);
    return tr("The bootloader starts %1 (%2).").arg(o.bootPartition, o.bootReason);
}

} // namespace Forgeline::Ui
