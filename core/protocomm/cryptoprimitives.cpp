// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocomm/cryptoprimitives.h"

#include <QCoreApplication>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

namespace Forgeline::Protocomm::Crypto {

namespace {

Error cryptoError(const char *what)
{
    char buf[256] = {};
    ERR_error_string_n(ERR_get_error(), buf, sizeof buf);
    return Error::make(
        QStringLiteral("protocomm.crypto"),
        QCoreApplication::translate("Protocomm", "A cryptographic operation failed."),
        QStringLiteral("%1: %2").arg(QString::fromLatin1(what), QString::fromLatin1(buf)));
}

} // namespace

QByteArray sha256(const QByteArray &data)
{
    QByteArray out(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    SHA256(reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()),
           reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

QByteArray sha512(const QByteArray &data)
{
    QByteArray out(SHA512_DIGEST_LENGTH, Qt::Uninitialized);
    SHA512(reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()),
           reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        qFatal("RAND_bytes failed"); // no safe way to continue without randomness
    return out;
}

void X25519KeyPair::Free::operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }

static Result<QByteArray> rawPublicKey(EVP_PKEY *key)
{
    size_t len = 32;
    QByteArray pub(32, Qt::Uninitialized);
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(pub.data()), &len) != 1
        || len != 32)
        return cryptoError("EVP_PKEY_get_raw_public_key");
    return pub;
}

Result<X25519KeyPair> X25519KeyPair::generate()
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr);
    EVP_PKEY *key = nullptr;
    const bool ok = ctx && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_keygen(ctx, &key) == 1;
    EVP_PKEY_CTX_free(ctx);
    if (!ok)
        return cryptoError("X25519 keygen");
    X25519KeyPair pair;
    pair.m_key.reset(key, Free());
    Result<QByteArray> pub = rawPublicKey(key);
    if (!pub)
        return pub.error();
    pair.m_public = pub.value();
    return pair;
}

Result<X25519KeyPair> X25519KeyPair::fromPrivateKey(const QByteArray &privateKey32)
{
    if (privateKey32.size() != 32)
        return Error::make(QStringLiteral("protocomm.crypto"),
                           QStringLiteral("X25519 private key must be 32 bytes"));
    EVP_PKEY *key = EVP_PKEY_new_raw_private_key(
        EVP_PKEY_X25519, nullptr, reinterpret_cast<const unsigned char *>(privateKey32.constData()),
        32);
    if (!key)
        return cryptoError("EVP_PKEY_new_raw_private_key");
    X25519KeyPair pair;
    pair.m_key.reset(key, Free());
    Result<QByteArray> pub = rawPublicKey(key);
    if (!pub)
        return pub.error();
    pair.m_public = pub.value();
    return pair;
}

Result<QByteArray> X25519KeyPair::sharedSecret(const QByteArray &peerPublicKey32) const
{
    if (peerPublicKey32.size() != 32)
        return Error::make(
            QStringLiteral("protocomm.crypto"),
            QCoreApplication::translate("Protocomm", "The peer's public key has the wrong length."),
            QStringLiteral("%1 bytes, expected 32").arg(peerPublicKey32.size()));
    EVP_PKEY *peer = EVP_PKEY_new_raw_public_key(
        EVP_PKEY_X25519, nullptr,
        reinterpret_cast<const unsigned char *>(peerPublicKey32.constData()), 32);
    if (!peer)
        return cryptoError("EVP_PKEY_new_raw_public_key");
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(m_key.get(), nullptr);
    QByteArray secret(32, Qt::Uninitialized);
    size_t len = 32;
    const bool ok
        = ctx && EVP_PKEY_derive_init(ctx) == 1 && EVP_PKEY_derive_set_peer(ctx, peer) == 1
          && EVP_PKEY_derive(ctx, reinterpret_cast<unsigned char *>(secret.data()), &len) == 1
          && len == 32;
    EVP_PKEY_CTX_free(ctx);
    EVP_PKEY_free(peer);
    if (!ok)
        return cryptoError("X25519 derive");
    return secret;
}

CtrStream::CtrStream() : m_ctx(EVP_CIPHER_CTX_new()) {}

CtrStream::~CtrStream() { EVP_CIPHER_CTX_free(m_ctx); }

Result<void> CtrStream::start(const QByteArray &key32, const QByteArray &iv16)
{
    m_started = false;
    if (key32.size() != 32 || iv16.size() != 16)
        return Error::make(QStringLiteral("protocomm.crypto"),
                           QStringLiteral("AES-256-CTR needs a 32-byte key and a 16-byte IV"));
    if (EVP_CIPHER_CTX_reset(m_ctx) != 1
        || EVP_EncryptInit_ex(m_ctx, EVP_aes_256_ctr(), nullptr,
                              reinterpret_cast<const unsigned char *>(key32.constData()),
                              reinterpret_cast<const unsigned char *>(iv16.constData()))
               != 1)
        return cryptoError("EVP_EncryptInit_ex aes-256-ctr");
    m_started = true;
    return {};
}

