// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/appimagecheck.h"

#include "core/image/flashencryption.h"
#include "core/image/imagechip.h"
#include "core/image/imageinspector.h"
#include "core/image/offsetfinder.h"

#include <QCoreApplication>

namespace Forgeline::Flasher {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Forgeline::Flasher", text); }

Error refuse(const char *code, const QString &message, const QString &fix = {})
{
    return Error::make(QString::fromLatin1(code), message, {}, fix);
}

QString rev(int full) { return QStringLiteral("v%1.%2").arg(full / 100).arg(full % 100); }

} // namespace

namespace {

// With the key, an encrypted image tells where it belongs: it decrypts to a valid app header
// only at the address it was encrypted for.
Result<void> checkEncryptedOffset(const QByteArray &image, const BoardInfo &board,
                                  const Image::Partition &partition, const AppWriteContext &context)
{
    const Image::ImageChip *chip = Image::imageChipByKey(board.chipKey);
    if (!chip)
        return {};
    Image::FlashCryptParams params;
    params.scheme = chip->flashCrypt;
    params.key = context.flashEncryptionKey;
    params.flashCryptConfig = context.flashCryptConfig;
    if (auto keyOk = Image::checkFlashCryptKey(params.scheme, params.key); !keyOk)
        return keyOk.error();
    // This partition first, then the table's app partitions (the search's own candidates).
    std::optional<Image::PartitionTable> candidates = context.table;
    if (!candidates)
        candidates = Image::PartitionTable{};
    if (!candidates->find(partition.name))
        candidates->partitions.prepend(partition);
    const Image::OffsetSearch search = Image::findEncryptionOffset(params, image, candidates);
    const QString here = QStringLiteral("0x%1").arg(partition.offset, 0, 16);
    for (const Image::OffsetCandidate &m : search.matches)
        if (m.address == partition.offset)
            return {};
    if (!search.matches.isEmpty()) {
        const Image::OffsetCandidate &m = search.matches.first();
        return refuse("app.offset",
                      tr("This image was encrypted for 0x%1%2, not for %3 at %4: written here the "
                         "bootloader would decrypt it into garbage.")
                          .arg(m.address, 0, 16)
                          .arg(m.label.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m.label))
                          .arg(partition.name, here),
                      tr("Write it to 0x%1, or encrypt the plaintext app again for %2.")
                          .arg(m.address, 0, 16)
                          .arg(here));
    }
    return refuse(
        "app.key",
        tr("With this flash encryption key the image decrypts to no valid app at %1 or any app "
           "partition: the key is not this board's, or the file is not an encrypted app.")
            .arg(here));
}

} // namespace

Result<void> checkAppImageForBoard(const QByteArray &image, const BoardInfo &board,
                                   const Image::Partition &partition,
                                   const AppWriteContext &context)
{
    using Image::ImageKind;
    const Image::ImageInspection r = Image::inspectImage(image);
    const QString at = QStringLiteral("0x%1").arg(partition.offset, 0, 16);
    if (board.flashEncryptionEnabled()) {
        // The bootloader decrypts whatever sits in an app partition: only bytes already
        // encrypted for exactly this address boot, and the ROM loader writes them as they are.
        if (r.kind == ImageKind::EncryptedOrRandom) {
            if (quint64(image.size()) > partition.size)
                return refuse("app.size", tr("The image (%1 bytes) does not fit \"%2\" (%3 bytes).")
                                              .arg(image.size())
                                              .arg(partition.name)
                                              .arg(partition.size));
            if (!context.flashEncryptionKey.isEmpty())
                return checkEncryptedOffset(image, board, partition, context);
            return {}; // without the key nobody can tell the address: written as it is
        }
        if (r.kind == ImageKind::App)
            return refuse(
                "app.flash-encryption",
                tr("Flash encryption is on on this board (crypt count 0x%1): a plaintext app "
                   "written to %2 at %3 would be decrypted into garbage by the bootloader.")
                    .arg(*board.flashCryptCnt, 0, 16)
                    .arg(partition.name, at),
                tr("Encrypt it for %1 with the board's flash encryption key "
                   "('forgeline-cli image flash-encrypt --chip %2 --key KEY --address %1 app.bin -o app-enc.bin') "
                   "and write the result, or update the firmware over the air.")
                    .arg(at, board.chipKey));
    }
    switch (r.kind) {
    case ImageKind::App: break;
    case ImageKind::PreEncrypted:
        return refuse("app.pre-encrypted",
                      tr("This is a pre-encrypted OTA image (esp_encrypted_img): written raw it "
                         "never boots. Send it through the firmware's OTA update, which decrypts "
                         "it, or write the plain app."));
    case ImageKind::EncryptedOrRandom:
        return refuse("app.encrypted",
                      tr("This file has no image header and looks flash-encrypted (or random), but "
                         "flash encryption is %1 on this board: only a plaintext app boots here.")
                          .arg(board.flashCryptCnt ? tr("off") : tr("not known to be on")),
                      tr("Check it with 'forgeline-cli image find-offset' and the flash "
                         "encryption key, or write the plaintext app."));
    case ImageKind::Bootloader:
        return refuse("app.kind", tr("This is a bootloader image, not an app."));
    default: return refuse("app.kind", tr("This is not an app image (%1).").arg(r.summary));
    }
    if (!r.failures.isEmpty())
        return refuse("app.invalid", tr("The app image fails its own checks: %1.")
                                         .arg(r.failures.join(QStringLiteral("; "))));
    const Image::AppImage &img = *r.image;
    if (board.chipId >= 0 && int(img.chipId) != board.chipId) {
        const Image::ImageChip *chip = Image::imageChipById(img.chipId);
        return refuse("app.chip", tr("Wrong chip: the image is for %1, the board is %2.")
                                      .arg(chip ? QString::fromLatin1(chip->name)
                                                : QStringLiteral("chip id %1").arg(img.chipId),
                                           board.chipName));
    }
    if (board.revision.known) {
        const int have = board.revision.number();
        if (have < img.minRevisionFull)
            return refuse("app.revision",
                          tr("The image needs chip revision %1 or later; this board is %2.")
                              .arg(rev(img.minRevisionFull), board.revision.text()));
        if (img.maxRevisionFull != 0xFFFF && have > img.maxRevisionFull)
            return refuse("app.revision",
                          tr("The image supports chip revisions up to %1; this board is %2.")
                              .arg(rev(img.maxRevisionFull), board.revision.text()));
    }
    if (quint64(image.size()) > partition.size)
        return refuse("app.size", tr("The image (%1 bytes) does not fit \"%2\" (%3 bytes).")
                                      .arg(image.size())
                                      .arg(partition.name)
                                      .arg(partition.size));
    return {};
}

} // namespace Forgeline::Flasher
