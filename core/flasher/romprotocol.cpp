// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/romprotocol.h"

#include <QCoreApplication>

namespace Forgeline::Flasher {

QByteArray Rom::syncPayload()
{
    QByteArray p("\x07\x07\x12\x20", 4);
    p.append(QByteArray(32, char(0x55)));
    return p;
}

quint8 romChecksum(const QByteArray &data)
{
    quint8 c = Rom::ChecksumSeed;
    for (const char b : data)
        c ^= quint8(b);
    return c;
}

void appendU32(QByteArray &out, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((value >> (8 * i)) & 0xFF));
}

quint32 readU32(const QByteArray &data, qsizetype offset)
{
    if (offset < 0 || offset + 4 > data.size())
        return 0;
    quint32 v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | quint8(data.at(offset + i));
    return v;
}

quint16 readU16(const QByteArray &data, qsizetype offset)
{
    if (offset < 0 || offset + 2 > data.size())
        return 0;
    return quint16(quint8(data.at(offset)) | (quint8(data.at(offset + 1)) << 8));
}

QByteArray encodeCommand(quint8 op, const QByteArray &data, quint32 checksum)
{
    QByteArray out;
    out.reserve(8 + data.size());
    out.append(char(0x00));
    out.append(char(op));
    out.append(char(data.size() & 0xFF));
    out.append(char((data.size() >> 8) & 0xFF));
    appendU32(out, checksum);
    out.append(data);
    return out;
}

QByteArray dataPacket(const QByteArray &block, quint32 seq)
{
    QByteArray out;
    out.reserve(16 + block.size());
    appendU32(out, quint32(block.size()));
    appendU32(out, seq);
    appendU32(out, 0);
    appendU32(out, 0);
    out.append(block);
    return out;
}

std::optional<RomRequest> parseRequest(const QByteArray &frame)
{
    if (frame.size() < 8 || frame.at(0) != 0x00)
        return std::nullopt;
    RomRequest r;
    r.op = quint8(frame.at(1));
    r.size = readU16(frame, 2);
    r.checksum = readU32(frame, 4);
    if (frame.size() - 8 != r.size)
        return std::nullopt;
    r.data = frame.mid(8);
    return r;
}

std::optional<RomResponse> parseResponse(const QByteArray &frame, int statusBytes)
{
    if (frame.size() < 8 || frame.at(0) != 0x01)
        return std::nullopt;
    RomResponse r;
    r.op = quint8(frame.at(1));
    const quint16 size = readU16(frame, 2);
    r.value = readU32(frame, 4);
    const QByteArray body = frame.mid(8);
    if (body.size() < size || size < 2)
        return std::nullopt;
    const int status = size >= statusBytes ? statusBytes : 2;
    r.data = body.left(size - status);
    r.status = quint8(body.at(size - status));
    r.error = quint8(body.at(size - status + 1));
    return r;
}

QByteArray encodeResponse(quint8 op, quint32 value, const QByteArray &data, quint8 status,
                          quint8 error)
{
    QByteArray out;
    out.append(char(0x01));
    out.append(char(op));
    const int size = int(data.size()) + Rom::StatusBytes;
    out.append(char(size & 0xFF));
    out.append(char((size >> 8) & 0xFF));
    appendU32(out, value);
    out.append(data);
    out.append(char(status));
    out.append(char(error));
    out.append(char(0));
    out.append(char(0));
    return out;
}

QByteArray encodeStubResponse(quint8 op, quint32 value, const QByteArray &data, quint8 error)
{
    QByteArray out;
    out.append(char(0x01));
    out.append(char(op));
    const int size = int(data.size()) + Rom::StubStatusBytes;
    out.append(char(size & 0xFF));
    out.append(char((size >> 8) & 0xFF));
    appendU32(out, value);
    out.append(data);
    out.append(char(error));
    out.append(char(0));
    return out;
}

