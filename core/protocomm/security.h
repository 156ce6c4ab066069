// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/protocomm/cryptoprimitives.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace Forgeline::Protocomm {

// Client side of a protocomm security scheme: a short handshake on prov-session, then
// encrypt()/decrypt() for every other endpoint, called in the exact order bytes travel.
class ClientSecurity
{
public:
    virtual ~ClientSecurity() = default;
    virtual int version() const = 0;
    // The request that starts (or restarts) the handshake.
    virtual Result<QByteArray> begin() = 0;
    // Feeds a handshake reply; returns the next request, or nullopt once established.
    virtual Result<std::optional<QByteArray>> next(const QByteArray &reply) = 0;
    // 0-based index of the handshake round trip the last begin()/next() request belongs to.
    virtual int handshakeStep() const = 0;
    virtual bool established() const = 0;
    virtual QByteArray encrypt(const QByteArray &plain) = 0;
    virtual QByteArray decrypt(const QByteArray &cipher) = 0;
    // True when the last decrypt() could not authenticate its input (Security2's GCM tag);
    // stream ciphers cannot tell, so only the message decoder notices there.
    virtual bool lastDecryptFailed() const { return false; }
    // One line for traces about how the established session encrypts; never a secret.
    virtual QString sessionSummary() const { return {}; }
};

// pop is the Security1 PoP or the Security2 password; username and securityPatch
// (proto-ver's sec_patch_ver) only matter for Security2.
std::unique_ptr<ClientSecurity> makeClientSecurity(int version, const QByteArray &pop,
                                                   const QByteArray &username = {},
                                                   int securityPatch = 0);

// The one error that tells the user the PoP (Security2: username or password) is wrong. Only
// for evidence that the device checked it: an answer to the verification step saying so, or
// the device dropping that very request inside the session that step 0 opened. Never for a
// session that was gone before the check.
Error popRejectedError(const QString &detail, int securityVersion = 1);

class Sec0Client final : public ClientSecurity
{
public:
    int version() const override { return 0; }
    Result<QByteArray> begin() override;
    Result<std::optional<QByteArray>> next(const QByteArray &reply) override;
    int handshakeStep() const override { return 0; }
    bool established() const override { return m_established; }
    QByteArray encrypt(const QByteArray &plain) override { return plain; }
    QByteArray decrypt(const QByteArray &cipher) override { return cipher; }

private:
    bool m_established = false;
};

class Sec1Client final : public ClientSecurity
{
public:
    explicit Sec1Client(QByteArray pop) : m_pop(std::move(pop)) {}
    // Test vectors only: a fixed private key instead of a fresh one per handshake.
    void setFixedPrivateKey(const QByteArray &key32) { m_fixedPrivateKey = key32; }

    int version() const override { return 1; }
    Result<QByteArray> begin() override;
    Result<std::optional<QByteArray>> next(const QByteArray &reply) override;
    int handshakeStep() const override { return m_step; }
    bool established() const override { return m_step == 2; }
    QByteArray encrypt(const QByteArray &plain) override { return m_stream.apply(plain); }
    QByteArray decrypt(const QByteArray &cipher) override { return m_stream.apply(cipher); }

private:
    QByteArray m_pop;
    QByteArray m_fixedPrivateKey;
    std::optional<Crypto::X25519KeyPair> m_keys;
    QByteArray m_devicePublic;
    Crypto::CtrStream m_stream;
    int m_step = 0; // 0: sent Command0, 1: sent Command1, 2: established
};

// Device side. A rejected request produces no reply (like the firmware): the error's
// detail holds the line the device logs.
using DeviceLogFn = std::function<void(char level, const QString &tag, const QString &message)>;

class DeviceSecurity
{
public:
    virtual ~DeviceSecurity() = default;
    virtual int version() const = 0;
    virtual Result<QByteArray> handleSession(const QByteArray &request) = 0;
    virtual bool established() const = 0;
    // Ordinary endpoints: nullopt when no session is established.
    virtual std::optional<QByteArray> decrypt(const QByteArray &cipher) = 0;
    virtual QByteArray encrypt(const QByteArray &plain) = 0;
    virtual void reset() = 0;
};

std::unique_ptr<DeviceSecurity> makeDeviceSecurity(int version, const QByteArray &pop,
                                                   DeviceLogFn log);

class Sec0Device final : public DeviceSecurity
{
public:
    explicit Sec0Device(DeviceLogFn log) : m_log(std::move(log)) {}
    int version() const override { return 0; }
    Result<QByteArray> handleSession(const QByteArray &request) override;
    bool established() const override { return true; }
    std::optional<QByteArray> decrypt(const QByteArray &cipher) override { return cipher; }
    QByteArray encrypt(const QByteArray &plain) override { return plain; }
    void reset() override {}

private:
    DeviceLogFn m_log;
};

class Sec1Device final : public DeviceSecurity
{
public:
    Sec1Device(QByteArray pop, DeviceLogFn log) : m_pop(std::move(pop)), m_log(std::move(log)) {}
    // Test vectors only.
    void setFixedKeys(const QByteArray &privateKey32, const QByteArray &random16)
    {
        m_fixedPrivateKey = privateKey32;
        m_fixedRandom = random16;
    }

    int version() const override { return 1; }
    Result<QByteArray> handleSession(const QByteArray &request) override;
    bool established() const override { return m_state == State::Done; }
    std::optional<QByteArray> decrypt(const QByteArray &cipher) override;
    QByteArray encrypt(const QByteArray &plain) override { return m_stream.apply(plain); }
    void reset() override;

private:
    enum class State { Cmd0, Cmd1, Done };
    Result<QByteArray> fail(const QString &line);
    QByteArray m_pop;
    DeviceLogFn m_log;
    QByteArray m_fixedPrivateKey;
    QByteArray m_fixedRandom;
    State m_state = State::Cmd0;
    QByteArray m_clientPublic;
    QByteArray m_devicePublic;
    Crypto::CtrStream m_stream;
};

// Exact session-message encoders (ESP-IDF components/protocomm/proto; bytes checked by tests/core/tst_protocommwire.cpp), used by the classes above.
namespace SessionWire {
QByteArray sec0Command();
QByteArray sec0Response();
QByteArray sec1Command0(const QByteArray &clientPublic);
QByteArray sec1Response0(const QByteArray &devicePublic, const QByteArray &deviceRandom);
QByteArray sec1Command1(const QByteArray &clientVerify);
QByteArray sec1Response1(const QByteArray &deviceVerify);
QByteArray sec2Command0(const QByteArray &username, const QByteArray &clientPublic);
QByteArray sec2Response0(const QByteArray &devicePublic, const QByteArray &salt);
QByteArray sec2Command1(const QByteArray &clientProof);
QByteArray sec2Response1(const QByteArray &deviceProof, const QByteArray &nonce);
} // namespace SessionWire

} // namespace Forgeline::Protocomm
