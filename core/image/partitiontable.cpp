// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/partitiontable.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace Forgeline::Image {

namespace {

quint32 le32(const QByteArray &b, qsizetype o)
{
    return quint32(quint8(b[o])) | (quint32(quint8(b[o + 1])) << 8)
           | (quint32(quint8(b[o + 2])) << 16) | (quint32(quint8(b[o + 3])) << 24);
}

void put32(QByteArray &b, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        b.append(char((v >> (8 * i)) & 0xFF));
}

bool allFF(const QByteArray &row)
{
    for (const char c : row)
        if (quint8(c) != 0xFF)
            return false;
    return true;
}

// A class, so that lupdate files these texts under the context tr() uses.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Image::PartitionTable)
};

Error tableError(const QString &message, const QString &detail)
{
    return Error::make(QStringLiteral("partition.table"), message, detail);
}

} // namespace

QString Partition::typeName() const
{
    switch (type) {
    case 0x00: return QStringLiteral("app");
    case 0x01: return QStringLiteral("data");
    case 0x02: return QStringLiteral("bootloader");
    case 0x03: return QStringLiteral("partition_table");
    default: return QStringLiteral("0x%1").arg(type, 2, 16, QLatin1Char('0'));
    }
}

QString Partition::subtypeName() const
{
    if (type == 0x00) {
        if (subtype == 0x00)
            return QStringLiteral("factory");
        if (subtype >= 0x10 && subtype <= 0x1F)
            return QStringLiteral("ota_%1").arg(subtype - 0x10);
        if (subtype == 0x20)
            return QStringLiteral("test");
        if (subtype == 0x30 || subtype == 0x31)
            return QStringLiteral("tee_%1").arg(subtype - 0x30);
    } else if (type == 0x01) {
        switch (subtype) {
        case 0x00: return QStringLiteral("ota");
        case 0x01: return QStringLiteral("phy");
        case 0x02: return QStringLiteral("nvs");
        case 0x03: return QStringLiteral("coredump");
        case 0x04: return QStringLiteral("nvs_keys");
        case 0x05: return QStringLiteral("efuse");
        case 0x06: return QStringLiteral("undefined");
        case 0x80: return QStringLiteral("esphttpd");
        case 0x81: return QStringLiteral("fat");
        case 0x82: return QStringLiteral("spiffs");
        case 0x83: return QStringLiteral("littlefs");
        case 0x90: return QStringLiteral("tee_ota");
        default: break;
        }
    }
    return QStringLiteral("0x%1").arg(subtype, 2, 16, QLatin1Char('0'));
}

const Partition *PartitionTable::find(const QString &name) const
{
    for (const Partition &p : partitions)
        if (p.name == name)
            return &p;
    return nullptr;
}

int PartitionTable::bytesStillNeeded(const QByteArray &prefix)
{
    for (qsizetype off = 0; off + EntrySize <= prefix.size() && off < MaxLength; off += EntrySize) {
        if (allFF(prefix.mid(off, EntrySize)))
            return 0;
    }
    const qsizetype complete = (prefix.size() / EntrySize) * EntrySize;
    if (complete >= MaxLength)
        return 0;
    return int(EntrySize - (prefix.size() - complete));
}

