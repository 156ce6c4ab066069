// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Forgeline::Tls::TlsNames {

// Names from the IANA TLS registries, for the fields embedded peers care about.
QString version(int v);          // 0x0303 -> "TLS 1.2"
QString cipherSuite(int id);     // 0xc02f -> "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" (from OpenSSL)
QString extension(int id);       // 0 -> "server_name"
QString group(int id);           // 0x001d -> "x25519"
QString signatureScheme(int id); // 0x0403 -> "ecdsa_secp256r1_sha256"
QString certificateType(int id); // 1 -> "rsa_sign"
bool isGrease(int id);           // RFC 8701 values (0x0a0a, 0x1a1a, ...)

} // namespace Forgeline::Tls::TlsNames
