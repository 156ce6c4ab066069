// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/encryptedimage.h"

#include <QtEndian>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include <memory>

namespace Forgeline::Image {

namespace {

constexpr int MagicSize = 4;
constexpr int WrappedKeySize = 384;
constexpr int ServerKeySize = 64;
constexpr int SaltSize = 32;
constexpr int IvOffset = 388;
constexpr int IvSize = 16;
constexpr int BinSizeOffset = 404;
constexpr int TagOffset = 408;
constexpr int TagSize = 16;
constexpr int GcmKeySize = 32;
constexpr char HkdfInfo[] = "_esp_enc_img_ecc";

// esp_enc_img_gen.py PREDEFINED_SALT and ITERATIONS: how the device's P-256 private key is
// stretched from its HMAC key.
const QByteArray &hmacSalt()
{
    static const QByteArray salt
        = QByteArray::fromHex("0e2160642dae76d33448e43d7720123d9f3b1eceb88e573a4e8f7fb94ff0c869");
    return salt;
}
constexpr int HmacIterations = 2048;

template<typename T, void (*F)(T *)>
struct Deleter
{
    void operator()(T *p) const { F(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using PKeyCtx = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Bn = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using Group = std::unique_ptr<EC_GROUP, Deleter<EC_GROUP, EC_GROUP_free>>;
using Point = std::unique_ptr<EC_POINT, Deleter<EC_POINT, EC_POINT_free>>;
using ParamBld = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using Kdf = std::unique_ptr<EVP_KDF, Deleter<EVP_KDF, EVP_KDF_free>>;
using KdfCtx = std::unique_ptr<EVP_KDF_CTX, Deleter<EVP_KDF_CTX, EVP_KDF_CTX_free>>;

const uchar *u(const QByteArray &b) { return reinterpret_cast<const uchar *>(b.constData()); }
uchar *u(QByteArray &b) { return reinterpret_cast<uchar *>(b.data()); }

Error err(const char *code, const QString &message, const QString &fix = {})
{
    return Error::make(QString::fromLatin1(code), message, {}, fix);
}

Result<QByteArray> randomBytes(int n)
{
    QByteArray b(n, '\0');
    if (RAND_bytes(u(b), n) != 1)
        return err("preenc.random", QStringLiteral("the system random generator failed"));
    return b;
}

PKey readPublicPem(const QByteArray &pem)
{
    Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    PKey key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    if (key)
        return key;
    // esp_enc_img_gen.py also takes a private key where a public one is wanted.
    Bio again(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return PKey(PEM_read_bio_PrivateKey(again.get(), nullptr, nullptr, nullptr));
}

PKey readPrivatePem(const QByteArray &pem)
{
    Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return PKey(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

bool isP256(EVP_PKEY *key)
{
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_EC)
        return false;
    char name[64] = {};
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &len)
        != 1)
        return false;
    const QByteArray n(name, qsizetype(len));
    return n == "prime256v1" || n == "P-256" || n == "secp256r1";
}

// An EC public key from the 65-byte uncompressed point.
PKey p256PublicFromPoint(const QByteArray &point)
{
    ParamBld bld(OSSL_PARAM_BLD_new());
    if (!bld
        || OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0)
               != 1
        || OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                            size_t(point.size()))
               != 1)
        return {};
    Params params(OSSL_PARAM_BLD_to_param(bld.get()));
    PKeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY *out = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &out, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return {};
    return PKey(out);
}

bool onP256(const QByteArray &xy)
{
    Group group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
    if (!group)
        return false;
    Point point(EC_POINT_new(group.get()));
    const QByteArray encoded = QByteArray(1, '\x04') + xy;
    return point
           && EC_POINT_oct2point(group.get(), point.get(), u(encoded), size_t(encoded.size()),
                                 nullptr)
                  == 1;
}

// The device's key pair from its HMAC key (esp_enc_img_gen.py generate_hmac_key).
Result<PKey> deviceKeyFromHmac(const QByteArray &hmacKey)
{
    if (hmacKey.size() != 32) {
        return err("preenc.hmac-key",
                   QStringLiteral("the device HMAC key file must hold 32 bytes; it has %1")
                       .arg(hmacKey.size()));
    }
    QByteArray scalar(32, '\0');
    if (PKCS5_PBKDF2_HMAC(hmacKey.constData(), int(hmacKey.size()), u(hmacSalt()),
                          int(hmacSalt().size()), HmacIterations, EVP_sha256(), 32, u(scalar))
        != 1)
        return err("preenc.openssl", QStringLiteral("OpenSSL could not run PBKDF2"));
    Group group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
    Bn priv(BN_bin2bn(u(scalar), 32, nullptr));
    if (!group || !priv || BN_is_zero(priv.get())
        || BN_cmp(priv.get(), EC_GROUP_get0_order(group.get())) >= 0)
        return err("preenc.hmac-key",
                   QStringLiteral("this HMAC key does not give a valid P-256 private key"));
    Point pub(EC_POINT_new(group.get()));
    QByteArray pubBytes(65, '\0');
    if (!pub || EC_POINT_mul(group.get(), pub.get(), priv.get(), nullptr, nullptr, nullptr) != 1
        || EC_POINT_point2oct(group.get(), pub.get(), POINT_CONVERSION_UNCOMPRESSED, u(pubBytes),
                              65, nullptr)
               != 65)
        return err("preenc.openssl", QStringLiteral("OpenSSL could not compute the public key"));
    ParamBld bld(OSSL_PARAM_BLD_new());
    if (!bld
        || OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0)
               != 1
        || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, priv.get()) != 1
        || OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY,
                                            pubBytes.constData(), 65)
               != 1)
        return err("preenc.openssl", QStringLiteral("OpenSSL could not build the device key"));
    Params params(OSSL_PARAM_BLD_to_param(bld.get()));
    PKeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY *out = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &out, EVP_PKEY_KEYPAIR, params.get()) != 1)
        return err("preenc.openssl", QStringLiteral("OpenSSL could not build the device key"));
    return PKey(out);
}

