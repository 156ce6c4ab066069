// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/flashjob.h"

#include "core/common/logger.h"
#include "core/flasher/appimagecheck.h"
#include "core/flasher/backupstore.h"
#include "core/image/certpayload.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace Forgeline::Flasher {

using Image::Partition;
using Image::PartitionTable;

FlashJob::FlashJob(QObject *parent) : QObject(parent), m_session(new LoaderSession(this))
{
    connect(m_session, &LoaderSession::progress, this, &FlashJob::progress);
    connect(m_session, &LoaderSession::message, this, [this](const QString &line) {
        Logger::instance().info(QStringLiteral("flash"), line);
        Q_EMIT message(line);
    });
}

void FlashJob::cancel()
{
    if (m_running)
        m_session->cancel();
}

void FlashJob::start(const FlashJobRequest &request)
{
    m_request = request;
    m_outcome = FlashJobOutcome{};
    m_writeData.clear();
    m_expectMac.clear();
    m_flashTouched = false;
    m_appTarget.reset();
    m_running = true;
    m_clock.start();
    if (request.kind == FlashJobRequest::Kind::Restore) {
        QByteArray contents;
        auto rec = BackupStore::load(request.backupFile, &contents);
        if (!rec)
            return finish(rec.error());
        m_writeData = contents;
        m_request.address = rec->offset;
        m_request.partition = rec->partition;
        m_request.backup = false; // restoring is itself the way back
        if (!request.allowAnyMac)
            m_expectMac = rec->mac;
    }
    Q_EMIT stageChanged(tr("Connecting"));
    m_session->connectBoard(request.link, [this](Result<BoardInfo> board) {
        if (!board)
            return finish(board.error());
        m_outcome.board = *board;
        onConnected();
    });
}

void FlashJob::onConnected()
{
    if (!m_expectMac.isEmpty() && m_expectMac != m_outcome.board.macText())
        return finish(
            Error::make(QStringLiteral("restore.mac"),
                        tr("This backup belongs to board %1, but %2 is connected.")
                            .arg(m_expectMac, m_outcome.board.macText()),
                        {}, tr("Connect the right board, or allow restoring onto another board.")));
    if (m_request.kind == FlashJobRequest::Kind::Identify) {
        m_session->hardReset([this] { finish(m_outcome); });
        return;
    }
    const bool needTable = m_request.kind == FlashJobRequest::Kind::ReadTable || !m_request.address;
    if (!needTable)
        return resolveTarget();
    Q_EMIT stageChanged(tr("Reading the partition table"));
    readTable([this](Result<PartitionTable> table) {
        if (!table)
            return finish(table.error());
        m_outcome.table = *table;
        if (m_request.kind == FlashJobRequest::Kind::ReadTable) {
            m_session->hardReset([this] { finish(m_outcome); });
            return;
        }
        resolveTarget();
    });
}

void FlashJob::readTable(std::function<void(Result<PartitionTable>)> done)
{
    readTableChunk(std::make_shared<QByteArray>(), std::move(done));
}

void FlashJob::readTableChunk(std::shared_ptr<QByteArray> buf,
                              std::function<void(Result<PartitionTable>)> done)
{
    // Read only as far as the end-of-table row: a few 64-byte reads instead of 0xC00 bytes.
    const int want = PartitionTable::bytesStillNeeded(*buf);
    if (want == 0) {
        auto table = PartitionTable::parse(*buf);
        if (!table) {
            Error e = table.error();
            e.message = tr("No valid partition table at 0x%1: %2")
                            .arg(m_request.tableOffset, 0, 16)
                            .arg(e.message);
            return done(e);
        }
        return done(table);
    }
    const quint32 chunk = 64;
    m_session->readFlash(m_request.tableOffset + quint32(buf->size()), chunk,
                         [this, buf, done](Result<QByteArray> r) {
                             if (!r)
                                 return done(r.error());
                             buf->append(*r);
                             readTableChunk(buf, done);
                         });
}

