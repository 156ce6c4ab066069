// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace Forgeline::Image::Nvs {

// The two XTS-AES-256 keys of an encrypted NVS partition and the `nvs_keys` partition that
// holds them (ESP-IDF docs/en/api-reference/storage/nvs_encryption.rst): encryption key (32
// bytes) then tweak key (32 bytes), a CRC32 of those 64 bytes, 0xFF to the end of the 4 KiB
// page. This is also the keys file Espressif's generator writes and reads.
struct Keys
{
    static constexpr int KeySize = 32;
    static constexpr int PartitionImageSize = 4096;

    QByteArray encryptionKey; // XTS key 1 ("eky")
    QByteArray tweakKey;      // XTS key 2 ("tky")

    bool isValid() const { return encryptionKey.size() == KeySize && tweakKey.size() == KeySize; }
    QByteArray xtsKey() const { return encryptionKey + tweakKey; }

    // Fresh random keys from OpenSSL's CSPRNG.
    static Result<Keys> generate();
    // The `nvs_keys` partition image / keys file.
    QByteArray toPartitionImage() const;
    // Reads a keys file or partition image. Like the generator, the first 64 bytes are the
    // keys; a CRC at byte 64 that does not match them is an error unless the file is exactly
    // 64 bytes (raw keys with no CRC).
    static Result<Keys> fromPartitionImage(const QByteArray &bytes);
    // Writes the keys file readable by its owner only (0600 from the start, never wider).
    Result<void> saveOwnerOnly(const QString &path) const;
    static Result<Keys> load(const QString &path);
};

// XTS-AES-256 of one 32-byte NVS entry. ESP-IDF encrypts each entry as its own data unit, with
// the entry's byte offset inside the partition as the tweak (little-endian, zero-extended to
// 16 bytes).
QByteArray encryptEntry(const Keys &keys, quint32 partitionOffset, const QByteArray &plain);
QByteArray decryptEntry(const Keys &keys, quint32 partitionOffset, const QByteArray &cipher);

} // namespace Forgeline::Image::Nvs
