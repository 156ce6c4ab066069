// SPDX-License-Identifier: GPL-3.0-or-later
// Wire format of the ROM loader (docs §1-§4), on both sides: the client's encoders/parsers
// and the virtual board's answers.
#include "core/flasher/chipdatabase.h"
#include "core/flasher/compression.h"
#include "core/flasher/romprotocol.h"
#include "core/sim/romdevice.h"

#include <QCryptographicHash>
#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Flasher;
using namespace Forgeline::Sim;

namespace {
QByteArray words(std::initializer_list<quint32> v)
{
    QByteArray out;
    for (quint32 w : v)
        appendU32(out, w);
    return out;
}

RomResponse only(const RomDevice::Output &o)
{
    if (o.frames.isEmpty())
        return {};
    return *parseResponse(o.frames.first());
}
} // namespace

class TestRomLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checksum()
    {
        QCOMPARE(romChecksum(QByteArray()), quint8(0xEF));
        QCOMPARE(romChecksum(QByteArray::fromHex("ef")), quint8(0x00));
        QCOMPARE(romChecksum(QByteArray::fromHex("0102")), quint8(0xEF ^ 0x01 ^ 0x02));
    }

    void commandLayout()
    {
        const QByteArray c = encodeCommand(Op::ReadReg, words({0x40001000}));
        QCOMPARE(c, QByteArray::fromHex("000a0400000000000010004"
                                        "0"));
        const QByteArray d
            = encodeCommand(Op::FlashDeflData, dataPacket("\x01\x02", 3), romChecksum("\x01\x02"));
        QCOMPARE(d.left(8), QByteArray::fromHex("00111200") + words({0xEF ^ 1 ^ 2}));
        QCOMPARE(d.mid(8, 16), words({2, 3, 0, 0}));
    }

    void syncPayload()
    {
        const QByteArray p = Rom::syncPayload();
        QCOMPARE(p.size(), 36);
        QCOMPARE(p.left(4), QByteArray::fromHex("07071220"));
        QCOMPARE(p.mid(4), QByteArray(32, char(0x55)));
    }

    void parseEsp32TraceFrames()
    {
        // SYNC reply from an esptool trace: value 0x20120707 and 4 status bytes.
        const auto sync = parseResponse(QByteArray::fromHex("0108040007071220"
                                                            "00000000"));
        QVERIFY(sync);
        QCOMPARE(sync->value, 0x20120707u);
        QVERIFY(sync->ok());
        QVERIFY(sync->data.isEmpty());
        const auto fail = parseResponse(QByteArray::fromHex("01140400"
                                                            "00000000"
                                                            "01050000"));
        QVERIFY(fail);
        QVERIFY(!fail->ok());
        QCOMPARE(fail->error, quint8(0x05));
        // ESP8266-style 2 status bytes still parse.
        const auto short2 = parseResponse(QByteArray::fromHex("010a0200"
                                                              "78563412"
                                                              "0000"));
        QVERIFY(short2);
        QCOMPARE(short2->value, 0x12345678u);
    }

    void errorTexts()
    {
        QCOMPARE(romErrorText(0x07), QStringLiteral("checksum error"));
        QVERIFY(romErrorText(0x08).startsWith(QLatin1String("flash write error")));
        QCOMPARE(romErrorText(0x0C), QStringLiteral("deflate Adler-32 error"));
        QCOMPARE(romErrorText(0x69), QStringLiteral("insufficient storage"));
        QVERIFY(romErrorText(0x42).contains(QLatin1String("0x42")));
        QCOMPARE(stubErrorText(0xC4), QStringLiteral("FAILED_SPI_OP"));
        const Error e = romError(Op::FlashDeflData, 0x07);
        QVERIFY(e.message.contains(QLatin1String("FLASH_DEFL_DATA")));
        QVERIFY(e.detail.contains(QLatin1String("error 0x07")));
    }

    void chipTable()
    {
        const ChipDatabase &db = ChipDatabase::instance();
        QCOMPARE(db.chips().size(), 7);
        QCOMPARE(db.byMagic(0x00F01D83)->name, QStringLiteral("ESP32"));
        QCOMPARE(db.byMagic(0x000007C6)->name, QStringLiteral("ESP32-S2"));
        QCOMPARE(db.byMagic(0x1B31506F)->name, QStringLiteral("ESP32-C3"));
        QCOMPARE(db.byChipId(9)->name, QStringLiteral("ESP32-S3"));
        QCOMPARE(db.byChipId(12)->name, QStringLiteral("ESP32-C2"));
        QCOMPARE(db.byChipId(13)->name, QStringLiteral("ESP32-C6"));
        QCOMPARE(db.byChipId(16)->name, QStringLiteral("ESP32-H2"));
        QCOMPARE(db.byKey(QStringLiteral("esp32c3"))->macEfuseReg, 0x60008844u);
        QCOMPARE(db.bridge(0x303A, 0x1001)->usbJtag, true);
        QCOMPARE(flashSizeFromJedec(0x1640EF), 4u * 1024 * 1024);
        QCOMPARE(flashSizeFromJedec(0x1840EF), 16u * 1024 * 1024);
        QCOMPARE(flashSizeFromJedec(0x00861F), 2u * 1024 * 1024); // Adesto: code 6 in the type byte
        QCOMPARE(flashSizeFromJedec(0x000000), 0u);
    }

    void simRomAnswers()
    {
        RomBoardConfig cfg;
        cfg.chipKey = QStringLiteral("esp32");
        cfg.mac = QByteArray::fromHex("11220a0b0c0d");
        RomDevice dev(cfg);
        // 8 identical SYNC replies with the non-zero ROM value.
        const auto sync = dev.handleFrame(encodeCommand(Op::Sync, Rom::syncPayload()));
        QCOMPARE(sync.frames.size(), 8);
        QCOMPARE(only(sync).value, Rom::SyncReplyValue);
        QCOMPARE(sync.frames.first().size(), 8 + Rom::StatusBytes);
        // ESP32 MAC words: w1 at the eFuse base, w2 above it (docs' checked example).
        QCOMPARE(only(dev.handleFrame(encodeCommand(Op::ReadReg, words({0x3FF5A004})))).value,
                 0x0A0B0C0Du);
        QCOMPARE(only(dev.handleFrame(encodeCommand(Op::ReadReg, words({0x3FF5A008})))).value
                     & 0xFFFF,
                 0x1122u);
        // ESP32 ROM has no GET_SECURITY_INFO: "invalid format", repeated.
        const auto sec = dev.handleFrame(encodeCommand(Op::GetSecurityInfo, {}));
        QVERIFY(sec.frames.size() > 1);
        QCOMPARE(only(sec).error, quint8(0x05));
        // Under another opcode: how esptool and esptool-js tell "unsupported" from a failure.
        QVERIFY(only(sec).op != Op::GetSecurityInfo);
        // Flash needs SPI_ATTACH (8 bytes for the ROM) first.
        QCOMPARE(only(dev.handleFrame(encodeCommand(Op::ReadFlashSlow, words({0, 16})))).error,
                 quint8(0x01));
        QVERIFY(only(dev.handleFrame(encodeCommand(Op::SpiAttach, words({0, 0})))).ok());
        const auto rd = only(dev.handleFrame(encodeCommand(Op::ReadFlashSlow, words({0, 16}))));
        QCOMPARE(rd.data.size(), 64); // always a 64-byte buffer
        QCOMPARE(only(dev.handleFrame(encodeCommand(Op::ReadFlashSlow, words({0, 65})))).error,
                 quint8(0x0A));
        const auto md5
            = only(dev.handleFrame(encodeCommand(Op::SpiFlashMd5, words({0x1000, 0x1000, 0, 0}))));
        QCOMPARE(md5.data,
                 QCryptographicHash::hash(QByteArray(0x1000, char(0xFF)), QCryptographicHash::Md5)
                     .toHex());
        // A stub-only command is refused.
        QCOMPARE(only(dev.handleFrame(encodeCommand(Op::EraseFlash, {}))).error, quint8(0x05));
        // UART0's divider is the 40 MHz crystal over the baud, as esptool's get_crystal_freq
        // reads it: 40e6 / 115200 = 347.2 (fraction 3/16), and again after a baud change.
        auto readReg = [&dev](quint32 addr) {
            return only(dev.handleFrame(encodeCommand(Op::ReadReg, words({addr})))).value;
        };
        const quint32 clkdiv = 0x3FF40014;
        QCOMPARE(readReg(clkdiv), (3u << 20) | 347u);
        QVERIFY(only(dev.handleFrame(encodeCommand(Op::ChangeBaudrate, words({460800, 0})))).ok());
        QCOMPARE(readReg(clkdiv) & 0xFFFFF, 86u);
        // Rated for 240 MHz, ADC reference calibrated: what esptool lists as features.
        QVERIFY(readReg(0x3FF5A00C) & (1u << 13));
        QVERIFY(readReg(0x3FF5A010) & 0x1F00);
    }

    void simSecurityInfo()
    {
        RomBoardConfig cfg;
        cfg.chipKey = QStringLiteral("esp32c3");
        RomDevice c3(cfg);
        const auto info = only(c3.handleFrame(encodeCommand(Op::GetSecurityInfo, {})));
        QCOMPARE(info.data.size(), 20);
        QCOMPARE(readU32(info.data, 12), 5u);
        cfg.chipKey = QStringLiteral("esp32s2");
        RomDevice s2(cfg);
        QCOMPARE(only(s2.handleFrame(encodeCommand(Op::GetSecurityInfo, {}))).data.size(), 12);
        QCOMPARE(only(s2.handleFrame(encodeCommand(Op::ReadReg, words({Rom::ChipDetectMagicReg}))))
                     .value,
                 0x7C6u);
    }

    void simCompressedWriteAndChecks()
    {
        RomBoardConfig cfg;
        cfg.chipKey = QStringLiteral("esp32c3");
        RomDevice dev(cfg);
        dev.handleFrame(encodeCommand(Op::SpiAttach, words({0, 0})));
        QByteArray data(5000, 'A');
        data.append(QByteArray(3192, 'B'));
        const QList<QByteArray> blocks = splitBlocks(zlibCompress(data), 0x400);
        const auto begin = dev.handleFrame(encodeCommand(
            Op::FlashDeflBegin, words({0x2000, quint32(blocks.size()), 0x400, 0x10000, 0})));
        QVERIFY(only(begin).ok());
        QVERIFY(begin.busyMs > 0); // the ROM erases up front
        // A corrupted checksum is refused with 0x07 and does not advance.
        QCOMPARE(only(dev.handleFrame(encodeCommand(Op::FlashDeflData, dataPacket(blocks.at(0), 0),
                                                    romChecksum(blocks.at(0)) ^ 1)))
                     .error,
                 quint8(0x07));
        for (int i = 0; i < blocks.size(); ++i)
            QVERIFY(only(dev.handleFrame(encodeCommand(Op::FlashDeflData,
                                                       dataPacket(blocks.at(i), quint32(i)),
                                                       romChecksum(blocks.at(i)))))
                        .ok());
        QCOMPARE(dev.flash().read(0x10000, quint32(data.size())), data);
        // Writing again without erasing can only clear bits: the ROM's read-back check fails.
        dev.handleFrame(encodeCommand(Op::FlashBegin, words({0, 1, 0x400, 0x20000, 0})));
        dev.flash().load(QByteArray(0x400, char(0x0F)), 0x20000);
        const QByteArray ones(0x400, char(0xF0));
        QCOMPARE(only(dev.handleFrame(
                          encodeCommand(Op::FlashData, dataPacket(ones, 0), romChecksum(ones))))
                     .error,
                 quint8(0x08));
    }

    void simStubFlow()
    {
        RomBoardConfig cfg;
        cfg.chipKey = QStringLiteral("esp32s3");
        RomDevice dev(cfg);
        // RAM upload, then MEM_END with w0 = 0 jumps to the stub, which says "OHAI".
        QVERIFY(
            only(dev.handleFrame(encodeCommand(Op::MemBegin, words({4, 1, 0x1800, 0x40380000}))))
                .ok());
        const QByteArray code("\x01\x02\x03\x04", 4);
        QVERIFY(only(dev.handleFrame(
                         encodeCommand(Op::MemData, dataPacket(code, 0), romChecksum(code))))
                    .ok());
        const auto end = dev.handleFrame(encodeCommand(Op::MemEnd, words({0, 0x40380400})));
        QCOMPARE(end.frames.size(), 2);
        QCOMPARE(end.frames.at(1), QByteArray("OHAI"));
        QVERIFY(dev.stubRunning());
        // Stub replies: 2 status bytes; SYNC value 0.
        const auto sync = dev.handleFrame(encodeCommand(Op::Sync, Rom::syncPayload()));
        QCOMPARE(sync.frames.size(), 8);
        QCOMPARE(sync.frames.first().size(), 8 + Rom::StubStatusBytes);
        QCOMPARE(parseResponse(sync.frames.first(), Rom::StubStatusBytes)->value, 0u);
        // 16 KiB blocks, lazy erase; a bigger block is refused with C2.
        QCOMPARE(quint8(dev.handleFrame(encodeCommand(Op::FlashBegin,
                                                      words({0x100, 1, 0x8000, 0x200000, 0})))
                            .frames.first()
                            .at(8)),
                 quint8(0xC2));
        QByteArray data(20000, 'q');
        const QList<QByteArray> blocks = splitBlocks(zlibCompress(data), 0x4000);
        QVERIFY(parseResponse(
                    dev.handleFrame(encodeCommand(Op::FlashDeflBegin, words({quint32(data.size()),
                                                                             quint32(blocks.size()),
                                                                             0x4000, 0x200000, 0})))
                        .frames.first(),
                    2)
                    ->ok());
        for (int i = 0; i < blocks.size(); ++i) {
            const auto r = dev.handleFrame(encodeCommand(Op::FlashDeflData,
                                                         dataPacket(blocks.at(i), quint32(i)),
                                                         romChecksum(blocks.at(i))));
            QVERIFY(parseResponse(r.frames.first(), 2)->ok());
        }
        QCOMPARE(dev.flash().read(0x200000, quint32(data.size())), data);
        // MD5 as 16 raw bytes.
        const auto md5 = parseResponse(
            dev.handleFrame(
                   encodeCommand(Op::SpiFlashMd5, words({0x200000, quint32(data.size()), 0, 0})))
                .frames.first(),
            2);
        QCOMPARE(md5->data, QCryptographicHash::hash(data, QCryptographicHash::Md5));
        // READ_FLASH: reply, then header-less packets released by acks, then the MD5 frame.
        auto rf
            = dev.handleFrame(encodeCommand(Op::ReadFlash, words({0x200000, 6000, 0x1000, 64})));
        QCOMPARE(rf.frames.size(), 2);
        QCOMPARE(rf.frames.at(1), data.left(0x1000));
        rf = dev.handleFrame(words({0x1000}));
        QCOMPARE(rf.frames.at(0), data.mid(0x1000, 6000 - 0x1000));
        rf = dev.handleFrame(words({6000}));
        QCOMPARE(rf.frames.at(0),
                 QCryptographicHash::hash(data.left(6000), QCryptographicHash::Md5));
        // FLASH_END(0): software reset back into the ROM.
        const auto fin = dev.handleFrame(encodeCommand(Op::FlashEnd, words({0})));
        QCOMPARE(fin.event, RomDevice::Output::Event::Reset);
    }

    void norFlashModel()
    {
        FlashModel f(64 * 1024);
        bool ok = false;
        f.program(0x100, QByteArray::fromHex("0f0f"), &ok);
        QVERIFY(ok);
        f.program(0x100, QByteArray::fromHex("f0ff"), &ok);
        QVERIFY(!ok); // 1 bits cannot come back without an erase
        QCOMPARE(f.read(0x100, 2), QByteArray::fromHex("000f"));
        const double t = f.erase(0x1001, 1); // touches one sector
        QCOMPARE(t, f.timing.sectorEraseMs);
        QCOMPARE(f.read(0x100, 2), QByteArray::fromHex("000f")); // other sector untouched
        f.erase(0x0, 1);
        QCOMPARE(f.read(0x0, 0x1000), QByteArray(0x1000, char(0xFF)));
        QCOMPARE(f.erase(0, 0x10000), f.timing.blockEraseMs); // aligned 64 KiB: block erase
    }
};

QTEST_GUILESS_MAIN(TestRomLoader)
#include "tst_romloader.moc"
