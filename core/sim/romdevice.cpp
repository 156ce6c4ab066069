// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/romdevice.h"

#include "core/flasher/romprotocol.h"
#include "core/image/partitioncsv.h"
#include "core/sim/bootcheck.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace Forgeline::Sim {

using namespace Flasher;

namespace {
constexpr quint8 ErrInvalidParam = 0x01;
constexpr quint8 ErrInvalidFormat = 0x05;
constexpr quint8 ErrChecksum = 0x07;
constexpr quint8 ErrFlashWrite = 0x08;
constexpr quint8 ErrReadLength = 0x0A;
constexpr quint8 ErrDeflate = 0x0B;
constexpr quint8 ErrAdler = 0x0C;
constexpr quint32 SpiCmdUsr = 1u << 18;
} // namespace

QString RomBoardConfig::defaultPartitionCsv()
{
    return QStringLiteral("# Name,   Type, SubType, Offset,   Size,   Flags\n"
                          "nvs,      data, nvs,     0x9000,   0x6000,\n"
                          "phy_init, data, phy,     0xf000,   0x1000,\n"
                          "factory,  app,  factory, 0x10000,  1M,\n"
                          "cert,     data, 0x40,    0x110000, 0x2000,\n"
                          "key,      data, 0x41,    0x112000, 0x1000,\n"
                          "storage,  data, spiffs,  0x120000, 1M,\n");
}

QByteArray RomBoardConfig::imageWithPartitionTable(const QString &csv, QString *error)
{
    auto table = Image::parsePartitionCsv(csv);
    if (!table) {
        if (error)
            *error = table.error().message;
        return {};
    }
    QByteArray image(0x9000, char(0xFF));
    // A recognisable second-stage bootloader header so the flash is not blank.
    const QByteArray boot = QByteArray::fromHex("e903022f00000000");
    image.replace(0x1000, boot.size(), boot);
    const QByteArray bin = table->toBinary();
    image.replace(0x8000, bin.size(), bin);
    return image;
}

Result<QHash<quint32, quint32>> revisionEfuses(const ChipDescription &chip,
                                               const RomBoardConfig &config)
{
    const RevisionLayout &layout = chip.revision;
    if (layout.isEmpty())
        return QHash<quint32, quint32>{};
    const QString text = config.revision.isEmpty() ? layout.simDefault : config.revision;
    int major = 0;
    int minor = 0;
    QHash<quint32, quint32> regs;
    if (!parseRevisionText(text, &major, &minor)
        || !encodeChipRevision(layout, major, minor, config.package.value_or(layout.simPackage),
                               regs))
        return Error::make(QStringLiteral("sim.revision"),
                           QCoreApplication::translate("Forgeline::Sim::RomDevice",
                                                       "%1 cannot be revision \"%2\".")
                               .arg(chip.name, text));
    return regs;
}

RomDevice::RomDevice(const RomBoardConfig &config)
    : m_config(config), m_flash(config.flashSize() ? config.flashSize() : 4 * 1024 * 1024)
{
    if (const ChipDescription *c = ChipDatabase::instance().byKey(config.chipKey))
        m_chip = *c;
    else if (!ChipDatabase::instance().chips().isEmpty())
        m_chip = ChipDatabase::instance().chips().first();
    if (auto efuse = revisionEfuses(m_chip, config))
        m_efuse = *efuse;
    m_flash.load(config.image);
    m_flash.timing.slowFactor = config.faults.slowFlash;
    reset();
    m_resets = 0;
}

RomDevice::~RomDevice() = default;

void RomDevice::reset()
{
    m_baud = 115200;
    m_attached = false;
    m_write = Write{};
    m_inflater.reset();
    m_regs.clear();
    m_stub = false; // a reset always lands back in the ROM
    m_read = ReadFlash{};
    m_memEntry = m_memBlocks = 0;
    ++m_resets;
}

