// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/image/flashencryption.h"
#include "core/image/partitiontable.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Forgeline::Image {

// Where a flash-encrypted image was encrypted for. Flash encryption ties the ciphertext to
// its address, so the image only decrypts to a valid header at that one address.
struct OffsetCandidate
{
    quint32 address = 0;
    QString label;            // partition name, "bootloader" or "" for a 64 KiB boundary
    bool headerValid = false; // decrypts to 0xE9, 1..16 segments, the chip's id
    bool imageValid = false;  // and the whole image checks (checksum, hash when present)
};

struct OffsetSearch
{
    QList<OffsetCandidate> tried;
    QList<OffsetCandidate> matches; // headerValid, best (imageValid) first
};

// Candidates: the table's app partitions (and the chip's bootloader offset), or without a
// table every 64 KiB boundary below `searchLimit` plus the bootloader offset.
OffsetSearch findEncryptionOffset(const FlashCryptParams &params, const QByteArray &encrypted,
                                  const std::optional<PartitionTable> &table,
                                  quint32 searchLimit = 16u * 1024 * 1024,
                                  const std::function<bool()> &cancelled = {});

} // namespace Forgeline::Image
