// SPDX-License-Identifier: GPL-3.0-or-later
// A partition table read from a board's flash (binary) or a user's CSV.
#include "core/image/partitioncsv.h"
#include "core/image/partitiontable.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline::Image;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)PartitionTable::bytesStillNeeded(bytes);
    if (auto t = PartitionTable::parse(bytes)) {
        // Whatever parsed must survive a rebuild with its MD5 row.
        auto again = PartitionTable::parse(t->toBinary());
        if (t->partitions.size() <= 95
            && (!again || again->partitions.size() != t->partitions.size()))
            std::abort();
        (void)t->verify();
        (void)partitionTableToCsv(*t);
    }
    if (auto c = parsePartitionCsv(QString::fromUtf8(bytes))) {
        auto back = PartitionTable::parse(c->toBinary());
        if (c->partitions.size() <= 95 && (!back || back->partitions != c->partitions))
            std::abort();
    }
    return 0;
}
