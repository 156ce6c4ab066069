// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/boardrun.h"

#include "core/common/guarded.h"
#include "core/common/logger.h"
#include "core/common/redactor.h"
#include "core/flasher/romprotocol.h"
#include "core/protocomm/provisionjob.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Forgeline::Station {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Station::BoardRun)
};

} // namespace

using Flasher::LoaderSession;

BoardRun::BoardRun(const Recipe &recipe, const QString &port, const StationContext &context,
                   QObject *parent)
    : QObject(parent), m_recipe(recipe), m_port(port), m_context(context), m_steps(recipe.steps())
{
    m_record.station = context.station;
    m_record.operatorName = context.operatorName;
    m_record.port = port;
}

BoardRun::~BoardRun() = default;

Verdict BoardRun::verdictOf(State state)
{
    switch (state) {
    case State::Waiting:
    case State::Running: return Verdict::None;
    case State::Passed: return Verdict::Pass;
    case State::Failed: return Verdict::Fail;
    case State::Cancelled: return Verdict::Cancelled;
    }
    return Verdict::None;
}

StationEvent BoardRun::newEvent(StationEvent::Kind kind) const
{
    StationEvent event;
    event.kind = kind;
    event.port = m_port;
    event.ms = m_clock.isValid() ? m_clock.elapsed() : 0;
    return event;
}

void BoardRun::addLog(const QString &raw)
{
    // Redacted at the source: the per-board log is shown on screen and copied into tickets.
    const QString line = Redactor::redact(raw);
    m_log.append(line);
    Logger::instance().info(QStringLiteral("station"), m_port + QStringLiteral(": ") + line);
    StationEvent event = newEvent(StationEvent::Kind::Log);
    event.text = line;
    Q_EMIT stationEvent(event);
}

void BoardRun::start()
{
    m_state = State::Running;
    m_clock.start();
    m_record.time = QDateTime::currentDateTimeUtc();
    m_stepIndex = -1;
    nextStep();
}

void BoardRun::cancel()
{
    if (m_state != State::Running || m_recording)
        return;
    // Flag first: anything the cancellations below report synchronously is then ignored.
    m_cancelled = true;
    m_error = Error::make(ErrorCode::StationCancelled, Tr::tr("Stopped by the operator."));
    m_record.failedStep = m_step;
    if (m_session)
        m_session->cancel();
    if (m_provisionJob)
        m_provisionJob->cancel();
    stopConnectMonitor();
    if (m_state != State::Running)
        return;
    dropSession();
    releaseIfUnwritten();
    doRecord(); // a stopped attempt is an attempt: it is recorded too
}

void BoardRun::nextStep()
{
    if (m_state != State::Running || m_cancelled)
        return;
    ++m_stepIndex;
    if (m_stepIndex >= m_steps.size())
        return;
    m_attempt = 0;
    runStep(m_steps[m_stepIndex]);
}

void BoardRun::runStep(Recipe::Step step)
{
    m_step = Recipe::stepName(step);
    m_percent = m_steps.isEmpty() ? 0 : 100 * m_stepIndex / int(m_steps.size());
    StationEvent event = newEvent(StationEvent::Kind::Step);
    event.step = m_step;
    event.attempt = m_attempt + 1;
    event.percent = m_percent;
    Q_EMIT stationEvent(event);
    switch (step) {
    case Recipe::Step::Identify: doIdentify(); break;
    case Recipe::Step::Claim: doClaim(); break;
    case Recipe::Step::Preflight: doPreflight(); break;
    case Recipe::Step::Flash: doFlash(); break;
    case Recipe::Step::Verify: doVerify(); break;
    case Recipe::Step::Provision: doProvision(); break;
    case Recipe::Step::Connect: doConnect(); break;
    case Recipe::Step::Record: doRecord(); break;
    }
}

