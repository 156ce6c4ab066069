// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace Forgeline::Image {

// The pre-encrypted OTA image of Espressif's esp_encrypted_img component
// (idf-extra-components esp_encrypted_img/README.md, src/esp_encrypted_img.c and
// tools/esp_enc_img_gen.py): a 512-byte header, then the app encrypted with AES-256-GCM
// (16-byte IV, no AAD). Header: magic 0x0788B6CF (LE) at 0; at 4 either the GCM key wrapped
// with RSA-3072 PKCS#1 v1.5 (384 bytes) or, for ECIES-P256, the server's ephemeral public
// key X||Y (64), the HKDF salt (32) and 288 zero bytes; IV at 388, plaintext size u32 at 404,
// GCM tag at 408, zeros to 512.
struct EncryptedImageHeader
{
    static constexpr quint32 Magic = 0x0788B6CF;
    static constexpr int Size = 512;
    enum class Scheme { Rsa3072, EciesP256 };

    Scheme scheme = Scheme::Rsa3072;
    QByteArray wrappedKey;      // RSA: 384 bytes
    QByteArray serverPublicKey; // ECIES: X||Y, 64 bytes
    QByteArray kdfSalt;         // ECIES: 32 bytes
    QByteArray iv;              // 16
    quint32 binSize = 0;
    QByteArray tag;                 // 16
    qsizetype payloadAvailable = 0; // ciphertext bytes present after the header

    QString schemeName() const; // "rsa-3072" / "ecies-p256"

    static bool hasMagic(const QByteArray &bytes);
    // The header alone; the scheme is told apart by the ECIES layout (a point on P-256 and
    // 288 zero bytes), which a wrapped RSA key practically never has.
    static Result<EncryptedImageHeader> parse(const QByteArray &bytes);
};

// Key material the tool takes, in PEM (or the device's 32-byte HMAC key).
Result<QByteArray> preEncryptRsa(const QByteArray &plaintext, const QByteArray &rsaPublicPem);
Result<QByteArray> preEncryptEcies(const QByteArray &plaintext, const QByteArray &devicePublicPem);
Result<QByteArray> preEncryptEciesHmac(const QByteArray &plaintext, const QByteArray &hmacKey);

// rsaOrEcPrivatePem: an RSA private key (RSA scheme) or the device's P-256 private key.
Result<QByteArray> preDecrypt(const QByteArray &image, const QByteArray &privatePem);
Result<QByteArray> preDecryptHmac(const QByteArray &image, const QByteArray &hmacKey);

// The device's P-256 key pair as esp_enc_img_gen.py derives it from the HMAC key: private
// scalar = PBKDF2-HMAC-SHA256(hmac key, fixed salt, 2048 iterations). Returns the public key
// in PEM (SubjectPublicKeyInfo).
Result<QByteArray> devicePublicKeyFromHmac(const QByteArray &hmacKey);

} // namespace Forgeline::Image
