// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

// The on-flash layout of an ESP-IDF NVS partition, as ESP-IDF defines it in
// components/nvs_flash/src/nvs_types.hpp and nvs_page.hpp, and as Espressif's generator
// (esp-idf-nvs-partition-gen, nvs_partition_gen.py) writes it.
namespace Forgeline::Image::Nvs {

constexpr int PageSize = 4096;
constexpr int EntrySize = 32;
constexpr int EntriesPerPage = 126;
constexpr int HeaderSize = 32;
constexpr int BitmapOffset = 32;
constexpr int FirstEntryOffset = 64;
constexpr quint8 ChunkAny = 0xFF;
constexpr int KeyFieldSize = 16;
constexpr int MaxKeyLength = 15;

// Page header word 0 (nvs_page.hpp PageState).
enum PageState : quint32 {
    PageEmpty = 0xFFFFFFFF,
    PageActive = 0xFFFFFFFE,
    PageFull = 0xFFFFFFFC,
    PageFreeing = 0xFFFFFFF8,
    PageCorrupt = 0xFFFFFFF0,
    PageInvalid = 0,
};

// Page header byte 8.
enum Version : quint8 {
    Version1 = 0xFF, // one-page blobs (type 0x41)
    Version2 = 0xFE, // multi-page blobs (0x42 data chunks + 0x48 index)
};

// Two bits per entry in the page's bitmap (nvs_page.hpp EntryState).
enum class EntryState : quint8 { Erased = 0, Illegal = 1, Written = 2, Empty = 3 };

// Item types (nvs_types.hpp ItemType).
enum Type : quint8 {
    U8 = 0x01,
    I8 = 0x11,
    U16 = 0x02,
    I16 = 0x12,
    U32 = 0x04,
    I32 = 0x14,
    U64 = 0x08,
    I64 = 0x18,
    Str = 0x21,
    BlobV1 = 0x41,
    BlobData = 0x42,
    BlobIndex = 0x48,
    AnyType = 0xFF,
};

// Largest variable-length value on one page, by version (the generator's max_blob_size;
// in format 2 it limits strings only, blobs are split into chunks).
constexpr int maxSinglePageValue(quint8 version) { return version == Version1 ? 1984 : 4000; }

bool isPrimitive(quint8 type);
int primitiveSize(quint8 type); // 1, 2, 4 or 8; 0 for non-primitives
bool isSigned(quint8 type);
// "u8", "i32", "string", "blob", "blob_data", "blob_index"; "0x.." for unknown types.
QString typeName(quint8 type);

// CRC32 as ESP-IDF computes it, esp_rom_crc32_le(0xFFFFFFFF, ...): on a host that is zlib's
// crc32() with 0xFFFFFFFF passed as the running value, not the standard crc32(0, ...).
quint32 espCrc32(QByteArrayView data, quint32 running = 0xFFFFFFFF);

// CRC over an entry's bytes 0..3 and 8..31 (skipping the CRC field itself).
quint32 entryCrc(QByteArrayView entry);
// CRC over a page header's bytes 4..27.
quint32 pageHeaderCrc(QByteArrayView header);

quint32 readLe32(const char *p);
quint16 readLe16(const char *p);
void writeLe32(char *p, quint32 v);
void writeLe16(char *p, quint16 v);

} // namespace Forgeline::Image::Nvs
