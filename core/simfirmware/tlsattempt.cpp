// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/simfirmware/tlsattempt.h"

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/debug.h>
#include <mbedtls/entropy.h>
#include <mbedtls/error.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

#include <cstring>

namespace Forgeline::SimFirmware {

namespace {

// esp-tls v4.4+ error numbers (components/esp-tls/esp_tls_errors.h).
constexpr int EspErrCannotResolveHostname = 0x8001;
constexpr int EspErrFailedConnectToHost = 0x8004;
constexpr int EspErrX509CrtParseFailed = 0x8015;
constexpr int EspErrPkParseKeyFailed = 0x8019;
constexpr int EspErrSslHandshakeFailed = 0x801A;
constexpr int EspErrSslSetupFailed = 0x8017;
constexpr int EspErrConnectionTimeout = 0x8006;

struct DebugContext
{
    const ConsoleSink *print;
};

const char *baseName(const char *path)
{
    const char *slash = std::strrchr(path, '/');
    return slash ? slash + 1 : path;
}

// The ESP-IDF port's callback: level 1..4 -> W I D V, "%s:%d %s" under the tag "mbedtls".
void debugCallback(void *ctx, int level, const char *file, int line, const char *str)
{
    static const char letters[] = "EWIDV";
    const char letter = level >= 1 && level <= 4 ? letters[level] : 'E';
    const auto *c = static_cast<const DebugContext *>(ctx);
    (*c->print)(letter, "mbedtls",
                QByteArray(baseName(file)) + ':' + QByteArray::number(line) + ' '
                    + QByteArray(str));
}

QByteArray hex4(int value)
{
    return QByteArray::number(value, 16).toUpper().rightJustified(4, '0');
}

// mbedTLS' parsers want PEM NUL-terminated (length includes the NUL) and DER as is.
QByteArray parserInput(const QByteArray &bytes)
{
    if (bytes.contains("-----BEGIN") && !bytes.endsWith('\0'))
        return bytes + '\0';
    return bytes;
}

// Receive with the handshake timeout, so a silent server ends the attempt the way
// esp-tls' select() timeout does, and an abort is noticed within a second.
struct Io
{
    mbedtls_net_context *net;
    const std::atomic<bool> *abort;
    int timeoutMs;
};

int sendCb(void *ctx, const unsigned char *buf, size_t len)
{
    return mbedtls_net_send(static_cast<Io *>(ctx)->net, buf, len);
}

int recvCb(void *ctx, unsigned char *buf, size_t len)
{
    auto *io = static_cast<Io *>(ctx);
    int waited = 0;
    while (true) {
        if (io->abort->load())
            return MBEDTLS_ERR_NET_CONN_RESET;
        const int r = mbedtls_net_recv_timeout(io->net, buf, len, 250);
        if (r != MBEDTLS_ERR_SSL_TIMEOUT)
            return r;
        waited += 250;
        if (waited >= io->timeoutMs)
            return MBEDTLS_ERR_SSL_TIMEOUT;
    }
}

} // namespace

TlsOutcome runTlsAttempt(const TlsAttempt &a, const ConsoleSink &print,
                         const std::atomic<bool> &abort)
{
    TlsOutcome out;
    mbedtls_net_context net;
    mbedtls_ssl_context ssl;
    mbedtls_ssl_config conf;
    mbedtls_x509_crt ca, own;
    mbedtls_pk_context key;
    mbedtls_entropy_context entropy;
    mbedtls_ctr_drbg_context drbg;
    mbedtls_net_init(&net);
    mbedtls_ssl_init(&ssl);
    mbedtls_ssl_config_init(&conf);
    mbedtls_x509_crt_init(&ca);
    mbedtls_x509_crt_init(&own);
    mbedtls_pk_init(&key);
    mbedtls_entropy_init(&entropy);
    mbedtls_ctr_drbg_init(&drbg);
    DebugContext debug{&print};
    Io io{&net, &abort, a.timeoutMs};
    const QByteArray port = QByteArray::number(a.port);
    const QByteArray host = a.host.toUtf8();
    const QByteArray sni = a.hostname.toUtf8();
    int ret = 0;

    auto fail = [&](const char *what, int code, int espErr, const char *espName) {
        print('E', "esp-tls-mbedtls", QByteArray(what) + " returned -0x" + hex4(-code));
        out.mbedtlsError = code;
        out.espTlsCode = espErr;
        out.espTlsError = QString::fromLatin1(espName);
    };

    if (a.debugLogs)
        print('D', "esp-tls", "host:" + sni + ": strlen " + QByteArray::number(sni.size()));
    do {
        ret = mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy, nullptr, 0);
        if (ret != 0) {
            fail("mbedtls_ctr_drbg_seed", ret, EspErrSslSetupFailed,
                 "ESP_ERR_MBEDTLS_CTR_DRBG_SEED_FAILED");
            break;
        }
        ret = mbedtls_ssl_config_defaults(&conf, MBEDTLS_SSL_IS_CLIENT,
                                          MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
        if (ret != 0) {
            fail("mbedtls_ssl_config_defaults", ret, EspErrSslSetupFailed,
                 "ESP_ERR_MBEDTLS_SSL_CONFIG_DEFAULTS_FAILED");
            break;
        }
        if (!a.caPem.isEmpty()) {
            const QByteArray pem = parserInput(a.caPem);
            ret = mbedtls_x509_crt_parse(
                &ca, reinterpret_cast<const unsigned char *>(pem.constData()), size_t(pem.size()));
            if (ret < 0) {
                fail("mbedtls_x509_crt_parse of CA cert", ret, EspErrX509CrtParseFailed,
                     "ESP_ERR_MBEDTLS_X509_CRT_PARSE_FAILED");
                break;
            }
            mbedtls_ssl_conf_ca_chain(&conf, &ca, nullptr);
            mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_REQUIRED);
        } else {
            mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_NONE);
        }
        if (!a.clientCertificate.isEmpty() && !a.clientKey.isEmpty()) {
            const QByteArray crt = parserInput(a.clientCertificate);
            ret = mbedtls_x509_crt_parse(
                &own, reinterpret_cast<const unsigned char *>(crt.constData()), size_t(crt.size()));
            if (ret < 0) {
                fail("mbedtls_x509_crt_parse of public cert", ret, EspErrX509CrtParseFailed,
                     "ESP_ERR_MBEDTLS_X509_CRT_PARSE_FAILED");
                break;
            }
            const QByteArray pk = parserInput(a.clientKey);
            ret = mbedtls_pk_parse_key(&key,
                                       reinterpret_cast<const unsigned char *>(pk.constData()),
                                       size_t(pk.size()), nullptr, 0);
            if (ret != 0) {
                fail("mbedtls_pk_parse_keyfile", ret, EspErrPkParseKeyFailed,
                     "ESP_ERR_MBEDTLS_PK_PARSE_KEY_FAILED");
                break;
            }
            ret = mbedtls_ssl_conf_own_cert(&conf, &own, &key);
            if (ret != 0) {
                fail("mbedtls_ssl_conf_own_cert", ret, EspErrSslSetupFailed,
                     "ESP_ERR_MBEDTLS_SSL_CONF_OWN_CERT_FAILED");
                break;
            }
        }
        mbedtls_ssl_conf_rng(&conf, mbedtls_ctr_drbg_random, &drbg);
        if (a.debugLevel > 0) {
            mbedtls_ssl_conf_dbg(&conf, debugCallback, &debug);
            mbedtls_debug_set_threshold(a.debugLevel);
        }
        ret = mbedtls_ssl_setup(&ssl, &conf);
        if (ret != 0) {
            fail("mbedtls_ssl_setup", ret, EspErrSslSetupFailed,
                 "ESP_ERR_MBEDTLS_SSL_SETUP_FAILED");
            break;
        }
        ret = mbedtls_ssl_set_hostname(&ssl, sni.constData());
        if (ret != 0) {
            fail("mbedtls_ssl_set_hostname", ret, EspErrSslSetupFailed,
                 "ESP_ERR_MBEDTLS_SSL_SET_HOSTNAME_FAILED");
            break;
        }
        if (a.debugLogs)
            print('D', "esp-tls", "connecting...");
        ret = mbedtls_net_connect(&net, host.constData(), port.constData(), MBEDTLS_NET_PROTO_TCP);
        if (ret != 0) {
            const bool unknown = ret == MBEDTLS_ERR_NET_UNKNOWN_HOST;
            print('E', "esp-tls",
                  unknown ? QByteArray("couldn't get hostname for :" + host
                                       + ": getaddrinfo() returns 202")
                          : QByteArray("[sock=54] connect() error: Connection refused"));
            out.mbedtlsError = 0;
            out.espTlsCode = unknown ? EspErrCannotResolveHostname : EspErrFailedConnectToHost;
            out.espTlsError = unknown ? QStringLiteral("ESP_ERR_ESP_TLS_CANNOT_RESOLVE_HOSTNAME")
                                      : QStringLiteral("ESP_ERR_ESP_TLS_FAILED_CONNECT_TO_HOST");
            break;
        }
        mbedtls_ssl_set_bio(&ssl, &io, sendCb, recvCb, nullptr);
        if (a.debugLogs)
            print('D', "esp-tls", "handshake in progress...");
        while ((ret = mbedtls_ssl_handshake(&ssl)) != 0) {
            if (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE)
                continue;
            break;
        }
        if (ret == MBEDTLS_ERR_SSL_TIMEOUT) {
            print('E', "esp-tls", "[sock=54] select() timeout");
            out.mbedtlsError = ret;
            out.espTlsCode = EspErrConnectionTimeout;
            out.espTlsError = QStringLiteral("ESP_ERR_ESP_TLS_CONNECTION_TIMEOUT");
            break;
        }
        if (ret != 0) {
            fail("mbedtls_ssl_handshake", ret, EspErrSslHandshakeFailed,
                 "ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED");
            // mbedtls_print_error_msg(): v4.4+ prints the library's text at debug log level.
            if (a.debugLogs) {
                char text[256];
                mbedtls_strerror(ret, text, sizeof(text));
                print('I', "esp-tls-mbedtls",
                      "(" + QByteArray::number(quint32(ret), 16).toUpper() + "): " + text);
            }
            // esp-tls asks for the verify result whenever a CA is configured, whatever failed.
            if (!a.caPem.isEmpty()) {
                out.verifyFlags = mbedtls_ssl_get_verify_result(&ssl);
                if (out.verifyFlags != 0) {
                    print('I', "esp-tls-mbedtls", "Failed to verify peer certificate!");
                    if (a.debugLogs) {
                        char info[1024];
                        mbedtls_x509_crt_verify_info(info, sizeof(info), "  ! ", out.verifyFlags);
                        print('D', "esp-tls-mbedtls", QByteArray("verification info: ") + info);
                    }
                } else {
                    print('I', "esp-tls-mbedtls", "Certificate verified.");
                }
            }
            break;
        }
        out.connected = true;
        mbedtls_ssl_close_notify(&ssl);
    } while (false);

    mbedtls_net_free(&net);
    mbedtls_ssl_free(&ssl);
    mbedtls_ssl_config_free(&conf);
    mbedtls_x509_crt_free(&ca);
    mbedtls_x509_crt_free(&own);
    mbedtls_pk_free(&key);
    mbedtls_ctr_drbg_free(&drbg);
    mbedtls_entropy_free(&entropy);
    return out;
}

} // namespace Forgeline::SimFirmware
