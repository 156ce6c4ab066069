// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace Forgeline::Image {

// How a chip family encrypts flash: the ESP32's AES-256 with an address-derived key tweak, or
// the XTS-AES of every later family.
enum class FlashCryptScheme { Esp32Aes, XtsAes };

// Facts about a chip as an image sees it: the image-header chip id and where its memory lives.
// Chip ids and memory maps come from esptool's esptool/targets/<chip>.py (IMAGE_CHIP_ID,
// MEMORY_MAP, IROM/DROM_MAP_START/END).
struct ImageChip
{
    const char *key = nullptr;  // "esp32c3", as the CLI's --chip takes it
    const char *name = nullptr; // "ESP32-C3"
    int chipId = -1;
    quint32 bootloaderOffset = 0;
    FlashCryptScheme flashCrypt = FlashCryptScheme::XtsAes;
};

const ImageChip *imageChipById(int chipId);
const ImageChip *imageChipByKey(const QString &key);
QStringList imageChipKeys();

// The memory region a segment's load address lands in ("IROM (flash)", "DRAM", "RTC_DATA" …),
// or an empty string when the chip's map does not cover it.
QString memoryRegion(int chipId, quint32 address);
// True for addresses the cache maps from flash (IROM/DROM): those segments are read in place,
// not copied to RAM, which is how a bootloader image differs from an app.
bool isFlashMapped(int chipId, quint32 address);

} // namespace Forgeline::Image
