// SPDX-License-Identifier: GPL-3.0-or-later
// Secure boot v2 signature verification with OpenSSL (declared in appimage.h). Block layouts
// from espsecure generate_rsa_signature_block / generate_ecdsa_signature_block.
#include "core/image/appimage.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <memory>

namespace Forgeline::Image {

namespace {

template<typename T, void (*F)(T *)>
struct Deleter
{
    void operator()(T *p) const { F(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using PKeyCtx = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using EcSig = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;

constexpr int DigestOffset = 4;
constexpr int RsaSignatureOffset = 36 + 384 + 4 + 384 + 4; // after n, e, rinv, mdash
constexpr int RsaSignatureSize = 384;

const uchar *u(const QByteArray &b) { return reinterpret_cast<const uchar *>(b.constData()); }

QByteArray reversed(QByteArray b)
{
    std::reverse(b.begin(), b.end());
    return b;
}

bool verifyRsa(EVP_PKEY *key, const QByteArray &block)
{
    const QByteArray digest = block.mid(DigestOffset, 32);
    const QByteArray signature = reversed(block.mid(RsaSignatureOffset, RsaSignatureSize));
    PKeyCtx ctx(EVP_PKEY_CTX_new(key, nullptr));
    return ctx && EVP_PKEY_verify_init(ctx.get()) == 1
           && EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PSS_PADDING) == 1
           && EVP_PKEY_CTX_set_signature_md(ctx.get(), EVP_sha256()) == 1
           && EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), EVP_sha256()) == 1
           && EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx.get(), 32) == 1
           && EVP_PKEY_verify(ctx.get(), u(signature), size_t(signature.size()), u(digest),
                              size_t(digest.size()))
                  == 1;
}

bool verifyEcdsa(EVP_PKEY *key, const SignatureBlock &b)
{
    // SHA-256 blocks: digest 32 at 4, curve id at 36, public point 64, r||s 64 (24 or 32
    // bytes each). SHA-384 blocks: digest 48 at 4, curve at 52, point 96, r||s 96.
    const int digestLen = b.sha384 ? 48 : 32;
    const int curveAt = DigestOffset + digestLen;
    const int curve = quint8(b.raw.at(curveAt));
    const int keyLen = curve == 1 ? 24 : curve == 2 ? 32 : curve == 3 ? 48 : 0;
    if (keyLen == 0)
        return false;
    const int rsAt = curveAt + 1 + (b.sha384 ? 96 : 64);
    const QByteArray r = reversed(b.raw.mid(rsAt, keyLen));
    const QByteArray s = reversed(b.raw.mid(rsAt + keyLen, keyLen));
    EcSig sig(ECDSA_SIG_new());
    BIGNUM *rn = BN_bin2bn(u(r), keyLen, nullptr);
    BIGNUM *sn = BN_bin2bn(u(s), keyLen, nullptr);
    if (!sig || !rn || !sn || ECDSA_SIG_set0(sig.get(), rn, sn) != 1) {
        BN_free(rn);
        BN_free(sn);
        return false;
    }
    unsigned char *der = nullptr;
    const int derLen = i2d_ECDSA_SIG(sig.get(), &der);
    if (derLen <= 0)
        return false;
    const QByteArray derSig(reinterpret_cast<const char *>(der), derLen);
    OPENSSL_free(der);
    const QByteArray digest = b.raw.mid(DigestOffset, digestLen);
    PKeyCtx ctx(EVP_PKEY_CTX_new(key, nullptr));
    return ctx && EVP_PKEY_verify_init(ctx.get()) == 1
           && EVP_PKEY_verify(ctx.get(), u(derSig), size_t(derSig.size()), u(digest),
                              size_t(digest.size()))
                  == 1;
}

} // namespace

Result<void> verifySignatureBlocks(AppImage &image, const QByteArray &publicKeyPem)
{
    Bio bio(BIO_new_mem_buf(publicKeyPem.constData(), int(publicKeyPem.size())));
    PKey key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    if (!key) {
        Bio again(BIO_new_mem_buf(publicKeyPem.constData(), int(publicKeyPem.size())));
        key.reset(PEM_read_bio_PrivateKey(again.get(), nullptr, nullptr, nullptr));
    }
    if (!key) {
        return Error::make(QStringLiteral("image.verify-key"),
                           QStringLiteral("the verification key is not a PEM public key"));
    }
    const bool rsa = EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_RSA;
    for (SignatureBlock &b : image.signatures) {
        if (!b.crcValid || !b.digestMatches)
            b.verified = false;
        else if (b.version == 2)
            b.verified = rsa && verifyRsa(key.get(), b.raw);
        else
            b.verified = !rsa && verifyEcdsa(key.get(), b);
    }
    return {};
}

} // namespace Forgeline::Image
