// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/poolmanifest.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto r = Forgeline::Station::parsePoolManifest(
        QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (r)
        for (const auto &e : *r)
            if (e.id.isEmpty() || e.cert.isEmpty() || e.key.isEmpty())
                __builtin_trap(); // the parser promises all three
    return 0;
}
