// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocomm/security2.h"

#include "protocomm/proto/session.pb.h"

#include <QCoreApplication>
#include <QtEndian>

namespace Forgeline::Protocomm {

namespace w = forgeline::wire;

namespace {

QByteArray toBytes(const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); }

Error handshakeError(const QString &detail)
{
    return Error::make(QStringLiteral("protocomm.handshake"),
                       QCoreApplication::translate(
                           "Protocomm", "The device's session handshake reply was not valid."),
                       detail);
}

QByteArray bigEndian32(quint32 value)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian(value, out.data());
    return out;
}

} // namespace

// ---- GCM framing ----

Result<void> Sec2Cipher::start(const QByteArray &sessionKey, const QByteArray &deviceNonce,
                               NonceMode mode)
{
    m_started = false;
    const int expected = mode == NonceMode::Counter ? CounterNonceBytes : StaticNonceBytes;
    if (sessionKey.size() < 32 || deviceNonce.size() != expected)
        return handshakeError(
            QStringLiteral(
                "Security2 needs a 64-byte session key and a %1-byte nonce, got %2 and %3")
                .arg(expected)
                .arg(sessionKey.size())
                .arg(deviceNonce.size()));
    m_key = sessionKey.left(32); // mbedtls_gcm_setkey(…, 256) on the 64-byte K
    m_mode = mode;
    if (mode == NonceMode::Counter) {
        m_nonce = deviceNonce.left(8);
        m_counter = qFromBigEndian<quint32>(deviceNonce.constData() + 8);
    } else {
        m_nonce = deviceNonce;
        m_counter = 0;
    }
    m_started = true;
    return {};
}

void Sec2Cipher::stop()
{
    m_started = false;
    m_key.fill('\0');
    m_key.clear();
    m_nonce.clear();
    m_counter = 0;
}

QByteArray Sec2Cipher::nextIv() const
{
    return m_mode == NonceMode::Counter ? m_nonce + bigEndian32(m_counter) : m_nonce;
}

Result<QByteArray> Sec2Cipher::seal(const QByteArray &plain)
{
    if (!m_started)
        return handshakeError(QStringLiteral("Secure session not established"));
    Result<QByteArray> out = Crypto::gcmSeal(m_key, nextIv(), plain);
    if (out && m_mode == NonceMode::Counter)
        ++m_counter;
    return out;
}

std::optional<QByteArray> Sec2Cipher::open(const QByteArray &sealed)
{
    if (!m_started)
        return std::nullopt;
    std::optional<QByteArray> out = Crypto::gcmOpen(m_key, nextIv(), sealed);
    if (out && m_mode == NonceMode::Counter)
        ++m_counter;
    return out;
}

// ---- client ----

Sec2Client::Sec2Client(QByteArray username, QByteArray password, int securityPatch)
    : m_username(username), m_srp(std::move(username), std::move(password)), m_patch(securityPatch)
{}

Result<QByteArray> Sec2Client::begin()
{
    m_step = 0;
    m_proof.reset();
    m_cipher.stop();
    m_patchOverridden = false;
    Result<QByteArray> A = m_srp.start();
    if (!A)
        return A.error();
    return SessionWire::sec2Command0(m_username, A.value());
}

