// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image/appimage.h"
#include "core/image/encryptedimage.h"
#include "core/image/partitiontable.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Forgeline::Image {

// What a file (or a partition's bytes) is. Everything gets a kind; "unknown" is honest.
enum class ImageKind {
    App,
    Bootloader,
    PartitionTable,
    Nvs,
    OtaData, // the otadata partition: which OTA app the bootloader starts
    PreEncrypted,
    EncryptedOrRandom,
    Erased,
    Unknown,
};

QString imageKindName(ImageKind kind); // the CLI's JSON "kind" values

struct InspectOptions
{
    QString expectedChip;    // "esp32c3": a different chip id in the header is a failed check
    QByteArray verifyKeyPem; // secure boot v2: some signature block must verify with this key
};

struct ImageInspection
{
    ImageKind kind = ImageKind::Unknown;
    qsizetype size = 0;
    double entropy = 0.0; // bits per byte over the first 64 KiB
    std::optional<AppImage> image;
    std::optional<PartitionTable> partitionTable;
    std::optional<EncryptedImageHeader> preEncrypted;
    int nvsPages = 0;
    QString summary;      // one line: what this is
    QStringList failures; // failed checks (the CLI exits 1): bad checksum, wrong chip …
    QStringList warnings; // what to know or do next
    QString explanation;  // longer text for kinds that need one (pre-encrypted, random)

    bool ok() const { return failures.isEmpty(); }
    QString chipKey() const; // "esp32c3" or "" when not an image / unknown id
};

ImageInspection inspectImage(const QByteArray &bytes, const InspectOptions &options = {});
QJsonObject inspectionToJson(const ImageInspection &inspection);

// Shannon entropy in bits per byte.
double byteEntropy(const QByteArray &bytes);

} // namespace Forgeline::Image
