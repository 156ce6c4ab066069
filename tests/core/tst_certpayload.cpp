// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/certpayload.h"

#include <QTest>

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace Forgeline::Image;

namespace {

struct Pair
{
    QByteArray certPem, certDer, keyPem, keyDer, keySec1Der;
};

// A real self-signed certificate and key from OpenSSL.
Pair makePair()
{
    Pair p;
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *x = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_gmtime_adj(X509_getm_notBefore(x), 0);
    X509_gmtime_adj(X509_getm_notAfter(x), 3600);
    X509_set_pubkey(x, key);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(x), "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("dev"), -1, -1, 0);
    X509_set_issuer_name(x, X509_get_subject_name(x));
    X509_sign(x, key, EVP_sha256());
    auto bio = [](auto fn) {
        BIO *b = BIO_new(BIO_s_mem());
        fn(b);
        char *data = nullptr;
        const long n = BIO_get_mem_data(b, &data);
        QByteArray out(data, n);
        BIO_free(b);
        return out;
    };
    p.certPem = bio([x](BIO *b) { PEM_write_bio_X509(b, x); });
    p.certDer = bio([x](BIO *b) { i2d_X509_bio(b, x); });
    p.keyPem = bio(
        [key](BIO *b) { PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr); });
    p.keyDer = bio(
        [key](BIO *b) { i2d_PKCS8PrivateKey_bio(b, key, nullptr, nullptr, 0, nullptr, nullptr); });
    p.keySec1Der = bio([key](BIO *b) { i2d_PrivateKey_bio(b, key); });
    X509_free(x);
    EVP_PKEY_free(key);
    return p;
}

} // namespace

class TestCertPayload : public QObject
{
    Q_OBJECT
    Pair m;
private Q_SLOTS:
    void initTestCase() { m = makePair(); }

    void pemNulAddsExactlyOneNul()
    {
        auto r = encodeCertPayload(m.certPem, PayloadFormat::PemNul);
        QVERIFY(r.ok());
        QCOMPARE(r->bytes, m.certPem + QByteArray(1, '\0'));
        auto again = encodeCertPayload(r->bytes, PayloadFormat::PemNul); // already NUL-terminated
        QCOMPARE(again->bytes, r->bytes);
        QVERIFY(!r->isPrivateKey);
    }

    void derToPemAndBack()
    {
        auto pem = encodeCertPayload(m.certDer, PayloadFormat::Pem);
        QVERIFY(pem.ok());
        QCOMPARE(pem->bytes, m.certPem); // OpenSSL writes the same 64-column armour
        auto der = encodeCertPayload(m.certPem, PayloadFormat::Der);
        QCOMPARE(der->bytes, m.certDer);
        QCOMPARE(der->inputKind, QStringLiteral("PEM certificate"));
    }

    void keys()
    {
        auto k = encodeCertPayload(m.keyDer, PayloadFormat::PemNul);
        QVERIFY(k.ok());
        QVERIFY(k->isPrivateKey);
        QVERIFY(k->bytes.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        QCOMPARE(k->bytes.back(), '\0');
        auto d = encodeCertPayload(m.keyPem, PayloadFormat::Der);
        QCOMPARE(d->bytes, m.keyDer);
        // A traditional (SEC1) EC key keeps its own armour label.
        auto sec1 = encodeCertPayload(m.keySec1Der, PayloadFormat::Pem);
        QVERIFY(sec1.ok());
        QVERIFY(sec1->bytes.startsWith("-----BEGIN EC PRIVATE KEY-----\n"));
    }

    void rawAndRejects()
    {
        const QByteArray junk("\x01\x02\x03 not a cert");
        QCOMPARE(encodeCertPayload(junk, PayloadFormat::Raw)->bytes, junk);
        auto bad = encodeCertPayload(junk, PayloadFormat::PemNul);
        QVERIFY(!bad.ok());
        QVERIFY(!bad.error().fix.isEmpty());
        QVERIFY(!encodeCertPayload({}, PayloadFormat::Pem).ok());
    }

    void sizeCheck()
    {
        QVERIFY(checkPayloadFits(8192, 8192, QStringLiteral("cert")).ok());
        auto over = checkPayloadFits(8193, 8192, QStringLiteral("cert"));
        QVERIFY(!over.ok());
        QVERIFY(over.error().message.contains(QLatin1String("8193")));
        QVERIFY(payloadFormatFromName(QStringLiteral("PEM-NUL")).ok());
        QVERIFY(!payloadFormatFromName(QStringLiteral("base64")).ok());
    }
};

QTEST_GUILESS_MAIN(TestCertPayload)
#include "tst_certpayload.moc"