void FlashJob::resolveTarget()
{
    const BoardInfo &b = m_outcome.board;
    if (m_request.kind == FlashJobRequest::Kind::Write)
        m_writeData = m_request.payload;
    if (!m_request.address) {
        const Partition *p = m_outcome.table ? m_outcome.table->find(m_request.partition) : nullptr;
        if (!p) {
            QStringList names;
            if (m_outcome.table)
                for (const Partition &q : m_outcome.table->partitions)
                    names << q.name;
            return finish(
                Error::make(QStringLiteral("partition.missing"),
                            tr("The board has no partition named \"%1\".").arg(m_request.partition),
                            tr("partitions: %1").arg(names.join(QStringLiteral(", ")))));
        }
        if (m_request.kind == FlashJobRequest::Kind::Write && p->type == 0x00) {
            // App partitions take a checked app image; only the sectors it needs are
            // backed up and rewritten (the bootloader reads the image length from its header).
            AppWriteContext context;
            context.flashEncryptionKey = m_request.flashEncryptionKey;
            context.flashCryptConfig = m_request.flashCryptConfig;
            context.table = m_outcome.table;
            if (auto ok = checkAppImageForBoard(m_writeData, b, *p, context); !ok)
                return finish(ok.error());
            if (p->encrypted())
                return finish(Error::make(
                    QStringLiteral("partition.encrypted"),
                    tr("\"%1\" is marked encrypted; a plaintext write could not be verified.")
                        .arg(p->name)));
            // Refused before anything is written: a boot switch that cannot happen.
            if (auto switchable = checkBootSwitch(*p); !switchable)
                return finish(switchable.error());
            m_appTarget = *p;
            m_writeData.append(
                QByteArray((0x1000 - m_writeData.size() % 0x1000) % 0x1000, char(0xFF)));
            m_outcome.partition = p->name;
            m_outcome.address = p->offset;
            m_outcome.length = quint32(m_writeData.size());
        } else if (m_request.kind == FlashJobRequest::Kind::Write) {
            if (p->type == 0x02 || p->type == 0x03)
                return finish(Error::make(
                    QStringLiteral("partition.type"),
                    tr("\"%1\" is a %2 partition; certificates and keys go into data partitions.")
                        .arg(p->name, p->typeName()),
                    QStringLiteral("type 0x%1 subtype 0x%2")
                        .arg(p->type, 2, 16, QLatin1Char('0'))
                        .arg(p->subtype, 2, 16, QLatin1Char('0'))));
            if (p->encrypted())
                return finish(Error::make(
                    QStringLiteral("partition.encrypted"),
                    tr("\"%1\" is marked encrypted; a plaintext write could not be verified.")
                        .arg(p->name)));
            if (auto fits = Image::checkPayloadFits(m_writeData.size(), p->size, p->name); !fits)
                return finish(fits.error());
            // The ROM erases whole 4 KiB sectors: a ragged end would wipe the next partition's start.
            if (p->size % 0x1000 != 0)
                return finish(Error::make(
                    QStringLiteral("partition.align"),
                    tr("Partition \"%1\" is not a whole number of 4 KiB sectors; writing it would erase part of its neighbour.")
                        .arg(p->name),
                    QStringLiteral("size 0x%1").arg(p->size, 0, 16)));
            // Fill the rest with erased-flash 0xFF so nothing of the old contents survives.
            m_writeData.append(QByteArray(qsizetype(p->size) - m_writeData.size(), char(0xFF)));
        }
        if (!(m_request.kind == FlashJobRequest::Kind::Write && p->type == 0x00)) {
            m_outcome.partition = p->name;
            m_outcome.address = p->offset;
            m_outcome.length = p->size;
        }
    } else {
        m_outcome.partition = m_request.partition;
        m_outcome.address = *m_request.address;
        m_outcome.length = m_request.kind == FlashJobRequest::Kind::Read
                               ? m_request.size
                               : quint32(m_writeData.size());
        const bool isWrite = m_request.kind != FlashJobRequest::Kind::Read;
        if (isWrite && m_outcome.address % 0x1000 != 0)
            return finish(Error::make(
                QStringLiteral("address.align"),
                tr("Address 0x%1 is not 4 KiB aligned.").arg(m_outcome.address, 0, 16)));
        if (isWrite && m_writeData.isEmpty())
            return finish(Error::make(QStringLiteral("payload.empty"), tr("Nothing to write.")));
        if (isWrite && m_writeData.size() % 0x1000 != 0) {
            // Erasing is per 4 KiB sector: back up and rewrite whole sectors so a restore
            // brings back everything the erase touched.
            m_writeData.append(QByteArray(0x1000 - m_writeData.size() % 0x1000, char(0xFF)));
            m_outcome.length = quint32(m_writeData.size());
        }
    }
    if (quint64(m_outcome.address) + m_outcome.length > b.flashSize)
        return finish(Error::make(QStringLiteral("address.range"),
                                  tr("0x%1 + %2 bytes is beyond the %3 MiB flash.")
                                      .arg(m_outcome.address, 0, 16)
                                      .arg(m_outcome.length)
                                      .arg(b.flashSize >> 20)));
    if (m_request.kind == FlashJobRequest::Kind::Read)
        return readTarget();
    if (!m_request.backup)
        return writeTarget();
    takeBackup([this](Result<void> r) {
        if (!r)
            return finish(r.error());
        writeTarget();
    });
}

