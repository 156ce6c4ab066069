// SPDX-License-Identifier: GPL-3.0-or-later
// A TLS client on Debian's mbedTLS that prints its debug output exactly the way devices do,
// so the diagnosis tests run on real handshake logs instead of invented ones. It also builds
// against mbedTLS 3.6 (the #if MBEDTLS_VERSION_NUMBER parts), which made the logs in
// tests/data/logs/mbedtls-3.6.
//   --format esp : ESP-IDF port (mbedtls_debug.c): "X (ms) mbedtls: file:line msg" + a blank line,
//                  levels 1..4 as W/I/D/V, and esp-tls style error lines after a failure.
//   --format raw : the ssl_client2 callback "file:NNNN: |L| msg".
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/debug.h>
#include <mbedtls/entropy.h>
#include <mbedtls/error.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>
#include <mbedtls/ssl_ciphersuites.h>
#include <mbedtls/version.h>
#include <mbedtls/x509_crt.h>
#if MBEDTLS_VERSION_NUMBER >= 0x03000000 && defined(MBEDTLS_PSA_CRYPTO_C)
#include <psa/crypto.h>
#endif

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int g_esp = 1;
static struct timespec g_start;

// Allocation failures on demand: armed just before mbedtls_ssl_setup (or, with
// --fail-alloc-in handshake, around mbedtls_ssl_handshake), so the library's own failure
// paths run for real. glibc's calloc stays underneath.
extern void *__libc_calloc(size_t n, size_t size);
static size_t g_failAbove = 0;
static int g_armed = 0;

void *calloc(size_t n, size_t size)
{
    if (g_armed && g_failAbove != 0 && size != 0 && n * size >= g_failAbove) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_calloc(n, size);
}

static unsigned long elapsedMs(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (unsigned long)((now.tv_sec - g_start.tv_sec) * 1000
                           + (now.tv_nsec - g_start.tv_nsec) / 1000000)
           + 1000;
}

static const char *baseName(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static void debugCallback(void *ctx, int level, const char *file, int line, const char *str)
{
    FILE *out = (FILE *)ctx;
    if (g_esp) {
        static const char letters[] = "EWIDV";
        const char letter = (level >= 1 && level <= 4) ? letters[level] : 'E';
        // mbedTLS strings end in '\n' and ESP_LOG adds one: every entry is followed by a blank line.
        fprintf(out, "%c (%lu) mbedtls: %s:%d %s\n", letter, elapsedMs(), baseName(file), line,
                str);
    } else {
        fprintf(out, "%s:%04d: |%d| %s", baseName(file), line, level, str);
    }
    fflush(out);
}

// esp-tls style application line (E/I/D) or a plain "  ! ..." line in raw mode.
static void appLine(char level, const char *tag, const char *text)
{
    if (g_esp)
        printf("%c (%lu) %s: %s\n", level, elapsedMs(), tag, text);
    else
        printf("  %c %s\n", level == 'E' ? '!' : '.', text);
    fflush(stdout);
}

static void appError(const char *what, int ret)
{
    char text[256];
    snprintf(text, sizeof(text), "%s returned -0x%04X", what, (unsigned)-ret);
    appLine('E', "esp-tls-mbedtls", text);
}

// "1.2" or "1.3": both ends of the allowed range; without --tls the library default applies
// (TLS 1.2 only on 2.28; TLS 1.2 and 1.3 on a 3.6 build with MBEDTLS_SSL_PROTO_TLS1_3).
static int setTlsVersion(mbedtls_ssl_config *conf, const char *version)
{
#if MBEDTLS_VERSION_NUMBER >= 0x03020000
    const mbedtls_ssl_protocol_version v = !strcmp(version, "1.3")   ? MBEDTLS_SSL_VERSION_TLS1_3
                                           : !strcmp(version, "1.2") ? MBEDTLS_SSL_VERSION_TLS1_2
                                                                     : MBEDTLS_SSL_VERSION_UNKNOWN;
    if (v == MBEDTLS_SSL_VERSION_UNKNOWN)
        return 0;
    mbedtls_ssl_conf_min_tls_version(conf, v);
    mbedtls_ssl_conf_max_tls_version(conf, v);
    return 1;
#else
    if (strcmp(version, "1.2") != 0)
        return 0;
    mbedtls_ssl_conf_min_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
    mbedtls_ssl_conf_max_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
    return 1;
#endif
}

// Sends an HTTP request and reads the answer to its end, reporting a failure as esp-tls
// (esp_mbedtls_read) does: "read error :-0x7780:". Returns 0 or the mbedTLS error.
static int exchangeRequest(mbedtls_ssl_context *ssl)
{
    static const unsigned char get[] = "GET / HTTP/1.0\r\n\r\n";
    int ret;
    while ((ret = mbedtls_ssl_write(ssl, get, sizeof(get) - 1)) <= 0) {
        if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE) {
            char text[64];
            snprintf(text, sizeof(text), "write error :-0x%04X:", (unsigned)-ret);
            appLine('E', "esp-tls-mbedtls", text);
            return ret;
        }
    }
    unsigned char buf[1024];
    for (;;) {
        ret = mbedtls_ssl_read(ssl, buf, sizeof(buf));
        if (ret > 0)
            continue;
        if (ret == 0 || ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY)
            return 0;
        if (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE)
            continue;
#if defined(MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET)
        if (ret == MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET)
            continue;
#endif
        char text[64];
        snprintf(text, sizeof(text), "read error :-0x%04X:", (unsigned)-ret);
        appLine('E', "esp-tls-mbedtls", text);
        return ret;
    }
}

