// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocomm/provisionclient.h"

#include "core/common/guarded.h"
#include "core/common/redactor.h"
#include "core/protocomm/handshakeloss.h"
#include "core/protocomm/httptransport.h"
#include "core/protocomm/security.h"
#include "core/protocomm/security2.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace Forgeline::Protocomm {

namespace {

bool isLostSession(const Error &e)
{
    return e.code == QLatin1String("protocomm.noresponse")
           || e.code == QLatin1String("protocomm.timeout");
}

constexpr int ScanPageSize
    = 4; // fits every transport's attribute limit, see docs/dev/protocomm.md, "Wi-Fi scan paging"
constexpr int HandshakeSettleMs = 150;

} // namespace

FailureKind classify(const Error &e)
{
    const QString &c = e.code;
    if (e.isCancelled())
        return FailureKind::Cancelled;
    if (c == QLatin1String("protocomm.popmissing") || c == QLatin1String("protocomm.qr")
        || c == QLatin1String("usage"))
        return FailureKind::Usage;
    if (c == QLatin1String("protocomm.connect") || c == QLatin1String("protocomm.noresponse")
        || c == QLatin1String("protocomm.timeout") || c == QLatin1String("protocomm.sessionlost")
        || c == QLatin1String("protocomm.handshake") || c == QLatin1String("protocomm.http")
        || c == QLatin1String("protocomm.decode") || c == QLatin1String("provision.timeout")
        || c == QLatin1String("provision.unconfirmed"))
        return FailureKind::Device;
    return FailureKind::Rejected;
}

Result<DeviceInfo> parseVersionReply(const QByteArray &reply)
{
    DeviceInfo info;
    info.raw = QString::fromUtf8(reply);
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(reply, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        info.provVersion = info.raw.trimmed(); // old firmware: a bare version string
        return info;
    }
    info.json = true;
    const QJsonObject prov = doc.object().value(QLatin1String("prov")).toObject();
    info.provVersion = prov.value(QLatin1String("ver")).toString();
    for (const QJsonValue &v : prov.value(QLatin1String("cap")).toArray())
        info.capabilities << v.toString();
    info.noPop = info.capabilities.contains(QStringLiteral("no_pop"));
    info.noSec = info.capabilities.contains(QStringLiteral("no_sec"));
    if (prov.contains(QLatin1String("sec_ver"))) {
        info.securityVersion = prov.value(QLatin1String("sec_ver")).toInt(-1);
        info.securityFromDevice = true;
    } else {
        info.securityVersion = info.noSec ? 0 : 1; // before IDF 5.0 only 0 and 1 existed
    }
    info.securityPatch = prov.value(QLatin1String("sec_patch_ver")).toInt(0);
    return info;
}

ProvisionClient::ProvisionClient(const QString &host, quint16 port, Options options,
                                 QObject *parent)
    : QObject(parent), m_options(std::move(options)),
      m_transport(new HttpTransport(host, port, this))
{
    // Whoever read the PoP should have registered it already; doing it here too means no
    // caller of the core API can forget.
    Redactor::registerSecret(QString::fromUtf8(m_options.pop));
    m_transport->setUseCookies(m_options.useCookies);
    connect(m_transport, &HttpTransport::trace, this, &ProvisionClient::trace);
}

ProvisionClient::~ProvisionClient() = default;

bool ProvisionClient::established() const { return m_security && m_security->established(); }

void ProvisionClient::cancel()
{
    m_cancelled = true;
    m_transport->cancelAll();
}