void FlashJob::takeBackup(std::function<void(Result<void>)> done)
{
    Q_EMIT stageChanged(
        tr("Backing up %1")
            .arg(m_outcome.partition.isEmpty() ? tr("the region") : m_outcome.partition));
    const quint32 addr = m_outcome.address;
    const quint32 len = m_outcome.length;
    m_session->flashMd5(addr, len, [this, addr, len, done](Result<QByteArray> md5) {
        if (!md5)
            return done(md5.error());
        auto save = [this, done](const QByteArray &contents) {
            auto rec = BackupStore(m_request.backupDirectory)
                           .save(m_outcome.board.macText(), m_outcome.board.chipName,
                                 m_outcome.partition, m_outcome.address, contents);
            if (!rec)
                return done(rec.error());
            m_outcome.backupPath = rec->path;
            Q_EMIT message(tr("Backup saved to %1").arg(rec->path));
            done({});
        };
        // An erased region needs no slow read: its MD5 already proves every byte is 0xFF.
        const QByteArray blank(qsizetype(len), char(0xFF));
        if (*md5 == QCryptographicHash::hash(blank, QCryptographicHash::Md5))
            return save(blank);
        const QByteArray expected = *md5;
        m_session->readFlash(addr, len, [save, expected, done](Result<QByteArray> data) {
            if (!data)
                return done(data.error());
            if (QCryptographicHash::hash(*data, QCryptographicHash::Md5) != expected)
                return done(Error::make(
                    QStringLiteral("backup.mismatch"),
                    QCoreApplication::translate(
                        "Forgeline::Flasher::FlashJob",
                        "The backup read did not match the chip's MD5; nothing was written."),
                    QStringLiteral("read MD5 %1, chip %2")
                        .arg(QString::fromLatin1(
                                 QCryptographicHash::hash(*data, QCryptographicHash::Md5).toHex()),
                             QString::fromLatin1(expected.toHex()))));
            save(*data);
        });
    });
}

void FlashJob::writeTarget()
{
    Q_EMIT stageChanged(tr("Writing %1")
                            .arg(m_outcome.partition.isEmpty()
                                     ? QStringLiteral("0x%1").arg(m_outcome.address, 0, 16)
                                     : m_outcome.partition));
    m_flashTouched = true;
    m_outcome.length = quint32(m_writeData.size());
    m_session->writeFlash(m_outcome.address, m_writeData, [this](Result<void> r) {
        if (!r)
            return finish(partialWriteError(r.error()));
        m_outcome.md5 = QCryptographicHash::hash(m_writeData, QCryptographicHash::Md5);
        if (m_appTarget)
            return afterAppWrite();
        resetAndFinish();
    });
}

void FlashJob::readTarget()
{
    Q_EMIT stageChanged(tr("Reading %1")
                            .arg(m_outcome.partition.isEmpty()
                                     ? QStringLiteral("0x%1").arg(m_outcome.address, 0, 16)
                                     : m_outcome.partition));
    m_session->readFlash(m_outcome.address, m_outcome.length, [this](Result<QByteArray> data) {
        if (!data)
            return finish(data.error());
        m_outcome.data = *data;
        m_session->flashMd5(m_outcome.address, m_outcome.length, [this](Result<QByteArray> md5) {
            if (!md5)
                return finish(md5.error());
            if (*md5 != QCryptographicHash::hash(m_outcome.data, QCryptographicHash::Md5))
                return finish(Error::make(QStringLiteral("read.verify"),
                                          tr("The data read back does not match the chip's MD5."),
                                          QString::fromLatin1(md5->toHex())));
            m_outcome.md5 = *md5;
            m_session->hardReset([this] { finish(m_outcome); });
        });
    });
}

Error FlashJob::partialWriteError(const Error &cause) const
{
    const QString what = m_outcome.partition.isEmpty()
                             ? QStringLiteral("0x%1").arg(m_outcome.address, 0, 16)
                             : m_outcome.partition;
    Error e = cause;
    e.code = cause.isCancelled() ? QString(ErrorCode::Cancelled)
                                 : QStringLiteral("write.partial:") + cause.code;
    const QString backup = m_outcome.backupPath.isEmpty()
                               ? tr("no backup was taken")
                               : tr("backup at %1").arg(m_outcome.backupPath);
    const QString reason = cause.isCancelled() ? tr("cancelled") : cause.message;
    e.message
        = tr("%1 partially written (%2); %3; write again or restore.").arg(what, reason, backup);
    e.detail = cause.detail;
    e.fix = m_outcome.backupPath.isEmpty()
                ? tr("Write the file again.")
                : tr("Write again, or restore with: forgeline-cli restore --port PORT --backup %1")
                      .arg(m_outcome.backupPath);
    return e;
}

void FlashJob::finish(Result<FlashJobOutcome> result)
{
    if (!m_running)
        return;
    m_running = false;
    if (result)
        result->elapsedMs = m_clock.elapsed();
    m_session->close();
    if (!result)
        Logger::instance().warning(QStringLiteral("flash"), result.error().message
                                                                + QStringLiteral(" | ")
                                                                + result.error().detail);
    Q_EMIT finished(result);
}

} // namespace Forgeline::Flasher