QByteArray RomDevice::bootBanner(bool powerOn) const
{
    const QByteArray reason
        = powerOn ? QByteArray("0x1 (POWERON_RESET)") : QByteArray("0xc (SW_CPU_RESET)");
    // Not a ROM message: the virtual board says what a normal boot would do with its flash,
    // so a test or a technician sees whether the app just written would start.
    BootCheckInput boot;
    boot.flash = m_flash.contents();
    boot.chipId = m_chip.chipId;
    boot.chipKey = m_chip.key;
    boot.flashEncryption = m_config.flashEncryptionEnabled();
    boot.flashEncryptionKey = m_config.flashEncryptionKey;
    boot.flashCryptConfig = m_config.flashCryptConfig;
    const QByteArray check = bootCheckLine(boot).toUtf8() + "\r\n";
    if (m_chip.key == QLatin1String("esp32"))
        return "ets Jun  8 2016 00:22:57\r\n\r\nrst:" + reason
               + ",boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\n" + check
               + "waiting for download\r\n";
    return "ESP-ROM:" + m_chip.key.toLatin1() + "-api1-20210207\r\nBuild:Feb  7 2021\r\nrst:"
           + reason + ",boot:0x5 (DOWNLOAD(USB/UART0/1))\r\n" + check + "waiting for download\r\n";
}

RomDevice::Output RomDevice::reply(quint8 op, const QByteArray &data, quint32 value) const
{
    Output o;
    o.frames.append(encodeResponse(op, value, data, 0, 0));
    return o;
}

RomDevice::Output RomDevice::fail(quint8 op, quint8 code) const
{
    Output o;
    o.frames.append(encodeResponse(op, 0, {}, 1, code));
    return o;
}

RomDevice::Output RomDevice::unsupported(quint8 op) const
{
    // The ROM repeats its "invalid format" reply about eight times (why esptool drains),
    // under another opcode than the request's: esptool (loader.py command()) and esptool-js
    // (readPacket) take such a reply as "unsupported command" only when the opcodes differ,
    // and fall back from GET_SECURITY_INFO to the magic register on the ESP32 that way.
    Q_UNUSED(op)
    Output o;
    const QByteArray f = encodeResponse(0x00, 0, {}, 1, ErrInvalidFormat);
    for (int i = 0; i < 8; ++i)
        o.frames.append(f);
    return o;
}

quint32 RomDevice::readRegister(quint32 addr) const
{
    if (addr == Rom::ChipDetectMagicReg)
        return m_chip.magic.isEmpty() ? 0 : m_chip.magic.first();
    if (m_chip.uartClkdivReg && addr == m_chip.uartClkdivReg) {
        // The ROM clocks UART0 from the crystal: divider = crystal / baud in 1/16 steps,
        // integer part in bits 0-19, fraction in bits 20-23 (ESP-IDF hal uart_ll.h
        // uart_ll_set_baudrate). Flashers recover the crystal as baud x integer part.
        const quint64 div16 = (quint64(m_chip.xtalMhz) * 1000000u << 4) / qMax<quint32>(m_baud, 1);
        return quint32(((div16 & 0xF) << 20) | ((div16 >> 4) & 0xFFFFF));
    }
    // The ESP32-C2 keeps its wafer version in the same word as the MAC's first two bytes.
    const quint32 efuse = m_efuse.value(addr, 0);
    const QByteArray &mac = m_config.mac;
    if (mac.size() == 6 && addr == m_chip.macEfuseReg) // mac0: last four bytes
        return (quint32(quint8(mac[2])) << 24) | (quint32(quint8(mac[3])) << 16)
               | (quint32(quint8(mac[4])) << 8) | quint32(quint8(mac[5])) | efuse;
    if (mac.size() == 6 && addr == m_chip.macEfuseReg + 4) // mac1: first two bytes, CRC byte on top
        return (quint32(0x5A) << 24) | (quint32(quint8(mac[0])) << 8) | quint32(quint8(mac[1]))
               | efuse;
    quint32 cryptCnt = 0;
    if (m_chip.key == QLatin1String("esp32") && addr == Rom::Esp32EfuseBlk0Rdata0)
        cryptCnt = quint32(m_config.flashCryptCnt & 0x7F) << 20;
    return m_regs.value(addr, 0) | efuse | m_chip.simEfuse.value(addr, 0) | cryptCnt;
}

void RomDevice::runSpiCommand()
{
    const quint32 usr2 = m_regs.value(m_chip.spiRegBase + m_chip.spiUsr2, 0);
    const quint8 opcode = quint8(usr2 & 0xFF);
    quint32 w0 = 0;
    if (opcode == 0x9F)
        w0 = m_config.flashId & 0xFFFFFF;
    else if (opcode == 0x05 || opcode == 0x35)
        w0 = 0; // status registers: not busy, no protection
    m_regs.insert(m_chip.spiRegBase + m_chip.spiW0, w0);
    m_regs.insert(m_chip.spiRegBase, m_regs.value(m_chip.spiRegBase) & ~SpiCmdUsr);
}

