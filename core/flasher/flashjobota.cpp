// SPDX-License-Identifier: GPL-3.0-or-later
// FlashJob after an app write: which app partition the bootloader will start (otadata), and
// making the written one that partition when asked.
#include "core/flasher/flashjob.h"

#include "core/flasher/backupstore.h"
#include "core/image/flashencryption.h"
#include "core/image/imagechip.h"
#include "core/image/otadata.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace Forgeline::Flasher {

namespace OtaData = Image::OtaData;

namespace {

// With flash encryption on, ESP-IDF keeps otadata encrypted like the apps (esp_partition's
// partition.c marks app and data/ota partitions encrypted; the bootloader writes otadata with
// write_encrypted), so its bytes are read and written through the board's key.
Result<QByteArray> otadataCrypt(const BoardInfo &board, const FlashJobRequest &request,
                                quint32 address, const QByteArray &bytes, bool encrypt)
{
    const Image::ImageChip *chip = Image::imageChipByKey(board.chipKey);
    if (!chip)
        return Error::make(QStringLiteral("otadata.chip"),
                           QStringLiteral("unknown chip %1").arg(board.chipKey));
    Image::FlashCryptParams params;
    params.scheme = chip->flashCrypt;
    params.key = request.flashEncryptionKey;
    params.address = address;
    params.flashCryptConfig = request.flashCryptConfig;
    return encrypt ? Image::flashEncrypt(params, bytes) : Image::flashDecrypt(params, bytes);
}

// The app is written and verified by the time otadata is touched: an error here says so
// rather than calling the app partially written.
Error afterWriteError(const QString &app, const QString &backup, Error cause)
{
    cause.message = QCoreApplication::translate(
                        "Forgeline::Flasher::FlashJob",
                        "%1 was written and verified, but otadata was not updated: %2")
                        .arg(app, cause.message);
    if (!backup.isEmpty())
        cause.fix = QCoreApplication::translate(
                        "Forgeline::Flasher::FlashJob",
                        "Restore otadata with: forgeline-cli restore --port PORT --backup %1")
                        .arg(backup);
    if (!cause.isCancelled())
        cause.code = QStringLiteral("write.partial:") + cause.code;
    return cause;
}

} // namespace

Result<void> FlashJob::checkBootSwitch(const Image::Partition &target) const
{
    if (!m_request.setBootPartition || !m_outcome.table)
        return {};
    const Image::PartitionTable &table = *m_outcome.table;
    const bool factory = target.type == 0x00 && target.subtype == 0x00;
    const int slot = OtaData::otaSlot(target);
    if (!factory && slot < 0)
        return Error::make(
            QStringLiteral("otadata.target"),
            tr("\"%1\" is not a factory or OTA partition; the bootloader cannot be told to start it.")
                .arg(target.name));
    const Image::Partition *otadata = OtaData::otadataPartition(table);
    if (!otadata) {
        if (factory)
            return {}; // without otadata the bootloader always starts factory
        return Error::make(
            QStringLiteral("otadata.missing"),
            tr("The board's partition table has no otadata partition; the bootloader cannot be told to start %1.")
                .arg(target.name));
    }
    if (otadata->size < OtaData::Size)
        return Error::make(QStringLiteral("otadata.size"),
                           tr("The otadata partition is smaller than its two 4 KiB sectors."),
                           QStringLiteral("size 0x%1").arg(otadata->size, 0, 16));
    if (slot >= OtaData::otaPartitionCount(table))
        return Error::make(
            QStringLiteral("otadata.slot"),
            tr("%1 is not reachable: the table's OTA partitions are not numbered ota_0, ota_1 … without gaps.")
                .arg(target.name));
    if (m_outcome.board.flashEncryptionEnabled() && m_request.flashEncryptionKey.isEmpty())
        return Error::make(
            QStringLiteral("otadata.key"),
            tr("Flash encryption is on: otadata is stored encrypted, so making %1 the boot partition needs the board's flash encryption key.")
                .arg(target.name),
            {},
            tr("Give the board's flash encryption key file (CLI: --flash-key), or write without making it the boot partition."));
    return {};
}

