// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace Forgeline::Flasher {

// Opcodes of the Espressif serial ROM loader (docs/dev/rom-loader.md, "Commands"; esptool loader.py).
namespace Op {
constexpr quint8 FlashBegin = 0x02;
constexpr quint8 FlashData = 0x03;
constexpr quint8 FlashEnd = 0x04;
constexpr quint8 MemBegin = 0x05;
constexpr quint8 MemEnd = 0x06;
constexpr quint8 MemData = 0x07;
constexpr quint8 Sync = 0x08;
constexpr quint8 WriteReg = 0x09;
constexpr quint8 ReadReg = 0x0A;
constexpr quint8 SpiSetParams = 0x0B;
constexpr quint8 SpiAttach = 0x0D;
constexpr quint8 ReadFlashSlow = 0x0E;
constexpr quint8 ChangeBaudrate = 0x0F;
constexpr quint8 FlashDeflBegin = 0x10;
constexpr quint8 FlashDeflData = 0x11;
constexpr quint8 FlashDeflEnd = 0x12;
constexpr quint8 SpiFlashMd5 = 0x13;
constexpr quint8 GetSecurityInfo = 0x14;
// Stub-only commands; the ROM answers them with "invalid format".
constexpr quint8 EraseFlash = 0xD0;
constexpr quint8 EraseRegion = 0xD1;
constexpr quint8 ReadFlash = 0xD2;
constexpr quint8 RunUserCode = 0xD3;
} // namespace Op

namespace Rom {
constexpr quint8 ChecksumSeed = 0xEF;
constexpr int StatusBytes = 4; // ESP32 and later ROMs
constexpr int StubStatusBytes = 2;
constexpr quint32 FlashWriteSize = 0x400;
constexpr quint32 RamBlock = 0x1800;
constexpr quint32 SectorSize = 0x1000;
constexpr quint32 StubFlashWriteSize = 0x4000;
constexpr int ReadSlowChunk = 64;
constexpr quint32 ChipDetectMagicReg = 0x40001000;
constexpr quint32 Esp32EfuseBlk0Rdata0 = 0x3FF5A000; // FLASH_CRYPT_CNT in bits 20-26
constexpr quint32 SyncReplyValue = 0x20120707;
QByteArray syncPayload();
} // namespace Rom

// XOR of every byte, starting from 0xEF; only *_DATA commands carry it.
quint8 romChecksum(const QByteArray &data);

QByteArray encodeCommand(quint8 op, const QByteArray &data, quint32 checksum = 0);
// `u32 data_len, u32 seq, 0, 0` followed by the block.
QByteArray dataPacket(const QByteArray &block, quint32 seq);

// Little-endian helpers shared by client and simulator.
void appendU32(QByteArray &out, quint32 value);
quint32 readU32(const QByteArray &data, qsizetype offset);
quint16 readU16(const QByteArray &data, qsizetype offset);

struct RomRequest
{
    quint8 op = 0;
    quint16 size = 0;
    quint32 checksum = 0;
    QByteArray data;
};
// Parses a decoded request frame (device side). Fails on direction, or size mismatch.
std::optional<RomRequest> parseRequest(const QByteArray &frame);

struct RomResponse
{
    quint8 op = 0;
    quint32 value = 0;
    QByteArray data;   // command data without status bytes
    quint8 status = 0; // 0 ok, 1 failure
    quint8 error = 0;  // ROM error code when status = 1
    bool ok() const { return status == 0; }
};
// Parses a decoded response frame (host side) with the ROM's 4 status bytes at the end.
std::optional<RomResponse> parseResponse(const QByteArray &frame,
                                         int statusBytes = Rom::StatusBytes);
QByteArray encodeResponse(quint8 op, quint32 value, const QByteArray &data, quint8 status,
                          quint8 error);
// A flasher stub's reply: data then 2 bytes [error code (0 = ok), 0].
QByteArray encodeStubResponse(quint8 op, quint32 value, const QByteArray &data, quint8 error);

// "flash write error" etc.; unknown codes say so with their number.
QString romErrorText(quint8 code);
QString stubErrorText(quint8 code);
QString opName(quint8 op);
// The user-facing failure for a ROM error reply to `op`.
Error romError(quint8 op, quint8 code);

} // namespace Forgeline::Flasher
