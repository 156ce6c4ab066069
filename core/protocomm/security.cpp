// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocomm/security.h"

#include "core/protocomm/security2.h"

#include "protocomm/proto/session.pb.h"

#include <QCoreApplication>

namespace Forgeline::Protocomm {

namespace w = forgeline::wire;

namespace {

QByteArray serialize(const w::SessionData &message)
{
    std::string out;
    message.SerializeToString(&out);
    return QByteArray(out.data(), qsizetype(out.size()));
}

std::string toStd(const QByteArray &b) { return std::string(b.constData(), size_t(b.size())); }

QByteArray toBytes(const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); }

Error handshakeError(const QString &detail)
{
    return Error::make(QStringLiteral("protocomm.handshake"),
                       QCoreApplication::translate(
                           "Protocomm", "The device's session handshake reply was not valid."),
                       detail);
}

} // namespace

Error popRejectedError(const QString &detail, int securityVersion)
{
    if (securityVersion == 2)
        return Error::make(
            QStringLiteral("protocomm.pop"),
            QCoreApplication::translate(
                "Protocomm",
                "the device rejected the client proof: wrong username or proof-of-possession password"),
            detail,
            QCoreApplication::translate(
                "Protocomm",
                "Check the username and the password (PoP) on the board's label or QR code; both are case-sensitive."));
    return Error::make(
        QStringLiteral("protocomm.pop"),
        QCoreApplication::translate("Protocomm",
                                    "the device rejected the proof of possession (PoP)"),
        detail,
        QCoreApplication::translate(
            "Protocomm", "Check the PoP on the board's label or QR code; it is case-sensitive."));
}

namespace SessionWire {

QByteArray sec0Command()
{
    w::SessionData d;
    d.set_sec_ver(w::SecScheme0);
    d.mutable_sec0()->set_msg(w::S0_Session_Command);
    d.mutable_sec0()->mutable_sc();
    return serialize(d);
}

QByteArray sec0Response()
{
    w::SessionData d;
    d.set_sec_ver(w::SecScheme0);
    d.mutable_sec0()->set_msg(w::S0_Session_Response);
    d.mutable_sec0()->mutable_sr()->set_status(w::Success);
    return serialize(d);
}

QByteArray sec1Command0(const QByteArray &clientPublic)
{
    w::SessionData d;
    d.set_sec_ver(w::SecScheme1);
    d.mutable_sec1()->set_msg(w::Session_Command0);
    d.mutable_sec1()->mutable_sc0()->set_client_pubkey(toStd(clientPublic));
    return serialize(d);
}

QByteArray sec1Response0(const QByteArray &devicePublic, const QByteArray &deviceRandom)
{
    w::SessionData d;
    d.set_sec_ver(w::SecScheme1);
    d.mutable_sec1()->set_msg(w::Session_Response0);
    w::SessionResp0 *r = d.mutable_sec1()->mutable_sr0();
    r->set_status(w::Success);
    r->set_device_pubkey(toStd(devicePublic));
    r->set_device_random(toStd(deviceRandom));
    return serialize(d);
}

QByteArray sec1Command1(const QByteArray &clientVerify)
{
    w::SessionData d;
    d.set_sec_ver(w::SecScheme1);
    d.mutable_sec1()->set_msg(w::Session_Command1);
    d.mutable_sec1()->mutable_sc1()->set_client_verify_data(toStd(clientVerify));
    return serialize(d);
}

QByteArray sec1Response1(const QByteArray &deviceVerify)
{
    w::SessionData d;
    d.set_sec_ver(w::SecScheme1);
    d.mutable_sec1()->set_msg(w::Session_Response1);
    w::SessionResp1 *r = d.mutable_sec1()->mutable_sr1();
    r->set_status(w::Success);
    r->set_device_verify_data(toStd(deviceVerify));
    return serialize(d);
}

QByteArray sec2Command0(const QByteArray &username, const QByteArray &clientPublic)
{
    w::SessionData d;
    d.set_sec_ver(w::SecScheme2);
    d.mutable_sec2()->set_msg(w::S2Session_Command0);
    d.mutable_sec2()->mutable_sc0()->set_client_username(toStd(username));
    d.mutable_sec2()->mutable_sc0()->set_client_pubkey(toStd(clientPublic));
    return serialize(d);
}

QByteArray sec2Response0(const QByteArray &devicePublic, const QByteArray &salt)
{
    w::SessionData d;
    d.set_sec_ver(w::SecScheme2);
    d.mutable_sec2()->set_msg(w::S2Session_Response0);
    d.mutable_sec2()->mutable_sr0()->set_device_pubkey(toStd(devicePublic));
    d.mutable_sec2()->mutable_sr0()->set_device_salt(toStd(salt));
    return serialize(d);
}

QByteArray sec2Command1(const QByteArray &clientProof)
{
    w::SessionData d;
    d.set_sec_ver(w::SecScheme2);
    d.mutable_sec2()->set_msg(w::S2Session_Command1);
    d.mutable_sec2()->mutable_sc1()->set_client_proof(toStd(clientProof));
    return serialize(d);
}

QByteArray sec2Response1(const QByteArray &deviceProof, const QByteArray &nonce)
{
    w::SessionData d;
    d.set_sec_ver(w::SecScheme2);
    d.mutable_sec2()->set_msg(w::S2Session_Response1);
    d.mutable_sec2()->mutable_sr1()->set_device_proof(toStd(deviceProof));
    d.mutable_sec2()->mutable_sr1()->set_device_nonce(toStd(nonce));
    return serialize(d);
}

} // namespace SessionWire

