// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Forgeline::Sim {

// What the virtual board's bootloader would do with its flash: the app partition it boots
// (factory, else ota_0; otadata is not read) and whether the image there would start — a
// plaintext app for this chip id whose checksum and SHA-256 hold, as ESP-IDF's
// bootloader_support esp_image_verify checks it. One line for the boot banner.
QString bootCheckLine(const QByteArray &flash, int chipId, quint32 tableOffset = 0x8000);

} // namespace Forgeline::Sim