Result<QByteArray> ecdhSecret(EVP_PKEY *mine, EVP_PKEY *peer)
{
    PKeyCtx ctx(EVP_PKEY_CTX_new(mine, nullptr));
    size_t len = 0;
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1
        || EVP_PKEY_derive_set_peer(ctx.get(), peer) != 1
        || EVP_PKEY_derive(ctx.get(), nullptr, &len) != 1)
        return err("preenc.ecdh", QStringLiteral("the ECDH key agreement failed"));
    QByteArray secret(qsizetype(len), '\0');
    if (EVP_PKEY_derive(ctx.get(), u(secret), &len) != 1)
        return err("preenc.ecdh", QStringLiteral("the ECDH key agreement failed"));
    secret.resize(qsizetype(len));
    return secret;
}

Result<QByteArray> hkdfGcmKey(const QByteArray &secret, const QByteArray &salt)
{
    Kdf kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    KdfCtx ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    if (!ctx)
        return err("preenc.openssl", QStringLiteral("OpenSSL has no HKDF"));
    QByteArray key(GcmKeySize, '\0');
    QByteArray s = secret;
    QByteArray sl = salt;
    QByteArray info(HkdfInfo);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, s.data(), size_t(s.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, sl.data(), size_t(sl.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.data(), size_t(info.size())),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_KDF_derive(ctx.get(), u(key), size_t(key.size()), params) != 1)
        return err("preenc.openssl", QStringLiteral("HKDF-SHA256 failed"));
    return key;
}