std::unique_ptr<ClientSecurity> makeClientSecurity(int version, const QByteArray &pop,
                                                   const QByteArray &username, int securityPatch)
{
    if (version == 0)
        return std::make_unique<Sec0Client>();
    if (version == 1)
        return std::make_unique<Sec1Client>(pop);
    if (version == 2)
        return std::make_unique<Sec2Client>(username, pop, securityPatch);
    return nullptr;
}

// ---- Security0 ----

Result<QByteArray> Sec0Client::begin()
{
    m_established = false;
    return SessionWire::sec0Command();
}

Result<std::optional<QByteArray>> Sec0Client::next(const QByteArray &reply)
{
    w::SessionData d;
    if (!d.ParseFromArray(reply.constData(), int(reply.size())) || !d.has_sec0()
        || d.sec0().msg() != w::S0_Session_Response)
        return handshakeError(
            QStringLiteral("Security0 response: %1").arg(QString::fromLatin1(reply.toHex())));
    if (d.sec0().sr().status() != w::Success)
        return handshakeError(QStringLiteral("Security0 status %1").arg(d.sec0().sr().status()));
    m_established = true;
    return std::optional<QByteArray>();
}

Result<QByteArray> Sec0Device::handleSession(const QByteArray &request)
{
    w::SessionData d;
    if (!d.ParseFromArray(request.constData(), int(request.size()))) {
        m_log('E', QStringLiteral("security0"), QStringLiteral("Unable to unpack setup_req"));
        return handshakeError(QStringLiteral("Unable to unpack setup_req"));
    }
    if (d.sec_ver() != w::SecScheme0) {
        m_log('E', QStringLiteral("security0"),
              QStringLiteral("Security version mismatch. Closing connection"));
        return handshakeError(QStringLiteral("Security version mismatch"));
    }
    return SessionWire::sec0Response();
}

// ---- Security1 client ----

Result<QByteArray> Sec1Client::begin()
{
    Result<Crypto::X25519KeyPair> keys
        = m_fixedPrivateKey.isEmpty() ? Crypto::X25519KeyPair::generate()
                                      : Crypto::X25519KeyPair::fromPrivateKey(m_fixedPrivateKey);
    if (!keys)
        return keys.error();
    m_keys = keys.value();
    m_step = 0;
    return SessionWire::sec1Command0(m_keys->publicKey());
}

Result<std::optional<QByteArray>> Sec1Client::next(const QByteArray &reply)
{
    w::SessionData d;
    if (!d.ParseFromArray(reply.constData(), int(reply.size())) || d.sec_ver() != w::SecScheme1
        || !d.has_sec1())
        return handshakeError(QStringLiteral("not a Security1 SessionData: %1")
                                  .arg(QString::fromLatin1(reply.left(64).toHex())));
    const w::Sec1Payload &p = d.sec1();
    if (m_step == 0) {
        if (p.msg() != w::Session_Response0 || p.sr0().status() != w::Success)
            return handshakeError(QStringLiteral("expected SessionResp0, msg=%1 status=%2")
                                      .arg(p.msg())
                                      .arg(p.sr0().status()));
        const QByteArray devicePublic = toBytes(p.sr0().device_pubkey());
        const QByteArray deviceRandom = toBytes(p.sr0().device_random());
        if (devicePublic.size() != 32 || deviceRandom.size() != 16)
            return handshakeError(QStringLiteral("device_pubkey %1 bytes, device_random %2 bytes")
                                      .arg(devicePublic.size())
                                      .arg(deviceRandom.size()));
        Result<QByteArray> shared = m_keys->sharedSecret(devicePublic);
        if (!shared)
            return shared.error();
        Result<void> started
            = m_stream.start(Crypto::sec1SessionKey(shared.value(), m_pop), deviceRandom);
        if (!started)
            return started.error();
        m_devicePublic = devicePublic;
        m_step = 1;
        return std::optional<QByteArray>(SessionWire::sec1Command1(m_stream.apply(devicePublic)));
    }
    if (m_step == 1) {
        if (p.msg() != w::Session_Response1)
            return handshakeError(QStringLiteral("expected SessionResp1, msg=%1").arg(p.msg()));
        // ESP-IDF closes the socket instead, but a firmware that answers the verification
        // with a failure status has checked the PoP and said no.
        if (p.sr1().status() != w::Success)
            return popRejectedError(QStringLiteral("SessionResp1 status %1").arg(p.sr1().status()));
        const QByteArray proof = m_stream.apply(toBytes(p.sr1().device_verify_data()));
        if (!Crypto::equalConstantTime(proof, m_keys->publicKey()))
            return Error::make(
                QStringLiteral("protocomm.deviceproof"),
                QCoreApplication::translate(
                    "Protocomm",
                    "The device's proof of possession did not verify: it does not hold the same PoP."),
                QStringLiteral("device_verify_data does not decrypt to the client public key"),
                QCoreApplication::translate("Protocomm",
                                            "Check that you are talking to the right board."));
        m_step = 2;
        return std::optional<QByteArray>();
    }
    return handshakeError(QStringLiteral("handshake already complete"));
}