void FlashJob::afterAppWrite()
{
    const Image::PartitionTable &table = *m_outcome.table;
    const Image::Partition *otadata = OtaData::otadataPartition(table);
    const bool encrypted = m_outcome.board.flashEncryptionEnabled();
    if (!otadata || otadata->size < OtaData::Size) {
        const OtaData::BootSelection s = OtaData::selectBootPartition(table, {});
        m_outcome.bootPartition = s.partition ? s.partition->name : QString();
        m_outcome.bootReason = s.reason;
        return resetAndFinish();
    }
    if (encrypted && m_request.flashEncryptionKey.isEmpty()) {
        m_outcome.bootReason
            = tr("otadata is encrypted (flash encryption on); give the key to read it");
        return resetAndFinish();
    }
    Q_EMIT stageChanged(tr("Reading otadata"));
    const Image::Partition part = *otadata;
    m_session->readFlash(
        part.offset, OtaData::Size, [this, part, encrypted](Result<QByteArray> raw) {
            if (!raw)
                return finish(
                    afterWriteError(m_appTarget->name, m_outcome.otadataBackupPath, raw.error()));
            m_session->flashMd5(
                part.offset, OtaData::Size,
                [this, part, encrypted, raw = *raw](Result<QByteArray> md5) {
                    if (!md5)
                        return finish(afterWriteError(m_appTarget->name,
                                                      m_outcome.otadataBackupPath, md5.error()));
                    if (*md5 != QCryptographicHash::hash(raw, QCryptographicHash::Md5))
                        return finish(afterWriteError(
                            m_appTarget->name, m_outcome.otadataBackupPath,
                            Error::make(
                                QStringLiteral("read.verify"),
                                tr("The otadata read back does not match the chip's MD5."))));
                    QByteArray plain = raw;
                    if (encrypted) {
                        auto decrypted
                            = otadataCrypt(m_outcome.board, m_request, part.offset, raw, false);
                        if (!decrypted)
                            return finish(afterWriteError(
                                m_appTarget->name, m_outcome.otadataBackupPath, decrypted.error()));
                        plain = *decrypted;
                    }
                    const OtaData::BootSelection before
                        = OtaData::selectBootPartition(*m_outcome.table, plain);
                    m_outcome.bootPartition = before.partition ? before.partition->name : QString();
                    m_outcome.bootReason = before.reason;
                    if (!m_request.setBootPartition || m_outcome.bootPartition == m_appTarget->name)
                        return resetAndFinish();
                    switchOtadata(part, raw, plain);
                });
        });
}

void FlashJob::switchOtadata(const Image::Partition &otadata, const QByteArray &raw,
                             const QByteArray &plain)
{
    const Image::PartitionTable &table = *m_outcome.table;
    const int slot = OtaData::otaSlot(*m_appTarget);
    // esp_ota_set_boot_partition(factory) erases otadata; an OTA slot gets the next seq.
    Result<QByteArray> next
        = slot < 0 ? Result<QByteArray>(QByteArray(OtaData::Size, char(0xFF)))
                   : OtaData::switchToSlot(plain, slot, OtaData::otaPartitionCount(table));
    if (!next)
        return finish(
            afterWriteError(m_appTarget->name, m_outcome.otadataBackupPath, next.error()));
    QByteArray bytes = *next;
    // factory: otadata is erased raw, as esp_partition_erase_range does with encryption on too
    // (the bootloader then finds no valid copy and starts factory); entries are encrypted.
    if (m_outcome.board.flashEncryptionEnabled() && slot >= 0) {
        auto enc = otadataCrypt(m_outcome.board, m_request, otadata.offset, bytes, true);
        if (!enc)
            return finish(
                afterWriteError(m_appTarget->name, m_outcome.otadataBackupPath, enc.error()));
        bytes = *enc;
    }
    if (m_request.backup) {
        auto rec = BackupStore(m_request.backupDirectory)
                       .save(m_outcome.board.macText(), m_outcome.board.chipName, otadata.name,
                             otadata.offset, raw);
        if (!rec)
            return finish(
                afterWriteError(m_appTarget->name, m_outcome.otadataBackupPath, rec.error()));
        m_outcome.otadataBackupPath = rec->path;
        Q_EMIT message(tr("Backup of otadata saved to %1").arg(rec->path));
    }
    Q_EMIT stageChanged(tr("Making %1 the boot partition").arg(m_appTarget->name));
    m_session->writeFlash(otadata.offset, bytes, [this, next = *next](Result<void> r) {
        if (!r)
            return finish(
                afterWriteError(m_appTarget->name, m_outcome.otadataBackupPath, r.error()));
        const OtaData::BootSelection after = OtaData::selectBootPartition(*m_outcome.table, next);
        m_outcome.bootPartition = after.partition ? after.partition->name : QString();
        m_outcome.bootReason = after.reason;
        m_outcome.bootSwitched = true;
        resetAndFinish();
    });
}

void FlashJob::resetAndFinish()
{
    Q_EMIT stageChanged(tr("Resetting the board"));
    m_session->hardReset([this] { finish(m_outcome); });
}

} // namespace Forgeline::Flasher
