// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Forgeline::Sim {

// What the virtual board's bootloader sees: its flash, chip, and flash-encryption eFuses
// (on or off, and the key the hardware decrypts with, as a real chip's eFuse block holds it).
struct BootCheckInput
{
    QByteArray flash;
    int chipId = -1;
    QString chipKey;               // "esp32c3": picks the family's flash-encryption scheme
    bool flashEncryption = false;  // FLASH_CRYPT_CNT has an odd number of bits set
    QByteArray flashEncryptionKey; // empty: the profile gave none
    int flashCryptConfig = 0xF;    // ESP32 only
    quint32 tableOffset = 0x8000;
};

// What ESP-IDF's second-stage bootloader would do with this flash, as one line for the boot
// banner: the app partition otadata selects (bootloader_utility_get_selected_boot_partition;
// factory, else ota_0, when otadata is erased), read through flash decryption when it is on,
// and whether the image there would start — an app for this chip id whose checksum and
// SHA-256 hold (esp_image_verify). A partition that fails is followed, as
// bootloader_utility_load_boot_image does, by the others in its order until one starts.
QString bootCheckLine(const BootCheckInput &input);

} // namespace Forgeline::Sim
