// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/image/imagechip.h"

#include <QByteArray>

namespace Forgeline::Image {

// Flash encryption as the chip's hardware does it, so that what we encrypt is what the chip
// decrypts when it reads that flash address (and the same bytes as espsecure
// encrypt-flash-data / decrypt-flash-data):
// - ESP32: AES-256 per 16-byte block, the key XORed with a tweak derived from address bits
//   5..23 as FLASH_CRYPT_CONFIG selects, each block byte-reversed in and out, and the AES
//   direction inverted (the chip "encrypts" with the AES decrypt operation).
// - XTS-AES families: 128-byte data units, tweak = the unit's flash address as a
//   little-endian u32 followed by zeros, each unit byte-reversed in and out. Key files of
//   32 bytes are XTS-AES-128, 64 bytes XTS-AES-256, 16 bytes (ESP32-C2) are extended to 32
//   with SHA-256.
// The ESP32 also takes 24-byte keys (3/4 coding scheme), extended to 32 as key + key[8..16].
struct FlashCryptParams
{
    FlashCryptScheme scheme = FlashCryptScheme::XtsAes;
    QByteArray key;             // as read from the key file
    quint32 address = 0;        // flash address of the first byte; a multiple of 16
    int flashCryptConfig = 0xF; // ESP32 only: the FLASH_CRYPT_CONFIG eFuse, 0..15
};

Result<QByteArray> flashEncrypt(const FlashCryptParams &params, const QByteArray &plaintext);
Result<QByteArray> flashDecrypt(const FlashCryptParams &params, const QByteArray &ciphertext);

// Checks a key file's length for a scheme; the error says which lengths fit.
Result<void> checkFlashCryptKey(FlashCryptScheme scheme, const QByteArray &key);

} // namespace Forgeline::Image