// AES-256-GCM with a 16-byte IV and no AAD, as the component uses it.
Result<QByteArray> gcm(bool encrypt, const QByteArray &key, const QByteArray &iv,
                       const QByteArray &in, QByteArray &tag)
{
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx
        || EVP_CipherInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr, encrypt) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, int(iv.size()), nullptr) != 1
        || EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, u(key), u(iv), encrypt) != 1)
        return err("preenc.openssl", QStringLiteral("OpenSSL could not set up AES-256-GCM"));
    QByteArray out(in.size() + 16, '\0');
    int len = 0;
    int total = 0;
    // EVP takes int lengths: feed large images in pieces.
    constexpr qsizetype Chunk = 1 << 20;
    for (qsizetype at = 0; at < in.size(); at += Chunk) {
        const int n = int(qMin(Chunk, in.size() - at));
        if (EVP_CipherUpdate(ctx.get(), u(out) + total, &len, u(in) + at, n) != 1)
            return err("preenc.openssl", QStringLiteral("AES-256-GCM failed"));
        total += len;
    }
    if (!encrypt && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, tag.data()) != 1)
        return err("preenc.openssl", QStringLiteral("AES-256-GCM failed"));
    if (EVP_CipherFinal_ex(ctx.get(), u(out) + total, &len) != 1) {
        return err("preenc.tag",
                   QStringLiteral("the image does not authenticate (AES-GCM tag mismatch): it "
                                  "was changed after it was encrypted, or this is not the key "
                                  "it was encrypted for"),
                   QStringLiteral("Get the image again and check that the key matches the "
                                  "one the image was made with."));
    }
    total += len;
    out.resize(total);
    if (encrypt) {
        tag = QByteArray(TagSize, '\0');
        if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, tag.data()) != 1)
            return err("preenc.openssl", QStringLiteral("AES-256-GCM failed"));
    }
    return out;
}

QByteArray assemble(const QByteArray &keyArea, const QByteArray &iv, const QByteArray &tag,
                    const QByteArray &ciphertext)
{
    QByteArray out(EncryptedImageHeader::Size, '\0');
    qToLittleEndian<quint32>(EncryptedImageHeader::Magic, u(out));
    out.replace(MagicSize, keyArea.size(), keyArea);
    out.replace(IvOffset, IvSize, iv);
    qToLittleEndian<quint32>(quint32(ciphertext.size()), u(out) + BinSizeOffset);
    out.replace(TagOffset, TagSize, tag);
    return out + ciphertext;
}

Result<QByteArray> eciesEncrypt(const QByteArray &plaintext, EVP_PKEY *device)
{
    if (!isP256(device))
        return err("preenc.key", QStringLiteral("the device key is not a P-256 (secp256r1) key"));
    PKey server(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!server)
        return err("preenc.openssl", QStringLiteral("OpenSSL could not make a P-256 key"));
    auto secret = ecdhSecret(server.get(), device);
    if (!secret)
        return secret.error();
    auto salt = randomBytes(SaltSize);
    auto iv = randomBytes(IvSize);
    if (!salt || !iv)
        return salt ? iv.error() : salt.error();
    auto key = hkdfGcmKey(*secret, *salt);
    if (!key)
        return key.error();
    unsigned char *point = nullptr;
    const size_t pointLen = EVP_PKEY_get1_encoded_public_key(server.get(), &point);
    const QByteArray encoded(reinterpret_cast<const char *>(point), qsizetype(pointLen));
    OPENSSL_free(point);
    if (encoded.size() != 65)
        return err("preenc.openssl", QStringLiteral("OpenSSL gave an unexpected point size"));
    QByteArray tag;
    auto ct = gcm(true, *key, *iv, plaintext, tag);
    if (!ct)
        return ct.error();
    QByteArray keyArea = encoded.mid(1) + *salt;
    keyArea.append(QByteArray(WrappedKeySize - keyArea.size(), '\0'));
    return assemble(keyArea, *iv, tag, *ct);
}