RomDevice::Output RomDevice::handleWriteReg(const QByteArray &data)
{
    if (data.isEmpty() || data.size() % 16 != 0)
        return fail(Op::WriteReg, ErrInvalidFormat);
    for (qsizetype off = 0; off < data.size(); off += 16) {
        const quint32 addr = readU32(data, off);
        const quint32 value = readU32(data, off + 4);
        const quint32 mask = readU32(data, off + 8);
        const quint32 old = m_regs.value(addr, 0);
        m_regs.insert(addr, (old & ~mask) | (value & mask));
        if (addr == m_chip.spiRegBase && (value & mask & SpiCmdUsr))
            runSpiCommand();
    }
    return reply(Op::WriteReg);
}

RomDevice::Output RomDevice::handleBegin(quint8 op, const QByteArray &data)
{
    if (data.size() != 16 && data.size() != 20)
        return fail(op, ErrInvalidFormat);
    if (!m_attached)
        return fail(op, ErrInvalidParam); // the ROM needs SPI_ATTACH before any flash access
    const quint32 eraseSize = readU32(data, 0);
    const quint32 blocks = readU32(data, 4);
    const quint32 blockSize = readU32(data, 8);
    const quint32 offset = readU32(data, 12);
    if (data.size() == 20 && readU32(data, 16) != 0)
        return fail(op, ErrInvalidParam); // encrypted writes are not modelled
    if (quint64(offset) + eraseSize > m_flash.size())
        return fail(op, ErrInvalidParam);
    m_write = Write{true, op == Op::FlashDeflBegin, offset, eraseSize, blocks, blockSize, offset};
    m_inflater.reset();
    Output o = reply(op);
    o.busyMs = m_flash.erase(offset, eraseSize); // the ROM erases everything up front
    return o;
}

RomDevice::Output RomDevice::handleData(quint8 op, const QByteArray &data, quint32 checksum)
{
    if (!m_write.active || m_write.compressed != (op == Op::FlashDeflData))
        return fail(op, ErrInvalidParam);
    if (data.size() < 16)
        return fail(op, ErrInvalidFormat);
    const quint32 len = readU32(data, 0);
    const QByteArray block = data.mid(16);
    if (block.size() != qsizetype(len))
        return fail(op, ErrInvalidFormat);
    if (romChecksum(block) != quint8(checksum & 0xFF))
        return fail(op, ErrChecksum);
    QByteArray plain = block;
    if (m_write.compressed) {
        auto inflated = m_inflater.feed(block);
        if (!inflated)
            return fail(op, m_inflater.lastErrorWasAdler() ? ErrAdler : ErrDeflate);
        plain = *inflated;
    }
    Output o = reply(op);
    const quint32 start = m_write.pointer;
    // Fault points sit inside this block: write the part before them, then fail.
    auto crosses = [&](const std::optional<quint32> &at) {
        return at && *at >= start && *at < start + quint32(plain.size());
    };
    if (crosses(m_config.faults.resetAt) || crosses(m_config.faults.disconnectAt)) {
        const bool isReset = crosses(m_config.faults.resetAt);
        const quint32 at = isReset ? *m_config.faults.resetAt : *m_config.faults.disconnectAt;
        o.busyMs = m_flash.program(start, plain.left(at - start));
        o.frames.clear();
        o.event = isReset ? Output::Event::Reset : Output::Event::Disconnect;
        (isReset ? m_config.faults.resetAt : m_config.faults.disconnectAt).reset();
        return o;
    }
    bool readBackOk = true;
    o.busyMs = m_flash.program(start, plain, &readBackOk);
    m_write.pointer += quint32(plain.size());
    if (!readBackOk)
        return fail(op, ErrFlashWrite);
    return o;
}