void BoardRun::stepFailed(const Error &error)
{
    if (m_state != State::Running || m_cancelled || m_recording)
        return;
    const Recipe::Step step = m_steps[m_stepIndex];
    addLog(Tr::tr("%1 failed: %2 (%3)").arg(m_step, error.message, error.detail));
    if (m_attempt < m_recipe.retriesFor(step) && error.code != ErrorCode::PoolEmpty) {
        ++m_attempt;
        StationEvent event = newEvent(StationEvent::Kind::Retry);
        event.step = m_step;
        event.attempt = m_attempt + 1;
        event.reason = error.message;
        Q_EMIT stationEvent(event);
        dropSession(); // a retry starts from a fresh connection: the old one may be what broke
        runStep(step);
        return;
    }
    m_error = error;
    m_record.failedStep = m_step;
    dropSession();
    releaseIfUnwritten();
    // Record the failed attempt too, then end.
    m_stepIndex = int(m_steps.indexOf(Recipe::Step::Record));
    m_step = Recipe::stepName(Recipe::Step::Record);
    doRecord();
}

void BoardRun::dropSession()
{
    stopConnectMonitor();
    if (m_session) {
        m_session->close();
        m_session->deleteLater();
    }
    m_session = nullptr;
}

void BoardRun::releaseIfUnwritten()
{
    if (!m_pair || m_pairTouched || !m_context.store || !m_context.store->hasPool())
        return;
    const QString id = m_pair->id;
    m_context.store->release(id, m_board.macText(), this, [this, id](Result<void> r) {
        if (!r)
            addLog(Tr::tr("could not return pair %1 to the pool: %2").arg(id, r.error().detail));
        else
            addLog(Tr::tr("pair %1 returned to the pool (nothing was written)").arg(id));
    });
    m_record.pairId.clear();
    m_record.certFingerprint.clear();
    m_record.certSerial.clear();
}

void BoardRun::withSession(std::function<void()> then)
{
    if (m_session) {
        then();
        return;
    }
    auto *session = new LoaderSession(this);
    m_session = session;
    connect(session, &LoaderSession::progress, this,
            [this](const QString &stage, qint64 done, qint64 total) {
                StationEvent event = newEvent(StationEvent::Kind::Progress);
                event.step = m_step;
                event.stage = stage;
                event.done = done;
                event.total = total;
                Q_EMIT stationEvent(event);
            });
    connect(session, &LoaderSession::message, this, [this](const QString &line) { addLog(line); });
    LoaderSession::Options options;
    options.port = m_port;
    options.baud = m_recipe.baud;
    session->connectBoard(
        options, guarded(this, [this, session, then](Result<Flasher::BoardInfo> r) {
            if (m_session != session)
                return;
            if (!r) {
                stepFailed(r.error());
                return;
            }
            if (!m_board.mac.isEmpty() && r->mac != m_board.mac) {
                stepFailed(Error::make(
                    QStringLiteral("station.board-changed"),
                    Tr::tr("A different board answered on this port (MAC %1, expected %2).")
                        .arg(r->macText(), m_board.macText())));
                return;
            }
            m_board = *r;
            then();
        }));
}

void BoardRun::doIdentify()
{
    withSession([this] {
        // The record keeps package and revision ("ESP32-D0WD-V3 (revision v3.0)"): a batch
        // problem is often one silicon revision.
        m_record.chip = m_board.chipDescription();
        m_record.mac = m_board.macText();
        StationEvent event = newEvent(StationEvent::Kind::Identified);
        event.chip = m_board.chipName;
        event.revision = m_board.revision.text();
        event.description = m_board.chipDescription();
        event.mac = m_board.macText();
        Q_EMIT stationEvent(event);
        const bool needTable
            = std::any_of(m_recipe.flash.begin(), m_recipe.flash.end(),
                          [](const FlashItem &f) { return !f.partition.isEmpty(); });
        if (!needTable) {
            nextStep();
            return;
        }
        QPointer<LoaderSession> session = m_session;
        m_session->readFlash(m_recipe.tableOffset, Image::PartitionTable::MaxLength,
                             guarded(this, [this, session](Result<QByteArray> r) {
                                 if (m_session != session)
                                     return;
                                 if (!r) {
                                     stepFailed(r.error());
                                     return;
                                 }
                                 auto table = Image::PartitionTable::parse(*r);
                                 if (!table) {
                                     stepFailed(table.error());
                                     return;
                                 }
                                 m_table = *table;
                                 nextStep();
                             }));
    });
}

