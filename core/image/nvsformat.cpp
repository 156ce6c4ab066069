// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/nvsformat.h"

#include <zlib.h>

namespace Forgeline::Image::Nvs {

bool isPrimitive(quint8 type) { return primitiveSize(type) != 0; }

int primitiveSize(quint8 type)
{
    switch (type) {
    case U8:
    case I8: return 1;
    case U16:
    case I16: return 2;
    case U32:
    case I32: return 4;
    case U64:
    case I64: return 8;
    default: return 0;
    }
}

bool isSigned(quint8 type) { return isPrimitive(type) && (type & 0x10); }

QString typeName(quint8 type)
{
    switch (type) {
    case U8: return QStringLiteral("u8");
    case I8: return QStringLiteral("i8");
    case U16: return QStringLiteral("u16");
    case I16: return QStringLiteral("i16");
    case U32: return QStringLiteral("u32");
    case I32: return QStringLiteral("i32");
    case U64: return QStringLiteral("u64");
    case I64: return QStringLiteral("i64");
    case Str: return QStringLiteral("string");
    case BlobV1: return QStringLiteral("blob");
    case BlobData: return QStringLiteral("blob_data");
    case BlobIndex: return QStringLiteral("blob_index");
    default: return QStringLiteral("0x%1").arg(type, 2, 16, QLatin1Char('0'));
    }
}

quint32 espCrc32(QByteArrayView data, quint32 running)
{
    // zlib answers 0 for a null buffer; the CRC of nothing must be the running value unchanged.
    if (data.isEmpty())
        return running;
    return quint32(
        ::crc32(running, reinterpret_cast<const Bytef *>(data.data()), uInt(data.size())));
}

quint32 entryCrc(QByteArrayView entry)
{
    Q_ASSERT(entry.size() >= EntrySize);
    const quint32 head = espCrc32(entry.first(4));
    return espCrc32(entry.sliced(8, 24), head);
}

quint32 pageHeaderCrc(QByteArrayView header)
{
    Q_ASSERT(header.size() >= HeaderSize);
    return espCrc32(header.sliced(4, 24));
}

quint32 readLe32(const char *p)
{
    const auto *u = reinterpret_cast<const uchar *>(p);
    return quint32(u[0]) | quint32(u[1]) << 8 | quint32(u[2]) << 16 | quint32(u[3]) << 24;
}

quint16 readLe16(const char *p)
{
    const auto *u = reinterpret_cast<const uchar *>(p);
    return quint16(u[0] | u[1] << 8);
}

void writeLe32(char *p, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = char((v >> (8 * i)) & 0xFF);
}

void writeLe16(char *p, quint16 v)
{
    p[0] = char(v & 0xFF);
    p[1] = char(v >> 8);
}

} // namespace Forgeline::Image::Nvs
