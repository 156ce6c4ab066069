// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/imagechip.h"

#include <QStringList>

#include <array>
#include <span>

namespace Forgeline::Image {

namespace {

struct Region
{
    quint32 start;
    quint32 end; // exclusive
    const char *name;
};

struct ChipMap
{
    ImageChip chip;
    quint32 iromStart, iromEnd, dromStart, dromEnd;
    std::span<const Region> regions;
};

// esptool/targets/*.py MEMORY_MAP, without the PADDING and overlapping "BYTE_ACCESSIBLE" /
// "MEM_INTERNAL" rows, which name properties rather than places.
constexpr Region kEsp32[] = {
    {0x3F400000, 0x3F800000, "DROM"},      {0x3F800000, 0x3FC00000, "EXTRAM_DATA"},
    {0x3FF80000, 0x3FF82000, "RTC_DRAM"},  {0x3FFE0000, 0x3FFFFFFC, "DIRAM_DRAM"},
    {0x3FFAE000, 0x40000000, "DRAM"},      {0x40000000, 0x40070000, "IROM_MASK"},
    {0x40070000, 0x40078000, "CACHE_PRO"}, {0x40078000, 0x40080000, "CACHE_APP"},
    {0x40080000, 0x400A0000, "IRAM"},      {0x400A0000, 0x400BFFFC, "DIRAM_IRAM"},
    {0x400C0000, 0x400C2000, "RTC_IRAM"},  {0x400D0000, 0x40400000, "IROM"},
    {0x50000000, 0x50002000, "RTC_DATA"},
};
constexpr Region kEsp32s2[] = {
    {0x3F500000, 0x3FF80000, "EXTRAM_DATA"}, {0x3F000000, 0x3FF80000, "DROM"},
    {0x3FF9E000, 0x3FFA0000, "RTC_DRAM"},    {0x3FFB0000, 0x40000000, "DRAM"},
    {0x40000000, 0x4001A100, "IROM_MASK"},   {0x40020000, 0x40070000, "IRAM"},
    {0x40070000, 0x40072000, "RTC_IRAM"},    {0x40080000, 0x40800000, "IROM"},
    {0x50000000, 0x50002000, "RTC_DATA"},
};
constexpr Region kEsp32s3[] = {
    {0x3C000000, 0x3D000000, "DROM"},     {0x3D000000, 0x3E000000, "EXTRAM_DATA"},
    {0x3FC88000, 0x3FD00000, "DRAM"},     {0x40000000, 0x4001A100, "IROM_MASK"},
    {0x40370000, 0x403E0000, "IRAM"},     {0x42000000, 0x42800000, "IROM"},
    {0x50000000, 0x50002000, "RTC_DATA"}, {0x600FE000, 0x60100000, "RTC_IRAM"},
};
constexpr Region kEsp32c3[] = {
    {0x3C000000, 0x3C800000, "DROM"},      {0x3FC80000, 0x3FCE0000, "DRAM"},
    {0x3FF00000, 0x3FF20000, "DROM_MASK"}, {0x40000000, 0x40060000, "IROM_MASK"},
    {0x42000000, 0x42800000, "IROM"},      {0x4037C000, 0x403E0000, "IRAM"},
    {0x50000000, 0x50002000, "RTC_IRAM"},
};
constexpr Region kEsp32c2[] = {
    {0x3C000000, 0x3C400000, "DROM"},      {0x3FCA0000, 0x3FCE0000, "DRAM"},
    {0x3FF00000, 0x3FF50000, "DROM_MASK"}, {0x40000000, 0x40090000, "IROM_MASK"},
    {0x42000000, 0x42400000, "IROM"},      {0x4037C000, 0x403C0000, "IRAM"},
};
// ESP32-C6 and the H2, which shares its map: code and data are one flash window, and RAM is
// one block used for both.
constexpr Region kEsp32c6[] = {
    {0x42000000, 0x43000000, "IROM/DROM"},         {0x40800000, 0x40880000, "IRAM/DRAM"},
    {0x4004AC00, 0x40050000, "DROM_MASK"},         {0x40000000, 0x4004AC00, "IROM_MASK"},
    {0x50000000, 0x50004000, "RTC_IRAM/RTC_DRAM"},
};
constexpr Region kEsp32c5[] = {
    {0x42000000, 0x44000000, "IROM/DROM"},         {0x40800000, 0x40860000, "IRAM/DRAM"},
    {0x4003A000, 0x40040000, "DROM_MASK"},         {0x40000000, 0x4003A000, "IROM_MASK"},
    {0x50000000, 0x50004000, "RTC_IRAM/RTC_DRAM"},
};
constexpr Region kEsp32c61[] = {
    {0x42000000, 0x44000000, "IROM/DROM"},         {0x40800000, 0x40860000, "IRAM/DRAM"},
    {0x4004AC00, 0x40050000, "DROM_MASK"},         {0x40000000, 0x4004AC00, "IROM_MASK"},
    {0x50000000, 0x50004000, "RTC_IRAM/RTC_DRAM"},
};
constexpr Region kEsp32p4[] = {
    {0x40000000, 0x4C000000, "IROM/DROM"},
    {0x4FF00000, 0x4FFA0000, "IRAM/DRAM"},
    {0x4FC00000, 0x4FC20000, "IROM_MASK"},
    {0x50108000, 0x50110000, "RTC_IRAM/RTC_DRAM"},
};

using S = FlashCryptScheme;
// Bootloader offsets: esptool BOOTLOADER_FLASH_OFFSET per target.
const std::array<ChipMap, 10> kChips = {{
    {{"esp32", "ESP32", 0, 0x1000, S::Esp32Aes},
     0x400D0000,
     0x40400000,
     0x3F400000,
     0x3F800000,
     kEsp32},
    {{"esp32s2", "ESP32-S2", 2, 0x1000, S::XtsAes},
     0x40080000,
     0x40B80000,
     0x3F000000,
     0x3F3F0000,
     kEsp32s2},
    {{"esp32c3", "ESP32-C3", 5, 0x0, S::XtsAes},
     0x42000000,
     0x42800000,
     0x3C000000,
     0x3C800000,
     kEsp32c3},
    {{"esp32s3", "ESP32-S3", 9, 0x0, S::XtsAes},
     0x42000000,
     0x44000000,
     0x3C000000,
     0x3E000000,
     kEsp32s3},
    {{"esp32c2", "ESP32-C2", 12, 0x0, S::XtsAes},
     0x42000000,
     0x42400000,
     0x3C000000,
     0x3C400000,
     kEsp32c2},
    {{"esp32c6", "ESP32-C6", 13, 0x0, S::XtsAes},
     0x42000000,
     0x42800000,
     0x42800000,
     0x43000000,
     kEsp32c6},
    {{"esp32h2", "ESP32-H2", 16, 0x0, S::XtsAes},
     0x42000000,
     0x42800000,
     0x42800000,
     0x43000000,
     kEsp32c6},
    {{"esp32p4", "ESP32-P4", 18, 0x2000, S::XtsAes},
     0x40000000,
     0x4C000000,
     0x40000000,
     0x4C000000,
     kEsp32p4},
    {{"esp32c61", "ESP32-C61", 20, 0x0, S::XtsAes},
     0x42000000,
     0x42800000,
     0x42800000,
     0x43000000,
     kEsp32c61},
    {{"esp32c5", "ESP32-C5", 23, 0x2000, S::XtsAes},
     0x42000000,
     0x44000000,
     0x42000000,
     0x44000000,
     kEsp32c5},
}};

const ChipMap *mapById(int chipId)
{
    for (const ChipMap &m : kChips) {
        if (m.chip.chipId == chipId)
            return &m;
    }
    return nullptr;
}

} // namespace

const ImageChip *imageChipById(int chipId)
{
    const ChipMap *m = mapById(chipId);
    return m ? &m->chip : nullptr;
}

const ImageChip *imageChipByKey(const QString &key)
{
    QString k = key.toLower();
    k.remove(QLatin1Char('-'));
    for (const ChipMap &m : kChips) {
        if (k == QLatin1String(m.chip.key))
            return &m.chip;
    }
    return nullptr;
}

QStringList imageChipKeys()
{
    QStringList keys;
    for (const ChipMap &m : kChips)
        keys << QString::fromLatin1(m.chip.key);
    return keys;
}

QString memoryRegion(int chipId, quint32 address)
{
    const ChipMap *m = mapById(chipId);
    if (!m)
        return {};
    for (const Region &r : m->regions) {
        if (address >= r.start && address < r.end) {
            const QString name = QString::fromLatin1(r.name);
            return isFlashMapped(chipId, address) ? name + QStringLiteral(" (flash)") : name;
        }
    }
    return {};
}

bool isFlashMapped(int chipId, quint32 address)
{
    const ChipMap *m = mapById(chipId);
    if (!m)
        return false;
    return (address >= m->iromStart && address < m->iromEnd)
           || (address >= m->dromStart && address < m->dromEnd);
}

} // namespace Forgeline::Image
