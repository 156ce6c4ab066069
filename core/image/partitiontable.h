// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace Forgeline::Image {

struct Partition
{
    QString name;
    quint8 type = 0;
    quint8 subtype = 0;
    quint32 offset = 0;
    quint32 size = 0;
    quint32 flags = 0; // bit0 encrypted, bit1 readonly

    bool encrypted() const { return flags & 0x1; }
    bool readonly() const { return flags & 0x2; }
    QString typeName() const;
    QString subtypeName() const;
    bool operator==(const Partition &) const = default;
};

// The ESP-IDF partition table (docs §7): 32-byte entries starting with AA 50, an MD5 row
// (EB EB, 14 x FF, MD5 of the entries), then 0xFF up to 0xC00 bytes.
struct PartitionTable
{
    static constexpr quint32 DefaultOffset = 0x8000;
    static constexpr int MaxLength = 0xC00;
    static constexpr int EntrySize = 32;

    QList<Partition> partitions;
    bool hadMd5 = false; // the binary carried an MD5 row (checked on parse)

    const Partition *find(const QString &name) const;

    // Parses a binary table. The MD5 row, when present, must match; an all-FF row ends it.
    static Result<PartitionTable> parse(const QByteArray &binary);
    // Bytes a reader must see to parse: rows until the end marker, at most MaxLength.
    // Returns 0 if `prefix` already ends the table, else how many more bytes are wanted.
    static int bytesStillNeeded(const QByteArray &prefix);
    // Builds the 0xC00-byte binary with the MD5 row.
    QByteArray toBinary(bool withMd5 = true) const;
    // Rules from gen_esp32part's verify that matter for writing by name.
    Result<void> verify(quint32 tableOffset = DefaultOffset, quint32 flashSize = 0) const;
};

} // namespace Forgeline::Image
