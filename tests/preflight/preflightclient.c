// SPDX-License-Identifier: GPL-3.0-or-later
// A TLS client on Debian's real mbedTLS 2.28: loads a certificate (chain) and key exactly as
// esp-tls does (x509_crt_parse + pk_parse_key + conf_own_cert) and tries a handshake, so the
// preflight's predictions can be compared with what the library really returns.
// Usage: preflightclient PORT CERT KEY [PASSWORD]; prints "RESULT <stage> <code>".
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/pk.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

#include <stdio.h>
#include <string.h>

static int report(const char *stage, int ret)
{
    if (ret < 0)
        printf("RESULT %s -0x%04X\n", stage, (unsigned)-ret);
    else
        printf("RESULT %s %d\n", stage, ret);
    fflush(stdout);
    return ret == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s PORT CERT KEY [PASSWORD]\n", argv[0]);
        return 2;
    }
    mbedtls_x509_crt crt;
    mbedtls_pk_context pk;
    mbedtls_entropy_context entropy;
    mbedtls_ctr_drbg_context drbg;
    mbedtls_ssl_config conf;
    mbedtls_ssl_context ssl;
    mbedtls_net_context net;
    mbedtls_x509_crt_init(&crt);
    mbedtls_pk_init(&pk);
    mbedtls_entropy_init(&entropy);
    mbedtls_ctr_drbg_init(&drbg);
    mbedtls_ssl_config_init(&conf);
    mbedtls_ssl_init(&ssl);
    mbedtls_net_init(&net);

    int ret = mbedtls_x509_crt_parse_file(&crt, argv[2]);
    int rc = 1;
    if (ret != 0) {
        rc = report("parse-cert", ret);
        goto done;
    }
    ret = mbedtls_pk_parse_keyfile(&pk, argv[3], argc > 4 ? argv[4] : NULL);
    if (ret != 0) {
        rc = report("parse-key", ret);
        goto done;
    }
    ret = mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy,
                                (const unsigned char *)"preflight", 9);
    if (ret == 0)
        ret = mbedtls_net_connect(&net, "127.0.0.1", argv[1], MBEDTLS_NET_PROTO_TCP);
    if (ret != 0) {
        rc = report("setup", ret);
        goto done;
    }
    mbedtls_ssl_config_defaults(&conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM,
                                MBEDTLS_SSL_PRESET_DEFAULT);
    mbedtls_ssl_conf_authmode(
        &conf, MBEDTLS_SSL_VERIFY_NONE); /* the server's certificate is not under test */
    mbedtls_ssl_conf_rng(&conf, mbedtls_ctr_drbg_random, &drbg);
    ret = mbedtls_ssl_conf_own_cert(&conf, &crt, &pk);
    if (ret == 0)
        ret = mbedtls_ssl_setup(&ssl, &conf);
    if (ret != 0) {
        rc = report("setup", ret);
        goto done;
    }
    mbedtls_ssl_set_bio(&ssl, &net, mbedtls_net_send, mbedtls_net_recv, NULL);
    while ((ret = mbedtls_ssl_handshake(&ssl)) != 0)
        if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE)
            break;
    rc = report("handshake", ret);
    if (ret == 0)
        mbedtls_ssl_close_notify(&ssl);

done:
    mbedtls_net_free(&net);
    mbedtls_ssl_free(&ssl);
    mbedtls_ssl_config_free(&conf);
    mbedtls_ctr_drbg_free(&drbg);
    mbedtls_entropy_free(&entropy);
    mbedtls_pk_free(&pk);
    mbedtls_x509_crt_free(&crt);
    return rc;
}