static void usage(void)
{
    fprintf(
        stderr,
        "usage: tlsclient --port N [--host H] [--hostname NAME|none] [--ca FILE] [--cert FILE --key FILE]\n"
        "                 [--ciphers A,B] [--mfl 512|1024|2048|4096] [--format esp|raw] [--debug 0-4]\n"
        "                 [--read-timeout MS] [--fail-alloc-above BYTES]\n"
        "                 [--fail-alloc-in setup|handshake] [--tls 1.2|1.3]\n"
        "                 [--request yes]\n");
}

int main(int argc, char **argv)
{
    const char *host = "127.0.0.1", *port = NULL, *hostname = "localhost", *caFile = NULL,
               *certFile = NULL, *keyFile = NULL, *ciphers = NULL;
    const char *tlsVersion = NULL;
    int mfl = 0, debugLevel = 4, readTimeout = 0, request = 0, failInHandshake = 0;
    clock_gettime(CLOCK_MONOTONIC, &g_start);

    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) {
            usage();
            return 64;
        }
        ++i;
        if (!strcmp(a, "--host"))
            host = v;
        else if (!strcmp(a, "--port"))
            port = v;
        else if (!strcmp(a, "--hostname"))
            hostname = v;
        else if (!strcmp(a, "--ca"))
            caFile = v;
        else if (!strcmp(a, "--cert"))
            certFile = v;
        else if (!strcmp(a, "--key"))
            keyFile = v;
        else if (!strcmp(a, "--ciphers"))
            ciphers = v;
        else if (!strcmp(a, "--mfl"))
            mfl = atoi(v);
        else if (!strcmp(a, "--format"))
            g_esp = strcmp(v, "raw") != 0;
        else if (!strcmp(a, "--debug"))
            debugLevel = atoi(v);
        else if (!strcmp(a, "--read-timeout"))
            readTimeout = atoi(v);
        else if (!strcmp(a, "--fail-alloc-above"))
            g_failAbove = (size_t)strtoul(v, NULL, 10);
        else if (!strcmp(a, "--fail-alloc-in"))
            failInHandshake = !strcmp(v, "handshake");
        else if (!strcmp(a, "--tls"))
            tlsVersion = v;
        else if (!strcmp(a, "--request"))
            request = strcmp(v, "no") != 0;
        else {
            usage();
            return 64;
        }
    }
    if (!port) {
        usage();
        return 64;
    }

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
    int exitCode = 1;
    int ret;
    int suites[64] = {0};

#if MBEDTLS_VERSION_NUMBER >= 0x03000000 && defined(MBEDTLS_PSA_CRYPTO_C)
    // 3.x runs TLS 1.3 key schedules and some key parsing through PSA: ESP-IDF calls this too.
    if (psa_crypto_init() != PSA_SUCCESS) {
        appLine('E', "esp-tls-mbedtls", "psa_crypto_init failed");
        goto done;
    }
#endif
    if ((ret = mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy,
                                     (const unsigned char *)"forgeline", 9))
        != 0) {
        appError("mbedtls_ctr_drbg_seed", ret);
        goto done;
    }
    if (caFile && (ret = mbedtls_x509_crt_parse_file(&ca, caFile)) != 0) {
        // esp-tls: "mbedtls_x509_crt_parse of CA cert returned -0x%04X"
        appError("mbedtls_x509_crt_parse of CA cert", ret);
        goto done;
    }
    if (certFile && (ret = mbedtls_x509_crt_parse_file(&own, certFile)) != 0) {
        appError("mbedtls_x509_crt_parse of public cert", ret);
        goto done;
    }
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
    ret = keyFile ? mbedtls_pk_parse_keyfile(&key, keyFile, NULL, mbedtls_ctr_drbg_random, &drbg)
                  : 0;
#else
    ret = keyFile ? mbedtls_pk_parse_keyfile(&key, keyFile, NULL) : 0;
