// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/compression.h"

#include <zlib.h>

#include <cstring>

namespace Forgeline::Flasher {

QByteArray zlibCompress(const QByteArray &data, int level)
{
    uLongf bound = compressBound(uLong(data.size()));
    QByteArray out(qsizetype(bound), Qt::Uninitialized);
    const int rc
        = compress2(reinterpret_cast<Bytef *>(out.data()), &bound,
                    reinterpret_cast<const Bytef *>(data.constData()), uLong(data.size()), level);
    if (rc != Z_OK)
        return {};
    out.resize(qsizetype(bound));
    return out;
}

QList<QByteArray> splitBlocks(const QByteArray &stream, int blockSize)
{
    QList<QByteArray> blocks;
    if (blockSize <= 0)
        return blocks;
    for (qsizetype off = 0; off < stream.size(); off += blockSize)
        blocks.append(stream.mid(off, blockSize));
    return blocks;
}

struct Inflater::State
{
    z_stream z;
    bool initialised = false;
};

Inflater::Inflater() : m_state(std::make_unique<State>()) { reset(); }

Inflater::~Inflater()
{
    if (m_state->initialised)
        inflateEnd(&m_state->z);
}

void Inflater::reset()
{
    if (m_state->initialised)
        inflateEnd(&m_state->z);
    std::memset(&m_state->z, 0, sizeof(z_stream));
    m_state->initialised = inflateInit(&m_state->z) == Z_OK;
    m_finished = false;
    m_adlerError = false;
}

Result<QByteArray> Inflater::feed(const QByteArray &input)
{
    if (!m_state->initialised)
        return Error::make(QStringLiteral("inflate.init"),
                           QStringLiteral("Decompression could not start."));
    QByteArray out;
    if (m_finished) {
        if (input.isEmpty())
            return out;
        return Error::make(QStringLiteral("inflate.extra"),
                           QStringLiteral("Data after the end of the compressed stream."));
    }
    z_stream &z = m_state->z;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
    z.avail_in = uInt(input.size());
    char buffer[16384];
    while (true) {
        z.next_out = reinterpret_cast<Bytef *>(buffer);
        z.avail_out = sizeof(buffer);
        const int rc = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof(buffer) - z.avail_out));
        if (rc == Z_STREAM_END) {
            m_finished = true;
            if (z.avail_in != 0)
                return Error::make(QStringLiteral("inflate.extra"),
                                   QStringLiteral("Data after the end of the compressed stream."));
            break;
        }
        if (rc == Z_BUF_ERROR || (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0))
            break; // needs more input
        if (rc != Z_OK) {
            const QString msg = z.msg ? QString::fromLatin1(z.msg) : QString::number(rc);
            m_adlerError = msg.contains(QLatin1String("check"));
            return Error::make(QStringLiteral("inflate.corrupt"),
                               QStringLiteral("The compressed data is corrupt."), msg);
        }
    }
    return out;
}

} // namespace Forgeline::Flasher