QByteArray CtrStream::apply(const QByteArray &data)
{
    if (!m_started || data.isEmpty())
        return {};
    QByteArray out(data.size(), Qt::Uninitialized);
    int len = 0;
    EVP_EncryptUpdate(m_ctx, reinterpret_cast<unsigned char *>(out.data()), &len,
                      reinterpret_cast<const unsigned char *>(data.constData()), int(data.size()));
    out.resize(len);
    return out;
}

QByteArray sec1SessionKey(const QByteArray &sharedSecret, const QByteArray &pop)
{
    QByteArray key = sharedSecret;
    if (!pop.isEmpty()) {
        const QByteArray digest = sha256(pop);
        for (int i = 0; i < key.size() && i < digest.size(); ++i)
            key[i] = char(key.at(i) ^ digest.at(i));
    }
    return key;
}

namespace {

struct CipherContext
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    ~CipherContext() { EVP_CIPHER_CTX_free(ctx); }
};

bool gcmInit(EVP_CIPHER_CTX *ctx, bool encrypt, const QByteArray &key32, const QByteArray &iv)
{
    const EVP_CIPHER *cipher = EVP_aes_256_gcm();
    const auto *key = reinterpret_cast<const unsigned char *>(key32.constData());
    const auto *ivBytes = reinterpret_cast<const unsigned char *>(iv.constData());
    const int mode = encrypt ? 1 : 0;
    return ctx && key32.size() == 32 && !iv.isEmpty()
           && EVP_CipherInit_ex(ctx, cipher, nullptr, nullptr, nullptr, mode) == 1
           && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, int(iv.size()), nullptr) == 1
           && EVP_CipherInit_ex(ctx, nullptr, nullptr, key, ivBytes, mode) == 1;
}

} // namespace

Result<QByteArray> gcmSeal(const QByteArray &key32, const QByteArray &iv, const QByteArray &plain)
{
    CipherContext c;
    if (!gcmInit(c.ctx, true, key32, iv))
        return cryptoError("AES-256-GCM init");
    QByteArray out(plain.size() + GcmTagBytes, Qt::Uninitialized);
    auto *dst = reinterpret_cast<unsigned char *>(out.data());
    int len = 0;
    int total = 0;
    if (!plain.isEmpty()) {
        if (EVP_EncryptUpdate(c.ctx, dst, &len,
                              reinterpret_cast<const unsigned char *>(plain.constData()),
                              int(plain.size()))
            != 1)
            return cryptoError("AES-256-GCM encrypt");
        total = len;
    }
    if (EVP_EncryptFinal_ex(c.ctx, dst + total, &len) != 1)
        return cryptoError("AES-256-GCM final");
    total += len;
    if (EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_GET_TAG, GcmTagBytes, dst + total) != 1)
        return cryptoError("AES-256-GCM tag");
    out.resize(total + GcmTagBytes);
    return out;
}

std::optional<QByteArray> gcmOpen(const QByteArray &key32, const QByteArray &iv,
                                  const QByteArray &sealed)
{
    if (sealed.size() < GcmTagBytes)
        return std::nullopt;
    CipherContext c;
    if (!gcmInit(c.ctx, false, key32, iv))
        return std::nullopt;
    const qsizetype bodyLen = sealed.size() - GcmTagBytes;
    QByteArray out(bodyLen, Qt::Uninitialized);
    auto *dst = reinterpret_cast<unsigned char *>(out.data());
    int len = 0;
    int total = 0;
    if (bodyLen > 0) {
        if (EVP_DecryptUpdate(c.ctx, dst, &len,
                              reinterpret_cast<const unsigned char *>(sealed.constData()),
                              int(bodyLen))
            != 1)
            return std::nullopt;
        total = len;
    }
    QByteArray tag = sealed.right(GcmTagBytes);
    if (EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_TAG, GcmTagBytes, tag.data()) != 1)
        return std::nullopt;
    unsigned char finalBlock[16];
    if (EVP_DecryptFinal_ex(c.ctx, bodyLen > 0 ? dst + total : finalBlock, &len) != 1)
        return std::nullopt; // tag mismatch: never hand out the unauthenticated plaintext
    out.resize(total + len);
    return out;
}

bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size()
           && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace Forgeline::Protocomm::Crypto
