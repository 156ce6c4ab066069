// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/flasher/chipdatabase.h"
#include "core/flasher/compression.h"
#include "core/flasher/romprotocol.h"
#include "core/sim/flashmodel.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QtAlgorithms>

#include <memory>
#include <optional>

namespace Forgeline::Sim {

// Faults the virtual board can inject. Offsets are flash addresses: the fault fires once,
// when a write first reaches that address, so a retry afterwards can succeed.
struct RomFaults
{
    double dropRate = 0.0;               // probability that a received byte is lost
    double corruptRate = 0.0;            // probability that a received byte has a bit flipped
    std::optional<quint32> resetAt;      // chip resets (back into download mode)
    std::optional<quint32> disconnectAt; // the cable goes away
    double slowFlash = 1.0;              // erase/program time multiplier
    quint32 seed = 1;
};

struct RomBoardConfig
{
    QString chipKey = QStringLiteral("esp32");
    QByteArray mac = QByteArray::fromHex("246f28a1b2c3");
    quint32 flashId = 0x1640EF; // Winbond, 4 MiB
    QByteArray image;           // initial flash contents from offset 0
    bool timing = true;         // pace bytes at the baud rate and charge flash time
    RomFaults faults;
    quint32 securityFlags = 0;
    quint8 flashCryptCnt = 0; // odd number of bits set: flash encryption on
    // The flash encryption key in the chip's eFuse (as espsecure's key file holds it): what the
    // boot check decrypts flash with when encryption is on. Never sent over the wire.
    QByteArray flashEncryptionKey;
    int flashCryptConfig = 0xF; // ESP32 FLASH_CRYPT_CONFIG eFuse
    bool flashEncryptionEnabled() const { return qPopulationCount(flashCryptCnt) & 1; }
    QString revision; // "v3.0"; empty: the chip's usual revision (chips.json simDefault)
    std::optional<quint32> package;  // ESP32 package code; empty: chips.json simPackage
    bool revisionUnreadable = false; // READ_REG of the revision eFuse words fails

    quint32 flashSize() const { return Flasher::flashSizeFromJedec(flashId); }
    // A 4 KiB-aligned image holding a partition table built from `csv` at 0x8000.
    static QByteArray imageWithPartitionTable(const QString &csv, QString *error = nullptr);
    static QString defaultPartitionCsv();
};

// The eFuse register bits that show `config`'s chip revision (and package), laid out as
// esptool reads them; an error names a revision this chip's fields cannot hold.
Result<QHash<quint32, quint32>> revisionEfuses(const Flasher::ChipDescription &chip,
                                               const RomBoardConfig &config);

// The ESP32-family serial ROM loader as seen from the wire (docs §1-§4): one decoded SLIP
// frame in, reply frames out, plus how long the chip was busy. No I/O here: the server paces
// and delivers.
class RomDevice
{
public:
    explicit RomDevice(const RomBoardConfig &config);
    ~RomDevice();

    struct Output
    {
        QList<QByteArray> frames; // unencoded response frames, in order
        double busyMs = 0.0;      // flash erase/program time before the first reply
        quint32 newBaud = 0;      // switch after sending the replies
        enum class Event { None, Reset, Disconnect } event = Event::None;
    };
    Output handleFrame(const QByteArray &frame);

    // Back to a fresh ROM: 115200 baud, SPI not attached, no write in progress.
    void reset();
    QByteArray bootBanner(bool powerOn) const;

    const Flasher::ChipDescription &chip() const { return m_chip; }
    FlashModel &flash() { return m_flash; }
    quint32 baud() const { return m_baud; }
    int resetCount() const { return m_resets; }
    bool stubRunning() const { return m_stub; }
    RomFaults &faults() { return m_config.faults; }
    const RomBoardConfig &config() const { return m_config; }

private:
    Output reply(quint8 op, const QByteArray &data = {}, quint32 value = 0) const;
    Output fail(quint8 op, quint8 code) const;
    Output unsupported(quint8 op) const;
    Output handleWriteReg(const QByteArray &data);
    Output handleBegin(quint8 op, const QByteArray &data);
    Output handleData(quint8 op, const QByteArray &data, quint32 checksum);
    quint32 readRegister(quint32 addr) const;
    void runSpiCommand();
    // The flasher-stub flow third-party tools use (RAM upload, "OHAI", 2 status bytes,
    // lazy erase, READ_FLASH with acks); romstub.cpp.
    Output handleMem(const Flasher::RomRequest &req);
    Output handleStub(const Flasher::RomRequest &req);
    Output stubReply(quint8 op, const QByteArray &data = {}, quint32 value = 0) const;
    Output stubFail(quint8 op, quint8 code) const;
    Output stubBegin(const Flasher::RomRequest &req);
    Output stubData(const Flasher::RomRequest &req);
    Output stubReadFlashAck(const QByteArray &frame);
    double stubEraseTo(quint32 end);

    RomBoardConfig m_config;
    Flasher::ChipDescription m_chip;
    FlashModel m_flash;
    QHash<quint32, quint32> m_regs;
    QHash<quint32, quint32> m_efuse; // revision bits, OR-ed over whatever else a register shows
    quint32 m_baud = 115200;
    bool m_attached = false;
    int m_resets = 0;
    bool m_stub = false;
    quint32 m_memEntry = 0;
    quint32 m_memBlocks = 0;

    struct ReadFlash
    {
        bool active = false;
        quint32 offset = 0;
        quint32 length = 0;
        quint32 packet = 0;
        quint32 sent = 0;
    } m_read;
    quint32 m_erasedTo = 0; // stub: erased up to here within the current write

    struct Write
    {
        bool active = false;
        bool compressed = false;
        quint32 offset = 0;
        quint32 eraseSize = 0;
        quint32 blocks = 0;
        quint32 blockSize = 0;
        quint32 pointer = 0;
    } m_write;
    Flasher::Inflater m_inflater;
};

} // namespace Forgeline::Sim