Result<std::optional<QByteArray>> Sec2Client::next(const QByteArray &reply)
{
    w::SessionData d;
    if (!d.ParseFromArray(reply.constData(), int(reply.size())) || d.sec_ver() != w::SecScheme2
        || !d.has_sec2())
        return handshakeError(QStringLiteral("not a Security2 SessionData: %1")
                                  .arg(QString::fromLatin1(reply.left(64).toHex())));
    const w::Sec2Payload &p = d.sec2();
    if (m_step == 0) {
        if (p.msg() != w::S2Session_Response0 || p.sr0().status() != w::Success)
            return handshakeError(QStringLiteral("expected S2SessionResp0, msg=%1 status=%2")
                                      .arg(p.msg())
                                      .arg(p.sr0().status()));
        const QByteArray deviceB = toBytes(p.sr0().device_pubkey());
        const QByteArray salt = toBytes(p.sr0().device_salt());
        if (deviceB.isEmpty() || deviceB.size() > Srp::GroupBytes || salt.isEmpty())
            return handshakeError(QStringLiteral("device_pubkey %1 bytes, device_salt %2 bytes")
                                      .arg(deviceB.size())
                                      .arg(salt.size()));
        Result<Srp::Client::Proof> proof = m_srp.respond(salt, deviceB);
        if (!proof)
            return handshakeError(proof.error().detail);
        m_proof = proof.value();
        m_step = 1;
        return std::optional<QByteArray>(SessionWire::sec2Command1(m_proof->clientProof));
    }
    if (m_step == 1) {
        if (p.msg() != w::S2Session_Response1)
            return handshakeError(QStringLiteral("expected S2SessionResp1, msg=%1").arg(p.msg()));
        // ESP-IDF closes the socket instead, but a firmware that answers the proof with a
        // failure status has checked the password and said no.
        if (p.sr1().status() != w::Success)
            return popRejectedError(
                QStringLiteral("S2SessionResp1 status %1").arg(p.sr1().status()), 2);
        const QByteArray deviceProof = toBytes(p.sr1().device_proof());
        if (!Crypto::equalConstantTime(deviceProof, m_proof->expectedDeviceProof))
            return Error::make(
                QStringLiteral("protocomm.deviceproof"),
                QCoreApplication::translate(
                    "Protocomm",
                    "The device's Security2 proof did not verify: it does not hold the verifier for this username and password."),
                QStringLiteral("device_proof (%1 bytes) differs from H(A | M | K)")
                    .arg(deviceProof.size()),
                QCoreApplication::translate("Protocomm",
                                            "Check that you are talking to the right board."));
        const QByteArray nonce = toBytes(p.sr1().device_nonce());
        Sec2Cipher::NonceMode mode
            = m_patch >= 1 ? Sec2Cipher::NonceMode::Counter : Sec2Cipher::NonceMode::StaticIv;
        // The nonce length is what the firmware actually does; proto-ver may be customised.
        if (nonce.size() == Sec2Cipher::CounterNonceBytes
            && mode != Sec2Cipher::NonceMode::Counter) {
            mode = Sec2Cipher::NonceMode::Counter;
            m_patchOverridden = true;
        } else if (nonce.size() == Sec2Cipher::StaticNonceBytes
                   && mode != Sec2Cipher::NonceMode::StaticIv) {
            mode = Sec2Cipher::NonceMode::StaticIv;
            m_patchOverridden = true;
        }
        Result<void> started = m_cipher.start(m_proof->sessionKey, nonce, mode);
        if (!started)
            return started.error();
        m_step = 2;
        return std::optional<QByteArray>();
    }
    return handshakeError(QStringLiteral("handshake already complete"));
}

QByteArray Sec2Client::encrypt(const QByteArray &plain)
{
    Result<QByteArray> out = m_cipher.seal(plain);
    return out ? out.value() : QByteArray();
}

QByteArray Sec2Client::decrypt(const QByteArray &cipher)
{
    std::optional<QByteArray> out = m_cipher.open(cipher);
    m_decryptFailed = !out;
    return out.value_or(QByteArray());
}

QString Sec2Client::sessionSummary() const
{
    if (!m_cipher.started())
        return {};
    QString text
        = m_cipher.mode() == Sec2Cipher::NonceMode::Counter
              ? QStringLiteral(
                    "AES-256-GCM, sec_patch_ver 1 nonce (8-byte session id + counter from %1)")
                    .arg(m_cipher.counter())
              : QStringLiteral("AES-256-GCM, sec_patch_ver 0 nonce (fixed 16-byte IV)");
    if (m_patchOverridden)
        text += QStringLiteral(
                    "; proto-ver said sec_patch_ver %1 but the device nonce length says otherwise")
                    .arg(m_patch);
    return text;
}

// ---- device ----

Sec2Device::Sec2Device(Srp::Credentials stored, int securityPatch, DeviceLogFn log)
    : m_stored(std::move(stored)), m_patch(securityPatch), m_log(std::move(log))
{}

Result<QByteArray> Sec2Device::fail(const QString &line)
{
    m_log('E', QStringLiteral("security2"), line);
    m_log('E', QStringLiteral("security2"), QStringLiteral("Session setup error -1"));
    return handshakeError(line);
}