void ProvisionClient::connectDevice(Callback<DeviceInfo> done)
{
    m_cancelled = false;
    m_transport->post(
        QStringLiteral("proto-ver"), QByteArrayLiteral("---"), m_options.timeoutMs,
        guarded(this, [this, done](Result<QByteArray> reply) {
            if (!reply)
                return done(reply.error());
            Result<DeviceInfo> info = parseVersionReply(reply.value());
            if (!info)
                return done(info.error());
            m_info = info.value();
            Q_EMIT trace(QStringLiteral("proto-ver: %1").arg(m_info.raw.simplified()));
            int level = m_info.securityVersion;
            if (m_options.security >= 0) {
                if (m_info.securityFromDevice && level != m_options.security)
                    return done(Error::make(
                        QStringLiteral("protocomm.security"),
                        tr("The device uses Security%1, but Security%2 was requested.")
                            .arg(level)
                            .arg(m_options.security),
                        m_info.raw.simplified(),
                        tr("Leave the security level on automatic or match the device.")));
                // Security 2 only exists since IDF 5.0, which always reports sec_ver; a JSON reply
                // without it is older firmware, whatever the QR code (or the apps' default) says.
                if (m_options.security == 2 && m_info.json && !m_info.securityFromDevice)
                    Q_EMIT notice(
                        tr("The device predates Security 2 (its proto-ver has no sec_ver); using Security %1.")
                            .arg(level));
                else
                    level = m_options.security;
            }
            if (level < 0)
                level = 1;
            if (level != 0 && level != 1 && level != 2)
                return done(
                    Error::make(QStringLiteral("protocomm.security"),
                                tr("The device reports an unknown security level %1.").arg(level)));
            QByteArray pop = m_options.pop;
            if (level == 1 && m_info.noPop) {
                if (!pop.isEmpty())
                    Q_EMIT notice(tr(
                        "The device does not use a proof of possession; the PoP given is ignored."));
                pop.clear();
            } else if (level == 1 && pop.isEmpty()) {
                return done(
                    Error::make(QStringLiteral("protocomm.popmissing"),
                                tr("This device needs its proof of possession (PoP)."), QString(),
                                tr("Give the PoP from the board's label or scan its QR code.")));
            }
            QByteArray username = m_options.username;
            if (level == 2 && username.isEmpty()) {
                // What the ESP-IDF example firmware and Espressif's phone apps use when the QR code names none.
                username = QByteArrayLiteral("wifiprov");
                Q_EMIT notice(tr(
                    "No Security 2 username was given; using 'wifiprov', the ESP-IDF example's."));
            }
            if (level == 2 && pop.isEmpty())
                return done(Error::make(
                    QStringLiteral("protocomm.popmissing"),
                    tr("This device uses Security 2 and needs its proof-of-possession password."),
                    QString(),
                    tr("Give the password from the board's label or scan its QR code.")));
            m_info.securityVersion = level;
            startSession(level, pop, username, done);
        }));
}

void ProvisionClient::startSession(int level, const QByteArray &pop, const QByteArray &username,
                                   Callback<DeviceInfo> done)
{
    m_security = makeClientSecurity(level, pop, username, m_info.securityPatch);
    handshake(HandshakeRun{}, [this, level, pop, username, done](Result<void> hs) {
        if (hs)
            return done(m_info);
        // A verifier made by esp_prov differs from the firmware's own for the 1 in 256 passwords
        // whose inner digest starts with 0x00 (docs/dev/protocomm.md, "Fixed-length pitfalls"): try that form once.
        auto *sec2 = dynamic_cast<Sec2Client *>(m_security.get());
        if (level != 2 || hs.error().code != QLatin1String("protocomm.pop") || !sec2
            || sec2->srp().innerDigest() != Srp::InnerDigest::Full
            || !Srp::innerDigestHasLeadingZero(username, pop))
            return done(hs.error());
        Q_EMIT trace(QStringLiteral(
            "Security2 proof rejected; this password's H(I:p) starts with 0x00, trying the esp_prov form of x"));
        auto retry = std::make_unique<Sec2Client>(username, pop, m_info.securityPatch);
        retry->srp().setInnerDigest(Srp::InnerDigest::LeadingZerosStripped);
        m_security = std::move(retry);
        m_transport->closeConnection();
        handshake(HandshakeRun{}, [this, done, first = hs.error()](Result<void> again) {
            if (!again)
                return done(again.error().code == QLatin1String("protocomm.pop") ? first
                                                                                 : again.error());
            Q_EMIT notice(tr(
                "The board's Security 2 verifier was made by esp_prov; the session uses its form of the password hash."));
            done(m_info);
        });
    });
}

