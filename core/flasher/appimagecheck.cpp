// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/appimagecheck.h"

#include "core/image/imagechip.h"
#include "core/image/imageinspector.h"

#include <QCoreApplication>

namespace Forgeline::Flasher {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Forgeline::Flasher::AppImageCheck", text);
}

Error refuse(const char *code, const QString &message, const QString &fix = {})
{
    return Error::make(QString::fromLatin1(code), message, {}, fix);
}

QString rev(int full)
{
    return QStringLiteral("v%1.%2").arg(full / 100).arg(full % 100);
}

} // namespace

Result<void> checkAppImageForBoard(const QByteArray &image, const BoardInfo &board,
                                   const Image::Partition &partition)
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
            return {};
        }
        if (r.kind == ImageKind::App)
            return refuse("app.flash-encryption",
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
    case ImageKind::App:
        break;
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
    default:
        return refuse("app.kind", tr("This is not an app image (%1).").arg(r.summary));
    }
    if (!r.failures.isEmpty())
        return refuse("app.invalid",
                      tr("The app image fails its own checks: %1.")
                          .arg(r.failures.join(QStringLiteral("; "))));
    const Image::AppImage &img = *r.image;
    if (board.chipId >= 0 && int(img.chipId) != board.chipId) {
        const Image::ImageChip *chip = Image::imageChipById(img.chipId);
        return refuse("app.chip",
                      tr("Wrong chip: the image is for %1, the board is %2.")
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
        return refuse("app.size",
                      tr("The image (%1 bytes) does not fit \"%2\" (%3 bytes).")
                          .arg(image.size())
                          .arg(partition.name)
                          .arg(partition.size));
    return {};
}

} // namespace Forgeline::Flasher
