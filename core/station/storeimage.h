// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/station/recipe.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Forgeline::Station {

// What one board's store is made of: its claimed pair and who it is.
struct BoardValues
{
    QByteArray certificate; // PEM or DER, as the pool holds it
    QByteArray privateKey;  // a secret: only ever inside the image
    QString mac;            // "24:ac:57:00:00:01"
    QString pairId;
};

// The partition images a store item puts on one board.
struct StoreImages
{
    QByteArray image;                    // exactly the partition's size (0xFF-padded)
    std::optional<QByteArray> keysImage; // NVS encryption: the nvs_keys partition (4 KiB)
    QString summary;                     // for the log: "NVS v2, 3 pages, encrypted" (no secrets)
};

// Builds an NVS (from the item's CSV template, placeholders filled from `values`) or an
// esp_secure_cert image sized for a partition of `partitionSize` bytes. Errors name what does
// not fit or what the template got wrong, with its line.
Result<StoreImages> buildStoreImage(const FlashItem &item, const BoardValues &values,
                                    quint32 partitionSize);

} // namespace Forgeline::Station
