// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/records/tlsnames.h"

#include <QHash>

#include <openssl/ssl.h>

namespace Forgeline::Tls::TlsNames {

namespace {

QString hex4(int v) { return QStringLiteral("0x%1").arg(v, 4, 16, QLatin1Char('0')); }

// Every suite this OpenSSL knows, by its two-byte id, with the IANA ("standard") name.
QHash<int, QString> buildCipherTable()
{
    QHash<int, QString> table;
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    if (!ctx)
        return table;
    SSL_CTX_set_security_level(ctx, 0);
    SSL_CTX_set_cipher_list(ctx, "ALL:COMPLEMENTOFALL:@SECLEVEL=0");
    if (STACK_OF(SSL_CIPHER) *list = SSL_CTX_get_ciphers(ctx)) {
        for (int i = 0; i < sk_SSL_CIPHER_num(list); ++i) {
            const SSL_CIPHER *c = sk_SSL_CIPHER_value(list, i);
            const char *name = SSL_CIPHER_standard_name(c);
            if (name)
                table.insert(int(SSL_CIPHER_get_protocol_id(c)), QString::fromLatin1(name));
        }
    }
    SSL_CTX_free(ctx);
    // Signalling values that are not suites, so OpenSSL does not list them.
    table.insert(0x00ff, QStringLiteral("TLS_EMPTY_RENEGOTIATION_INFO_SCSV"));
    table.insert(0x5600, QStringLiteral("TLS_FALLBACK_SCSV"));
    return table;
}

} // namespace

bool isGrease(int id) { return (id & 0x0f0f) == 0x0a0a && ((id >> 8) & 0xff) == (id & 0xff); }

QString version(int v)
{
    switch (v) {
    case 0x0002: return QStringLiteral("SSL 2.0");
    case 0x0300: return QStringLiteral("SSL 3.0");
    case 0x0301: return QStringLiteral("TLS 1.0");
    case 0x0302: return QStringLiteral("TLS 1.1");
    case 0x0303: return QStringLiteral("TLS 1.2");
    case 0x0304: return QStringLiteral("TLS 1.3");
    case 0xfeff: return QStringLiteral("DTLS 1.0");
    case 0xfefd: return QStringLiteral("DTLS 1.2");
    default: break;
    }
    if (isGrease(v))
        return QStringLiteral("GREASE");
    return hex4(v);
}

QString cipherSuite(int id)
{
    static const QHash<int, QString> table = buildCipherTable();
    const auto it = table.constFind(id);
    if (it != table.cend())
        return *it;
    return isGrease(id) ? QStringLiteral("GREASE") : hex4(id);
}

QString extension(int id)
{
    static const QHash<int, QString> names = {
        {0, QStringLiteral("server_name")},
        {1, QStringLiteral("max_fragment_length")},
        {5, QStringLiteral("status_request")},
        {10, QStringLiteral("supported_groups")},
        {11, QStringLiteral("ec_point_formats")},
        {13, QStringLiteral("signature_algorithms")},
        {14, QStringLiteral("use_srtp")},
        {15, QStringLiteral("heartbeat")},
        {16, QStringLiteral("application_layer_protocol_negotiation")},
        {18, QStringLiteral("signed_certificate_timestamp")},
        {21, QStringLiteral("padding")},
        {22, QStringLiteral("encrypt_then_mac")},
        {23, QStringLiteral("extended_master_secret")},
        {27, QStringLiteral("compress_certificate")},
        {28, QStringLiteral("record_size_limit")},
        {35, QStringLiteral("session_ticket")},
        {41, QStringLiteral("pre_shared_key")},
        {42, QStringLiteral("early_data")},
        {43, QStringLiteral("supported_versions")},
        {44, QStringLiteral("cookie")},
        {45, QStringLiteral("psk_key_exchange_modes")},
        {47, QStringLiteral("certificate_authorities")},
        {49, QStringLiteral("post_handshake_auth")},
        {50, QStringLiteral("signature_algorithms_cert")},
        {51, QStringLiteral("key_share")},
        {54, QStringLiteral("connection_id")},
        {65281, QStringLiteral("renegotiation_info")},
    };
    if (const auto it = names.constFind(id); it != names.cend())
        return *it;
    return isGrease(id) ? QStringLiteral("GREASE") : QString::number(id);
}

QString group(int id)
{
    static const QHash<int, QString> names = {
        {0x0017, QStringLiteral("secp256r1")},
        {0x0018, QStringLiteral("secp384r1")},
        {0x0019, QStringLiteral("secp521r1")},
        {0x0016, QStringLiteral("secp256k1")},
        {0x001a, QStringLiteral("brainpoolP256r1")},
        {0x001b, QStringLiteral("brainpoolP384r1")},
        {0x001c, QStringLiteral("brainpoolP512r1")},
        {0x001d, QStringLiteral("x25519")},
        {0x001e, QStringLiteral("x448")},
        {0x0100, QStringLiteral("ffdhe2048")},
        {0x0101, QStringLiteral("ffdhe3072")},
        {0x0102, QStringLiteral("ffdhe4096")},
        {0x0103, QStringLiteral("ffdhe6144")},
        {0x0104, QStringLiteral("ffdhe8192")},
        {0x11ec, QStringLiteral("X25519MLKEM768")},
    };
    if (const auto it = names.constFind(id); it != names.cend())
        return *it;
    return isGrease(id) ? QStringLiteral("GREASE") : hex4(id);
}

QString signatureScheme(int id)
{
    static const QHash<int, QString> names = {
        {0x0401, QStringLiteral("rsa_pkcs1_sha256")},
        {0x0501, QStringLiteral("rsa_pkcs1_sha384")},
        {0x0601, QStringLiteral("rsa_pkcs1_sha512")},
        {0x0201, QStringLiteral("rsa_pkcs1_sha1")},
        {0x0403, QStringLiteral("ecdsa_secp256r1_sha256")},
        {0x0503, QStringLiteral("ecdsa_secp384r1_sha384")},
        {0x0603, QStringLiteral("ecdsa_secp521r1_sha512")},
        {0x0203, QStringLiteral("ecdsa_sha1")},
        {0x0804, QStringLiteral("rsa_pss_rsae_sha256")},
        {0x0805, QStringLiteral("rsa_pss_rsae_sha384")},
        {0x0806, QStringLiteral("rsa_pss_rsae_sha512")},
        {0x0807, QStringLiteral("ed25519")},
        {0x0808, QStringLiteral("ed448")},
        {0x0809, QStringLiteral("rsa_pss_pss_sha256")},
        {0x080a, QStringLiteral("rsa_pss_pss_sha384")},
        {0x080b, QStringLiteral("rsa_pss_pss_sha512")},
        {0x081a, QStringLiteral("ecdsa_brainpoolP256r1tls13_sha256")},
        {0x081b, QStringLiteral("ecdsa_brainpoolP384r1tls13_sha384")},
        {0x081c, QStringLiteral("ecdsa_brainpoolP512r1tls13_sha512")},
        {0x0301, QStringLiteral("sha224_rsa")},
        {0x0303, QStringLiteral("sha224_ecdsa")},
        {0x0402, QStringLiteral("sha256_dsa")},
        {0x0202, QStringLiteral("sha1_dsa")},
    };
    if (const auto it = names.constFind(id); it != names.cend())
        return *it;
    return isGrease(id) ? QStringLiteral("GREASE") : hex4(id);
}

QString certificateType(int id)
{
    switch (id) {
    case 1: return QStringLiteral("rsa_sign");
    case 2: return QStringLiteral("dss_sign");
    case 3: return QStringLiteral("rsa_fixed_dh");
    case 4: return QStringLiteral("dss_fixed_dh");
    case 64: return QStringLiteral("ecdsa_sign");
    case 65: return QStringLiteral("rsa_fixed_ecdh");
    case 66: return QStringLiteral("ecdsa_fixed_ecdh");
    default: return QString::number(id);
    }
}

} // namespace Forgeline::Tls::TlsNames