// ---- Security1 device ----

std::unique_ptr<DeviceSecurity> makeDeviceSecurity(int version, const QByteArray &pop,
                                                   DeviceLogFn log)
{
    if (version == 0)
        return std::make_unique<Sec0Device>(std::move(log));
    if (version == 1)
        return std::make_unique<Sec1Device>(pop, std::move(log));
    return nullptr;
}

Result<QByteArray> Sec1Device::fail(const QString &line)
{
    m_log('E', QStringLiteral("security1"), line);
    m_log('E', QStringLiteral("security1"), QStringLiteral("Session setup error -1"));
    return handshakeError(line);
}

void Sec1Device::reset()
{
    m_state = State::Cmd0;
    m_clientPublic.clear();
    m_devicePublic.clear();
    m_stream.stop();
}

Result<QByteArray> Sec1Device::handleSession(const QByteArray &request)
{
    w::SessionData d;
    if (!d.ParseFromArray(request.constData(), int(request.size())))
        return fail(QStringLiteral("Unable to unpack setup_req"));
    if (d.sec_ver() != w::SecScheme1)
        return fail(QStringLiteral("Security version mismatch. Closing connection"));
    if (!d.has_sec1())
        return fail(QStringLiteral("Security scheme mismatch. Closing connection"));
    const w::Sec1Payload &p = d.sec1();
    if (p.msg() == w::Session_Command0) {
        if (m_state != State::Cmd0) {
            m_log('W', QStringLiteral("security1"),
                  QStringLiteral("Invalid state of session 0 (expected %1). Restarting session.")
                      .arg(int(m_state)));
            reset();
        }
        const QByteArray clientPublic = toBytes(p.sc0().client_pubkey());
        if (clientPublic.size() != 32)
            return fail(QStringLiteral("Invalid parameters"));
        Result<Crypto::X25519KeyPair> keys
            = m_fixedPrivateKey.isEmpty()
                  ? Crypto::X25519KeyPair::generate()
                  : Crypto::X25519KeyPair::fromPrivateKey(m_fixedPrivateKey);
        if (!keys)
            return fail(QStringLiteral("Failed to generate device keypair"));
        Result<QByteArray> shared = keys->sharedSecret(clientPublic);
        if (!shared)
            return fail(QStringLiteral("Failed to generate shared secret"));
        const QByteArray random = m_fixedRandom.isEmpty() ? Crypto::randomBytes(16) : m_fixedRandom;
        if (!m_stream.start(Crypto::sec1SessionKey(shared.value(), m_pop), random))
            return fail(QStringLiteral("Failed to set key"));
        m_clientPublic = clientPublic;
        m_devicePublic = keys->publicKey();
        m_state = State::Cmd1;
        return SessionWire::sec1Response0(m_devicePublic, random);
    }
    if (p.msg() == w::Session_Command1) {
        if (m_state != State::Cmd1)
            return fail(
                QStringLiteral("Invalid state of session 1 (expected %1)").arg(int(m_state)));
        const QByteArray verify = toBytes(p.sc1().client_verify_data());
        if (verify.size() != 32)
            return fail(
                QStringLiteral("Invalid client verifier (ptr=%1 len=%2)")
                    .arg(verify.isEmpty() ? QStringLiteral("0x0") : QStringLiteral("0x3ffb0000"))
                    .arg(verify.size()));
        const QByteArray check = m_stream.apply(verify);
        if (!Crypto::equalConstantTime(check, m_devicePublic)) {
            m_log('E', QStringLiteral("security1"),
                  QStringLiteral("Key mismatch. Close connection"));
            reset();
            return handshakeError(QStringLiteral("Key mismatch. Close connection"));
        }
        const QByteArray proof = m_stream.apply(m_clientPublic);
        m_state = State::Done;
        return SessionWire::sec1Response1(proof);
    }
    return fail(QStringLiteral("Invalid security message type %1").arg(p.msg()));
}

std::optional<QByteArray> Sec1Device::decrypt(const QByteArray &cipher)
{
    if (m_state != State::Done) {
        m_log('E', QStringLiteral("security1"), QStringLiteral("Secure session not established"));
        return std::nullopt;
    }
    return m_stream.apply(cipher);
}

} // namespace Forgeline::Protocomm