#endif
    if (ret != 0) {
        appError("mbedtls_pk_parse_keyfile", ret);
        goto done;
    }
    if ((ret
         = mbedtls_ssl_config_defaults(&conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM,
                                       MBEDTLS_SSL_PRESET_DEFAULT))
        != 0) {
        appError("mbedtls_ssl_config_defaults", ret);
        goto done;
    }
    mbedtls_ssl_conf_authmode(&conf,
                              caFile ? MBEDTLS_SSL_VERIFY_REQUIRED : MBEDTLS_SSL_VERIFY_NONE);
    if (caFile)
        mbedtls_ssl_conf_ca_chain(&conf, &ca, NULL);
    if (certFile && keyFile && (ret = mbedtls_ssl_conf_own_cert(&conf, &own, &key)) != 0) {
        appError("mbedtls_ssl_conf_own_cert", ret);
        goto done;
    }
    if (ciphers) {
        char list[1024];
        snprintf(list, sizeof(list), "%s", ciphers);
        int n = 0;
        for (char *name = strtok(list, ","); name && n < 63; name = strtok(NULL, ",")) {
            const int id = mbedtls_ssl_get_ciphersuite_id(name);
            if (id != 0)
                suites[n++] = id;
        }
        mbedtls_ssl_conf_ciphersuites(&conf, suites);
    }
    if (mfl) {
        const unsigned char code = mfl == 512    ? MBEDTLS_SSL_MAX_FRAG_LEN_512
                                   : mfl == 1024 ? MBEDTLS_SSL_MAX_FRAG_LEN_1024
                                   : mfl == 2048 ? MBEDTLS_SSL_MAX_FRAG_LEN_2048
                                                 : MBEDTLS_SSL_MAX_FRAG_LEN_4096;
        mbedtls_ssl_conf_max_frag_len(&conf, code);
    }
    if (tlsVersion && !setTlsVersion(&conf, tlsVersion)) {
        appLine('E', "tlsclient", "this mbedTLS cannot be limited to that TLS version");
        exitCode = 64;
        goto done;
    }
    if (readTimeout > 0)
        mbedtls_ssl_conf_read_timeout(&conf, (uint32_t)readTimeout);
    mbedtls_ssl_conf_rng(&conf, mbedtls_ctr_drbg_random, &drbg);
    mbedtls_ssl_conf_dbg(&conf, debugCallback, stdout);
    mbedtls_debug_set_threshold(debugLevel);

    g_armed = !failInHandshake;
    ret = mbedtls_ssl_setup(&ssl, &conf);
    g_armed = 0;
    if (ret != 0) {
        appError("mbedtls_ssl_setup", ret);
        goto done;
    }
    if (strcmp(hostname, "none") != 0 && (ret = mbedtls_ssl_set_hostname(&ssl, hostname)) != 0) {
        appError("mbedtls_ssl_set_hostname", ret);
        goto done;
    }
    if ((ret = mbedtls_net_connect(&net, host, port, MBEDTLS_NET_PROTO_TCP)) != 0) {
        appError("mbedtls_net_connect", ret);
        goto done;
    }
    mbedtls_ssl_set_bio(&ssl, &net, mbedtls_net_send, mbedtls_net_recv,
                        readTimeout > 0 ? mbedtls_net_recv_timeout : NULL);

    g_armed = failInHandshake;
    while ((ret = mbedtls_ssl_handshake(&ssl)) != 0) {
        if (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE)
            continue;
        g_armed = 0;
        appError("mbedtls_ssl_handshake", ret);
        // esp-tls asks for the verify result even when the failure had nothing to do with
        // certificates; a clean result then prints the misleading "Certificate verified.".
        if (caFile) {
            const uint32_t flags = mbedtls_ssl_get_verify_result(&ssl);
            if (flags != 0) {
                char info[1024];
                appLine('I', "esp-tls-mbedtls", "Failed to verify peer certificate!");
                mbedtls_x509_crt_verify_info(info, sizeof(info), "  ! ", flags);
                if (g_esp) {
                    printf("D (%lu) esp-tls-mbedtls: verification info: %s\n", elapsedMs(), info);
                } else {
                    fputs(info, stdout);
                }
            } else if (g_esp) {
                appLine('I', "esp-tls-mbedtls", "Certificate verified.");
            }
        }
        exitCode = 2;
        goto done;
    }
    g_armed = 0;
    {
        char text[256];
        snprintf(text, sizeof(text), "handshake succeeded: %s, %s", mbedtls_ssl_get_version(&ssl),
                 mbedtls_ssl_get_ciphersuite(&ssl));
        appLine('I', "tlsclient", text);
    }
    // A TLS 1.3 server judges the client's certificate after the client's handshake is over,
    // so its verdict only shows on the first read, as it does for an HTTP client.
    if (request && (ret = exchangeRequest(&ssl)) != 0) {
        exitCode = 2;
        goto done;
    }
    mbedtls_ssl_close_notify(&ssl);
    exitCode = 0;

done:
    fflush(stdout);
    mbedtls_net_free(&net);
    mbedtls_ssl_free(&ssl);
    mbedtls_ssl_config_free(&conf);
    mbedtls_x509_crt_free(&ca);
    mbedtls_x509_crt_free(&own);
    mbedtls_pk_free(&key);
    mbedtls_ctr_drbg_free(&drbg);
    mbedtls_entropy_free(&entropy);
    return exitCode;
}
