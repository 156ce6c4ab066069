// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/offsetfinder.h"

#include "core/image/appimage.h"
#include "core/image/imagechip.h"

namespace Forgeline::Image {

namespace {

const ImageChip *chipForScheme(const FlashCryptParams &params, int chipId)
{
    const ImageChip *chip = imageChipById(chipId);
    return chip && chip->flashCrypt == params.scheme ? chip : nullptr;
}

} // namespace

OffsetSearch findEncryptionOffset(const FlashCryptParams &params, const QByteArray &encrypted,
                                  const std::optional<PartitionTable> &table, quint32 searchLimit,
                                  const std::function<bool()> &cancelled)
{
    OffsetSearch search;
    QList<OffsetCandidate> candidates;
    auto add = [&](quint32 address, const QString &label) {
        for (const OffsetCandidate &c : candidates) {
            if (c.address == address)
                return;
        }
        candidates << OffsetCandidate{address, label, false, false};
    };
    // Every chip's bootloader offset (0x0, 0x1000, 0x2000) is worth one try.
    for (const QString &key : imageChipKeys()) {
        const ImageChip *chip = imageChipByKey(key);
        if (chip->flashCrypt == params.scheme)
            add(chip->bootloaderOffset, QStringLiteral("bootloader"));
    }
    if (table) {
        for (const Partition &p : table->partitions) {
            if (p.type == 0x00) // app partitions: factory, ota_N, test
                add(p.offset, p.name);
        }
    } else {
        for (quint64 a = 0; a < searchLimit; a += 0x10000)
            add(quint32(a), QString());
    }

    // The header and first segment header are enough to reject an address; only a hit is
    // decrypted whole.
    const qsizetype probeLength = qMin<qsizetype>(encrypted.size() / 16 * 16, 64);
    for (OffsetCandidate c : candidates) {
        if (cancelled && cancelled())
            break;
        FlashCryptParams p = params;
        p.address = c.address;
        auto head = flashDecrypt(p, encrypted.left(probeLength));
        if (head && head->size() >= AppImage::HeaderSize
            && quint8(head->at(0)) == AppImage::Magic) {
            const auto segments = quint8(head->at(1));
            const int chipId = quint8(head->at(12)) | (quint8(head->at(13)) << 8);
            c.headerValid = segments >= 1 && segments <= AppImage::MaxSegments
                            && chipForScheme(params, chipId) != nullptr;
        }
        if (c.headerValid) {
            auto whole = flashDecrypt(p, encrypted.left(encrypted.size() / 16 * 16));
            if (whole) {
                auto img = AppImage::parse(*whole);
                c.imageValid = img && !img->truncated && img->checksumValid
                               && img->sha256Valid.value_or(true);
            }
        }
        search.tried << c;
        if (c.headerValid)
            search.matches << c;
    }
    std::stable_sort(search.matches.begin(), search.matches.end(),
                     [](const OffsetCandidate &a, const OffsetCandidate &b) {
                         return a.imageValid && !b.imageValid;
                     });
    return search;
}

} // namespace Forgeline::Image
