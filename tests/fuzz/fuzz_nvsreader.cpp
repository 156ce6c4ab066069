// SPDX-License-Identifier: GPL-3.0-or-later
// An NVS partition read from a board or a file: plain, and decrypted with fixed keys.
#include "core/image/nvsdumpformat.h"
#include "core/image/nvsreader.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline::Image::Nvs;
    if (size > 64 * 4096)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Dump plain = readImage(bytes);
    (void)dumpJson(plain, false);
    (void)dumpText(plain, false);
    QByteArray keyBytes;
    for (int i = 0; i < 64; ++i)
        keyBytes.append(char(i));
    if (auto keys = Keys::fromPartitionImage(keyBytes))
        (void)dumpText(readImage(bytes, *keys), false);
    (void)Keys::fromPartitionImage(bytes);
    return 0;
}
