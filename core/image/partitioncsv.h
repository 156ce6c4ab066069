// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/image/partitiontable.h"

#include <QString>

namespace Forgeline::Image {

// ESP-IDF partition CSV (Name, Type, SubType, Offset, Size, Flags), as gen_esp32part reads
// it: comments, names or numbers, K/M suffixes, empty offsets placed after the previous
// partition, negative sizes as end addresses.
Result<PartitionTable> parsePartitionCsv(const QString &text,
                                         quint32 tableOffset = PartitionTable::DefaultOffset);
QString partitionTableToCsv(const PartitionTable &table);

} // namespace Forgeline::Image