Result<PartitionTable> PartitionTable::parse(const QByteArray &binary)
{
    PartitionTable table;
    QByteArray entryBytes; // the MD5 row covers every entry before it
    bool ended = false;
    for (qsizetype off = 0; off + EntrySize <= binary.size() && off < MaxLength; off += EntrySize) {
        const QByteArray row = binary.mid(off, EntrySize);
        if (allFF(row)) {
            ended = true;
            break;
        }
        const quint8 m0 = quint8(row[0]), m1 = quint8(row[1]);
        if (m0 == 0xEB && m1 == 0xEB) {
            if (!allFF(row.mid(2, 14)))
                return tableError(Tr::tr("The partition table's MD5 row is malformed."),
                                  QStringLiteral("row at 0x%1").arg(off, 0, 16));
            const QByteArray computed
                = QCryptographicHash::hash(entryBytes, QCryptographicHash::Md5);
            if (computed != row.mid(16, 16))
                return tableError(
                    Tr::tr("The partition table is corrupt (its MD5 checksum does not match)."),
                    QStringLiteral("stored %1, computed %2")
                        .arg(QString::fromLatin1(row.mid(16, 16).toHex()),
                             QString::fromLatin1(computed.toHex())));
            table.hadMd5 = true;
            continue;
        }
        if (m0 != 0xAA || m1 != 0x50)
            return tableError(Tr::tr("This is not an ESP-IDF partition table."),
                              QStringLiteral("bad magic %1 at 0x%2")
                                  .arg(QString::fromLatin1(row.left(2).toHex()))
                                  .arg(off, 0, 16));
        if (table.hadMd5)
            return tableError(Tr::tr("The partition table has entries after its MD5 row."),
                              QStringLiteral("entry at 0x%1").arg(off, 0, 16));
        entryBytes.append(row);
        Partition p;
        p.type = quint8(row[2]);
        p.subtype = quint8(row[3]);
        p.offset = le32(row, 4);
        p.size = le32(row, 8);
        const QByteArray label = row.mid(12, 16);
        const qsizetype nul = label.indexOf('\0');
        p.name = QString::fromLatin1(nul >= 0 ? label.left(nul) : label);
        p.flags = le32(row, 28);
        table.partitions.append(p);
    }
    if (!ended)
        return tableError(Tr::tr("The partition table has no end marker."),
                          QStringLiteral("no all-FF row within %1 bytes")
                              .arg(qMin<qsizetype>(binary.size(), MaxLength)));
    if (table.partitions.isEmpty())
        return tableError(Tr::tr("The partition table is empty (the flash may be blank)."),
                          QStringLiteral("first row is all FF"));
    return table;
}

QByteArray PartitionTable::toBinary(bool withMd5) const
{
    QByteArray out;
    for (const Partition &p : partitions) {
        QByteArray row;
        row.append(char(0xAA));
        row.append(char(0x50));
        row.append(char(p.type));
        row.append(char(p.subtype));
        put32(row, p.offset);
        put32(row, p.size);
        QByteArray label = p.name.toLatin1().left(16);
        label.append(QByteArray(16 - label.size(), '\0'));
        row.append(label);
        put32(row, p.flags);
        out.append(row);
    }
    if (withMd5) {
        QByteArray row;
        row.append(char(0xEB));
        row.append(char(0xEB));
        row.append(QByteArray(14, char(0xFF)));
        row.append(QCryptographicHash::hash(out, QCryptographicHash::Md5));
        out.append(row);
    }
    out.append(QByteArray(MaxLength - out.size(), char(0xFF)));
    return out;
}

Result<void> PartitionTable::verify(quint32 tableOffset, quint32 flashSize) const
{
    QStringList names;
    for (qsizetype i = 0; i < partitions.size(); ++i) {
        const Partition &p = partitions.at(i);
        const QString where = QStringLiteral("%1 @0x%2 size 0x%3")
                                  .arg(p.name)
                                  .arg(p.offset, 0, 16)
                                  .arg(p.size, 0, 16);
        if (names.contains(p.name))
            return tableError(Tr::tr("Two partitions are named \"%1\".").arg(p.name), where);
        names << p.name;
        if (p.offset % 0x1000 != 0)
            return tableError(Tr::tr("Partition \"%1\" is not aligned to 4 KiB.").arg(p.name),
                              where);
        if (p.type == 0x00 && p.offset % 0x10000 != 0)
            return tableError(Tr::tr("App partition \"%1\" is not aligned to 64 KiB.").arg(p.name),
                              where);
        if (p.offset < tableOffset + 0x1000 && p.type != 0x02 && p.type != 0x03)
            return tableError(Tr::tr("Partition \"%1\" overlaps the partition table.").arg(p.name),
                              where);
        if (flashSize && quint64(p.offset) + p.size > flashSize)
            return tableError(Tr::tr("Partition \"%1\" ends beyond the flash size.").arg(p.name),
                              where);
        for (qsizetype j = 0; j < i; ++j) {
            const Partition &q = partitions.at(j);
            if (p.offset < quint64(q.offset) + q.size && q.offset < quint64(p.offset) + p.size)
                return tableError(
                    Tr::tr("Partitions \"%1\" and \"%2\" overlap.").arg(q.name, p.name), where);
        }
    }
    return {};
}

} // namespace Forgeline::Image