Result<EncryptedImageHeader> parseForDecrypt(const QByteArray &image)
{
    auto header = EncryptedImageHeader::parse(image);
    if (!header)
        return header.error();
    if (header->payloadAvailable < qsizetype(header->binSize)) {
        return err("preenc.truncated",
                   QStringLiteral("the image promises %1 encrypted bytes but holds %2")
                       .arg(header->binSize)
                       .arg(header->payloadAvailable));
    }
    return header;
}

Result<QByteArray> decryptPayload(const QByteArray &image, const EncryptedImageHeader &h,
                                  const QByteArray &key)
{
    QByteArray tag = h.tag;
    return gcm(false, key, h.iv, image.mid(EncryptedImageHeader::Size, h.binSize), tag);
}

Result<QByteArray> eciesDecrypt(const QByteArray &image, const EncryptedImageHeader &h,
                                EVP_PKEY *device)
{
    PKey server = p256PublicFromPoint(QByteArray(1, '\x04') + h.serverPublicKey);
    if (!server)
        return err("preenc.header", QStringLiteral("the server public key in the header is "
                                                   "not a P-256 point"));
    auto secret = ecdhSecret(device, server.get());
    if (!secret)
        return secret.error();
    auto key = hkdfGcmKey(*secret, h.kdfSalt);
    if (!key)
        return key.error();
    return decryptPayload(image, h, *key);
}

} // namespace

QString EncryptedImageHeader::schemeName() const
{
    return scheme == Scheme::Rsa3072 ? QStringLiteral("rsa-3072") : QStringLiteral("ecies-p256");
}

bool EncryptedImageHeader::hasMagic(const QByteArray &bytes)
{
    return bytes.size() >= 4 && qFromLittleEndian<quint32>(u(bytes)) == Magic;
}

Result<EncryptedImageHeader> EncryptedImageHeader::parse(const QByteArray &bytes)
{
    if (!hasMagic(bytes)) {
        return err("preenc.magic", QStringLiteral("not an esp_encrypted_img image: it does not "
                                                  "start with CF B6 88 07"));
    }
    if (bytes.size() < Size) {
        return err("preenc.truncated",
                   QStringLiteral("the esp_encrypted_img header is cut short (%1 of 512 bytes)")
                       .arg(bytes.size()));
    }
    EncryptedImageHeader h;
    const QByteArray keyArea = bytes.mid(MagicSize, WrappedKeySize);
    const QByteArray reserved = keyArea.mid(ServerKeySize + SaltSize);
    const bool eccLayout
        = reserved.count('\0') == reserved.size() && onP256(keyArea.left(ServerKeySize));
    if (eccLayout) {
        h.scheme = Scheme::EciesP256;
        h.serverPublicKey = keyArea.left(ServerKeySize);
        h.kdfSalt = keyArea.mid(ServerKeySize, SaltSize);
    } else {
        h.scheme = Scheme::Rsa3072;
        h.wrappedKey = keyArea;
    }
    h.iv = bytes.mid(IvOffset, IvSize);
    h.binSize = qFromLittleEndian<quint32>(u(bytes) + BinSizeOffset);
    h.tag = bytes.mid(TagOffset, TagSize);
    h.payloadAvailable = bytes.size() - Size;
    return h;
}

