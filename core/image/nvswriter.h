// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/image/nvscsv.h"
#include "core/image/nvsformat.h"
#include "core/image/nvskeys.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <optional>

namespace Forgeline::Image::Nvs {

struct WriteOptions
{
    quint32 size = 0;               // partition size in bytes, a multiple of 4096
    quint8 version = Version2;      // Version1 or Version2
    std::optional<Keys> encryption; // set: XTS-AES per entry (NVS encryption)
};

struct WrittenImage
{
    QByteArray bytes;      // the image, byte for byte what Espressif's generator writes
    int dataPages = 0;     // pages holding entries
    bool readOnly = false; // under 3 pages: the generator makes a read-only image (no spare page)
    QStringList warnings;  // CSV that means something other than it seems (repeated namespace)
};

// Builds an NVS partition image from items, placing every entry exactly where Espressif's
// generator (nvs_partition_gen.py) places it, so the same CSV and size give the same bytes:
// pages filled in order with sequence numbers 0, 1, 2...; a page is closed (state FULL) when
// the next value does not fit, the last page with entries stays ACTIVE; the rest up to the
// size is erased flash (0xFF), the last page kept free for the firmware. A partition of 1 or 2
// pages gets no free page and only the pages written (read-only NVS).
// Errors: size not a multiple of 4096, "needs N pages", values too long for a page.
Result<WrittenImage> writeImage(const QList<Item> &items, const WriteOptions &options);

// Pages (and bytes) the items need: data pages plus the one free page.
Result<int> pagesNeeded(const QList<Item> &items, quint8 version);

} // namespace Forgeline::Image::Nvs
