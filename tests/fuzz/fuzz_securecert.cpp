// SPDX-License-Identifier: GPL-3.0-or-later
// An esp_secure_cert partition read from a board or a file (TLV or legacy cust_flash).
#include "core/image/securecert.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline::Image::SecureCert;
    if (size > 0x8000)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Partition p = parse(bytes);
    for (const Record &r : p.records) {
        (void)summary(r, false);
        // A record that passed its CRC re-encodes to the same bytes.
        if (p.layout == QLatin1String("tlv") && r.crcOk
            && encodeRecord(r.type, r.subtype, r.flags, r.data)
                   != bytes.mid(r.offset, encodeRecord(r.type, r.subtype, r.flags, r.data).size())
            && bytes.mid(r.offset + 5, 3) == QByteArray(3, '\0'))
            std::abort();
    }
    return 0;
}
