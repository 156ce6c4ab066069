// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/loadersession.h"

#include "core/flasher/portdiscovery.h"
#include "core/flasher/romclient.h"
#include "core/flasher/romconversation.h"
#include "core/flasher/seriallink.h"

#include <QTimer>

namespace Forgeline::Flasher {

namespace {
constexpr int DefaultTimeoutMs = 3000;
constexpr int SyncTimeoutMs = 100;
constexpr int SyncTriesPerAttempt = 5;

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
    // No RTS to pulse: FLASH_BEGIN(0,0) then FLASH_END(reboot) makes the ROM reset itself;
    // whatever either answers, the reset is done.
    const bool five = m_chip && m_chip->flashBeginWords >= 5;
    QByteArray begin = words({0, 0, Rom::FlashWriteSize, 0});
    if (five)
        appendU32(begin, 0);
    m_cancelled = false;
    using Step = RomStep<NoState>;
    const auto ignore = [](const Error &, NoState &) -> StepResult { return StepThen::Next; };
    const QList<Step> reboot = {
        {.op = Op::FlashBegin, .data = begin, .onError = ignore},
        {.op = Op::FlashEnd, .data = words({0}), .onError = ignore, .timeoutMs = 500},
    };
    RomConversation<NoState>::run(this, romSend(), reboot, {}, [done](Result<NoState>) { done(); });
}

} // namespace Forgeline::Flasher
