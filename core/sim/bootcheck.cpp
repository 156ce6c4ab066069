// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/bootcheck.h"

#include "core/image/imagechip.h"
#include "core/image/imageinspector.h"
#include "core/image/partitiontable.h"

namespace Forgeline::Sim {

QString bootCheckLine(const QByteArray &flash, int chipId, quint32 tableOffset)
{
    auto table
        = Image::PartitionTable::parse(flash.mid(tableOffset, Image::PartitionTable::MaxLength));
    if (!table)
        return QStringLiteral("boot check: no partition table at 0x%1, nothing would start")
            .arg(tableOffset, 0, 16);
    const Image::Partition *boot = table->find(QStringLiteral("factory"));
    if (!boot)
        boot = table->find(QStringLiteral("ota_0"));
    if (!boot || boot->type != 0x00)
        return QStringLiteral("boot check: no factory or ota_0 app partition, nothing would start");
    const QByteArray bytes = flash.mid(boot->offset, boot->size);
    const QString where = QStringLiteral("%1 at 0x%2").arg(boot->name).arg(boot->offset, 0, 16);
    const Image::ImageInspection r = Image::inspectImage(bytes);
    if (r.kind == Image::ImageKind::Erased)
        return QStringLiteral("boot check: %1 is erased, nothing would start").arg(where);
    if (r.kind != Image::ImageKind::App) {
        return QStringLiteral("boot check: %1 would not start: invalid magic byte (%2)")
            .arg(where, Image::imageKindName(r.kind));
    }
    if (int(r.image->chipId) != chipId) {
        const Image::ImageChip *chip = Image::imageChipById(r.image->chipId);
        return QStringLiteral("boot check: %1 would not start: image is for %2")
            .arg(where,
                 chip ? QString::fromLatin1(chip->name)
                      : QStringLiteral("chip id %1").arg(r.image->chipId));
    }
    if (!r.ok())
        return QStringLiteral("boot check: %1 would not start: %2").arg(where, r.failures.first());
    const QString project = r.image->appDesc
        ? QStringLiteral(" (%1 %2)").arg(r.image->appDesc->projectName, r.image->appDesc->version)
        : QString();
    return QStringLiteral("boot check: %1 would start%2").arg(where, project);
}

} // namespace Forgeline::Sim
