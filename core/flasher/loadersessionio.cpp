// SPDX-License-Identifier: GPL-3.0-or-later
// Flash reads, MD5 and compressed writes of LoaderSession.
#include "core/flasher/loadersession.h"

#include "core/flasher/compression.h"
#include "core/flasher/romclient.h"
#include "core/flasher/seriallink.h"

#include <QCryptographicHash>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Forgeline::Flasher {

namespace {
constexpr int DefaultTimeoutMs = 3000;
constexpr int BlockAttempts = 3;     // esptool's write-block attempts
constexpr int WholeWriteRetries = 2; // esptool's whole-write retries after a failure

// esptool's timeout_per_mb: max(3 s, seconds_per_mb * bytes / 1e6 (decimal MB)).
int timeoutPerMb(double secondsPerMb, quint64 bytes)
{
    return int(std::max(3000.0, secondsPerMb * 1000.0 * double(bytes) / 1e6));
}

QByteArray words(std::initializer_list<quint32> values)
{
    QByteArray out;
    for (quint32 v : values)
        appendU32(out, v);
    return out;
}

bool retryableBlockError(const Error &e)
{
    // Damaged on the wire (checksum, framing) or lost reply: the same block can go again.
    return e.code == QLatin1String("rom.timeout")
           || (e.code == QLatin1String("rom.error")
               && (e.detail.contains(QLatin1String("error 0x07"))
                   || e.detail.contains(QLatin1String("error 0x05"))
                   || e.detail.contains(QLatin1String("error 0x04"))));
}
} // namespace

void LoaderSession::readFlash(quint32 address, quint32 size,
                              std::function<void(Result<QByteArray>)> done)
{
    auto out = std::make_shared<QByteArray>();
    out->reserve(qsizetype(size));
    Q_EMIT progress(QStringLiteral("read"), 0, size);
    readChunk(address, size, out, 0, std::move(done));
}

void LoaderSession::readChunk(quint32 address, quint32 size, std::shared_ptr<QByteArray> out,
                              int attempt, std::function<void(Result<QByteArray>)> done)
{
    const quint32 got = quint32(out->size());
    if (got >= size) {
        done(*out);
        return;
    }
    const quint32 len = std::min<quint32>(Rom::ReadSlowChunk, size - got);
    cmd(Op::ReadFlashSlow, words({address + got, len}), 0, DefaultTimeoutMs,
        [this, address, size, out, attempt, len, done](Result<RomResponse> r) {
            if (!r || r->data.size() < qsizetype(len)) {
                const Error e
                    = r ? Error::make(QStringLiteral("rom.short"),
                                      tr("The chip sent a short flash read."),
                                      QStringLiteral("%1 of %2 bytes").arg(r->data.size()).arg(len))
                        : r.error();
                if (attempt + 1 < BlockAttempts && retryableBlockError(e) && !m_cancelled
                    && !m_linkLost)
                    return readChunk(address, size, out, attempt + 1, done);
                return done(e);
            }
            out->append(r->data.left(len));
            Q_EMIT progress(QStringLiteral("read"), out->size(), size);
            readChunk(address, size, out, 0, done);
        });
}

void LoaderSession::flashMd5(quint32 address, quint32 size,
                             std::function<void(Result<QByteArray>)> done)
{
    cmd(Op::SpiFlashMd5, words({address, size, 0, 0}), 0, timeoutPerMb(8.0, size),
        [done](Result<RomResponse> r) {
            if (!r)
                return done(r.error());
            // The ROM sends 32 hex characters; a stub would send 16 raw bytes.
            if (r->data.size() == 32)
                return done(QByteArray::fromHex(r->data));
            if (r->data.size() == 16)
                return done(r->data);
            done(Error::make(QStringLiteral("rom.md5"), tr("The chip sent a malformed MD5 reply."),
                             QStringLiteral("%1 bytes").arg(r->data.size())));
        });
}

void LoaderSession::writeFlash(quint32 address, const QByteArray &data,
                               std::function<void(Result<void>)> done)
{
    m_write = std::make_unique<WriteState>();
    m_write->address = address;
    m_write->data = data;
    // The ROM writes whole words: pad to 4 bytes with erased-flash 0xFF.
    if (m_write->data.size() % 4)
        m_write->data.append(QByteArray(4 - m_write->data.size() % 4, char(0xFF)));
    m_write->expectedMd5 = QCryptographicHash::hash(m_write->data, QCryptographicHash::Md5);
    m_write->done = std::move(done);

    const QByteArray stream = zlibCompress(m_write->data);
    m_write->compressed = !stream.isEmpty() && stream.size() < m_write->data.size();
    if (m_write->compressed) {
        m_write->blocks = splitBlocks(stream, int(Rom::FlashWriteSize));
        Inflater probe; // how much each slice yields, as esptool does for progress/timeouts
        qint64 total = 0;
        for (const QByteArray &b : m_write->blocks) {
            auto out = probe.feed(b);
            total += out ? out->size() : 0;
            m_write->plainAfterBlock.append(total);
        }
    } else {
        for (qsizetype off = 0; off < m_write->data.size(); off += Rom::FlashWriteSize) {
            QByteArray b = m_write->data.mid(off, Rom::FlashWriteSize);
            b.append(QByteArray(qsizetype(Rom::FlashWriteSize) - b.size(), char(0xFF)));
            m_write->blocks.append(b);
            m_write->plainAfterBlock.append(
                std::min<qint64>(off + Rom::FlashWriteSize, m_write->data.size()));
        }
    }
    startWrite();
}

