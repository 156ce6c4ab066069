// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

using X509 = struct x509_st;
using EVP_PKEY = struct evp_pkey_st;

namespace Forgeline::Tls {

// A public-key description both for certificates and private keys. Never holds key material.
struct KeyDescription
{
    QString algorithm; // "RSA", "RSA-PSS", "EC", "ED25519", "ED448", "X25519", "DSA", ...
    int bits = 0;
    QString curve; // mbedTLS spelling: "secp256r1", "secp256k1", "brainpoolP256r1"

    QString text() const; // "EC secp256r1", "RSA 2048"
};

struct CertificateInfo
{
    std::shared_ptr<X509> x509;
    QByteArray der;
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    KeyDescription key;
    QString signatureAlgorithm; // OpenSSL long name, e.g. "ecdsa-with-SHA256", "ED25519"
    int signatureNid = 0;
    bool isCa = false;
    bool selfIssued = false;
    bool hasExtendedKeyUsage = false;
    bool ekuAllowsClientAuth = true; // clientAuth or anyExtendedKeyUsage, or no EKU at all
    bool hasKeyUsage = false;
    bool keyUsageAllowsSigning = true;
};

struct PrivateKeyInfo
{
    std::shared_ptr<EVP_PKEY> pkey; // null when encrypted and no (right) password was given
    QString encoding;               // "PEM", "DER", "PKCS#12"
    QString form; // "PKCS#1", "SEC1", "PKCS#8", "encrypted PKCS#8", "encrypted PEM (Proc-Type)"
    bool encrypted = false;
    KeyDescription key; // filled when pkey is set
};

struct Pkcs12Contents
{
    QList<CertificateInfo> certificates; // device certificate first, then the others
    PrivateKeyInfo key;
};

// The parsers of outside input: each takes raw file bytes and never throws or asserts on them.
// `what` names the input in messages ("device certificate", "CA").
namespace PreflightLoader {

Result<QList<CertificateInfo>> parseCertificates(const QByteArray &data, const QString &what);
// An encrypted key without a password is not an error: it comes back with encrypted = true
// and no pkey, so the preflight can say what the device will do with it.
Result<PrivateKeyInfo> parsePrivateKey(const QByteArray &data, const QByteArray &password);
Result<Pkcs12Contents> parsePkcs12(const QByteArray &data, const QByteArray &password);

// Reads a whole file with a clear message for a missing, unreadable, empty or huge file.
Result<QByteArray> readInputFile(const QString &path, const QString &what);

CertificateInfo describeCertificate(X509 *cert); // takes a new reference
KeyDescription describeKey(EVP_PKEY *pkey);

} // namespace PreflightLoader

} // namespace Forgeline::Tls
