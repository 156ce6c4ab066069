// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/flashsession.h"

#include "core/common/guarded.h"
#include "core/common/settings.h"

namespace Forgeline::Flasher {

FlashSession::FlashSession(QObject *parent)
    : QObject(parent), m_job(new FlashJob(this)), m_backupDir(BackupStore::defaultDirectory())
{
    connect(m_job, &FlashJob::stageChanged, this, &FlashSession::stageChanged);
    connect(m_job, &FlashJob::progress, this,
            guarded(this, [this](const QString &stage, qint64 done, qint64 total) {
                onProgress(stage, done, total);
            }));
    connect(m_job, &FlashJob::finished, this,
            guarded(this, [this](const Result<FlashJobOutcome> &result) { onFinished(result); }));
    m_backups = BackupStore(m_backupDir).list();
}

void FlashSession::setBackupDirectory(const QString &dir)
{
    m_backupDir = dir;
    reloadBackups();
}

void FlashSession::reloadBackups()
{
    m_backups = BackupStore(m_backupDir).list();
    Q_EMIT backupsChanged();
}

bool FlashSession::isBusy() const { return m_job->running(); }

bool FlashSession::connectBoard(FlashJobRequest request)
{
    request.kind = FlashJobRequest::Kind::ReadTable;
    return run(FlashAction::Connect, std::move(request));
}

bool FlashSession::write(FlashJobRequest request)
{
    if (isBusy())
        return false;
    request.kind = FlashJobRequest::Kind::Write;
    m_lastWritten = request.payload;
    m_lastPartition = request.partition;
    return run(FlashAction::Write, std::move(request));
}

bool FlashSession::verify(FlashJobRequest request, const QByteArray &expected)
{
    if (isBusy())
        return false;
    request.kind = FlashJobRequest::Kind::Read;
    m_lastWritten = expected;
    m_lastPartition = request.partition;
    return run(FlashAction::Verify, std::move(request));
}

bool FlashSession::restore(FlashJobRequest request, const QString &backupPath)
{
    request.kind = FlashJobRequest::Kind::Restore;
    request.backupFile = backupPath;
    return run(FlashAction::Restore, std::move(request));
}

bool FlashSession::inspect(FlashJobRequest request)
{
    request.kind = FlashJobRequest::Kind::Read;
    return run(FlashAction::Inspect, std::move(request));
}

void FlashSession::cancel() { m_job->cancel(); }

bool FlashSession::holdsLastPayload(const FlashJobOutcome &outcome) const
{
    QByteArray expected = m_lastWritten;
    expected.append(
        QByteArray(qMax<qsizetype>(0, outcome.data.size() - expected.size()), char(0xFF)));
    return expected == outcome.data;
}

bool FlashSession::run(FlashAction action, FlashJobRequest request)
{
    if (m_job->running())
        return false;
    request.backupDirectory = m_backupDir;
    request.backup = Settings::load().backupBeforeWrite;
    m_action = action;
    m_phase.clear();
    m_job->start(request);
    return true;
}

void FlashSession::onProgress(const QString &stage, qint64 done, qint64 total)
{
    if (stage != m_phase) {
        m_phase = stage;
        m_phaseClock.start();
    }
    double rate = 0;
    const double secs = double(m_phaseClock.elapsed()) / 1000.0;
    // The first 50 ms say more about latency than throughput.
    if (secs > 0.05 && done > 0)
        rate = double(done) / secs;
    Q_EMIT progress(stage, done, total, rate);
}

void FlashSession::onFinished(const Result<FlashJobOutcome> &result)
{
    const FlashAction action = m_action;
    m_action = FlashAction::None;
    if (result) {
        m_board = result->board;
        Q_EMIT boardChanged(m_board);
    }
    reloadBackups();
    Q_EMIT finished(action, result);
}

} // namespace Forgeline::Flasher
