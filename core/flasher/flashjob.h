// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/flasher/loadersession.h"
#include "core/image/partitiontable.h"

#include <QElapsedTimer>
#include <QObject>

#include <optional>

namespace Forgeline::Flasher {

struct FlashJobRequest
{
    enum class Kind { Identify, ReadTable, Write, Read, Restore };
    Kind kind = Kind::Identify;
    LoaderSession::Options link;
    quint32 tableOffset = Image::PartitionTable::DefaultOffset;
    QString partition;              // Write/Read by name
    std::optional<quint32> address; // Write/Read by address
    quint32 size = 0;               // Read by address
    QByteArray payload;             // Write: bytes for flash (already encoded)
    QString backupFile;             // Restore
    bool backup = true;             // Settings::backupBeforeWrite
    QString backupDirectory;        // "" = BackupStore::defaultDirectory()
    bool allowAnyMac = false;       // Restore onto a different board
    // Write to an app partition of a board with flash encryption on: the key lets the job
    // check that an encrypted image was made for this address (never logged, never stored).
    QByteArray flashEncryptionKey;
    int flashCryptConfig = 0xF;
    // Write to an app partition: also make it the one the bootloader starts, as ESP-IDF's
    // esp_ota_set_boot_partition / otatool switch_ota_partition do (ota_N: otadata rewritten;
    // factory: otadata erased). Without it the job still reports what otadata selects.
    bool setBootPartition = false;
};

struct FlashJobOutcome
{
    BoardInfo board;
    std::optional<Image::PartitionTable> table;
    QString partition;
    quint32 address = 0;
    quint32 length = 0;
    QString backupPath;
    QByteArray data; // Read
    QByteArray md5;  // of what was written/read, as the chip computed it
    qint64 elapsedMs = 0;
    // App writes on a table with otadata: the partition the bootloader will start after this
    // job ("" when otadata could not be read, e.g. encrypted without the key), why, and
    // whether this job changed it (then otadataBackupPath holds what was there before).
    QString bootPartition;
    QString bootReason;
    bool bootSwitched = false;
    QString otadataBackupPath;
};

// One technician action end to end on a board: connect, read the partition table, back up,
// write with MD5 verification, reset. Never reports success without a matching MD5; a
// failure after flash was touched says what state the partition is in and where the backup is.
class FlashJob : public QObject
{
    Q_OBJECT
public:
    explicit FlashJob(QObject *parent = nullptr);

    void start(const FlashJobRequest &request);
    void cancel();
    bool running() const { return m_running; }
    LoaderSession *session() const { return m_session; }

Q_SIGNALS:
    void stageChanged(const QString &stage);
    void progress(const QString &stage, qint64 done, qint64 total);
    void message(const QString &line);
    void finished(const Forgeline::Result<Forgeline::Flasher::FlashJobOutcome> &result);

private:
    void onConnected();
    void readTable(std::function<void(Result<Image::PartitionTable>)> done);
    void readTableChunk(std::shared_ptr<QByteArray> buf,
                        std::function<void(Result<Image::PartitionTable>)> done);
    void resolveTarget();
    void takeBackup(std::function<void(Result<void>)> done);
    void writeTarget();
    void readTarget();
    // After an app write (flashjobota.cpp): read otadata, switch it when asked, then reset.
    Result<void> checkBootSwitch(const Image::Partition &target) const;
    void afterAppWrite();
    void switchOtadata(const Image::Partition &otadata, const QByteArray &raw,
                       const QByteArray &plain);
    void resetAndFinish();
    void finish(Result<FlashJobOutcome> result);
    Error partialWriteError(const Error &cause) const;

    LoaderSession *m_session;
    FlashJobRequest m_request;
    FlashJobOutcome m_outcome;
    QByteArray m_writeData;
    QString m_expectMac;
    QElapsedTimer m_clock;
    bool m_running = false;
    bool m_flashTouched = false;
    std::optional<Image::Partition> m_appTarget; // set for writes into an app partition
};

} // namespace Forgeline::Flasher
