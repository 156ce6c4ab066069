// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/boardrun.h"
#include "core/station/storeimage.h"

#include "core/common/logger.h"
#include "core/common/redactor.h"
#include "core/flasher/appimagecheck.h"
#include "core/flasher/romprotocol.h"
#include "core/image/certpayload.h"
#include "core/protocomm/provisionjob.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>

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

QString BoardRun::stateName(State state)
{
    switch (state) {
    case State::Waiting: return QStringLiteral("waiting");
    case State::Running: return QStringLiteral("running");
    case State::Passed: return QStringLiteral("pass");
    case State::Failed: return QStringLiteral("fail");
    case State::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

void BoardRun::emitEvent(const QString &kind, QJsonObject fields)
{
    fields.insert(QStringLiteral("event"), kind);
    fields.insert(QStringLiteral("port"), m_port);
    fields.insert(QStringLiteral("ms"), m_clock.isValid() ? m_clock.elapsed() : 0);
    Q_EMIT stationEvent(fields);
}

void BoardRun::addLog(const QString &raw)
{
    // Redacted at the source: the per-board log is shown on screen and copied into tickets.
    const QString line = Redactor::redact(raw);
    m_log.append(line);
    Logger::instance().info(QStringLiteral("station"), m_port + QStringLiteral(": ") + line);
    emitEvent(QStringLiteral("log"), {{QStringLiteral("text"), line}});
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
    emitEvent(QStringLiteral("step"), {{QStringLiteral("step"), m_step},
                                       {QStringLiteral("attempt"), m_attempt + 1},
                                       {QStringLiteral("percent"), m_percent}});
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
        emitEvent(QStringLiteral("retry"), {{QStringLiteral("step"), m_step},
                                            {QStringLiteral("attempt"), m_attempt + 1},
                                            {QStringLiteral("reason"), error.message}});
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
                emitEvent(QStringLiteral("progress"), {{QStringLiteral("step"), m_step},
                                                       {QStringLiteral("stage"), stage},
                                                       {QStringLiteral("done"), done},
                                                       {QStringLiteral("total"), total}});
            });
    connect(session, &LoaderSession::message, this, [this](const QString &line) { addLog(line); });
    LoaderSession::Options options;
    options.port = m_port;
    options.baud = m_recipe.baud;
    session->connectBoard(options, [this, session, then](Result<Flasher::BoardInfo> r) {
        if (m_session != session)
            return;
        if (!r) {
            stepFailed(r.error());
            return;
        }
        if (!m_board.mac.isEmpty() && r->mac != m_board.mac) {
            stepFailed(
                Error::make(QStringLiteral("station.board-changed"),
                            Tr::tr("A different board answered on this port (MAC %1, expected %2).")
                                .arg(r->macText(), m_board.macText())));
            return;
        }
        m_board = *r;
        then();
    });
}