void ProvisionClient::handshake(HandshakeRun run, Callback<void> done)
{
    if (!m_security)
        return done(
            Error::make(QStringLiteral("protocomm.handshake"), tr("Connect to the device first.")));
    Result<QByteArray> first = m_security->begin();
    if (!first)
        return done(first.error());
    handshakeStep(first.value(), run, std::move(done));
}

void ProvisionClient::handshakeStep(const QByteArray &request, HandshakeRun run,
                                    Callback<void> done)
{
    const int step = m_security->handshakeStep();
    m_transport->post(
        QStringLiteral("prov-session"), request, m_options.timeoutMs,
        guarded(this, [this, step, run, done](Result<QByteArray> reply) mutable {
            if (!reply)
                return onHandshakeFailure(step, run, reply.error(), done);
            if (step == 0)
                run.response0Connection = m_transport->lastDelivery().connection;
            Result<std::optional<QByteArray>> next = m_security->next(reply.value());
            if (!next)
                return done(next.error());
            if (!next.value()) {
                const QString how = m_security->sessionSummary();
                Q_EMIT trace(QStringLiteral("Security%1 session established%2")
                                 .arg(m_security->version())
                                 .arg(how.isEmpty() ? QString() : QStringLiteral(": ") + how));
                return done({});
            }
            if (run.retried) {
                // The deciding attempt: give a device (or network) that closes the connection after
                // every reply the time to show it. Otherwise its FIN crosses SessionCmd1, which then
                // never reaches the device, and that looks exactly like a rejected PoP.
                QTimer::singleShot(HandshakeSettleMs, this,
                                   [this, request = *next.value(), run, done] {
                                       if (m_cancelled)
                                           return done(Error::make(ErrorCode::ProtocommCancelled,
                                                                   tr("Cancelled.")));
                                       handshakeStep(request, run, done);
                                   });
                return;
            }
            handshakeStep(*next.value(), run, done);
        }));
}

void ProvisionClient::onHandshakeFailure(int step, HandshakeRun run, const Error &e,
                                         Callback<void> done)
{
    if (m_cancelled || e.isCancelled())
        return done(e);
    const bool refused = e.code == QLatin1String("protocomm.connect");
    // A restarting device refuses connections for a moment; keep knocking while recovering or
    // starting over after step 1, for as long as one request may take.
    if ((run.recovering || run.retried) && refused
        && run.knocks < qMax(4, m_options.timeoutMs / 250)) {
        ++run.knocks;
        QTimer::singleShot(250, this, [this, run, done] { handshake(run, done); });
        return;
    }
    // Step 0 written into a kept-alive connection the device had already closed (its FIN
    // crossed the request, as with firmware that closes after every reply) reached no session:
    // opening one is safe to repeat, once, on a fresh connection. Step 1 is never repeated
    // here, because whether it reached the session decides what the user is told.
    if (step == 0 && !run.step0Resent && e.code == QLatin1String("protocomm.noresponse")) {
        Q_EMIT trace(
            QStringLiteral(
                "prov-session step 0 got no answer (%1); sending it again on a new connection")
                .arg(e.message));
        m_transport->closeConnection();
        run.step0Resent = true;
        return handshake(run, done);
    }
    const bool twoSteps = m_security->version() != 0;
    if (twoSteps && (step == 1 || run.retried) && (refused || isLostSession(e))) {
        const HandshakeStepOneEvidence evidence{e, m_transport->lastDelivery(),
                                                run.response0Connection, m_options.useCookies,
                                                m_security->version()};
        if (!run.retried) {
            // Once on a fresh connection: a single lost socket or a reboot right here is
            // survivable, and the second attempt is what decides what to tell the user.
            Q_EMIT trace(
                QStringLiteral(
                    "prov-session step 1 got no answer on connection #%1%2: %3 Starting the handshake over.")
                    .arg(evidence.command1.connection)
                    .arg(evidence.command1.cookieSent ? QStringLiteral(" (session cookie sent)")
                                                      : QString(),
                         e.message));
            m_transport->closeConnection();
            run.retried = true;
            run.knocks = 0;
            run.response0Connection = 0;
            return handshake(run, done);
        }
        if (step == 1 || refused)
            return done(stepOneFailureError(evidence));
    }
    if (!isLostSession(e))
        return done(e);
    done(Error::make(
        QStringLiteral("protocomm.handshake"),
        tr("The device did not answer the session handshake."), e.message,
        tr("Check the security level; a device restarting or busy with another client also does this.")));
}

