// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>

#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;
typedef struct evp_cipher_ctx_st EVP_CIPHER_CTX;

// The few OpenSSL EVP operations protocomm Security1 and Security2 need, as values and errors.
namespace Forgeline::Protocomm::Crypto {

QByteArray sha256(const QByteArray &data);
QByteArray sha512(const QByteArray &data);
QByteArray randomBytes(int count);

// X25519 with RFC 7748 little-endian raw keys, which is also what the device puts on the wire.
class X25519KeyPair
{
public:
    static Result<X25519KeyPair> generate();
    // Deterministic key pairs are for the published test vectors only.
    static Result<X25519KeyPair> fromPrivateKey(const QByteArray &privateKey32);

    QByteArray publicKey() const { return m_public; }
    Result<QByteArray> sharedSecret(const QByteArray &peerPublicKey32) const;

private:
    struct Free
    {
        void operator()(EVP_PKEY *key) const;
    };
    std::shared_ptr<EVP_PKEY> m_key;
    QByteArray m_public;
};

// One AES-256-CTR keystream. Security1 uses a single stream for both directions, so the
// same apply() both encrypts and decrypts, in the order the bytes travel.
class CtrStream
{
public:
    CtrStream();
    ~CtrStream();
    CtrStream(const CtrStream &) = delete;
    CtrStream &operator=(const CtrStream &) = delete;

    Result<void> start(const QByteArray &key32, const QByteArray &iv16);
    bool started() const { return m_started; }
    void stop() { m_started = false; }
    QByteArray apply(const QByteArray &data);

private:
    EVP_CIPHER_CTX *m_ctx = nullptr;
    bool m_started = false;
};

// X25519 shared secret XOR SHA-256(PoP), or the bare secret without a PoP.
QByteArray sec1SessionKey(const QByteArray &sharedSecret, const QByteArray &pop);

// AES-256-GCM as Security2 frames it: ciphertext followed by the 16-byte tag, no AAD. The IV
// is 12 bytes (sec_patch_ver 1) or 16 (sec_patch_ver 0, GHASH-derived J0).
Result<QByteArray> gcmSeal(const QByteArray &key32, const QByteArray &iv, const QByteArray &plain);
// nullopt when the tag does not verify (or the input is shorter than a tag).
std::optional<QByteArray> gcmOpen(const QByteArray &key32, const QByteArray &iv,
                                  const QByteArray &sealed);
constexpr int GcmTagBytes = 16;

// Constant-time comparison for verifier checks.
bool equalConstantTime(const QByteArray &a, const QByteArray &b);

} // namespace Forgeline::Protocomm::Crypto
