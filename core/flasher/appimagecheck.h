// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/flasher/loadersession.h"
#include "core/image/partitiontable.h"

#include <QByteArray>

#include <optional>

namespace Forgeline::Flasher {

// Whether an app image may go into an app partition (factory, ota_N, test) of this board:
// a plaintext ESP app whose checksum and SHA-256 hold, for the board's chip id, within its
// chip-revision range, that fits the partition. A pre-encrypted OTA image or a flash-encrypted
// (random-looking) file is refused with the reason: neither boots when written raw here.
// What else may be known when writing to a board whose flash encryption is on: its key (then
// an encrypted image is decrypted at the partition's address, and one made for another
// address is refused naming that address) and the table (where else it might belong).
struct AppWriteContext
{
    QByteArray flashEncryptionKey; // the key file's bytes, as espsecure takes them
    int flashCryptConfig = 0xF;    // ESP32 only
    std::optional<Image::PartitionTable> table;
};

Result<void> checkAppImageForBoard(const QByteArray &image, const BoardInfo &board,
                                   const Image::Partition &partition,
                                   const AppWriteContext &context = {});

} // namespace Forgeline::Flasher