void ProvisionClient::recover(const QString &endpoint, const Error &why,
                              std::function<void(Result<void>)> then)
{
    if (m_recoveries >= m_options.maxRecoveries)
        return then(Error::make(QStringLiteral("protocomm.sessionlost"),
                                tr("The secure session with the device keeps getting lost."),
                                why.message,
                                tr("Move closer to the board or power-cycle it, then try again.")));
    ++m_recoveries;
    Q_EMIT notice(
        tr("Lost the secure session with the device (%1) Re-establishing it.").arg(why.message));
    m_transport->closeConnection();
    handshake(HandshakeRun{true, false, 0, 0}, [this, endpoint, then](Result<void> hs) {
        if (!hs)
            return then(hs.error());
        Q_EMIT notice(tr("Secure session re-established; repeating '%1'.").arg(endpoint));
        then({});
    });
}

void ProvisionClient::secure(const QString &endpoint, const QByteArray &plain, int timeoutMs,
                             Validator valid, Callback<QByteArray> done, bool recovered)
{
    if (!established())
        return done(Error::make(QStringLiteral("protocomm.handshake"),
                                tr("No secure session: connect to the device first.")));
    const QByteArray wire = m_security->encrypt(plain);
    m_transport->post(
        endpoint, wire, timeoutMs, guarded(this, [=, this](Result<QByteArray> reply) {
            Error why;
            if (reply) {
                const QByteArray clear = m_security->decrypt(reply.value());
                if (!m_security->lastDecryptFailed() && (!valid || valid(clear)))
                    return done(clear);
                why = Error::make(
                    QStringLiteral("protocomm.undecryptable"),
                    tr("the reply to '%1' did not decrypt to a valid message.").arg(endpoint));
            } else {
                if (m_cancelled || !isLostSession(reply.error()))
                    return done(reply.error());
                why = reply.error();
            }
            if (recovered)
                return done(Error::make(
                    QStringLiteral("protocomm.sessionlost"),
                    tr("The secure session was lost again right after it had been re-established."),
                    why.message, tr("Power-cycle the board and try again.")));
            recover(endpoint, why, [=, this](Result<void> r) {
                if (!r)
                    return done(r.error());
                m_lastRecovered = true;
                secure(endpoint, plain, timeoutMs, valid, done, true);
            });
        }));
}

void ProvisionClient::setConfig(const WifiConfig &config, Callback<void> done)
{
    m_cancelled = false;
    Q_EMIT trace(
        QStringLiteral(
            "prov-config SetConfig ssid=%1, a passphrase of %2 bytes, bssid %3, channel %4")
            .arg(QString::fromUtf8(config.ssid))
            .arg(config.passphrase.size())
            .arg(QString::fromLatin1(config.bssid.toHex(':')))
            .arg(config.channel));
    secure(
        QStringLiteral("prov-config"), encodeSetConfig(config), m_options.timeoutMs,
        [](const QByteArray &b) { return decodeRespSetConfig(b).ok(); },
        [done](Result<QByteArray> reply) {
            if (!reply)
                return done(reply.error());
            const Status s = decodeRespSetConfig(reply.value()).value();
            if (s != Status::Success)
                return done(Error::make(
                    QStringLiteral("provision.config"),
                    tr("The device rejected the Wi-Fi settings."), statusName(s),
                    tr("An SSID has at most 32 bytes, a passphrase at most 63, a BSSID exactly 6.")));
            done({});
        });
}

void ProvisionClient::applyConfig(Callback<bool> done)
{
    m_cancelled = false;
    m_lastRecovered = false;
    secure(
        QStringLiteral("prov-config"), encodeApplyConfig(), m_options.timeoutMs,
        [](const QByteArray &b) { return decodeRespApplyConfig(b).ok(); },
        [this, done](Result<QByteArray> reply) {
            if (!reply)
                return done(reply.error());
            const Status s = decodeRespApplyConfig(reply.value()).value();
            if (s == Status::Success)
                return done(false);
            if (m_lastRecovered)
                return done(true);
            done(Error::make(
                QStringLiteral("provision.apply"),
                tr("The device refused to apply the Wi-Fi settings."), statusName(s),
                tr("It may already have credentials: reset it with prov-ctrl or power-cycle it.")));
        });
}

