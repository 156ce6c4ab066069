// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/flasher/loadersession.h"
#include "core/image/partitiontable.h"
#include "core/station/certpool.h"
#include "core/station/recipe.h"
#include "core/station/records.h"
#include "core/station/recordspool.h"
#include "core/station/stationevent.h"
#include "core/station/stationstore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <optional>

namespace Forgeline::Monitor {
class SerialMonitor;
}

namespace Forgeline::Protocomm {
class ProvisionClient;
class ProvisionJob;
} // namespace Forgeline::Protocomm

namespace Forgeline::Station {

struct StationContext
{
    QString station;
    QString operatorName;
    CertPool *pool = nullptr;       // null when the recipe writes no certificate
    RecordStore *records = nullptr; // null: nothing recorded (dry runs)
    RecordSpool *spool
        = nullptr; // where a record waits if `records` refuses it; null: fail the board
    // The database side as queued calls (see StationStore). Null: StationJob makes one over
    // `pool`, `records` and `spool` on this thread. BoardRun talks to the database only here.
    StationStore *store = nullptr;
};

// One board through the recipe on one port, entirely on the event loop: identify, claim,
// preflight, flash, verify, provision, record. A failed step is retried as the recipe says
// (with a fresh connection), then the board ends failed with the step and the reason; a
// claimed pair is handed back unless some of it reached the flash, so a re-run is safe.
// Its ~27 members are one board's run state (session, claimed pair, step, attempt, timers,
// log): every step reads and writes them, so splitting them would only pass them around.
class BoardRun : public QObject
{
    Q_OBJECT
public:
    enum class State { Waiting, Running, Passed, Failed, Cancelled };

    BoardRun(const Recipe &recipe, const QString &port, const StationContext &context,
             QObject *parent = nullptr);
    ~BoardRun() override;

    void start();
    void cancel();

    QString port() const { return m_port; }
    State state() const { return m_state; }
    const StationRecord &record() const { return m_record; }
    QString currentStep() const { return m_step; }
    int percent() const { return m_percent; }
    QStringList log() const { return m_log; }
    // -1 while not finished.
    qint64 msSinceFinished() const
    {
        return m_sinceFinish.isValid() ? m_sinceFinish.elapsed() : -1;
    }
    // None while waiting or running.
    static Verdict verdictOf(State state);

Q_SIGNALS:
    // Kinds step, progress, log, retry, identified, claimed and result, with the port and ms.
    void stationEvent(const Forgeline::Station::StationEvent &event);
    void finished();

private:
    void runStep(Recipe::Step step);
    void stepFailed(const Error &error);
    void nextStep();
    // An event of this board: its port and the time since it started are filled in.
    StationEvent newEvent(StationEvent::Kind kind) const;
    void addLog(const QString &line);

    void doIdentify();
    void doClaim();
    void claimed(const CertPair &pair, bool reused);
    void doPreflight();
    void doFlash();
    void flashItem(int index);
    bool queueStore(const FlashItem &item);
    const Image::Partition *partitionOrFail(const QString &name);
    void doVerify();
    void verifyRegion(int index);
    void doProvision();
    void doConnect(); // boardrunconnect.cpp
    void stopConnectMonitor();
    void doRecord();
    void finish(State state);
    void withSession(std::function<void()> then);
    void dropSession();
    void releaseIfUnwritten();

    Recipe m_recipe;
    QString m_port;
    StationContext m_context;
    State m_state = State::Waiting;
    QList<Recipe::Step> m_steps;
    int m_stepIndex = -1;
    int m_attempt = 0;
    QString m_step;
    int m_percent = 0;
    QStringList m_log;
    QElapsedTimer m_clock;
    QElapsedTimer m_sinceFinish;

    QPointer<Flasher::LoaderSession> m_session;
    std::optional<Image::PartitionTable> m_table;
    Flasher::BoardInfo m_board;
    std::optional<CertPair> m_pair;
    bool m_pairTouched = false;
    bool m_pairUsed = false;
    bool m_cancelled = false;
    bool m_recording = false; // the record is on its way to the database: nothing else happens
    struct Pending
    {
        quint32 address;
        QByteArray data;
        QString name;
        bool pairPart;
        bool secret;
    };
    QList<Pending> m_pending; // resolved flash items, in order
    int m_flashIndex = 0;     // first item not yet written and verified by the write's MD5
    QPointer<Protocomm::ProvisionClient> m_provisionClient;
    QPointer<Protocomm::ProvisionJob> m_provisionJob;
    QPointer<Monitor::SerialMonitor> m_connectMonitor;
    StationRecord m_record;
    Error m_error;
};

// SHA-256 fingerprint and serial (hex) of a PEM or DER certificate, for records.
Result<std::pair<QString, QString>> certificateIdentity(const QByteArray &certificate);

} // namespace Forgeline::Station
