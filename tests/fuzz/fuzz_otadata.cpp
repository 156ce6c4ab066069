// SPDX-License-Identifier: GPL-3.0-or-later
// An otadata partition's bytes as read from a board (any content, any length): the boot choice
// and the rewrite that makes a slot the boot partition.
#include "core/image/otadata.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    namespace OtaData = Forgeline::Image::OtaData;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)OtaData::describe(bytes, 2);
    (void)OtaData::looksLikeOtadata(bytes);
    // The first byte picks the slot and the number of OTA partitions.
    const int count = size ? 1 + data[0] % 16 : 2;
    const int slot = size > 1 ? data[1] % count : 0;
    auto next = OtaData::switchToSlot(bytes, slot, count);
    if (!next)
        return 0;
    // Whatever was there, the result is two sectors whose active copy selects the slot, and
    // its seq is not older than the copy that was active before.
    if (next->size() != qsizetype(OtaData::Size))
        std::abort();
    const auto before = OtaData::readEntries(bytes);
    const auto after = OtaData::readEntries(*next);
    const int active = OtaData::activeEntry(after);
    if (active < 0 || (after[size_t(active)].seq - 1) % quint32(count) != quint32(slot))
        std::abort();
    const int was = OtaData::activeEntry(before);
    if (was >= 0 && after[size_t(active)].seq < before[size_t(was)].seq)
        std::abort();
    return 0;
}
