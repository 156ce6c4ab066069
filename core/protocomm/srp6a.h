// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>

#include <functional>

// SRP-6a exactly as ESP-IDF protocomm Security2 computes it (docs/dev/protocomm.md, "Security 2 (SRP-6a)"): RFC 5054
// 3072-bit group, g = 5, SHA-512, k = H(N | PAD(g)), u = H(PAD(A) | PAD(B)),
// x = H(s | H(I ":" p)), K = H(S with leading zeros stripped),
// M = H(H(N) xor H(PAD(g)) | H(I) | s | A | B | K), H_AMK = H(A | M | K), where s, A and B
// are the bytes as they travel. Generic SRP libraries differ in H(PAD(g)) and in padding, so
// this is written out instead of borrowed.
namespace Forgeline::Protocomm::Srp {

constexpr int GroupBytes = 384; // len(N); A is always sent at this width
constexpr int HashBytes = 64;   // SHA-512; M, H_AMK and K are always this width
constexpr int PrivateKeyBytes = 32;

// The group prime N, big-endian, 384 bytes.
QByteArray groupPrime();
// k = H(N | PAD(g)).
QByteArray multiplier();
// Left-pads a big-endian number to the group width (longer input is returned unchanged).
QByteArray padToGroup(const QByteArray &bigEndian);

// How x = H(s | H(I ":" p)) treats the inner digest. The firmware's own generator
// (esp_srp_gen_salt_verifier) hashes all 64 bytes; esp_prov's --sec2_gen_cred passes the inner
// digest through an integer, which drops its leading zero bytes. The two verifiers differ only
// for the 1 in 256 username/password pairs whose inner digest starts with 0x00.
enum class InnerDigest { Full, LeadingZerosStripped };
bool innerDigestHasLeadingZero(const QByteArray &username, const QByteArray &password);

// What the device stores instead of the password (protocomm_security2_params_t).
struct Credentials
{
    QByteArray salt;
    QByteArray verifier; // g^x mod N, 384 bytes
};

// Like esp_srp_gen_salt_verifier() and `esp_prov.py --sec2_gen_cred`: x from the full 64-byte
// inner digest H(I ":" p). An empty salt means a fresh random one of saltBytes.
Result<Credentials> makeCredentials(const QByteArray &username, const QByteArray &password,
                                    const QByteArray &salt = {}, int saltBytes = 16,
                                    InnerDigest inner = InnerDigest::Full);

// The client half. Holds only byte strings, so a prepared client can be copied.
class Client
{
public:
    using PrivateKeySource = std::function<QByteArray()>;

    Client(QByteArray username, QByteArray password);

    // Where the private key a comes from (default: 32 random bytes). Test vectors use a fixed one.
    void setPrivateKeySource(PrivateKeySource source) { m_source = std::move(source); }
    // For verifiers made by esp_prov; see InnerDigest.
    void setInnerDigest(InnerDigest inner) { m_inner = inner; }
    InnerDigest innerDigest() const { return m_inner; }

    // A as sent in SessionCmd0: exactly 384 bytes. A key whose A would start with a zero
    // byte is drawn again, as esp_prov does since IDF 5.5.5, so A is never padded.
    Result<QByteArray> start();
    int privateKeyDraws() const { return m_draws; }
    QByteArray publicKey() const { return m_A; }

    struct Proof
    {
        QByteArray clientProof;         // M, 64 bytes
        QByteArray expectedDeviceProof; // H_AMK, 64 bytes
        QByteArray sessionKey;          // K, 64 bytes
        QByteArray u;                   // for test vectors and traces of the maths only
        QByteArray x;
        QByteArray premasterSecret; // S, minimal big-endian
    };
    // SessionResp0's salt and B exactly as received.
    Result<Proof> respond(const QByteArray &salt, const QByteArray &deviceB) const;

private:
    QByteArray m_username;
    QByteArray m_password;
    PrivateKeySource m_source;
    InnerDigest m_inner = InnerDigest::Full;
    QByteArray m_a;
    QByteArray m_A;
    int m_draws = 0;
};

// The device half, from the stored salt and verifier only.
class Server
{
public:
    Server(QByteArray salt, QByteArray verifier);

    // Test vectors only: a fixed private key b instead of 32 random bytes.
    void setFixedPrivateKey(const QByteArray &b) { m_fixedB = b; }

    // Checks A (384 bytes, A mod N != 0) and returns B, minimal big-endian as esp_srp sends it.
    // The error's detail is the line the firmware logs.
    Result<QByteArray> start(const QByteArray &username, const QByteArray &clientA);
    // Checks M; on success returns H_AMK.
    Result<QByteArray> verify(const QByteArray &clientProof);
    QByteArray sessionKey() const { return m_K; }
    QByteArray salt() const { return m_salt; }

private:
    QByteArray m_salt;
    QByteArray m_verifier;
    QByteArray m_fixedB;
    QByteArray m_A;
    QByteArray m_expectedM;
    QByteArray m_deviceProof;
    QByteArray m_K;
    bool m_started = false;
};

} // namespace Forgeline::Protocomm::Srp
