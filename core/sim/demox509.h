// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace Forgeline::Sim::DemoX509 {

// Certificates for the virtual boards' demo world (the device pool and the TLS server the
// firmware talks to). They are made here once so both sides agree on what a demo CA is.
using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;

enum class Kind {
    // basicConstraints CA:TRUE and keyCertSign: a v3 certificate without them is refused as an
    // issuer by OpenSSL ("invalid CA certificate") and by mbedTLS (RFC 5280 4.2.1.9).
    Ca,
    // A device's client certificate: no extensions beyond what the pool always issued.
    Client,
    // The TLS server's leaf: CA:FALSE and a subjectAltName for localhost and 127.0.0.1, which
    // mbedTLS checks against the host name it dialled.
    Server
};

struct CertSpec
{
    QString commonName;
    long serial = 1;
    long validDays = 365;
    Kind kind = Kind::Client;
};

PKey newP256Key();

// Signs with issuerKey under issuer, or self-signs when issuer is null. Null on failure;
// lastError() says why.
Cert makeCert(const CertSpec &spec, EVP_PKEY *key, X509 *issuer = nullptr,
              EVP_PKEY *issuerKey = nullptr);

QByteArray pem(X509 *cert);
QByteArray pem(EVP_PKEY *key);

// OpenSSL's queued error as text, for an Error's technical detail (consumes it).
QString lastError();

} // namespace Forgeline::Sim::DemoX509