RomDevice::Output RomDevice::handleFrame(const QByteArray &frame)
{
    if (m_stub && m_read.active)
        return stubReadFlashAck(frame);
    const auto req = parseRequest(frame);
    if (req && m_stub)
        return handleStub(*req);
    if (!req) {
        // A frame damaged on the wire: the ROM answers "invalid format" if it can tell the
        // opcode, otherwise it stays silent.
        if (frame.size() >= 2 && frame.at(0) == 0x00)
            return fail(quint8(frame.at(1)), ErrInvalidFormat);
        return {};
    }
    const QByteArray &d = req->data;
    switch (req->op) {
    case Op::Sync: {
        if (d != Rom::syncPayload())
            return {};
        Output o;
        for (int i = 0; i < 8; ++i)
            o.frames.append(encodeResponse(Op::Sync, Rom::SyncReplyValue, {}, 0, 0));
        return o;
    }
    case Op::ReadReg:
        if (d.size() != 4)
            return fail(req->op, ErrInvalidFormat);
        if (m_config.revisionUnreadable && m_efuse.contains(readU32(d, 0)))
            return fail(req->op, ErrInvalidParam);
        return reply(Op::ReadReg, {}, readRegister(readU32(d, 0)));
    case Op::WriteReg: return handleWriteReg(d);
    case Op::SpiAttach:
        if (d.size() != 8)
            return fail(req->op, ErrInvalidFormat);
        m_attached = true;
        return reply(req->op);
    case Op::SpiSetParams:
        if (d.size() != 24)
            return fail(req->op, ErrInvalidFormat);
        return reply(req->op);
    case Op::ChangeBaudrate: {
        if (d.size() != 8)
            return fail(req->op, ErrInvalidFormat);
        const quint32 baud = readU32(d, 0);
        if (baud < 9600 || baud > 5000000)
            return fail(req->op, ErrInvalidParam);
        Output o = reply(req->op);
        o.newBaud = baud;
        m_baud = baud; // the ROM reprograms the divider (what UART_CLKDIV then reads)
        return o;
    }
    case Op::GetSecurityInfo: {
        if (m_chip.securityInfo == ChipDescription::SecurityInfo::Unsupported)
            return unsupported(req->op);
        QByteArray info;
        appendU32(info, m_config.securityFlags);
        info.append(char(m_config.flashCryptCnt)); // flash_crypt_cnt
        info.append(QByteArray(7, char(0)));       // key purposes
        if (m_chip.securityInfo == ChipDescription::SecurityInfo::Full) {
            appendU32(info, quint32(m_chip.chipId));
            appendU32(info, 1); // api/eco version
        }
        return reply(req->op, info);
    }
    case Op::FlashBegin:
    case Op::FlashDeflBegin: return handleBegin(req->op, d);
    case Op::FlashData:
    case Op::FlashDeflData: return handleData(req->op, d, req->checksum);
    case Op::FlashEnd:
    case Op::FlashDeflEnd: {
        if (d.size() != 4)
            return fail(req->op, ErrInvalidFormat);
        m_write.active = false;
        Output o = reply(req->op);
        if (readU32(d, 0) == 0)
            o.event = Output::Event::Reset; // reboot; the strap keeps us in download mode
        return o;
    }
    case Op::SpiFlashMd5: {
        if (d.size() != 16)
            return fail(req->op, ErrInvalidFormat);
        if (!m_attached)
            return fail(req->op, ErrInvalidParam);
        const quint32 addr = readU32(d, 0);
        const quint32 size = readU32(d, 4);
        if (quint64(addr) + size > m_flash.size())
            return fail(req->op, ErrInvalidParam);
        const QByteArray hex
            = QCryptographicHash::hash(m_flash.read(addr, size), QCryptographicHash::Md5).toHex();
        Output o = reply(req->op, hex);
        o.busyMs = m_flash.md5Time(size);
        return o;
    }
    case Op::ReadFlashSlow: {
        if (d.size() != 8)
            return fail(req->op, ErrInvalidFormat);
        if (!m_attached)
            return fail(req->op, ErrInvalidParam);
        const quint32 addr = readU32(d, 0);
        const quint32 len = readU32(d, 4);
        if (len > quint32(Rom::ReadSlowChunk))
            return fail(req->op, ErrReadLength);
        QByteArray buf = m_flash.read(addr, len);
        buf.append(QByteArray(Rom::ReadSlowChunk - buf.size(), char(0xFF)));
        return reply(req->op, buf);
    }
    case Op::MemBegin:
    case Op::MemData:
    case Op::MemEnd: return handleMem(*req);
    default: return unsupported(req->op);
    }
}

} // namespace Forgeline::Sim
