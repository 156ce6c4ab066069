// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/sim/boardprofile.h"
#include "core/sim/romdevice.h"

namespace Forgeline::Sim {

// The serial (ROM loader) side's reading of a board profile: chip and MAC from the top
// level, then
//   "flash":  {"flashId": "0x1640EF", "partitionCsv": "<CSV text>", "timing": true,
//              "contents": [{"offset": "0x110000", "text": "...", "hex": "...", "file": "path"},
//                           {"partition": "nvs", "nvsCsv": "<CSV text>", "keysPartition": "nvs_keys"},
//                           {"partition": "esp_secure_cert",
//                            "secureCert": {"cert": "dev.pem", "key": "dev.key", "ca": "ca.pem"}}]}
//              (files relative to the profile; "partition" may replace "offset" in any entry)
//   "faults": {"serial": {"dropRate": 0.001, "corruptRate": 0, "resetAt": "0x110800",
//              "disconnectAt": "0x...", "slowFlash": 4, "seed": 1}}
//   "revision": "v3.0" (or per chip {"esp32": "v1.0"}, or "unreadable"), "package": 1 (ESP32)
//   "security": {"flashCryptCnt": 1, "flags": "0x0", "key": "fe_key.bin" or "keyHex": "…",
//                "flashCryptConfig": 15} (flash encryption on; GET_SECURITY_INFO flags; the key
//                its eFuse holds, which the boot check decrypts flash with)
// Without a "flash" section the board gets 4 MiB of Winbond flash and the default partition
// table (nvs, phy_init, factory, cert, key, storage).
Result<RomBoardConfig> romBoardConfigFromProfile(const BoardProfile &profile);

// "drop:RATE", "corrupt:RATE", "reset-at:ADDR", "disconnect-at:ADDR", "slow-flash:FACTOR".
Result<void> applyRomFault(RomFaults &faults, const QString &spec);
QStringList romFaultNames();

} // namespace Forgeline::Sim