void Sec2Device::reset()
{
    m_state = State::Cmd0;
    m_srp.reset();
    m_cipher.stop();
}

Result<QByteArray> Sec2Device::handleSession(const QByteArray &request)
{
    w::SessionData d;
    if (!d.ParseFromArray(request.constData(), int(request.size())))
        return fail(QStringLiteral("Unable to unpack setup_req"));
    if (d.sec_ver() != w::SecScheme2)
        return fail(QStringLiteral("Security version mismatch. Closing connection"));
    if (!d.has_sec2())
        return fail(QStringLiteral("Security scheme mismatch. Closing connection"));
    const w::Sec2Payload &p = d.sec2();
    if (p.msg() == w::S2Session_Command0) {
        if (m_state != State::Cmd0) {
            m_log('W', QStringLiteral("security2"),
                  QStringLiteral("Invalid state of session 0 (expected %1). Restarting session.")
                      .arg(int(m_state)));
            reset();
        }
        const QByteArray username = toBytes(p.sc0().client_username());
        const QByteArray clientA = toBytes(p.sc0().client_pubkey());
        if (username.isEmpty() || username.size() > 0xffff)
            return fail(QStringLiteral("Invalid username length %1").arg(username.size()));
        if (clientA.size() != Srp::GroupBytes)
            return fail(QStringLiteral("Invalid public key length"));
        m_srp.emplace(m_stored.salt, m_stored.verifier);
        if (!m_fixedPrivateKey.isEmpty())
            m_srp->setFixedPrivateKey(m_fixedPrivateKey);
        Result<QByteArray> deviceB = m_srp->start(username, clientA);
        if (!deviceB) {
            m_srp.reset();
            return fail(deviceB.error().detail);
        }
        m_state = State::Cmd1;
        return SessionWire::sec2Response0(deviceB.value(), m_stored.salt);
    }
    if (p.msg() == w::S2Session_Command1) {
        if (m_state != State::Cmd1 || !m_srp)
            return fail(
                QStringLiteral("Invalid state of session 1 (expected %1)").arg(int(m_state)));
        Result<QByteArray> deviceProof = m_srp->verify(toBytes(p.sc1().client_proof()));
        if (!deviceProof) {
            // Wrong username or password: the firmware raises CREDENTIALS_MISMATCH and drops the request.
            const QString line = deviceProof.error().detail;
            reset();
            return fail(line);
        }
        QByteArray nonce = m_fixedNonce;
        if (nonce.isEmpty())
            nonce = m_patch >= 1 ? Crypto::randomBytes(8) + bigEndian32(1)
                                 : Crypto::randomBytes(Sec2Cipher::StaticNonceBytes);
        const auto mode = nonce.size() == Sec2Cipher::CounterNonceBytes
                              ? Sec2Cipher::NonceMode::Counter
                              : Sec2Cipher::NonceMode::StaticIv;
        if (!m_cipher.start(m_srp->sessionKey(), nonce, mode))
            return fail(QStringLiteral("Failed at mbedtls_gcm_setkey"));
        m_state = State::Done;
        return SessionWire::sec2Response1(deviceProof.value(), nonce);
    }
    return fail(QStringLiteral("Invalid security message type %1").arg(p.msg()));
}

std::optional<QByteArray> Sec2Device::decrypt(const QByteArray &cipher)
{
    if (m_state != State::Done) {
        m_log('E', QStringLiteral("security2"), QStringLiteral("Secure session not established"));
        return std::nullopt;
    }
    if (m_cipher.mode() == Sec2Cipher::NonceMode::Counter && m_cipher.counter() == 0) {
        m_log('E', QStringLiteral("security2"),
              QStringLiteral("Invalid counter value, restart session"));
        return std::nullopt;
    }
    std::optional<QByteArray> plain = m_cipher.open(cipher);
    if (!plain)
        m_log('E', QStringLiteral("security2"),
              QStringLiteral("Failed at mbedtls_gcm_auth_decrypt : -18"));
    return plain;
}

QByteArray Sec2Device::encrypt(const QByteArray &plain)
{
    Result<QByteArray> out = m_cipher.seal(plain);
    return out ? out.value() : QByteArray();
}

} // namespace Forgeline::Protocomm
