// SPDX-License-Identifier: GPL-3.0-or-later
// What LoaderSession asks the ROM after SYNC, as step tables: which chip (security info, magic
// register, ESP32 eFuse), its MAC and revision eFuses, the flash ID (SPI user command), then
// the flash parameters and the faster baud rate. Each table lists the commands in the order
// they go on the wire (esptool's connect sequence).
#include "core/flasher/loadersession.h"

#include "core/flasher/romclient.h"
#include "core/flasher/romconversation.h"
#include "core/flasher/seriallink.h"

#include <QTimer>

namespace Forgeline::Flasher {

namespace {
constexpr quint32 SpiUsrCommand = 1u << 31;
constexpr quint32 SpiUsrMiso = 1u << 28;
constexpr quint32 SpiCmdUsr = 1u << 18;
constexpr quint32 AllBits = 0xFFFFFFFF;

QByteArray words(std::initializer_list<quint32> values)
{
    QByteArray out;
    for (quint32 v : values)
        appendU32(out, v);
    return out;
}

// WRITE_REG takes groups of (address, value, mask, delay in µs).
QByteArray registerWrite(quint32 address, quint32 value)
{
    return words({address, value, AllBits, 0});
}

struct MacWords
{
    quint32 mac0 = 0;
    quint32 mac1 = 0;
};

struct RevisionWords
{
    QHash<quint32, quint32> values;
    bool unreadable = false;
};

struct SavedSpiUser
{
    quint32 usr = 0;
    quint32 usr2 = 0;
};

struct BaudSwitch
{
    bool switched = false;
};
} // namespace

RomSend LoaderSession::romSend()
{
    return [this](quint8 op, const QByteArray &data, int timeoutMs, bool acceptFailure,
                  Next reply) { cmd(op, data, 0, timeoutMs, std::move(reply), acceptFailure); };
}

void LoaderSession::afterSync()
{
    Q_EMIT message(tr("Connected to the ROM loader"));
    using Step = RomStep<NoState>;
    const QList<Step> detect = {
        // Chips since the S3/C3 name themselves here. The ESP32 answers "unsupported" and the
        // ESP32-S2 sends 12 bytes without a chip id: both go on to the magic register.
        {.op = Op::GetSecurityInfo,
         .onReply = [this](const RomResponse &r, NoState &) { return takeSecurityInfo(r); },
         .acceptFailure = true},
        {.op = Op::ReadReg,
         .data = words({Rom::ChipDetectMagicReg}),
         .onReply = [this](const RomResponse &r, NoState &) { return takeChipMagic(r); },
         .acceptFailure = true},
        // The ESP32 has no GET_SECURITY_INFO: FLASH_CRYPT_CNT is bits 20-26 of EFUSE_BLK0_RDATA0
        // (esptool targets/esp32.py). A board that refuses the read just leaves it unknown.
        {.op = Op::ReadReg,
         .data = words({Rom::Esp32EfuseBlk0Rdata0}),
         .onReply = [this](const RomResponse &r, NoState &) -> StepResult {
             if (r.ok())
                 m_board.flashCryptCnt = quint8((r.value >> 20) & 0x7F);
             return StepThen::Next;
         },
         .acceptFailure = true},
    };
    RomConversation<NoState>::run(this, romSend(), detect, {}, [this](Result<NoState> r) {
        if (!r)
            return finishConnect(r.error());
        readMac();
    });
}

StepResult LoaderSession::takeSecurityInfo(const RomResponse &r)
{
    if (r.ok() && r.data.size() >= 12) {
        m_board.securityInfo = true;
        m_board.securityFlags = readU32(r.data, 0);
        m_board.secureDownload = m_board.securityFlags & (1u << 2);
        m_board.flashCryptCnt = quint8(r.data.at(4));
    }
    if (!r.ok() || r.data.size() < 20)
        return StepThen::Next;
    m_board.chipId = int(readU32(r.data, 12));
    m_board.ecoVersion = readU32(r.data, 16);
    m_chip = ChipDatabase::instance().byChipId(m_board.chipId);
    if (!m_chip)
        return Error::make(QStringLiteral("chip.unknown"),
                           tr("This chip (id %1) is not supported.").arg(m_board.chipId),
                           QStringLiteral("GET_SECURITY_INFO chip_id=%1").arg(m_board.chipId));
    return StepThen::Finish;
}

StepResult LoaderSession::takeChipMagic(const RomResponse &r)
{
    if (!r.ok()) {
        m_chip = ChipDatabase::instance().byKey(QStringLiteral("esp32s2"));
        m_board.secureDownload = true;
    } else {
        m_chip = ChipDatabase::instance().byMagic(r.value);
    }
    if (!m_chip)
        return Error::make(
            QStringLiteral("chip.unknown"),
            tr("Unknown chip (magic value 0x%1).").arg(r.value, 8, 16, QLatin1Char('0')),
            QStringLiteral("READ_REG 0x40001000 = 0x%1").arg(r.value, 8, 16, QLatin1Char('0')));
    m_board.chipId = m_chip->chipId;
    return m_chip->key == QLatin1String("esp32") ? StepThen::Next : StepThen::Finish;
}

void LoaderSession::readMac()
{
    m_board.chipKey = m_chip->key;
    m_board.chipName = m_chip->name;
    if (m_board.secureDownload) {
        finishConnect(
            Error::make(QStringLiteral("chip.secure-download"),
                        tr("%1 is in Secure Download Mode: flash cannot be read or verified.")
                            .arg(m_chip->name),
                        QStringLiteral("security flags 0x%1").arg(m_board.securityFlags, 0, 16)));
        return;
    }
    using Step = RomStep<MacWords>;
    const QList<Step> read = {
        {.op = Op::ReadReg,
         .data = words({m_chip->macEfuseReg}),
         .onReply = [](const RomResponse &r, MacWords &mac) -> StepResult {
             mac.mac0 = r.value;
             return StepThen::Next;
         }},
        {.op = Op::ReadReg,
         .data = words({m_chip->macEfuseReg + 4}),
         .onReply = [](const RomResponse &r, MacWords &mac) -> StepResult {
             mac.mac1 = r.value;
             return StepThen::Next;
         }},
    };
    RomConversation<MacWords>::run(this, romSend(), read, {}, [this](Result<MacWords> r) {
        if (!r)
            return finishConnect(r.error());
        const quint8 mac[6] = {quint8(r->mac1 >> 8),  quint8(r->mac1),      quint8(r->mac0 >> 24),
                               quint8(r->mac0 >> 16), quint8(r->mac0 >> 8), quint8(r->mac0)};
        m_board.mac = QByteArray(reinterpret_cast<const char *>(mac), 6);
        readRevision();
    });
}

void LoaderSession::readRevision()
{
    // The revision is information, not a precondition: a register the ROM refuses or a
    // reply that never comes leaves it "unknown" and identification carries on.
    auto unreadable = [this](quint32 address, RevisionWords &revision) -> StepResult {
        Q_EMIT message(tr("Chip revision unknown: eFuse register 0x%1 could not be read.")
                           .arg(address, 8, 16, QLatin1Char('0')));
        revision.unreadable = true;
        return StepThen::Finish;
    };
    using Step = RomStep<RevisionWords>;
    QList<Step> read;
    for (const quint32 address : m_chip->revision.registers())
        read.append({.op = Op::ReadReg,
                     .data = words({address}),
                     .onReply = [address, unreadable](const RomResponse &r,
                                                      RevisionWords &revision) -> StepResult {
                         if (!r.ok())
                             return unreadable(address, revision);
                         revision.values.insert(address, r.value);
                         return StepThen::Next;
                     },
                     .onError = [this, address, unreadable](const Error &e,
                                                            RevisionWords &revision) -> StepResult {
                         if (m_linkLost || m_cancelled)
                             return e;
                         return unreadable(address, revision);
                     },
                     .acceptFailure = true});
    RomConversation<RevisionWords>::run(this, romSend(), read, {}, [this](Result<RevisionWords> r) {
        if (!r)
            return finishConnect(r.error());
        m_board.revision = r->unreadable
                               ? ChipRevision{}
                               : decodeChipRevision(m_chip->revision, m_chip->name, r->values);
        attachAndReadFlashId();
    });
}

void LoaderSession::attachAndReadFlashId()
{
    const quint32 base = m_chip->spiRegBase;
    const ChipDescription &c = *m_chip;
    using Step = RomStep<SavedSpiUser>;
    const QList<Step> identify = {
        // The ROM wants the pin config word plus 4 bytes of "is_legacy" zeros.
        {.op = Op::SpiAttach, .data = words({0, 0})},
        // Save USR/USR2, run RDID (0x9F) through the SPI user-command registers, read W0, restore.
        {.op = Op::ReadReg,
         .data = words({base + c.spiUsr}),
         .onReply = [](const RomResponse &r, SavedSpiUser &saved) -> StepResult {
             saved.usr = r.value;
             return StepThen::Next;
         }},
        {.op = Op::ReadReg,
         .data = words({base + c.spiUsr2}),
         .onReply = [](const RomResponse &r, SavedSpiUser &saved) -> StepResult {
             saved.usr2 = r.value;
             return StepThen::Next;
         }},
        {.op = Op::WriteReg,
         .data = registerWrite(base + c.spiMisoDlen, 23) + registerWrite(base + c.spiMosiDlen, 0)
                 + registerWrite(base + c.spiUsr, SpiUsrCommand | SpiUsrMiso)
                 + registerWrite(base + c.spiUsr2, (7u << 28) | 0x9F)
                 + registerWrite(base + c.spiW0, 0) + registerWrite(base, SpiCmdUsr)},
        {.op = Op::ReadReg,
         .data = words({base}),
         .onReply = [](const RomResponse &r, SavedSpiUser &) -> StepResult {
             if (!(r.value & SpiCmdUsr))
                 return StepThen::Next;
             return Error::make(
                 QStringLiteral("flash.id"), tr("The flash chip did not answer its ID command."),
                 QStringLiteral("SPI CMD busy 0x%1").arg(r.value, 8, 16, QLatin1Char('0')));
         }},
        {.op = Op::ReadReg,
         .data = words({base + c.spiW0}),
         .onReply = [this](const RomResponse &r, SavedSpiUser &) -> StepResult {
             m_board.flashId = r.value & 0xFFFFFF;
             m_board.flashSize = flashSizeFromJedec(m_board.flashId);
             if (!m_board.flashSize) {
                 m_board.flashSize = 4 * 1024 * 1024; // esptool's fallback for unknown parts
                 m_board.flashSizeGuessed = true;
             }
             return StepThen::Next;
         }},
        // The return type spelt out: deduced, it would be a QStringBuilder over temporaries.
        {.op = Op::WriteReg,
         .dataFrom = [usr = base + c.spiUsr,
                      usr2 = base + c.spiUsr2](const SavedSpiUser &saved) -> QByteArray {
             return registerWrite(usr, saved.usr) + registerWrite(usr2, saved.usr2);
         }},
    };
    RomConversation<SavedSpiUser>::run(this, romSend(), identify, {},
                                       [this](Result<SavedSpiUser> r) {
                                           if (!r)
                                               return finishConnect(r.error());
                                           setParamsAndBaud();
                                       });
}

void LoaderSession::setParamsAndBaud()
{
    postSync([this](Result<void> r) {
        if (!r)
            return finishConnect(r.error());
        m_board.baud = m_link->baudRate();
        Q_EMIT message(tr("%1, MAC %2, %3 MiB flash")
                           .arg(m_board.chipDescription(), m_board.macText())
                           .arg(m_board.flashSize / (1024 * 1024)));
        finishConnect(m_board);
    });
}

void LoaderSession::postSync(std::function<void(Result<void>)> done)
{
    const qint32 baud = m_options.baud;
    using Step = RomStep<BaudSwitch>;
    const QList<Step> setup = {
        {.op = Op::SpiSetParams,
         .data = words({0, m_board.flashSize, 0x10000, 0x1000, 0x100, 0xFFFF})},
        // The ROM takes 0 as the old rate; it answers at the old rate and then switches.
        {.op = Op::ChangeBaudrate,
         .data = words({quint32(baud), 0}),
         .onReply = [this, baud](const RomResponse &, BaudSwitch &s) -> StepResult {
             m_link->setBaudRate(baud);
             s.switched = true;
             return StepThen::Next;
         },
         .when =
             [this, baud](const BaudSwitch &) {
                 return m_link->canChangeBaud() && baud > 0 && baud != m_link->baudRate();
             }},
    };
    RomConversation<BaudSwitch>::run(this, romSend(), setup, {},
                                     [this, done](Result<BaudSwitch> r) {
                                         if (!r)
                                             return done(r.error());
                                         if (!r->switched)
                                             return done({});
                                         QTimer::singleShot(50, this, [this, done] {
                                             m_link->discardInput();
                                             m_client->resetDecoder();
                                             done({});
                                         });
                                     });
}

} // namespace Forgeline::Flasher
