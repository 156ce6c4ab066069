// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/bootcheck.h"

#include "core/image/flashencryption.h"
#include "core/image/imagechip.h"
#include "core/image/imageinspector.h"
#include "core/image/offsetfinder.h"
#include "core/image/otadata.h"
#include "core/image/partitiontable.h"

namespace Forgeline::Sim {

namespace OtaData = Image::OtaData;

namespace {

struct Verdict
{
    bool starts = false;
    QString text; // "factory at 0x10000 would start (blink v1.2.3)"
};

Image::FlashCryptParams cryptParams(const BootCheckInput &in, quint32 address)
{
    Image::FlashCryptParams p;
    const Image::ImageChip *chip = Image::imageChipByKey(in.chipKey);
    p.scheme = chip ? chip->flashCrypt : Image::FlashCryptScheme::XtsAes;
    p.key = in.flashEncryptionKey;
    p.address = address;
    p.flashCryptConfig = in.flashCryptConfig;
    return p;
}

bool erased(const QByteArray &bytes)
{
    return Image::inspectImage(bytes).kind == Image::ImageKind::Erased;
}

// The checks esp_image_verify makes on what the bootloader read (plaintext by now).
Verdict checkPlain(const QByteArray &bytes, const BootCheckInput &in, const QString &where)
{
    const Image::ImageInspection r = Image::inspectImage(bytes);
    if (r.kind != Image::ImageKind::App)
        return {false, QStringLiteral("%1 would not start: invalid magic byte (%2)")
                           .arg(where, Image::imageKindName(r.kind))};
    if (int(r.image->chipId) != in.chipId) {
        const Image::ImageChip *chip = Image::imageChipById(r.image->chipId);
        return {false, QStringLiteral("%1 would not start: image is for %2")
                           .arg(where, chip ? QString::fromLatin1(chip->name)
                                            : QStringLiteral("chip id %1").arg(r.image->chipId))};
    }
    if (!r.ok())
        return {false, QStringLiteral("%1 would not start: %2").arg(where, r.failures.first())};
    const QString project = r.image->appDesc
                                ? QStringLiteral(" (%1 %2)")
                                      .arg(r.image->appDesc->projectName, r.image->appDesc->version)
                                : QString();
    return {true, QStringLiteral("%1 would start%2").arg(where, project)};
}

// With flash encryption on, the cache decrypts every read with the key and the address, so
// the bootloader sees the partition's bytes decrypted at its own offset.
Verdict checkEncrypted(const QByteArray &raw, const BootCheckInput &in, const Image::Partition &p,
                       const Image::PartitionTable &table, const QString &where)
{
    if (in.flashEncryptionKey.isEmpty())
        return {
            false,
            QStringLiteral(
                "%1 cannot be checked: flash encryption is on but the board profile holds no key "
                "(security.key)")
                .arg(where)};
    if (Image::inspectImage(raw).kind == Image::ImageKind::App)
        return {
            false,
            QStringLiteral(
                "%1 would not start: it holds a plaintext app, which the chip decrypts into garbage "
                "(flash encryption is on; encrypt it for 0x%2 with the board's key)")
                .arg(where)
                .arg(p.offset, 0, 16)};
    // An app is mostly far shorter than its partition: decrypt the first 64 KiB, and all of
    // it only when the image runs on.
    QByteArray plain;
    for (qsizetype length : {qsizetype(0x10000), raw.size()}) {
        auto d = Image::flashDecrypt(cryptParams(in, p.offset),
                                     raw.left(qMin(length, raw.size()) / 128 * 128));
        if (!d)
            return {false,
                    QStringLiteral("%1 cannot be checked: %2").arg(where, d.error().message)};
        plain = *d;
        const Image::ImageInspection r = Image::inspectImage(plain);
        if (r.kind != Image::ImageKind::App || !r.image->truncated)
            break;
    }
    if (Image::inspectImage(plain).kind == Image::ImageKind::App)
        return checkPlain(plain, in, where);
    // Say why: the same key finds a valid header at another app partition's address, or the
    // bytes were encrypted with another key.
    const Image::OffsetSearch search
        = Image::findEncryptionOffset(cryptParams(in, 0), raw.left(0x10000), table);
    for (const Image::OffsetCandidate &c : search.matches) {
        if (c.address != p.offset)
            return {
                false,
                QStringLiteral("%1 would not start: the image was encrypted for 0x%2%3, not 0x%4")
                    .arg(where)
                    .arg(c.address, 0, 16)
                    .arg(c.label.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(c.label))
                    .arg(p.offset, 0, 16)};
    }
    return {false,
            QStringLiteral(
                "%1 would not start: it does not decrypt to an app image with the board's flash "
                "encryption key (encrypted with another key, or not an app)")
                .arg(where)};
}

Verdict checkPartition(const BootCheckInput &in, const Image::Partition &p,
                       const Image::PartitionTable &table)
{
    const QByteArray raw = in.flash.mid(p.offset, p.size);
    const QString where = QStringLiteral("%1 at 0x%2").arg(p.name).arg(p.offset, 0, 16);
    // Erased flash: nothing was ever written there (with encryption on it would decrypt to
    // garbage; "erased" says more).
    if (erased(raw))
        return {false, QStringLiteral("%1 is erased").arg(where)};
    return in.flashEncryption ? checkEncrypted(raw, in, p, table, where)
                              : checkPlain(raw, in, where);
}

// bootloader_utility_load_boot_image: the selected app, then lower OTA slots down to factory,
// then higher slots, then the test app.
QList<const Image::Partition *> tryOrder(const Image::PartitionTable &table,
                                         const Image::Partition *selected)
{
    const int count = OtaData::otaPartitionCount(table);
    const int start = selected ? OtaData::otaSlot(*selected) : -1;
    const Image::Partition *factory = nullptr;
    const Image::Partition *test = nullptr;
    for (const Image::Partition &p : table.partitions) {
        if (p.type == 0x00 && p.subtype == 0x00 && !factory)
            factory = &p;
        if (p.type == 0x00 && p.subtype == 0x20 && !test)
            test = &p;
    }
    QList<const Image::Partition *> order;
    for (int i = start; i >= 0; --i)
        order << OtaData::otaPartition(table, i);
    if (factory)
        order << factory;
    for (int i = start + 1; i < count; ++i)
        order << OtaData::otaPartition(table, i);
    if (test)
        order << test;
    return order;
}

} // namespace

QString bootCheckLine(const BootCheckInput &in)
{
    auto table = Image::PartitionTable::parse(
        in.flash.mid(in.tableOffset, Image::PartitionTable::MaxLength));
    if (!table)
        return QStringLiteral("boot check: no partition table at 0x%1, nothing would start")
            .arg(in.tableOffset, 0, 16);
    QString prefix;
    const Image::Partition *otadata = OtaData::otadataPartition(*table);
    QByteArray otadataBytes;
    if (otadata) {
        otadataBytes = in.flash.mid(otadata->offset, OtaData::Size);
        if (in.flashEncryption && !in.flashEncryptionKey.isEmpty()) {
            // otadata is encrypted like the apps; erased sectors decrypt to garbage, which the
            // bootloader then finds not valid, as on the chip.
            auto plain = Image::flashDecrypt(cryptParams(in, otadata->offset), otadataBytes);
            if (plain)
                otadataBytes = *plain;
        }
    }
    const OtaData::BootSelection selection = OtaData::selectBootPartition(*table, otadataBytes);
    const QList<const Image::Partition *> order = tryOrder(*table, selection.partition);
    if (order.isEmpty())
        return QStringLiteral("boot check: no app partition, nothing would start");
    if (otadata) {
        prefix = QStringLiteral("otadata selects %1 (%2); ")
                     .arg(selection.partition ? selection.partition->name : QStringLiteral("none"),
                          selection.reasonText());
    }
    QStringList steps;
    for (const Image::Partition *p : order) {
        const Verdict v = checkPartition(in, *p, *table);
        steps << v.text;
        if (v.starts)
            return QStringLiteral("boot check: %1%2")
                .arg(prefix, steps.join(QStringLiteral("; then ")));
    }
    return QStringLiteral("boot check: %1%2, nothing would start")
        .arg(prefix, steps.join(QStringLiteral("; then ")));
}

} // namespace Forgeline::Sim