void BoardRun::doIdentify()
{
    withSession([this] {
        // The record keeps package and revision ("ESP32-D0WD-V3 (revision v3.0)"): a batch
        // problem is often one silicon revision.
        m_record.chip = m_board.chipDescription();
        m_record.mac = m_board.macText();
        emitEvent(QStringLiteral("identified"),
                  {{QStringLiteral("chip"), m_board.chipName},
                   {QStringLiteral("revision"), m_board.revision.text()},
                   {QStringLiteral("description"), m_board.chipDescription()},
                   {QStringLiteral("mac"), m_board.macText()}});
        const bool needTable
            = std::any_of(m_recipe.flash.begin(), m_recipe.flash.end(),
                          [](const FlashItem &f) { return !f.partition.isEmpty(); });
        if (!needTable) {
            nextStep();
            return;
        }
        QPointer<LoaderSession> session = m_session;
        m_session->readFlash(m_recipe.tableOffset, Image::PartitionTable::MaxLength,
                             [this, session](Result<QByteArray> r) {
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
                             });
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
    emitEvent(QStringLiteral("claimed"), {{QStringLiteral("pair"), m_pair->id},
                                          {QStringLiteral("reused"), reused},
                                          {QStringLiteral("fingerprint"), identity->first}});
    nextStep();
}

void BoardRun::doFlash()
{
    if (m_pending.isEmpty()) {
        for (const FlashItem &f : m_recipe.flash) {
            if (f.isStore()) {
                if (!queueStore(f))
                    return;
                continue;
            }
            QByteArray input;
            if (f.source == FlashItem::Source::Certificate)
                input = m_pair->cert;
            else if (f.source == FlashItem::Source::Key)
                input = m_pair->key;
            else {
                QFile file(f.file);
                if (!file.open(QIODevice::ReadOnly)) {
                    stepFailed(Error::make(QStringLiteral("station.file"),
                                           Tr::tr("Cannot read a file to flash."),
                                           f.file + QStringLiteral(": ") + file.errorString()));
                    return;
                }
                input = file.readAll();
            }
            auto payload = Image::encodeCertPayload(input, f.format);
            if (!payload) {
                stepFailed(payload.error());
                return;
            }
            Pending p{0, payload->bytes, f.partition, f.source != FlashItem::Source::File, false};
            if (!f.partition.isEmpty()) {
                const Image::Partition *part = partitionOrFail(f.partition);
                if (!part)
                    return;
                if (part->type == 0x00) {
                    // The firmware step: the same checks as Flash (chip, revision, flash
                    // encryption, a real app), and whole sectors so the MD5 covers what boots.
                    if (auto ok = Flasher::checkAppImageForBoard(p.data, m_board, *part); !ok) {
                        stepFailed(ok.error());
                        return;
                    }
                    p.data.append(
                        QByteArray((0x1000 - p.data.size() % 0x1000) % 0x1000, char(0xFF)));
                }
                if (auto fits = Image::checkPayloadFits(p.data.size(), part->size, part->name);
                    !fits) {
                    stepFailed(fits.error());
                    return;
                }
                p.address = part->offset;
            } else {
                p.address = *f.address;
            }
            m_pending.append(p);
        }
        m_flashIndex = 0;
    }
    withSession([this] { flashItem(m_flashIndex); });
}

const Image::Partition *BoardRun::partitionOrFail(const QString &name)
{
    const Image::Partition *part = m_table ? m_table->find(name) : nullptr;
    if (!part)
        stepFailed(Error::make(QStringLiteral("station.partition"),
                               Tr::tr("The board has no \"%1\" partition.").arg(name), {},
                               Tr::tr("Check the board's partition table against the recipe.")));
    return part;
}

// A store item becomes one or two partition images made for this board alone: its pair (and,
// for encrypted NVS, fresh keys) never touch a file, and the log names only sizes.
bool BoardRun::queueStore(const FlashItem &f)
{
    const Image::Partition *part = partitionOrFail(f.partition);
    if (!part)
        return false;
    const Image::Partition *keysPart = nullptr;
    if (!f.keysPartition.isEmpty() && !(keysPart = partitionOrFail(f.keysPartition)))
        return false;
    BoardValues values;
    if (m_pair) {
        values.certificate = m_pair->cert;
        values.privateKey = m_pair->key;
        values.pairId = m_pair->id;
    }
    values.mac = m_board.macText();
    auto images = buildStoreImage(f, values, part->size);
    if (!images) {
        stepFailed(images.error());
        return false;
    }
    addLog(
        Tr::tr("%1 for %2: %3").arg(part->name, m_pair ? m_pair->id : values.mac, images->summary));
    if (images->keysImage) {
        if (auto fits
            = Image::checkPayloadFits(images->keysImage->size(), keysPart->size, keysPart->name);
            !fits) {
            stepFailed(fits.error());
            return false;
        }
        m_pending.append(Pending{keysPart->offset, *images->keysImage, keysPart->name, true, true});
    }
    m_pending.append(Pending{part->offset, images->image, part->name, f.usesPair(), false});
    return true;
}

void BoardRun::flashItem(int index)
{
    if (index >= m_pending.size()) {
        if (m_pair && m_context.store && m_context.store->hasPool() && !m_pairUsed) {
            m_context.store->markUsed(m_pair->id, m_board.macText(), this, [this](Result<void> r) {
                if (m_state != State::Running || m_cancelled || m_recording)
                    return;
                if (!r) {
                    stepFailed(r.error());
                    return;
                }
                m_pairUsed = true;
                nextStep();
            });
            return;
        }
        nextStep();
        return;
    }
    const Pending &p = m_pending[index];
    if (p.pairPart)
        m_pairTouched = true; // from the first byte on, this pair belongs to this board
    addLog(Tr::tr("writing %1 bytes to %2 at 0x%3")
               .arg(p.data.size())
               .arg(p.name)
               .arg(p.address, 0, 16));
    QPointer<LoaderSession> session = m_session;
    m_session->writeFlash(p.address, p.data, [this, session, index](Result<void> r) {
        if (m_session != session)
            return;
        if (!r) {
            stepFailed(r.error());
            return;
        }
        const Pending &done = m_pending[index];
        // An nvs_keys image is the keys themselves: not even its digest goes into a record.
        m_record.written.append(
            {done.name, done.address, quint32(done.data.size()),
             done.secret
                 ? QStringLiteral("secret")
                 : QString::fromLatin1(
                     QCryptographicHash::hash(done.data, QCryptographicHash::Md5).toHex())});
        m_flashIndex = index + 1;
        flashItem(index + 1);
    });
}

void BoardRun::doVerify()
{
    withSession([this] { verifyRegion(0); });
}

void BoardRun::verifyRegion(int index)
{
    if (index >= m_pending.size()) {
        QPointer<LoaderSession> session = m_session;
        // Boot the firmware so the next steps (provisioning) talk to it, not to the ROM.
        m_session->hardReset([this, session] {
            if (m_session != session)
                return;
            dropSession();
            nextStep();
        });
        return;
    }
    const Pending &p = m_pending[index];
    QPointer<LoaderSession> session = m_session;
    m_session->flashMd5(
        p.address, quint32(p.data.size()), [this, session, index](Result<QByteArray> r) {
            if (m_session != session)
                return;
            if (!r) {
                stepFailed(r.error());
                return;
            }
            const Pending &p = m_pending[index];
            const QByteArray expected = QCryptographicHash::hash(p.data, QCryptographicHash::Md5);
            if (*r != expected) {
                stepFailed(
                    Error::make(QStringLiteral("station.verify"),
                                Tr::tr("%1 does not read back as written.")
                                    .arg(p.name.isEmpty() ? QStringLiteral("flash") : p.name),
                                Tr::tr("md5 chip %1, expected %2")
                                    .arg(QString::fromLatin1(r->toHex()),
                                         QString::fromLatin1(expected.toHex()))));
                return;
            }
            verifyRegion(index + 1);
        });
}

void BoardRun::doRecord()
{
    if (m_record.provision.isEmpty())
        m_record.provision
            = m_recipe.provision ? QStringLiteral("not reached") : QStringLiteral("skipped");
    const bool pass = m_error.code.isEmpty();
    m_record.result = pass          ? QStringLiteral("pass")
                      : m_cancelled ? QStringLiteral("cancelled")
                                    : QStringLiteral("fail");
    m_record.error = pass ? QString()
                          : m_error.message
                                + (m_error.detail.isEmpty()
                                       ? QString()
                                       : QStringLiteral(" (") + m_error.detail + QLatin1Char(')'));
    if (!pass && m_record.diagnosisId.isEmpty())
        m_record.diagnosisId = m_error.code;
    m_record.elapsedMs = m_clock.elapsed();
    const State verdict = m_cancelled ? State::Cancelled : pass ? State::Passed : State::Failed;
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
                m_record.result = QStringLiteral("fail");
                m_record.failedStep = QStringLiteral("record");
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
    QJsonObject fields{{QStringLiteral("result"), stateName(state)},
                       {QStringLiteral("chip"), m_record.chip},
                       {QStringLiteral("mac"), m_record.mac},
                       {QStringLiteral("pair"), m_record.pairId},
                       {QStringLiteral("fingerprint"), m_record.certFingerprint},
                       {QStringLiteral("elapsedMs"), m_clock.elapsed()}};
    if (state != State::Passed) {
        fields.insert(QStringLiteral("failedStep"), m_record.failedStep);
        fields.insert(QStringLiteral("error"), m_error.message);
        fields.insert(QStringLiteral("code"), m_error.code);
        if (!m_error.fix.isEmpty())
            fields.insert(QStringLiteral("fix"), m_error.fix);
    }
    emitEvent(QStringLiteral("result"), fields);
    Q_EMIT finished();
}

} // namespace Forgeline::Station
