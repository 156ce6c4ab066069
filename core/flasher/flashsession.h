// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/flasher/backupstore.h"
#include "core/flasher/flashjob.h"

#include <QElapsedTimer>
#include <QObject>

namespace Forgeline::Flasher {

// What a FlashSession is doing, and what its finished() answers.
enum class FlashAction { None, Connect, Write, Verify, Restore, Inspect };

// The Flash workspace's decisions without its widgets: one board at a time, one FlashJob at a
// time. It remembers the board last read, what was last written (so Verify can say whether
// the partition holds it), where backups go and which exist, and turns job progress into a
// rate. The caller fills in the link (port, baud) and what to write; the session sets the
// job kind, the backup directory and whether to back up (Settings::backupBeforeWrite).
// Results are typed: the widget phrases them.
class FlashSession : public QObject
{
    Q_OBJECT
public:
    explicit FlashSession(QObject *parent = nullptr);

    void setBackupDirectory(const QString &dir);
    QString backupDirectory() const { return m_backupDir; }
    const QList<BackupRecord> &backups() const { return m_backups; }
    void reloadBackups();

    bool isBusy() const;
    FlashAction action() const { return m_action; }
    const BoardInfo &board() const { return m_board; }

    // Each starts a job and returns false when one is already running (nothing happens then).
    bool connectBoard(FlashJobRequest request);
    // request: link, partition, payload (encoded), setBootPartition, flashEncryptionKey.
    bool write(FlashJobRequest request);
    // Reads request.partition back; finished() then answers whether it holds `expected`.
    bool verify(FlashJobRequest request, const QByteArray &expected);
    bool restore(FlashJobRequest request, const QString &backupPath);
    // Reads request.partition for the caller to inspect (outcome.data).
    bool inspect(FlashJobRequest request);
    void cancel();

    // After Verify: whether the partition read back holds what was last written or verified
    // (the rest of the partition erased, 0xFF).
    bool holdsLastPayload(const FlashJobOutcome &outcome) const;
    QByteArray lastPayload() const { return m_lastWritten; }
    QString lastPartition() const { return m_lastPartition; }

Q_SIGNALS:
    void stageChanged(const QString &stage);
    // rate: bytes per second in this stage, 0 until it can be told.
    void progress(const QString &stage, qint64 done, qint64 total, double rate);
    void boardChanged(const Forgeline::Flasher::BoardInfo &board);
    void backupsChanged();
    // Emitted after boardChanged and backupsChanged for the same job.
    void finished(Forgeline::Flasher::FlashAction action,
                  const Forgeline::Result<Forgeline::Flasher::FlashJobOutcome> &result);

private:
    bool run(FlashAction action, FlashJobRequest request);
    void onProgress(const QString &stage, qint64 done, qint64 total);
    void onFinished(const Result<FlashJobOutcome> &result);

    FlashJob *m_job;
    FlashAction m_action = FlashAction::None;
    BoardInfo m_board;
    QByteArray m_lastWritten;
    QString m_lastPartition;
    QString m_backupDir;
    QList<BackupRecord> m_backups;
    QElapsedTimer m_phaseClock;
    QString m_phase;
};

} // namespace Forgeline::Flasher
