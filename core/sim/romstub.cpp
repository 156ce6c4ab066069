// SPDX-License-Identifier: GPL-3.0-or-later
// The virtual board's flasher-stub behaviour (docs §1-§3): what esptool and esptool-js see
// after uploading their stub to RAM. The stub's code itself is not run; its protocol is.
#include "core/sim/romdevice.h"

#include <QCryptographicHash>

namespace Forgeline::Sim {

using namespace Flasher;

namespace {
constexpr quint8 BadDataLen = 0xC0;
constexpr quint8 BadDataChecksum = 0xC1;
constexpr quint8 BadBlockSize = 0xC2;
constexpr quint8 InvalidCommand = 0xC3;
constexpr quint8 NotInFlashMode = 0xC6;
constexpr quint8 InflateError = 0xC7;
constexpr quint8 TooMuchData = 0xC9;
} // namespace

RomDevice::Output RomDevice::stubReply(quint8 op, const QByteArray &data, quint32 value) const
{
    Output o;
    o.frames.append(encodeStubResponse(op, value, data, 0));
    return o;
}

RomDevice::Output RomDevice::stubFail(quint8 op, quint8 code) const
{
    Output o;
    o.frames.append(encodeStubResponse(op, 0, {}, code));
    return o;
}

RomDevice::Output RomDevice::handleMem(const RomRequest &req)
{
    const QByteArray &d = req.data;
    switch (req.op) {
    case Op::MemBegin:
        if (d.size() != 16)
            return fail(req.op, 0x05);
        m_memBlocks = 0;
        return reply(req.op);
    case Op::MemData:
        if (d.size() < 16 || d.size() - 16 != qsizetype(readU32(d, 0)))
            return fail(req.op, 0x05);
        if (romChecksum(d.mid(16)) != quint8(req.checksum & 0xFF))
            return fail(req.op, 0x07);
        ++m_memBlocks;
        return reply(req.op);
    case Op::MemEnd: {
        if (d.size() != 8)
            return fail(req.op, 0x05);
        Output o = reply(req.op);
        // w0 = 0 jumps to the entry point: an uploaded stub starts and says hello.
        if (readU32(d, 0) == 0 && m_memBlocks > 0) {
            m_memEntry = readU32(d, 4);
            m_stub = true;
            o.frames.append(QByteArrayLiteral("OHAI"));
        }
        return o;
    }
    default: return fail(req.op, 0x05);
    }
}

double RomDevice::stubEraseTo(quint32 end)
{
    // Lazy erase: only what the next write reaches, sector by sector.
    if (end <= m_erasedTo)
        return 0.0;
    const quint32 from = m_erasedTo;
    const quint32 to
        = (end + FlashModel::SectorSize - 1) / FlashModel::SectorSize * FlashModel::SectorSize;
    m_erasedTo = to;
    return m_flash.erase(from, to - from);
}

RomDevice::Output RomDevice::stubBegin(const RomRequest &req)
{
    const QByteArray &d = req.data;
    if (d.size() != 16 && d.size() != 20)
        return stubFail(req.op, BadDataLen);
    const quint32 size = readU32(d, 0);
    const quint32 blockSize = readU32(d, 8);
    const quint32 offset = readU32(d, 12);
    if (blockSize > Rom::StubFlashWriteSize)
        return stubFail(req.op, BadBlockSize);
    if (quint64(offset) + size > m_flash.size())
        return stubFail(req.op, TooMuchData);
    m_write
        = Write{true, req.op == Op::FlashDeflBegin, offset, size, readU32(d, 4), blockSize, offset};
    m_inflater.reset();
    m_erasedTo = offset / FlashModel::SectorSize * FlashModel::SectorSize;
    return stubReply(req.op);
}

RomDevice::Output RomDevice::stubData(const RomRequest &req)
{
    if (!m_write.active || m_write.compressed != (req.op == Op::FlashDeflData))
        return stubFail(req.op, NotInFlashMode);
    const QByteArray &d = req.data;
    if (d.size() < 16 || d.size() - 16 != qsizetype(readU32(d, 0)))
        return stubFail(req.op, BadDataLen);
    const QByteArray block = d.mid(16);
    if (romChecksum(block) != quint8(req.checksum & 0xFF))
        return stubFail(req.op, BadDataChecksum);
    QByteArray plain = block;
    if (m_write.compressed) {
        auto inflated = m_inflater.feed(block);
        if (!inflated)
            return stubFail(req.op, InflateError);
        plain = *inflated;
    }
    const quint32 end = m_write.offset + m_write.eraseSize;
    if (m_write.pointer + quint32(plain.size()) > end) {
        if (m_write.compressed)
            return stubFail(req.op, TooMuchData);
        plain.truncate(qsizetype(end - m_write.pointer)); // the stub drops the 0xFF padding
    }
    Output o = stubReply(req.op);
    o.busyMs = stubEraseTo(m_write.pointer + quint32(plain.size()));
    o.busyMs += m_flash.program(m_write.pointer, plain);
    m_write.pointer += quint32(plain.size());
    return o;
}

RomDevice::Output RomDevice::stubReadFlashAck(const QByteArray &frame)
{
    Output o;
    if (frame.size() != 4 || readU32(frame, 0) != m_read.sent) {
        m_read.active = false; // the host gave up or is confused: back to commands
        return o;
    }
    if (m_read.sent >= m_read.length) {
        m_read.active = false;
        o.frames.append(QCryptographicHash::hash(m_flash.read(m_read.offset, m_read.length),
                                                 QCryptographicHash::Md5));
        return o;
    }
    const quint32 n = qMin(m_read.packet, m_read.length - m_read.sent);
    o.frames.append(m_flash.read(m_read.offset + m_read.sent, n));
    m_read.sent += n;
    return o;
}

RomDevice::Output RomDevice::handleStub(const RomRequest &req)
{
    const QByteArray &d = req.data;
    switch (req.op) {
    case Op::Sync: {
        Output o;
        for (int i = 0; i < 8; ++i)
            o.frames.append(encodeStubResponse(Op::Sync, 0, {}, 0)); // value 0: "stub running"
        return o;
    }
    case Op::ReadReg:
        return d.size() == 4 ? stubReply(req.op, {}, readRegister(readU32(d, 0)))
                             : stubFail(req.op, BadDataLen);
    case Op::WriteReg: {
        Output r = handleWriteReg(d);
        return parseResponse(r.frames.first())->ok() ? stubReply(req.op)
                                                     : stubFail(req.op, BadDataLen);
    }
    case Op::SpiAttach:
        m_attached = true;
        return (d.size() == 4 || d.size() == 8) ? stubReply(req.op) : stubFail(req.op, BadDataLen);
    case Op::SpiSetParams: return d.size() == 24 ? stubReply(req.op) : stubFail(req.op, BadDataLen);
    case Op::ChangeBaudrate: {
        if (d.size() != 8)
            return stubFail(req.op, BadDataLen);
        Output o = stubReply(req.op);
        o.newBaud = readU32(d, 0);
        m_baud = o.newBaud;
        return o;
    }
    case Op::FlashBegin:
    case Op::FlashDeflBegin: return stubBegin(req);
    case Op::FlashData:
    case Op::FlashDeflData: return stubData(req);
    case Op::FlashEnd:
    case Op::FlashDeflEnd: {
        if (d.size() != 4)
            return stubFail(req.op, BadDataLen);
        m_write.active = false;
        Output o = stubReply(req.op);
        if (readU32(d, 0) == 0)
            o.event = Output::Event::Reset; // software reset back into the ROM loader
        return o;
    }
    case Op::SpiFlashMd5: {
        if (d.size() != 16)
            return stubFail(req.op, BadDataLen);
        const quint32 addr = readU32(d, 0), size = readU32(d, 4);
        if (quint64(addr) + size > m_flash.size())
            return stubFail(req.op, TooMuchData);
        Output o = stubReply(
            req.op, QCryptographicHash::hash(m_flash.read(addr, size), QCryptographicHash::Md5));
        o.busyMs = m_flash.md5Time(size);
        return o;
    }
    case Op::EraseFlash: {
        Output o = stubReply(req.op);
        o.busyMs = m_flash.erase(0, m_flash.size());
        return o;
    }
    case Op::EraseRegion: {
        if (d.size() != 8)
            return stubFail(req.op, BadDataLen);
        const quint32 off = readU32(d, 0), size = readU32(d, 4);
        if (off % FlashModel::SectorSize || size % FlashModel::SectorSize
            || quint64(off) + size > m_flash.size())
            return stubFail(req.op, BadDataLen);
        Output o = stubReply(req.op);
        o.busyMs = m_flash.erase(off, size);
        return o;
    }
    case Op::ReadFlash: {
        if (d.size() != 16)
            return stubFail(req.op, BadDataLen);
        const quint32 off = readU32(d, 0), len = readU32(d, 4), packet = readU32(d, 8);
        if (packet == 0 || quint64(off) + len > m_flash.size())
            return stubFail(req.op, BadDataLen);
        m_read = ReadFlash{true, off, len, packet, 0};
        // One packet in flight, as the v2 stub does; each ack releases the next.
        Output o = stubReply(req.op);
        const quint32 n = qMin(packet, len);
        o.frames.append(m_flash.read(off, n));
        m_read.sent = n;
        return o;
    }
    case Op::RunUserCode: {
        Output o; // no reply: the app starts
        o.event = Output::Event::Reset;
        return o;
    }
    default: return stubFail(req.op, InvalidCommand);
    }
}

} // namespace Forgeline::Sim