Result<QByteArray> preEncryptRsa(const QByteArray &plaintext, const QByteArray &rsaPublicPem)
{
    PKey key = readPublicPem(rsaPublicPem);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return err("preenc.key", QStringLiteral("the file is not an RSA key in PEM form"));
    if (EVP_PKEY_get_bits(key.get()) != 3072) {
        return err("preenc.key",
                   QStringLiteral("the RSA key has %1 bits; esp_encrypted_img needs RSA-3072")
                       .arg(EVP_PKEY_get_bits(key.get())));
    }
    auto gcmKey = randomBytes(GcmKeySize);
    auto iv = randomBytes(IvSize);
    if (!gcmKey || !iv)
        return gcmKey ? iv.error() : gcmKey.error();
    PKeyCtx ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
    size_t len = 0;
    if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) != 1
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1
        || EVP_PKEY_encrypt(ctx.get(), nullptr, &len, u(*gcmKey), GcmKeySize) != 1)
        return err("preenc.openssl", QStringLiteral("OpenSSL could not wrap the key with RSA"));
    QByteArray wrapped(qsizetype(len), '\0');
    if (EVP_PKEY_encrypt(ctx.get(), u(wrapped), &len, u(*gcmKey), GcmKeySize) != 1
        || len != size_t(WrappedKeySize))
        return err("preenc.openssl", QStringLiteral("OpenSSL could not wrap the key with RSA"));
    QByteArray tag;
    auto ct = gcm(true, *gcmKey, *iv, plaintext, tag);
    if (!ct)
        return ct.error();
    return assemble(wrapped, *iv, tag, *ct);
}

Result<QByteArray> preEncryptEcies(const QByteArray &plaintext, const QByteArray &devicePublicPem)
{
    PKey device = readPublicPem(devicePublicPem);
    if (!device)
        return err("preenc.key", QStringLiteral("the file is not a public key in PEM form"));
    return eciesEncrypt(plaintext, device.get());
}

Result<QByteArray> preEncryptEciesHmac(const QByteArray &plaintext, const QByteArray &hmacKey)
{
    auto device = deviceKeyFromHmac(hmacKey);
    if (!device)
        return device.error();
    return eciesEncrypt(plaintext, device->get());
}

Result<QByteArray> preDecrypt(const QByteArray &image, const QByteArray &privatePem)
{
    auto header = parseForDecrypt(image);
    if (!header)
        return header.error();
    PKey key = readPrivatePem(privatePem);
    if (!key)
        return err("preenc.key", QStringLiteral("the file is not a private key in PEM form"));
    if (header->scheme == EncryptedImageHeader::Scheme::EciesP256) {
        if (!isP256(key.get()))
            return err("preenc.key", QStringLiteral("this image is ECIES-P256; it needs the "
                                                    "device's P-256 key or HMAC key"));
        return eciesDecrypt(image, *header, key.get());
    }
    if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return err("preenc.key", QStringLiteral("this image is RSA-3072; it needs the RSA "
                                                "private key"));
    PKeyCtx ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
    QByteArray gcmKey(512, '\0');
    size_t len = size_t(gcmKey.size());
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1
        || EVP_PKEY_decrypt(ctx.get(), u(gcmKey), &len, u(header->wrappedKey),
                            size_t(header->wrappedKey.size()))
               != 1
        || len != size_t(GcmKeySize)) {
        return err("preenc.unwrap",
                   QStringLiteral("the RSA key does not unwrap this image's key: it is not the "
                                  "key the image was encrypted for"));
    }
    gcmKey.resize(GcmKeySize);
    return decryptPayload(image, *header, gcmKey);
}

Result<QByteArray> preDecryptHmac(const QByteArray &image, const QByteArray &hmacKey)
{
    auto header = parseForDecrypt(image);
    if (!header)
        return header.error();
    if (header->scheme != EncryptedImageHeader::Scheme::EciesP256)
        return err("preenc.key", QStringLiteral("this image is RSA-3072; an HMAC key cannot "
                                                "decrypt it, the RSA private key can"));
    auto device = deviceKeyFromHmac(hmacKey);
    if (!device)
        return device.error();
    return eciesDecrypt(image, *header, device->get());
}

Result<QByteArray> devicePublicKeyFromHmac(const QByteArray &hmacKey)
{
    auto device = deviceKeyFromHmac(hmacKey);
    if (!device)
        return device.error();
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), device->get()) != 1)
        return err("preenc.openssl", QStringLiteral("OpenSSL could not write the public key"));
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(n));
}

} // namespace Forgeline::Image