QString romErrorText(quint8 code)
{
    switch (code) {
    case 0x00: return QStringLiteral("undefined error");
    case 0x01: return QStringLiteral("input parameter invalid");
    case 0x02: return QStringLiteral("malloc failed");
    case 0x03: return QStringLiteral("send message failed");
    case 0x04: return QStringLiteral("receive message failed");
    case 0x05:
        return QStringLiteral(
            "received message has invalid format (or the command is not supported)");
    case 0x06: return QStringLiteral("message OK but the result is wrong");
    case 0x07: return QStringLiteral("checksum error");
    case 0x08: return QStringLiteral("flash write error (read-back did not match)");
    case 0x09: return QStringLiteral("flash read error");
    case 0x0A: return QStringLiteral("flash read length error");
    case 0x0B: return QStringLiteral("deflate failed");
    case 0x0C: return QStringLiteral("deflate Adler-32 error");
    case 0x0D: return QStringLiteral("deflate parameter error");
    case 0x0E: return QStringLiteral("invalid RAM binary size");
    case 0x0F: return QStringLiteral("invalid RAM binary address");
    case 0x64: return QStringLiteral("invalid parameter");
    case 0x65: return QStringLiteral("invalid format");
    case 0x66: return QStringLiteral("description too long");
    case 0x67: return QStringLiteral("bad encoding description");
    case 0x69: return QStringLiteral("insufficient storage");
    default: return QStringLiteral("unknown ROM error 0x%1").arg(code, 2, 16, QLatin1Char('0'));
    }
}

QString stubErrorText(quint8 code)
{
    switch (code) {
    case 0xC0: return QStringLiteral("BAD_DATA_LEN");
    case 0xC1: return QStringLiteral("BAD_DATA_CHECKSUM");
    case 0xC2: return QStringLiteral("BAD_BLOCKSIZE");
    case 0xC3: return QStringLiteral("INVALID_COMMAND");
    case 0xC4: return QStringLiteral("FAILED_SPI_OP");
    case 0xC5: return QStringLiteral("FAILED_SPI_UNLOCK");
    case 0xC6: return QStringLiteral("NOT_IN_FLASH_MODE");
    case 0xC7: return QStringLiteral("INFLATE_ERROR");
    case 0xC8: return QStringLiteral("NOT_ENOUGH_DATA");
    case 0xC9: return QStringLiteral("TOO_MUCH_DATA");
    case 0xCA: return QStringLiteral("NAND program fail");
    case 0xCB: return QStringLiteral("NAND erase fail");
    case 0xFF: return QStringLiteral("command not implemented");
    default: return QStringLiteral("unknown stub error 0x%1").arg(code, 2, 16, QLatin1Char('0'));
    }
}

QString opName(quint8 op)
{
    switch (op) {
    case Op::FlashBegin: return QStringLiteral("FLASH_BEGIN");
    case Op::FlashData: return QStringLiteral("FLASH_DATA");
    case Op::FlashEnd: return QStringLiteral("FLASH_END");
    case Op::MemBegin: return QStringLiteral("MEM_BEGIN");
    case Op::MemEnd: return QStringLiteral("MEM_END");
    case Op::MemData: return QStringLiteral("MEM_DATA");
    case Op::Sync: return QStringLiteral("SYNC");
    case Op::WriteReg: return QStringLiteral("WRITE_REG");
    case Op::ReadReg: return QStringLiteral("READ_REG");
    case Op::SpiSetParams: return QStringLiteral("SPI_SET_PARAMS");
    case Op::SpiAttach: return QStringLiteral("SPI_ATTACH");
    case Op::ReadFlashSlow: return QStringLiteral("READ_FLASH_SLOW");
    case Op::ChangeBaudrate: return QStringLiteral("CHANGE_BAUDRATE");
    case Op::FlashDeflBegin: return QStringLiteral("FLASH_DEFL_BEGIN");
    case Op::FlashDeflData: return QStringLiteral("FLASH_DEFL_DATA");
    case Op::FlashDeflEnd: return QStringLiteral("FLASH_DEFL_END");
    case Op::SpiFlashMd5: return QStringLiteral("SPI_FLASH_MD5");
    case Op::GetSecurityInfo: return QStringLiteral("GET_SECURITY_INFO");
    default: return QStringLiteral("0x%1").arg(op, 2, 16, QLatin1Char('0'));
    }
}

Error romError(quint8 op, quint8 code)
{
    return Error::make(QStringLiteral("rom.error"),
                       QCoreApplication::translate("Forgeline::Flasher", "The chip refused %1: %2.")
                           .arg(opName(op), romErrorText(code)),
                       QStringLiteral("ROM status 1, error 0x%1 (%2) for %3")
                           .arg(code, 2, 16, QLatin1Char('0'))
                           .arg(romErrorText(code), opName(op)));
}

} // namespace Forgeline::Flasher
