// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/station/stationjob.h"
#include "core/station/stationstore.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

namespace Forgeline::Station {

// What the operator set up, as text (the Station workspace's fields).
struct LineSettings
{
    QString recipeText;
    QString recipeBaseDirectory;
    QString poolDirectory;
    QString databaseUrl; // with the password put in; never shown
    QString spoolKey;    // the address as shown (no password): the spool is keyed by it
    QString operatorName;
    QString station; // "" = this host's name

    // What a running job was made from: a board that appears joins it only if unchanged.
    QString fingerprint() const;
};

// The Station workspace's controller, free of widgets: owns the station's database side
// (a StationStore on its own thread) and the running StationJob, opens the station through
// the same setup as `forgeline-cli station` without blocking the caller's event loop, and
// decides whether a board that appears joins the running job or needs a new one.
class StationLine : public QObject
{
    Q_OBJECT
public:
    explicit StationLine(QObject *parent = nullptr);
    ~StationLine() override;

    // Parses the recipe now (its errors come back at once), opens the station on the store's
    // thread, then starts `ports`; `ready` is told the outcome on this thread.
    Result<void> start(const LineSettings &settings, const QStringList &ports,
                       std::function<void(Result<StationOpened>)> ready = {});
    enum class Join { Started, Preparing, SettingsChanged };
    // One more board: into the running job when the settings are those it was made from,
    // else (when nothing runs) a new job is prepared and the port starts when it is ready.
    Result<Join> startPort(const LineSettings &settings, const QString &port,
                           std::function<void(Result<StationOpened>)> ready = {});
    void cancel();

    bool running() const { return m_job && m_job->running(); }
    bool preparing() const { return m_preparing; }
    StationJob *job() const { return m_job; }
    StationStore *store() const { return m_store.get(); }
    bool acceptsAppearedPort(const QString &port, qint64 quietMs) const;
    QStringList boardLog(const QString &port) const;

Q_SIGNALS:
    void stationEvent(const Forgeline::Station::StationEvent &event);
    void finished(const Forgeline::Station::StationSummary &summary);

private:
    Result<void> prepare(const LineSettings &settings, const QStringList &ports,
                         std::function<void(Result<StationOpened>)> ready);

    std::unique_ptr<StationStore> m_store;
    StationJob *m_job = nullptr;
    QString m_fingerprint;
    bool m_preparing = false;
    QString m_pendingFingerprint; // while preparing: what the job is being made from
    QStringList m_pendingPorts;   // and the ports that start when it is ready
    int m_generation = 0;         // a newer prepare() outdates the answer of an older one
};

} // namespace Forgeline::Station
