// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/loadersession.h"

#include "core/flasher/portdiscovery.h"
#include "core/flasher/romclient.h"
#include "core/flasher/seriallink.h"

#include <QTimer>

namespace Forgeline::Flasher {

namespace {
constexpr int DefaultTimeoutMs = 3000;
constexpr int SyncTimeoutMs = 100;
constexpr int SyncTriesPerAttempt = 5;
constexpr quint32 SpiUsrCommand = 1u << 31;
constexpr quint32 SpiUsrMiso = 1u << 28;
constexpr quint32 SpiCmdUsr = 1u << 18;

QByteArray words(std::initializer_list<quint32> values)
{
    QByteArray out;
    for (quint32 v : values)
        appendU32(out, v);
    return out;
}
} // namespace

QString BoardInfo::flashEncryptionText() const
{
    if (!flashCryptCnt)
        return LoaderSession::tr("unknown");
    return (flashEncryptionEnabled() ? LoaderSession::tr("on (crypt count 0x%1)")
                                     : LoaderSession::tr("off (crypt count 0x%1)"))
        .arg(*flashCryptCnt, 0, 16);
}

QJsonObject BoardInfo::toJson() const
{
    return QJsonObject{
        {QStringLiteral("chip"), chipName},
        {QStringLiteral("chipKey"), chipKey},
        {QStringLiteral("chipId"), chipId},
        {QStringLiteral("mac"), macText()},
        {QStringLiteral("flashId"), QStringLiteral("0x%1").arg(flashId, 6, 16, QLatin1Char('0'))},
        {QStringLiteral("flashManufacturer"),
         QStringLiteral("0x%1").arg(flashId & 0xFF, 2, 16, QLatin1Char('0'))},
        {QStringLiteral("flashDevice"), QStringLiteral("0x%1%2")
                                            .arg((flashId >> 8) & 0xFF, 2, 16, QLatin1Char('0'))
                                            .arg((flashId >> 16) & 0xFF, 2, 16, QLatin1Char('0'))},
        {QStringLiteral("flashSize"), qint64(flashSize)},
        {QStringLiteral("flashSizeGuessed"), flashSizeGuessed},
        {QStringLiteral("securityInfo"), securityInfo},
        {QStringLiteral("securityFlags"), qint64(securityFlags)},
        {QStringLiteral("secureDownload"), secureDownload},
        {QStringLiteral("flashCryptCnt"),
         flashCryptCnt ? QJsonValue(int(*flashCryptCnt)) : QJsonValue()},
        {QStringLiteral("flashEncryption"),
         flashCryptCnt ? QJsonValue(flashEncryptionEnabled()) : QJsonValue()},
        {QStringLiteral("reset"), resetUsed},
        {QStringLiteral("baud"), baud},
        {QStringLiteral("revision"), revision.text()},
        {QStringLiteral("revisionMajor"),
         revision.known ? QJsonValue(revision.major) : QJsonValue()},
        {QStringLiteral("revisionMinor"),
         revision.known ? QJsonValue(revision.minor) : QJsonValue()},
        {QStringLiteral("chipRevision"),
         revision.known ? QJsonValue(revision.number()) : QJsonValue()},
        {QStringLiteral("chipDescription"), chipDescription()},
    };
}

QString BoardInfo::chipDescription() const
{
    if (revision.known && !revision.description.isEmpty())
        return revision.description;
    return QStringLiteral("%1 (revision %2)").arg(chipName, revision.text());
}

LoaderSession::LoaderSession(QObject *parent)
    : QObject(parent), m_link(new SerialLink(this)), m_client(new RomClient(m_link, this)),
      m_reset(new ResetRunner(this))
{
    connect(m_link, &SerialLink::failed, this, [this](const Error &e) {
        if (m_linkLost)
            return;
        m_linkLost = true;
        m_linkError = e;
        m_client->abort(e);
        if (m_connectDone && !m_client->busy())
            finishConnect(e);
    });
    connect(m_link, &SerialLink::opened, this, [this] {
        if (!m_connectDone)
            return;
        m_attempts = resetAttempts(m_options.reset, isUsbJtagPort(m_options.port),
                                   m_link->hasModemLines());
        tryAttempt(0);
    });
    connect(m_client, &RomClient::chipReset, this,
            [this](const QByteArray &banner) { m_lastBanner = banner; });
}

LoaderSession::~LoaderSession() = default;

Error LoaderSession::cancelledError()
{
    return Error::make(ErrorCode::Cancelled, tr("Cancelled."));
}

qint64 LoaderSession::bytesSent() const { return m_client->bytesSent(); }

void LoaderSession::cancel()
{
    m_cancelled = true;
    m_reset->stop();
}

void LoaderSession::close()
{
    m_reset->stop();
    m_link->close();
}

void LoaderSession::cmd(quint8 op, const QByteArray &data, quint32 checksum, int timeoutMs,
                        Next next, bool acceptFailure)
{
    if (m_linkLost) {
        next(m_linkError);
        return;
    }
    if (m_cancelled) {
        next(cancelledError());
        return;
    }
    m_client->command(op, data, checksum, timeoutMs, std::move(next), acceptFailure);
}

void LoaderSession::connectBoard(const Options &options,
                                 std::function<void(Result<BoardInfo>)> done)
{
    m_options = options;
    m_board = BoardInfo{};
    m_chip = nullptr;
    m_cancelled = false;
    m_linkLost = false;
    m_connectDone = std::move(done);
    Q_EMIT message(tr("Opening %1").arg(options.port));
    m_link->open(options.port, 115200); // the ROM auto-bauds at 115200; faster comes later
}

void LoaderSession::finishConnect(Result<BoardInfo> result)
{
    auto done = std::move(m_connectDone);
    m_connectDone = nullptr;
    if (done)
        done(std::move(result));
}

void LoaderSession::tryAttempt(int attempt)
{
    if (m_cancelled || m_linkLost) {
        finishConnect(m_linkLost ? m_linkError : cancelledError());
        return;
    }
    if (attempt >= m_attempts.size()) {
        const QString banner = QString::fromLatin1(m_lastBanner);
        QString message = tr("The chip did not answer on %1.").arg(m_options.port);
        QString fix = tr("Check the cable and power; hold BOOT and press RESET, then try again.");
        if (banner.contains(QLatin1String("waiting for download")))
            message = tr("Download mode detected, but no sync reply on %1.").arg(m_options.port);
        else if (banner.contains(QLatin1String("boot:")))
            message = tr("Wrong boot mode detected; the chip is not in download mode.");
        finishConnect(Error::make(QStringLiteral("rom.sync"), message,
                                  QStringLiteral("%1 attempts; last output: %2")
                                      .arg(m_attempts.size())
                                      .arg(banner.simplified()),
                                  fix));
        return;
    }
    const ResetAttempt a = m_attempts.at(attempt);
    m_board.resetUsed = resetKindName(a.kind);
    m_reset->run(m_link, resetSequence(a.kind, a.delayMs), [this, attempt] {
        m_link->discardInput();
        m_client->resetDecoder();
        syncTry(attempt, 0);
    });
}

void LoaderSession::syncTry(int attempt, int tryIndex)
{
    cmd(Op::Sync, Rom::syncPayload(), 0, SyncTimeoutMs,
        [this, attempt, tryIndex](Result<RomResponse> r) {
            if (r) {
                afterSync();
                return;
            }
            if (r.error().isCancelled() || m_linkLost) {
                finishConnect(r.error());
                return;
            }
            if (tryIndex + 1 < SyncTriesPerAttempt)
                QTimer::singleShot(50, this,
                                   [this, attempt, tryIndex] { syncTry(attempt, tryIndex + 1); });
            else
                tryAttempt(attempt + 1);
        });
}

void LoaderSession::afterSync()
{
    Q_EMIT message(tr("Connected to the ROM loader"));
    cmd(
        Op::GetSecurityInfo, {}, 0, DefaultTimeoutMs,
        [this](Result<RomResponse> r) {
            if (!r) {
                finishConnect(r.error());
                return;
            }
            if (r->ok() && r->data.size() >= 12) {
                m_board.securityInfo = true;
                m_board.securityFlags = readU32(r->data, 0);
                m_board.secureDownload = m_board.securityFlags & (1u << 2);
                m_board.flashCryptCnt = quint8(r->data.at(4));
            }
            if (r->ok() && r->data.size() >= 20) {
                m_board.chipId = int(readU32(r->data, 12));
                m_board.ecoVersion = readU32(r->data, 16);
                m_chip = ChipDatabase::instance().byChipId(m_board.chipId);
                if (!m_chip) {
                    finishConnect(Error::make(
                        QStringLiteral("chip.unknown"),
                        tr("This chip (id %1) is not supported.").arg(m_board.chipId),
                        QStringLiteral("GET_SECURITY_INFO chip_id=%1").arg(m_board.chipId)));
                    return;
                }
                readMac();
                return;
            }
            detectByMagic(); // ESP32 ("unsupported") and ESP32-S2 (12-byte reply, no chip id)
        },
        true);
}

void LoaderSession::detectByMagic()
{
    cmd(
        Op::ReadReg, words({Rom::ChipDetectMagicReg}), 0, DefaultTimeoutMs,
        [this](Result<RomResponse> r) {
            if (!r) {
                finishConnect(r.error());
                return;
            }
            if (!r->ok()) {
                m_chip = ChipDatabase::instance().byKey(QStringLiteral("esp32s2"));
                m_board.secureDownload = true;
            } else {
                m_chip = ChipDatabase::instance().byMagic(r->value);
            }
            if (!m_chip) {
                finishConnect(Error::make(
                    QStringLiteral("chip.unknown"),
                    tr("Unknown chip (magic value 0x%1).").arg(r->value, 8, 16, QLatin1Char('0')),
                    QStringLiteral("READ_REG 0x40001000 = 0x%1")
                        .arg(r->value, 8, 16, QLatin1Char('0'))));
                return;
            }
            m_board.chipId = m_chip->chipId;
            if (m_chip->key != QLatin1String("esp32")) {
                readMac();
                return;
            }
            // The ESP32 has no GET_SECURITY_INFO: FLASH_CRYPT_CNT is bits 20-26 of EFUSE_BLK0_RDATA0
            // (esptool targets/esp32.py). A board that refuses the read just leaves it unknown.
            cmd(
                Op::ReadReg, words({Rom::Esp32EfuseBlk0Rdata0}), 0, DefaultTimeoutMs,
                [this](Result<RomResponse> e) {
                    if (!e) {
                        finishConnect(e.error());
                        return;
                    }
                    if (e->ok())
                        m_board.flashCryptCnt = quint8((e->value >> 20) & 0x7F);
                    readMac();
                },
                true);
        },
        true);
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
    cmd(Op::ReadReg, words({m_chip->macEfuseReg}), 0, DefaultTimeoutMs,
        [this](Result<RomResponse> r0) {
            if (!r0) {
                finishConnect(r0.error());
                return;
            }
            const quint32 mac0 = r0->value;
            cmd(Op::ReadReg, words({m_chip->macEfuseReg + 4}), 0, DefaultTimeoutMs,
                [this, mac0](Result<RomResponse> r1) {
                    if (!r1) {
                        finishConnect(r1.error());
                        return;
                    }
                    const quint32 mac1 = r1->value;
                    const quint8 mac[6]
                        = {quint8(mac1 >> 8),  quint8(mac1),      quint8(mac0 >> 24),
                           quint8(mac0 >> 16), quint8(mac0 >> 8), quint8(mac0)};
                    m_board.mac = QByteArray(reinterpret_cast<const char *>(mac), 6);
                    readRevision(m_chip->revision.registers(), {});
                });
        });
}

void LoaderSession::readRevision(QList<quint32> pending, QHash<quint32, quint32> values)
{
    // The revision is information, not a precondition: a register the ROM refuses or a
    // reply that never comes leaves it "unknown" and identification carries on.
    if (pending.isEmpty()) {
        m_board.revision = decodeChipRevision(m_chip->revision, m_chip->name, values);
        attachAndProbe();
        return;
    }
    const quint32 address = pending.takeFirst();
    cmd(
        Op::ReadReg, words({address}), 0, DefaultTimeoutMs,
        [this, address, pending = std::move(pending),
         values = std::move(values)](Result<RomResponse> r) mutable {
            if (!r && (m_linkLost || m_cancelled))
                return finishConnect(r.error());
            if (!r || !r->ok()) {
                Q_EMIT message(tr("Chip revision unknown: eFuse register 0x%1 could not be read.")
                                   .arg(address, 8, 16, QLatin1Char('0')));
                m_board.revision = ChipRevision{};
                attachAndProbe();
                return;
            }
            values.insert(address, r->value);
            readRevision(std::move(pending), std::move(values));
        },
        true);
}

void LoaderSession::attachAndProbe()
{
    // The ROM wants the pin config word plus 4 bytes of "is_legacy" zeros.
    cmd(Op::SpiAttach, words({0, 0}), 0, DefaultTimeoutMs, [this](Result<RomResponse> r) {
        if (!r) {
            finishConnect(r.error());
            return;
        }
        readFlashId();
    });
}

void LoaderSession::readFlashId()
{
    const quint32 base = m_chip->spiRegBase;
    // Save USR/USR2, run RDID (0x9F) through the SPI user-command registers, read W0, restore.
    cmd(Op::ReadReg, words({base + m_chip->spiUsr}), 0, DefaultTimeoutMs,
        [this, base](Result<RomResponse> usr) {
            if (!usr)
                return finishConnect(usr.error());
            cmd(Op::ReadReg, words({base + m_chip->spiUsr2}), 0, DefaultTimeoutMs,
                [this, base, oldUsr = usr->value](Result<RomResponse> usr2) {
                    if (!usr2)
                        return finishConnect(usr2.error());
                    const quint32 oldUsr2 = usr2->value;
                    QByteArray groups;
                    const quint32 all = 0xFFFFFFFF;
                    groups += words({base + m_chip->spiMisoDlen, 23, all, 0});
                    groups += words({base + m_chip->spiMosiDlen, 0, all, 0});
                    groups += words({base + m_chip->spiUsr, SpiUsrCommand | SpiUsrMiso, all, 0});
                    groups += words({base + m_chip->spiUsr2, (7u << 28) | 0x9F, all, 0});
                    groups += words({base + m_chip->spiW0, 0, all, 0});
                    groups += words({base, SpiCmdUsr, all, 0});
                    cmd(Op::WriteReg, groups, 0, DefaultTimeoutMs,
                        [this, base, oldUsr, oldUsr2](Result<RomResponse> w) {
                            if (!w)
                                return finishConnect(w.error());
                            cmd(Op::ReadReg, words({base}), 0, DefaultTimeoutMs,
                                [this, base, oldUsr, oldUsr2](Result<RomResponse> c) {
                                    if (!c)
                                        return finishConnect(c.error());
                                    if (c->value & SpiCmdUsr)
                                        return finishConnect(Error::make(
                                            QStringLiteral("flash.id"),
                                            tr("The flash chip did not answer its ID command."),
                                            QStringLiteral("SPI CMD busy 0x%1")
                                                .arg(c->value, 8, 16, QLatin1Char('0'))));
                                    cmd(Op::ReadReg, words({base + m_chip->spiW0}), 0,
                                        DefaultTimeoutMs,
                                        [this, base, oldUsr, oldUsr2](Result<RomResponse> id) {
                                            if (!id)
                                                return finishConnect(id.error());
                                            m_board.flashId = id->value & 0xFFFFFF;
                                            m_board.flashSize = flashSizeFromJedec(m_board.flashId);
                                            if (!m_board.flashSize) {
                                                m_board.flashSize
                                                    = 4 * 1024
                                                      * 1024; // esptool's fallback for unknown parts
                                                m_board.flashSizeGuessed = true;
                                            }
                                            const quint32 all = 0xFFFFFFFF;
                                            QByteArray restore
                                                = words({base + m_chip->spiUsr, oldUsr, all, 0});
                                            restore
                                                += words({base + m_chip->spiUsr2, oldUsr2, all, 0});
                                            cmd(Op::WriteReg, restore, 0, DefaultTimeoutMs,
                                                [this](Result<RomResponse> r) {
                                                    if (!r)
                                                        return finishConnect(r.error());
                                                    setParamsAndBaud();
                                                });
                                        });
                                });
                        });
                });
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
    const QByteArray params = words({0, m_board.flashSize, 0x10000, 0x1000, 0x100, 0xFFFF});
    cmd(Op::SpiSetParams, params, 0, DefaultTimeoutMs, [this, done](Result<RomResponse> r) {
        if (!r)
            return done(r.error());
        const qint32 baud = m_options.baud;
        if (!m_link->canChangeBaud() || baud <= 0 || baud == m_link->baudRate())
            return done({});
        // The ROM takes 0 as the old rate; it answers at the old rate and then switches.
        cmd(Op::ChangeBaudrate, words({quint32(baud), 0}), 0, DefaultTimeoutMs,
            [this, done, baud](Result<RomResponse> c) {
                if (!c)
                    return done(c.error());
                m_link->setBaudRate(baud);
                QTimer::singleShot(50, this, [this, done] {
                    m_link->discardInput();
                    m_client->resetDecoder();
                    done({});
                });
            });
    });
}

void LoaderSession::resync(std::function<void(Result<void>)> done)
{
    // After a chip reset the ROM is back at 115200 with SPI detached.
    if (m_link->canChangeBaud())
        m_link->setBaudRate(115200);
    m_link->discardInput();
    m_client->resetDecoder();
    resyncTry(0, std::move(done));
}

void LoaderSession::resyncTry(int tryIndex, std::function<void(Result<void>)> done)
{
    cmd(Op::Sync, Rom::syncPayload(), 0, SyncTimeoutMs,
        [this, tryIndex, done](Result<RomResponse> r) {
            if (!r) {
                if (tryIndex < 20 && !m_cancelled && !m_linkLost)
                    QTimer::singleShot(50, this,
                                       [this, tryIndex, done] { resyncTry(tryIndex + 1, done); });
                else
                    done(r.error());
                return;
            }
            cmd(Op::SpiAttach, words({0, 0}), 0, DefaultTimeoutMs,
                [this, done](Result<RomResponse> a) {
                    if (!a)
                        return done(a.error());
                    postSync(done);
                });
        });
}

void LoaderSession::hardReset(std::function<void()> done)
{
    if (m_linkLost) {
        done();
        return;
    }
    if (m_link->hasModemLines()) {
        m_reset->run(m_link, hardResetSequence(), std::move(done));
        return;
    }
    // No RTS to pulse: FLASH_BEGIN(0,0) then FLASH_END(reboot) makes the ROM reset itself.
    const bool five = m_chip && m_chip->flashBeginWords >= 5;
    QByteArray begin = words({0, 0, Rom::FlashWriteSize, 0});
    if (five)
        appendU32(begin, 0);
    m_cancelled = false;
    cmd(Op::FlashBegin, begin, 0, DefaultTimeoutMs, [this, done](Result<RomResponse>) {
        cmd(Op::FlashEnd, words({0}), 0, 500, [done](Result<RomResponse>) { done(); });
    });
}

} // namespace Forgeline::Flasher
