// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/flashencryption.h"

#include <QCryptographicHash>

#include <openssl/evp.h>

#include <array>
#include <cstring>
#include <memory>

namespace Forgeline::Image {

namespace {

using Block = std::array<quint8, 16>;

struct CipherCtxFree
{
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

// One AES-ECB context; rekey() swaps the key without rebuilding it (the ESP32 scheme changes
// the key every 32 bytes).
class AesEcb
{
public:
    bool init(const QByteArray &key, bool encrypt)
    {
        m_ctx.reset(EVP_CIPHER_CTX_new());
        const EVP_CIPHER *cipher = key.size() == 32 ? EVP_aes_256_ecb() : EVP_aes_128_ecb();
        if (!m_ctx
            || EVP_CipherInit_ex(m_ctx.get(), cipher, nullptr,
                                 reinterpret_cast<const uchar *>(key.constData()), nullptr,
                                 encrypt ? 1 : 0)
                   != 1)
            return false;
        EVP_CIPHER_CTX_set_padding(m_ctx.get(), 0);
        return true;
    }
    bool rekey(const QByteArray &key)
    {
        return EVP_CipherInit_ex(m_ctx.get(), nullptr, nullptr,
                                 reinterpret_cast<const uchar *>(key.constData()), nullptr, -1)
               == 1;
    }
    // `len` is a multiple of 16.
    bool run(const quint8 *in, quint8 *out, int len = 16)
    {
        int done = 0;
        return EVP_CipherUpdate(m_ctx.get(), out, &done, in, len) == 1 && done == len;
    }
    bool valid() const { return m_ctx != nullptr; }

private:
    CipherCtx m_ctx;
};

Error cryptoError(const QString &what)
{
    return Error::make(QStringLiteral("flashcrypt.openssl"),
                       QStringLiteral("OpenSSL could not %1").arg(what));
}

QByteArray normalisedKey(FlashCryptScheme scheme, const QByteArray &key)
{
    if (key.size() == 16) // espsecure _load_hardware_key: 128-bit keys become SHA-256(key)
        return QCryptographicHash::hash(key, QCryptographicHash::Sha256);
    if (scheme == FlashCryptScheme::Esp32Aes && key.size() == 24)
        return key + key.mid(8, 8);
    return key;
}

// ---- ESP32 ------------------------------------------------------------------------------

// A 256-bit number as four 64-bit limbs, least significant first; the key file's bytes are
// its big-endian form.
using U256 = std::array<quint64, 4>;

U256 fromBigEndian(const QByteArray &b)
{
    U256 v{};
    for (int i = 0; i < 32; ++i)
        v[3 - i / 8] |= quint64(quint8(b.at(i))) << (8 * (7 - i % 8));
    return v;
}

QByteArray toBigEndian(const U256 &v)
{
    QByteArray b(32, '\0');
    for (int i = 0; i < 32; ++i)
        b[i] = char(v[3 - i / 8] >> (8 * (7 - i % 8)));
    return b;
}

U256 fromHex(const char *hex) { return fromBigEndian(QByteArray::fromHex(hex)); }

U256 mul(const U256 &a, quint64 m)
{
    U256 r{};
    unsigned __int128 carry = 0;
    for (int i = 0; i < 4; ++i) {
        const unsigned __int128 p = static_cast<unsigned __int128>(a[i]) * m + carry;
        r[i] = quint64(p);
        carry = p >> 64;
    }
    return r; // modulo 2^256: bits above are outside every tweak range
}

// The key tweak of the ESP32's flash encryption (espsecure _flash_encryption_tweak_key and
// _flash_encryption_tweak_range_bits): the address bits above 5 are spread over the key by
// two multiplier patterns, and FLASH_CRYPT_CONFIG bit n enables the tweak on the nth quarter
// of the key (counting from its most significant end).
QByteArray esp32BlockKey(const U256 &key, quint32 address, int flashCryptConfig)
{
    static const U256 mul1
        = fromHex("0000200004000080000004000080001000000200004000080000040000800010");
    static const U256 mul2
        = fromHex("0000000000000000200000000000000010000000000000002000000000000001");
    static const U256 mul2Mask
        = fromHex("000000000000007FE00000000000000FF000000000000007E00000000000000F");
    static const U256 ranges[4] = {
        fromHex("FFFFFFFFFFFFFFFFE00000000000000000000000000000000000000000000000"),
        fromHex("00000000000000001FFFFFFFFFFFFFFFF0000000000000000000000000000000"),
        fromHex("000000000000000000000000000000000FFFFFFFFFFFFFFFE000000000000000"),
        fromHex("0000000000000000000000000000000000000000000000001FFFFFFFFFFFFFFF"),
    };
    U256 range{};
    for (int bit = 0; bit < 4; ++bit) {
        if (flashCryptConfig & (1 << bit)) {
            for (int i = 0; i < 4; ++i)
                range[i] |= ranges[bit][i];
        }
    }
    const quint64 addr = address >> 5;
    const U256 a = mul(mul1, addr);
    const U256 b = mul(mul2, addr);
    U256 out{};
    for (int i = 0; i < 4; ++i)
        out[i] = key[i] ^ ((a[i] | (b[i] & mul2Mask[i])) & range[i]);
    return toBigEndian(out);
}

Result<QByteArray> esp32Crypt(const FlashCryptParams &p, const QByteArray &in, bool encrypt)
{
    const U256 key = fromBigEndian(normalisedKey(p.scheme, p.key));
    QByteArray out(in.size(), '\0');
    const auto *src = reinterpret_cast<const quint8 *>(in.constData());
    auto *dst = reinterpret_cast<quint8 *>(out.data());
    AesEcb aes;
    qsizetype at = 0;
    while (at < in.size()) {
        const quint32 address = p.address + quint32(at);
        // One key per 32-byte block: this block and, when aligned, the next 16 bytes.
        const qsizetype run = qMin<qsizetype>(in.size() - at, 32 - (address & 0x10));
        const QByteArray blockKey = esp32BlockKey(key, address, p.flashCryptConfig);
        // The hardware's direction is inverted: flash "encryption" is AES decryption.
        const bool keyed = aes.valid() ? aes.rekey(blockKey) : aes.init(blockKey, !encrypt);
        if (!keyed)
            return cryptoError(QStringLiteral("set up AES-256"));
        quint8 block[32];
        for (qsizetype b = 0; b < run; b += 16) {
            for (int i = 0; i < 16; ++i)
                block[b + i] = src[at + b + 15 - i];
        }
        quint8 result[32];
        if (!aes.run(block, result, int(run)))
            return cryptoError(QStringLiteral("run AES-256"));
        for (qsizetype b = 0; b < run; b += 16) {
            for (int i = 0; i < 16; ++i)
                dst[at + b + i] = result[b + 15 - i];
        }
        at += run;
    }
    return out;
}

// ---- XTS-AES ----------------------------------------------------------------------------

// Multiply the tweak by the primitive element of GF(2^128) (IEEE 1619: little-endian bytes,
// reduction polynomial x^128 + x^7 + x^2 + x + 1).
void xtsDouble(Block &t)
{
    quint8 carry = 0;
    for (int i = 0; i < 16; ++i) {
        const quint8 next = t[i] >> 7;
        t[i] = quint8((t[i] << 1) | carry);
        carry = next;
    }
    if (carry)
        t[0] ^= 0x87;
}

Result<QByteArray> xtsCrypt(const FlashCryptParams &p, const QByteArray &in, bool encrypt)
{
    const QByteArray key = normalisedKey(p.scheme, p.key);
    const qsizetype half = key.size() / 2;
    AesEcb data;
    AesEcb tweakCipher;
    if (!data.init(key.left(half), encrypt) || !tweakCipher.init(key.mid(half), true))
        return cryptoError(QStringLiteral("set up AES for XTS"));

    QByteArray out(in.size(), '\0');
    const auto *src = reinterpret_cast<const quint8 *>(in.constData());
    auto *dst = reinterpret_cast<quint8 *>(out.data());
    // Walk the 128-byte data units the input touches. A unit is byte-reversed as a whole
    // before XTS, so the unit's last 16 bytes are XTS block 0 (reversed) and its first 16
    // bytes XTS block 7; bytes outside the input (a partial unit) do not change the others.
    const quint32 first = p.address & ~0x7Fu;
    const quint64 end = quint64(p.address) + quint64(in.size());
    for (quint64 unit = first; unit < end; unit += 0x80) {
        Block tweak{};
        const auto unit32 = quint32(unit);
        for (int i = 0; i < 4; ++i)
            tweak[i] = quint8(unit32 >> (8 * i));
        Block t;
        if (!tweakCipher.run(tweak.data(), t.data()))
            return cryptoError(QStringLiteral("encrypt the XTS tweak"));
        quint8 tweaks[128];
        quint8 x[128] = {};
        for (int j = 0; j < 8; ++j) {
            const int k = 7 - j; // 16-byte block index inside the unit, in flash order
            const qint64 at = qint64(unit) + 16 * k - qint64(p.address);
            std::memcpy(tweaks + 16 * j, t.data(), 16);
            if (at >= 0 && at < in.size()) {
                for (int i = 0; i < 16; ++i)
                    x[16 * j + i] = src[at + 15 - i] ^ t[i];
            }
            xtsDouble(t);
        }
        quint8 y[128];
        if (!data.run(x, y, 128))
            return cryptoError(QStringLiteral("run AES for XTS"));
        for (int j = 0; j < 8; ++j) {
            const qint64 at = qint64(unit) + 16 * (7 - j) - qint64(p.address);
            if (at >= 0 && at < in.size()) {
                for (int i = 0; i < 16; ++i)
                    dst[at + 15 - i] = y[16 * j + i] ^ tweaks[16 * j + i];
            }
        }
    }
    return out;
}

Result<QByteArray> crypt(const FlashCryptParams &p, const QByteArray &in, bool encrypt)
{
    if (auto ok = checkFlashCryptKey(p.scheme, p.key); !ok)
        return ok.error();
    if (p.address % 16 != 0) {
        return Error::make(
            QStringLiteral("flashcrypt.address"),
            QStringLiteral("the flash address 0x%1 is not a multiple of 16").arg(p.address, 0, 16));
    }
    if (in.isEmpty() || in.size() % 16 != 0) {
        return Error::make(QStringLiteral("flashcrypt.length"),
                           QStringLiteral("the data is %1 bytes; flash encryption works on "
                                          "whole 16-byte blocks")
                               .arg(in.size()),
                           {},
                           QStringLiteral("Pad the file to a multiple of 16 bytes (ESP images "
                                          "already are)."));
    }
    if (quint64(p.address) + quint64(in.size()) > 0x100000000ULL) {
        return Error::make(QStringLiteral("flashcrypt.address"),
                           QStringLiteral("the data runs past the 4 GiB address space"));
    }
    if (p.scheme == FlashCryptScheme::Esp32Aes) {
        if (p.flashCryptConfig < 0 || p.flashCryptConfig > 0xF) {
            return Error::make(QStringLiteral("flashcrypt.config"),
                               QStringLiteral("FLASH_CRYPT_CONFIG is a 4-bit eFuse (0..15)"));
        }
        return esp32Crypt(p, in, encrypt);
    }
    return xtsCrypt(p, in, encrypt);
}

} // namespace

Result<void> checkFlashCryptKey(FlashCryptScheme scheme, const QByteArray &key)
{
    if (scheme == FlashCryptScheme::Esp32Aes) {
        if (key.size() == 32 || key.size() == 24)
            return {};
        return Error::make(QStringLiteral("flashcrypt.key"),
                           QStringLiteral("the ESP32 flash encryption key is 32 bytes (or 24 "
                                          "with the 3/4 coding scheme); this file has %1")
                               .arg(key.size()));
    }
    if (key.size() == 16 || key.size() == 32 || key.size() == 64)
        return {};
    return Error::make(QStringLiteral("flashcrypt.key"),
                       QStringLiteral("an XTS-AES flash encryption key file is 32 bytes "
                                      "(XTS-AES-128), 64 (XTS-AES-256) or 16 (ESP32-C2); "
                                      "this file has %1")
                           .arg(key.size()));
}

Result<QByteArray> flashEncrypt(const FlashCryptParams &params, const QByteArray &plaintext)
{
    return crypt(params, plaintext, true);
}

Result<QByteArray> flashDecrypt(const FlashCryptParams &params, const QByteArray &ciphertext)
{
    return crypt(params, ciphertext, false);
}

} // namespace Forgeline::Image