void ProvisionClient::getStatus(Callback<WifiStatus> done)
{
    m_cancelled = false;
    secure(
        QStringLiteral("prov-config"), encodeGetStatus(), m_options.timeoutMs,
        [](const QByteArray &b) { return decodeRespGetStatus(b).ok(); },
        [done](Result<QByteArray> reply) {
            if (!reply)
                return done(reply.error());
            done(decodeRespGetStatus(reply.value()));
        });
}

void ProvisionClient::control(CtrlCommand command, Callback<void> done)
{
    m_cancelled = false;
    secure(
        QStringLiteral("prov-ctrl"), encodeCtrl(command), m_options.timeoutMs,
        [command](const QByteArray &b) { return decodeRespCtrl(b, command).ok(); },
        [command, done](Result<QByteArray> reply) {
            if (!reply)
                return done(reply.error());
            const Status s = decodeRespCtrl(reply.value(), command).value();
            if (s != Status::Success)
                return done(Error::make(
                    QStringLiteral("provision.ctrl"),
                    command == CtrlCommand::Reset
                        ? tr(
                            "The device refused the reset: it only resets after a failed connection attempt.")
                        : tr(
                            "The device refused re-provisioning: its firmware keeps auto-stop enabled."),
                    statusName(s)));
            done({});
        });
}

void ProvisionClient::sendCustom(const QString &endpoint, const QByteArray &data,
                                 Callback<QByteArray> done)
{
    m_cancelled = false;
    secure(endpoint, data, m_options.timeoutMs, Validator(), std::move(done));
}

void ProvisionClient::scan(const ScanStartOptions &options, Callback<QList<ScanEntry>> done)
{
    m_cancelled = false;
    secure(
        QStringLiteral("prov-scan"), encodeScanStart(options), m_options.scanTimeoutMs,
        [](const QByteArray &b) { return decodeRespScanStart(b).ok(); },
        [this, done](Result<QByteArray> reply) {
            if (!reply)
                return done(reply.error());
            pollScan(0, done);
        });
}

void ProvisionClient::pollScan(int round, Callback<QList<ScanEntry>> done)
{
    secure(
        QStringLiteral("prov-scan"), encodeScanStatus(), m_options.timeoutMs,
        [](const QByteArray &b) { return decodeRespScanStatus(b).ok(); },
        [this, round, done](Result<QByteArray> reply) {
            if (!reply)
                return done(reply.error());
            const ScanStatusInfo st = decodeRespScanStatus(reply.value()).value();
            if (st.finished) {
                Q_EMIT trace(QStringLiteral("scan finished: %1 networks").arg(st.resultCount));
                return fetchScanResults(0, st.resultCount, {}, done);
            }
            if (round * 200 > m_options.scanTimeoutMs)
                return done(Error::make(QStringLiteral("provision.scan"),
                                        tr("The device's Wi-Fi scan did not finish.")));
            QTimer::singleShot(200, this, [this, round, done] { pollScan(round + 1, done); });
        });
}

void ProvisionClient::fetchScanResults(quint32 start, quint32 total, QList<ScanEntry> results,
                                       Callback<QList<ScanEntry>> done)
{
    if (start >= total)
        return done(results);
    const quint32 count = qMin<quint32>(ScanPageSize, total - start);
    secure(
        QStringLiteral("prov-scan"), encodeScanResult(start, count), m_options.timeoutMs,
        [](const QByteArray &b) { return decodeRespScanResult(b).ok(); },
        [this, start, count, total, results = std::move(results),
         done](Result<QByteArray> reply) mutable {
            if (!reply)
                return done(reply.error());
            const ScanResultPage page = decodeRespScanResult(reply.value()).value();
            results.append(page.entries);
            if (page.entries.isEmpty())
                return done(results);
            fetchScanResults(start + count, total, std::move(results), done);
        });
}

} // namespace Forgeline::Protocomm
