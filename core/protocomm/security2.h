// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocomm/security.h"
#include "core/protocomm/srp6a.h"

namespace Forgeline::Protocomm {

// The AES-256-GCM framing of one Security2 session (docs/dev/protocomm.md, "AES-GCM framing"). Firmware before
// the 2025 fix (sec_patch_ver 0) uses its 16-byte device_nonce as a fixed IV for every
// message; later firmware (sec_patch_ver 1) sends 8 random bytes and a big-endian counter
// starting at 1, and both sides step the one shared counter after every successful seal and
// open, in either direction.
class Sec2Cipher
{
public:
    enum class NonceMode { StaticIv, Counter };
    static constexpr int CounterNonceBytes = 12;
    static constexpr int StaticNonceBytes = 16;

    Result<void> start(const QByteArray &sessionKey, const QByteArray &deviceNonce, NonceMode mode);
    void stop();
    bool started() const { return m_started; }
    NonceMode mode() const { return m_mode; }
    quint32 counter() const { return m_counter; }
    // The IV the next seal() or open() uses.
    QByteArray nextIv() const;

    Result<QByteArray> seal(const QByteArray &plain);
    // nullopt when the tag does not verify; the counter then stays where it was.
    std::optional<QByteArray> open(const QByteArray &sealed);

private:
    QByteArray m_key;
    QByteArray m_nonce; // 16-byte IV, or the 8-byte session id in counter mode
    quint32 m_counter = 0;
    NonceMode m_mode = NonceMode::Counter;
    bool m_started = false;
};

class Sec2Client final : public ClientSecurity
{
public:
    // securityPatch: proto-ver's sec_patch_ver (0 when absent). The nonce length in
    // SessionResp1 wins when the two disagree.
    Sec2Client(QByteArray username, QByteArray password, int securityPatch);
    Srp::Client &srp() { return m_srp; }
    const Sec2Cipher &cipher() const { return m_cipher; }

    int version() const override { return 2; }
    Result<QByteArray> begin() override;
    Result<std::optional<QByteArray>> next(const QByteArray &reply) override;
    int handshakeStep() const override { return m_step; }
    bool established() const override { return m_step == 2; }
    QByteArray encrypt(const QByteArray &plain) override;
    QByteArray decrypt(const QByteArray &cipher) override;
    bool lastDecryptFailed() const override { return m_decryptFailed; }
    QString sessionSummary() const override;

private:
    QByteArray m_username;
    Srp::Client m_srp;
    int m_patch = 0;
    std::optional<Srp::Client::Proof> m_proof;
    Sec2Cipher m_cipher;
    bool m_patchOverridden = false;
    bool m_decryptFailed = false;
    int m_step = 0; // 0: sent Command0, 1: sent Command1, 2: established
};

// Device side: knows only the salt and verifier, like protocomm_security2_params_t.
class Sec2Device final : public DeviceSecurity
{
public:
    Sec2Device(Srp::Credentials stored, int securityPatch, DeviceLogFn log);
    // Test vectors only.
    void setFixedKeys(const QByteArray &privateKey, const QByteArray &nonce)
    {
        m_fixedPrivateKey = privateKey;
        m_fixedNonce = nonce;
    }

    int version() const override { return 2; }
    Result<QByteArray> handleSession(const QByteArray &request) override;
    bool established() const override { return m_state == State::Done; }
    std::optional<QByteArray> decrypt(const QByteArray &cipher) override;
    QByteArray encrypt(const QByteArray &plain) override;
    void reset() override;

private:
    enum class State { Cmd0, Cmd1, Done };
    Result<QByteArray> fail(const QString &line);
    Srp::Credentials m_stored;
    int m_patch = 1;
    DeviceLogFn m_log;
    QByteArray m_fixedPrivateKey;
    QByteArray m_fixedNonce;
    std::optional<Srp::Server> m_srp;
    Sec2Cipher m_cipher;
    State m_state = State::Cmd0;
};

} // namespace Forgeline::Protocomm