void LoaderSession::startWrite()
{
    WriteState &w = *m_write;
    w.index = 0;
    w.blockAttempt = 0;
    const quint32 size = quint32(w.data.size());
    // FLASH_DEFL_BEGIN wants the uncompressed size rounded up to the ROM's write size.
    const quint32 eraseSize = w.compressed ? (size + Rom::FlashWriteSize - 1) / Rom::FlashWriteSize
                                                 * Rom::FlashWriteSize
                                           : size;
    QByteArray begin = words({eraseSize, quint32(w.blocks.size()), Rom::FlashWriteSize, w.address});
    if (m_chip && m_chip->flashBeginWords >= 5)
        appendU32(begin, 0); // not encrypted
    Q_EMIT progress(QStringLiteral("erase"), 0, size);
    const quint8 op = w.compressed ? Op::FlashDeflBegin : Op::FlashBegin;
    cmd(op, begin, 0, timeoutPerMb(40.0, eraseSize), [this](Result<RomResponse> r) {
        if (!r)
            return retryWhole(r.error());
        sendBlock();
    });
}

void LoaderSession::sendBlock()
{
    WriteState &w = *m_write;
    if (w.index >= w.blocks.size()) {
        verifyWrite();
        return;
    }
    const QByteArray &block = w.blocks.at(w.index);
    const qint64 before = w.index ? w.plainAfterBlock.at(w.index - 1) : 0;
    const qint64 plain = w.plainAfterBlock.at(w.index) - before;
    const int timeout = timeoutPerMb(40.0, quint64(std::max<qint64>(plain, block.size())));
    const quint8 op = w.compressed ? Op::FlashDeflData : Op::FlashData;
    cmd(op, dataPacket(block, quint32(w.index)), romChecksum(block), timeout,
        [this](Result<RomResponse> r) {
            WriteState &w = *m_write;
            if (!r) {
                const Error &e = r.error();
                if (retryableBlockError(e) && ++w.blockAttempt < BlockAttempts && !m_cancelled
                    && !m_linkLost) {
                    Q_EMIT message(
                        tr("Block %1: %2; sending it again").arg(w.index).arg(e.message));
                    m_link->discardInput();
                    return sendBlock();
                }
                return retryWhole(e);
            }
            w.blockAttempt = 0;
            Q_EMIT progress(QStringLiteral("write"), w.plainAfterBlock.at(w.index), w.data.size());
            ++w.index;
            sendBlock();
        });
}

void LoaderSession::verifyWrite()
{
    WriteState &w = *m_write;
    flashMd5(w.address, quint32(w.data.size()), [this](Result<QByteArray> md5) {
        WriteState &w = *m_write;
        if (!md5)
            return retryWhole(md5.error());
        if (*md5 == w.expectedMd5) {
            Q_EMIT progress(QStringLiteral("verify"), w.data.size(), w.data.size());
            return finishWrite({});
        }
        const QByteArray blank = QCryptographicHash::hash(QByteArray(w.data.size(), char(0xFF)),
                                                          QCryptographicHash::Md5);
        const QString why = *md5 == blank ? tr("the written flash region is empty")
                                          : tr("the flash holds different data");
        retryWhole(Error::make(
            QStringLiteral("flash.verify"), tr("The written data did not verify: %1.").arg(why),
            QStringLiteral("MD5 device %1, expected %2 at 0x%3 length %4")
                .arg(QString::fromLatin1(md5->toHex()), QString::fromLatin1(w.expectedMd5.toHex()))
                .arg(w.address, 0, 16)
                .arg(w.data.size())));
    });
}

void LoaderSession::retryWhole(const Error &why)
{
    WriteState &w = *m_write;
    if (m_cancelled || m_linkLost || why.isCancelled() || w.wholeAttempt >= WholeWriteRetries)
        return finishWrite(m_linkLost ? m_linkError : why);
    ++w.wholeAttempt;
    Q_EMIT message(tr("Write failed (%1); starting it again (%2 of %3)")
                       .arg(why.message)
                       .arg(w.wholeAttempt)
                       .arg(WholeWriteRetries));
    const bool chipReset = why.code == QLatin1String("rom.reset");
    // Let any late replies drain so they are not taken for answers to the new commands.
    QTimer::singleShot(chipReset ? 100 : 250, this, [this, chipReset] {
        if (!m_write)
            return;
        auto restart = [this](Result<void> r) {
            if (!r)
                return finishWrite(r.error());
            startWrite();
        };
        if (chipReset) {
            resync(restart); // back at 115200 with SPI detached: connect again first
        } else {
            m_link->discardInput();
            m_client->resetDecoder();
            startWrite(); // a new FLASH_DEFL_BEGIN restarts the ROM's write state
        }
    });
}

void LoaderSession::finishWrite(Result<void> result)
{
    auto state = std::move(m_write);
    if (state && state->done)
        state->done(std::move(result));
}

} // namespace Forgeline::Flasher
