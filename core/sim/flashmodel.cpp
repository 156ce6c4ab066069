// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/flashmodel.h"

#include <cstring>

namespace Forgeline::Sim {

FlashModel::FlashModel(quint32 size) : m_data(qsizetype(size), char(0xFF)) {}

void FlashModel::load(const QByteArray &image, quint32 offset)
{
    if (offset >= size())
        return;
    const qsizetype n = qMin<qsizetype>(image.size(), size() - offset);
    std::memcpy(m_data.data() + offset, image.constData(), size_t(n));
}

double FlashModel::erase(quint32 offset, quint32 length)
{
    if (length == 0 || offset >= size())
        return 0.0;
    quint64 start = offset / SectorSize * SectorSize;
    const quint64 end = qMin<quint64>(size(), (quint64(offset) + length + SectorSize - 1)
                                                  / SectorSize * SectorSize);
    double ms = 0.0;
    while (start < end) {
        const bool block = start % BlockSize == 0 && end - start >= BlockSize;
        const quint64 n = block ? BlockSize : SectorSize;
        std::memset(m_data.data() + start, 0xFF, size_t(n));
        ms += block ? timing.blockEraseMs : timing.sectorEraseMs;
        start += n;
    }
    return ms * timing.slowFactor;
}

double FlashModel::program(quint32 offset, const QByteArray &data, bool *readBackOk)
{
    bool ok = true;
    if (offset >= size() || data.isEmpty()) {
        if (readBackOk)
            *readBackOk = data.isEmpty();
        return 0.0;
    }
    const qsizetype n = qMin<qsizetype>(data.size(), size() - offset);
    char *dst = m_data.data() + offset;
    for (qsizetype i = 0; i < n; ++i) {
        dst[i] = char(quint8(dst[i]) & quint8(data.at(i)));
        if (dst[i] != data.at(i))
            ok = false;
    }
    if (n < data.size())
        ok = false;
    if (readBackOk)
        *readBackOk = ok;
    const quint64 firstPage = offset / PageSize;
    const quint64 lastPage = (quint64(offset) + quint64(n) - 1) / PageSize;
    return double(lastPage - firstPage + 1) * timing.pageProgramMs * timing.slowFactor;
}

QByteArray FlashModel::read(quint32 offset, quint32 length) const
{
    if (offset >= size())
        return QByteArray(qsizetype(length), char(0xFF));
    QByteArray out = m_data.mid(offset, length);
    if (out.size() < qsizetype(length))
        out.append(QByteArray(qsizetype(length) - out.size(), char(0xFF)));
    return out;
}

double FlashModel::md5Time(quint32 length) const
{
    return double(length) / (1024.0 * 1024.0) * timing.md5MsPerMiB * timing.slowFactor;
}

} // namespace Forgeline::Sim
