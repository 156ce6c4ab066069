// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/flasher/loadersession.h"
#include "core/image/partitiontable.h"

#include <QByteArray>

namespace Forgeline::Flasher {

// Whether an app image may go into an app partition (factory, ota_N, test) of this board:
// a plaintext ESP app whose checksum and SHA-256 hold, for the board's chip id, within its
// chip-revision range, that fits the partition. A pre-encrypted OTA image or a flash-encrypted
// (random-looking) file is refused with the reason: neither boots when written raw here.
Result<void> checkAppImageForBoard(const QByteArray &image, const BoardInfo &board,
                                   const Image::Partition &partition);

} // namespace Forgeline::Flasher
