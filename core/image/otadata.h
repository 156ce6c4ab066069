// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/image/partitiontable.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <optional>

namespace Forgeline::Image::OtaData {

// The otadata partition (data/ota) as ESP-IDF's bootloader and app_update read and write it:
// two copies of esp_ota_select_entry_t (esp_flash_partitions.h), one at the start of each of
// the partition's first two 4 KiB sectors, the rest of each sector erased:
//   u32 ota_seq | u8 seq_label[20] | u32 ota_state | u32 crc
// crc is CRC-32 over the 4 bytes of ota_seq only (bootloader_common_ota_select_crc:
// esp_rom_crc32_le(UINT32_MAX, &ota_seq, 4)); the bootloader boots OTA slot
// (seq - 1) % number-of-ota-partitions from the valid copy with the larger seq.
constexpr quint32 SectorSize = 0x1000;
constexpr quint32 Size = 2 * SectorSize;
constexpr int EntrySize = 32;
constexpr quint8 PartitionType = 0x01;    // data
constexpr quint8 PartitionSubtype = 0x00; // ota
constexpr quint8 FirstOtaSubtype = 0x10;  // app ota_0; ota_15 is 0x1F

// esp_ota_img_states_t (esp_flash_partitions.h).
enum class State : quint32 {
    New = 0,
    PendingVerify = 1,
    Valid = 2,
    Invalid = 3,
    Aborted = 4,
    Undefined = 0xFFFFFFFF,
};
QString stateName(quint32 state);

struct Entry
{
    quint32 seq = 0xFFFFFFFF;
    QByteArray label = QByteArray(20, char(0xFF));
    quint32 state = quint32(State::Undefined);
    quint32 crc = 0xFFFFFFFF;

    static Entry parse(const QByteArray &bytes, qsizetype at);
    QByteArray toBytes() const;
    // bootloader_common_ota_select_invalid: erased seq, or a state the bootloader skips.
    bool unusable() const;
    // bootloader_common_ota_select_valid: usable and its crc matches.
    bool valid() const;
};

quint32 seqCrc(quint32 seq);

// Both copies, read from the partition's bytes (at least Size of them; missing bytes read as
// erased flash).
std::array<Entry, 2> readEntries(const QByteArray &otadata);
// bootloader_common_get_active_otadata: the valid copy with the larger seq (copy 0 on a tie),
// or -1 when neither is valid.
int activeEntry(const std::array<Entry, 2> &entries);

// Contiguous ota_0, ota_1 … partitions of the table, as esp_ota_ops counts them.
int otaPartitionCount(const PartitionTable &table);
const Partition *otadataPartition(const PartitionTable &table);
const Partition *otaPartition(const PartitionTable &table, int slot);
// The OTA slot of an app partition (ota_3 -> 3), or -1 for factory/test/data.
int otaSlot(const Partition &partition);

// Which app partition ESP-IDF's bootloader picks (bootloader_utility_get_selected_boot_partition
// without anti-rollback): factory (else ota_0) when both copies are unusable or the table has
// no OTA partitions, else the slot of the active copy; factory when no copy is valid.
struct BootSelection
{
    const Partition *partition = nullptr; // into the table given; null: nothing bootable
    int entry = -1;                       // the otadata copy that decided, or -1
    enum class Why { NoOtadata, NoOtaPartitions, Erased, NoUsableCopy, NoValidCopy, Copy };
    Why why = Why::NoOtadata;
    quint32 seq = 0; // Why::Copy: the deciding copy's ota_seq
    QString reason;  // "otadata copy 1, seq 2", "otadata erased" …
    // The same reason untranslated, for the virtual board's banner (a wire format, English).
    QString reasonText() const;
};
BootSelection selectBootPartition(const PartitionTable &table, const QByteArray &otadata);

// The otadata partition's bytes after making `slot` the boot partition, as esp_ota_ops'
// esp_rewrite_ota_data does it: the next seq that maps to the slot and is not below the
// active one's, written into the other copy (copy 0 when none is valid) with that copy's
// seq_label kept and ota_state ESP_OTA_IMG_UNDEFINED (what the app sets without rollback,
// and what otatool's switch_ota_partition leaves in an erased copy: the bootloader starts it
// without waiting for the app to confirm). The rewritten sector holds only the entry.
Result<QByteArray> switchToSlot(const QByteArray &otadata, int slot, int otaCount);

// A one-line summary for the inspector: which copies are valid and which slot they select.
QString describe(const QByteArray &otadata, int otaCount = 0);
// Whether these bytes look like an otadata partition: two sectors whose tails are erased and
// whose entries are erased or valid.
bool looksLikeOtadata(const QByteArray &bytes);

} // namespace Forgeline::Image::OtaData