void BoardRun::doClaim()
{
    if (!m_context.store || !m_context.store->hasPool()) {
        stepFailed(Error::make(ErrorCode::StationNoPool,
                               Tr::tr("The recipe writes a certificate but no pool was given."), {},
                               Tr::tr("Pass --pool DIR or --db URL.")));
        return;
    }
    const int attempt = m_attempt;
    m_context.store->claim(
        m_board.macText(), m_context.station, this, [this, attempt](Result<PoolClaim> claim) {
            if (m_state != State::Running || m_cancelled || m_recording || attempt != m_attempt) {
                // Stopped while the database answered: a pair new to this board goes back.
                if (claim && !claim->reused && m_context.store)
                    m_context.store->release(claim->pair.id, m_board.macText(), this,
                                             [](Result<void>) {});
                return;
            }
            if (!claim) {
                stepFailed(claim.error());
                return;
            }
            claimed(claim->pair, claim->reused);
        });
}

void BoardRun::claimed(const CertPair &pair, bool reused)
{
    m_pair = pair;
    // A pair this board already held may be on its flash already: never hand it back.
    m_pairTouched = reused;
    auto identity = certificateIdentity(m_pair->cert);
    if (!identity) {
        m_pairTouched = false;
        stepFailed(identity.error());
        return;
    }
    m_record.pairId = m_pair->id;
    m_record.certFingerprint = identity->first;
    m_record.certSerial = identity->second;
    StationEvent event = newEvent(StationEvent::Kind::Claimed);
    event.pair = m_pair->id;
    event.reused = reused;
    event.fingerprint = identity->first;
    Q_EMIT stationEvent(event);
    nextStep();
}

void BoardRun::doRecord()
{
    if (m_record.provision.isEmpty())
        m_record.provision
            = m_recipe.provision ? QStringLiteral("not reached") : QStringLiteral("skipped");
    const bool pass = m_error.code.isEmpty();
    const State verdict = m_cancelled ? State::Cancelled : pass ? State::Passed : State::Failed;
    m_record.result = verdictOf(verdict);
    m_record.error = pass ? QString()
                          : m_error.message
                                + (m_error.detail.isEmpty()
                                       ? QString()
                                       : QStringLiteral(" (") + m_error.detail + QLatin1Char(')'));
    if (!pass && m_record.diagnosisId.isEmpty())
        m_record.diagnosisId = m_error.code;
    m_record.elapsedMs = m_clock.elapsed();
    if (!m_context.store || !m_context.store->hasRecords()) {
        finish(verdict);
        return;
    }
    m_recording = true;
    m_context.store->addRecord(m_record, this, [this, pass, verdict](const RecordOutcome &outcome) {
        m_recording = false;
        Result<qint64> id = outcome.stored;
        if (outcome.spooled) {
            addLog(
                Tr::tr(
                    "the station database did not take the record (%1); kept in %2 and sent on the next run")
                    .arg(id.error().message, outcome.spoolPath));
            id = qint64(0);
        } else if (outcome.spoolError) {
            addLog(Tr::tr("record spool: %1 %2")
                       .arg(outcome.spoolError->message, outcome.spoolError->detail));
        }
        State state = verdict;
        if (!id) {
            if (pass) {
                m_error = id.error();
                m_record.result = Verdict::Fail;
                m_record.failedStep = Recipe::stepName(Recipe::Step::Record);
                state = State::Failed;
            }
            addLog(Tr::tr("record not stored: %1").arg(id.error().detail));
        } else {
            m_record.id = *id;
        }
        finish(state);
    });
}

void BoardRun::finish(State state)
{
    if (m_state != State::Running)
        return;
    m_state = state;
    m_sinceFinish.start();
    m_percent = state == State::Passed ? 100 : m_percent;
    dropSession();
    StationEvent event = newEvent(StationEvent::Kind::Result);
    event.verdict = verdictOf(state);
    event.chip = m_record.chip;
    event.mac = m_record.mac;
    event.pair = m_record.pairId;
    event.fingerprint = m_record.certFingerprint;
    event.elapsedMs = m_clock.elapsed();
    if (state != State::Passed) {
        event.failedStep = m_record.failedStep;
        event.error = m_error.message;
        event.code = m_error.code;
        event.fix = m_error.fix;
    }
    Q_EMIT stationEvent(event);
    Q_EMIT finished();
}

} // namespace Forgeline::Station
