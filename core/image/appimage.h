// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace Forgeline::Image {

// The ESP firmware image format (app and second-stage bootloader), as ESP-IDF
// components/bootloader_support/include/esp_app_format.h and esptool's esptool/bin_image.py
// define it: a 24-byte header (8 common + 16 extended), segments (u32 load address, u32
// length, data), zero padding so the checksum byte ends a 16-byte line, the checksum
// (0xEF XOR every segment data byte), then an optional SHA-256 of everything before it.
struct ImageSegment
{
    quint32 load = 0;
    quint32 length = 0;
    quint32 fileOffset = 0; // where the segment header starts in the file
    QString region;         // memory region the load address is in, "" if unknown
    bool truncated = false; // the file ends inside this segment
};

// esp_app_desc_t (ESP-IDF components/esp_app_format/include/esp_app_desc.h), 256 bytes at
// image offset 0x20 of an app.
struct AppDescriptor
{
    static constexpr quint32 Magic = 0xABCD5432;
    static constexpr int Size = 256;
    quint32 secureVersion = 0;
    QString version;
    QString projectName;
    QString time;
    QString date;
    QString idfVersion;
    QByteArray elfSha256; // 32 bytes
    quint16 minEfuseBlockRevision = 0;
    quint16 maxEfuseBlockRevision = 0;
    quint8 mmuPageSizeLog2 = 0;
};

// esp_bootloader_desc_t (ESP-IDF components/esp_bootloader_format), 80 bytes at offset 0x20
// of a bootloader built by ESP-IDF 5.2 or later; magic byte 0x50.
struct BootloaderDescriptor
{
    static constexpr quint8 MagicByte = 0x50;
    static constexpr int Size = 80;
    quint32 version = 0;
    QString idfVersion;
    QString dateTime;
};

// A secure boot v2 signature block (espsecure validate_signature_block): 1216 bytes, magic
// 0xE7, version 2 (RSA-PSS) or 3 (ECDSA; byte 2 = 1 for SHA-384), the image digest at 4, CRC32
// of the first 1196 bytes at 1196. Up to three of them open the 4 KiB sector after the
// 4 KiB-padded image.
struct SignatureBlock
{
    static constexpr int Size = 1216;
    int index = 0;
    int version = 0;
    bool crcValid = false;
    bool digestMatches = false;   // its image digest is the hash of the signed content
    bool sha384 = false;          // ECDSA P-384 blocks hash with SHA-384
    std::optional<bool> verified; // signed by the key given to verifySignatureBlocks()
    QString algorithm() const;
    QByteArray raw;
};

struct AppImage
{
    static constexpr quint8 Magic = 0xE9;
    static constexpr quint8 ChecksumSeed = 0xEF;
    static constexpr int HeaderSize = 24;
    static constexpr int MaxSegments = 16;

    quint8 segmentCount = 0;
    quint8 spiMode = 0;
    quint8 flashSizeCode = 0; // high nibble of byte 3
    quint8 flashFreqCode = 0; // low nibble of byte 3
    quint32 entry = 0;
    quint8 wpPin = 0;
    quint16 chipId = 0;
    quint8 minRevisionLegacy = 0;
    quint16 minRevisionFull = 0; // major * 100 + minor
    quint16 maxRevisionFull = 0;
    quint8 hashAppendedByte = 0;
    bool hashAppended() const { return hashAppendedByte == 1; }

    QList<ImageSegment> segments;
    bool truncated = false; // the file ends before the checksum (and hash) it promises
    quint8 storedChecksum = 0;
    quint8 computedChecksum = 0;
    bool checksumValid = false;
    QByteArray storedSha256;   // empty without an appended hash
    QByteArray computedSha256; // SHA-256 of the bytes before the stored one
    std::optional<bool> sha256Valid;
    qsizetype length = 0; // bytes through the checksum and hash

    std::optional<AppDescriptor> appDesc;
    std::optional<BootloaderDescriptor> bootloaderDesc;
    QList<SignatureBlock> signatures;

    // Parses what is there. Only a missing magic or a header shorter than 24 bytes fails;
    // a truncated segment, a bad checksum or hash are reported in the fields.
    static Result<AppImage> parse(const QByteArray &bytes);

    QString flashModeName() const;
    QString flashSizeName() const;
    // True when every segment loads into RAM: the ROM loads a bootloader this way, while an
    // app maps its code and read-only data from flash.
    bool allSegmentsInRam() const;
};

// Checks each signature block's signature against a public key (PEM: RSA-3072, or ECDSA P-192,
// P-256, P-384) as espsecure verify-signature does: RSA-PSS with MGF1-SHA-256 and a 32-byte salt
// over the digest, the signature stored byte-reversed; ECDSA r and s little-endian. Sets
// `verified` on every block; fails only when the key cannot be read.
Result<void> verifySignatureBlocks(AppImage &image, const QByteArray &publicKeyPem);

// Reads a fixed-size NUL-padded C string field.
QString fixedString(const QByteArray &bytes, int offset, int size);

} // namespace Forgeline::Image
