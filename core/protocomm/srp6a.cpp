// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocomm/srp6a.h"

#include "core/protocomm/cryptoprimitives.h"

#include <QCoreApplication>

#include <openssl/bn.h>

#include <memory>

namespace Forgeline::Protocomm::Srp {

namespace {

struct BnFree
{
    void operator()(BIGNUM *b) const { BN_clear_free(b); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;

struct CtxFree
{
    void operator()(BN_CTX *c) const { BN_CTX_free(c); }
};
using BnCtx = std::unique_ptr<BN_CTX, CtxFree>;

constexpr unsigned long Generator = 5;

Error srpError(const QString &detail)
{
    return Error::make(
        QStringLiteral("protocomm.crypto"),
        QCoreApplication::translate("Protocomm", "The Security2 (SRP6a) computation failed."),
        detail);
}

Bn fromBytes(const QByteArray &bytes)
{
    return Bn(BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()),
                        int(bytes.size()), nullptr));
}

Bn fromWord(unsigned long w)
{
    Bn b(BN_new());
    if (b && BN_set_word(b.get(), w) != 1)
        b.reset();
    return b;
}

QByteArray minimal(const BIGNUM *b)
{
    QByteArray out(BN_num_bytes(b), Qt::Uninitialized);
    BN_bn2bin(b, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

QByteArray padded(const BIGNUM *b)
{
    QByteArray out(GroupBytes, Qt::Uninitialized);
    if (BN_bn2binpad(b, reinterpret_cast<unsigned char *>(out.data()), GroupBytes) != GroupBytes)
        return minimal(b);
    return out;
}

// N never changes; parse it once.
const BIGNUM *prime()
{
    static const Bn n(BN_get_rfc3526_prime_3072(nullptr));
    return n.get();
}

bool allZero(const QByteArray &b)
{
    for (char c : b) {
        if (c != 0)
            return false;
    }
    return true;
}

QByteArray passwordDigest(const QByteArray &username, const QByteArray &password, InnerDigest inner)
{
    QByteArray digest = Crypto::sha512(username + ':' + password);
    if (inner == InnerDigest::LeadingZerosStripped) {
        qsizetype zeros = 0;
        while (zeros < digest.size() - 1 && digest.at(zeros) == 0)
            ++zeros;
        digest.remove(0, zeros);
    }
    return digest;
}

// H(N) xor H(PAD(g)), the fixed head of M.
QByteArray groupDigest()
{
    const QByteArray hn = Crypto::sha512(groupPrime());
    const QByteArray hg = Crypto::sha512(padToGroup(QByteArray(1, char(Generator))));
    QByteArray out(HashBytes, Qt::Uninitialized);
    for (int i = 0; i < HashBytes; ++i)
        out[i] = char(hn.at(i) ^ hg.at(i));
    return out;
}

QByteArray clientProof(const QByteArray &username, const QByteArray &salt, const QByteArray &A,
                       const QByteArray &B, const QByteArray &K)
{
    return Crypto::sha512(groupDigest() + Crypto::sha512(username) + salt + A + B + K);
}

// u = H(PAD(A) | PAD(B)).
QByteArray scramble(const QByteArray &A, const QByteArray &B)
{
    return Crypto::sha512(padToGroup(A) + padToGroup(B));
}

// g^e mod N.
Bn powG(const BIGNUM *e, BN_CTX *ctx)
{
    Bn g = fromWord(Generator);
    Bn out(BN_new());
    if (!g || !out || BN_mod_exp(out.get(), g.get(), e, prime(), ctx) != 1)
        return nullptr;
    return out;
}

} // namespace

bool innerDigestHasLeadingZero(const QByteArray &username, const QByteArray &password)
{
    return Crypto::sha512(username + ':' + password).at(0) == 0;
}

QByteArray groupPrime() { return padded(prime()); }

QByteArray padToGroup(const QByteArray &bigEndian)
{
    if (bigEndian.size() >= GroupBytes)
        return bigEndian;
    return QByteArray(GroupBytes - bigEndian.size(), '\0') + bigEndian;
}

QByteArray multiplier()
{
    return Crypto::sha512(groupPrime() + padToGroup(QByteArray(1, char(Generator))));
}

Result<Credentials> makeCredentials(const QByteArray &username, const QByteArray &password,
                                    const QByteArray &salt, int saltBytes, InnerDigest inner)
{
    Credentials c;
    c.salt = salt.isEmpty() ? Crypto::randomBytes(qBound(1, saltBytes, 64)) : salt;
    BnCtx ctx(BN_CTX_new());
    const Bn x = fromBytes(Crypto::sha512(c.salt + passwordDigest(username, password, inner)));
    const Bn v = ctx && x ? powG(x.get(), ctx.get()) : nullptr;
    if (!v)
        return srpError(QStringLiteral("verifier g^x mod N"));
    c.verifier = padded(v.get());
    return c;
}

// ---- client ----

Client::Client(QByteArray username, QByteArray password)
    : m_username(std::move(username)), m_password(std::move(password))
{}

Result<QByteArray> Client::start()
{
    BnCtx ctx(BN_CTX_new());
    if (!ctx)
        return srpError(QStringLiteral("BN_CTX_new"));
    m_draws = 0;
    // A starts with a zero byte about once in 256 keys; 64 draws in a row is not going to happen
    // unless the key source is broken.
    for (int attempt = 0; attempt < 64; ++attempt) {
        m_a = m_source ? m_source() : Crypto::randomBytes(PrivateKeyBytes);
        ++m_draws;
        const Bn a = fromBytes(m_a);
        if (!a || BN_is_zero(a.get()))
            continue;
        const Bn A = powG(a.get(), ctx.get());
        if (!A)
            return srpError(QStringLiteral("A = g^a mod N"));
        if (BN_num_bytes(A.get()) == GroupBytes) {
            m_A = minimal(A.get());
            return m_A;
        }
    }
    return srpError(QStringLiteral("no private key gave a full-width A in 64 draws"));
}

Result<Client::Proof> Client::respond(const QByteArray &salt, const QByteArray &deviceB) const
{
    if (m_A.size() != GroupBytes)
        return srpError(QStringLiteral("respond() before start()"));
    if (salt.isEmpty() || deviceB.isEmpty() || deviceB.size() > GroupBytes)
        return srpError(
            QStringLiteral("salt of %1 bytes, B of %2 bytes").arg(salt.size()).arg(deviceB.size()));
    BnCtx ctx(BN_CTX_new());
    const Bn B = fromBytes(deviceB);
    const Bn reduced(BN_new());
    if (!ctx || !B || !reduced || BN_nnmod(reduced.get(), B.get(), prime(), ctx.get()) != 1)
        return srpError(QStringLiteral("B mod N"));
    if (BN_is_zero(reduced.get()))
        return srpError(QStringLiteral("the device's B is 0 mod N"));

    Proof p;
    p.u = scramble(m_A, deviceB);
    if (allZero(p.u))
        return srpError(QStringLiteral("u is 0"));
    p.x = Crypto::sha512(salt + passwordDigest(m_username, m_password, m_inner));

    const Bn u = fromBytes(p.u);
    const Bn x = fromBytes(p.x);
    const Bn a = fromBytes(m_a);
    const Bn k = fromBytes(multiplier());
    const Bn v = x ? powG(x.get(), ctx.get()) : nullptr;
    Bn kv(BN_new());
    Bn base(BN_new());
    Bn exponent(BN_new());
    Bn S(BN_new());
    // S = (B - k*v)^(a + u*x) mod N; B - k*v is reduced into [0, N) first.
    const bool ok = u && x && a && k && v && kv && base && exponent && S
                    && BN_mod_mul(kv.get(), k.get(), v.get(), prime(), ctx.get()) == 1
                    && BN_mod_sub(base.get(), reduced.get(), kv.get(), prime(), ctx.get()) == 1
                    && BN_mul(exponent.get(), u.get(), x.get(), ctx.get()) == 1
                    && BN_add(exponent.get(), exponent.get(), a.get()) == 1
                    && BN_mod_exp(S.get(), base.get(), exponent.get(), prime(), ctx.get()) == 1;
    if (!ok)
        return srpError(QStringLiteral("S = (B - kv)^(a + ux) mod N"));
    p.premasterSecret = minimal(S.get());
    p.sessionKey = Crypto::sha512(p.premasterSecret);
    p.clientProof = clientProof(m_username, salt, m_A, deviceB, p.sessionKey);
    p.expectedDeviceProof = Crypto::sha512(m_A + p.clientProof + p.sessionKey);
    return p;
}

// ---- device ----

Server::Server(QByteArray salt, QByteArray verifier)
    : m_salt(std::move(salt)), m_verifier(std::move(verifier))
{}

Result<QByteArray> Server::start(const QByteArray &username, const QByteArray &clientA)
{
    m_started = false;
    if (clientA.size() != GroupBytes)
        return srpError(QStringLiteral("Invalid public key length"));
    BnCtx ctx(BN_CTX_new());
    const Bn A = fromBytes(clientA);
    const Bn reduced(BN_new());
    if (!ctx || !A || !reduced || BN_nnmod(reduced.get(), A.get(), prime(), ctx.get()) != 1)
        return srpError(QStringLiteral("Failed to generate device public key"));
    if (BN_is_zero(reduced.get()))
        return srpError(QStringLiteral("Client public key A mod N is 0"));

    const QByteArray bBytes = m_fixedB.isEmpty() ? Crypto::randomBytes(PrivateKeyBytes) : m_fixedB;
    const Bn b = fromBytes(bBytes);
    const Bn k = fromBytes(multiplier());
    const Bn v = fromBytes(m_verifier);
    const Bn gb = b ? powG(b.get(), ctx.get()) : nullptr;
    Bn B(BN_new());
    // B = (k*v + g^b) mod N
    if (!k || !v || !gb || !B || BN_mod_mul(B.get(), k.get(), v.get(), prime(), ctx.get()) != 1
        || BN_mod_add(B.get(), B.get(), gb.get(), prime(), ctx.get()) != 1)
        return srpError(QStringLiteral("Failed to generate device public key"));
    const QByteArray deviceB = minimal(B.get());

    const QByteArray uBytes = scramble(clientA, deviceB);
    if (allZero(uBytes))
        return srpError(QStringLiteral("Scrambling parameter u is 0"));
    const Bn u = fromBytes(uBytes);
    Bn base(BN_new());
    Bn S(BN_new());
    // S = (A * v^u)^b mod N
    if (!u || !base || !S || BN_mod_exp(base.get(), v.get(), u.get(), prime(), ctx.get()) != 1
        || BN_mod_mul(base.get(), base.get(), reduced.get(), prime(), ctx.get()) != 1
        || BN_mod_exp(S.get(), base.get(), b.get(), prime(), ctx.get()) != 1)
        return srpError(QStringLiteral("Failed to get session key"));

    m_A = clientA;
    m_K = Crypto::sha512(minimal(S.get()));
    m_expectedM = clientProof(username, m_salt, clientA, deviceB, m_K);
    m_deviceProof = Crypto::sha512(m_A + m_expectedM + m_K);
    m_started = true;
    return deviceB;
}

Result<QByteArray> Server::verify(const QByteArray &clientProofBytes)
{
    if (!m_started)
        return srpError(QStringLiteral("Invalid state of session 1"));
    if (clientProofBytes.size() != HashBytes)
        return srpError(QStringLiteral("The client proof length does not match"));
    if (!Crypto::equalConstantTime(clientProofBytes, m_expectedM))
        return srpError(QStringLiteral("Failed to authenticate client proof!"));
    return m_deviceProof;
}

} // namespace Forgeline::Protocomm::Srp
