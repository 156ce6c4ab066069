// SPDX-License-Identifier: GPL-3.0-or-later
// Secure boot v2 signature blocks the test signs itself with OpenSSL, laid out as espsecure
// sign_secure_boot_v2 writes them: RSA-3072 PSS (signature byte-reversed) and ECDSA P-256
// (r, s little-endian). The inspector verifies them with the right key and not with another.
#include "imagewriter.h"

#include "core/image/imageinspector.h"

#include <QTest>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <algorithm>

#include <zlib.h>

using namespace Forgeline::Image;

namespace {

QByteArray reversed(QByteArray b)
{
    std::reverse(b.begin(), b.end());
    return b;
}

QByteArray publicPem(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, key);
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    QByteArray out(data, qsizetype(n));
    BIO_free(bio);
    return out;
}

QByteArray sign(EVP_PKEY *key, const QByteArray &digest, bool rsa)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key, nullptr);
    EVP_PKEY_sign_init(ctx);
    EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256());
    if (rsa) {
        EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING);
        EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256());
        EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, 32);
    }
    size_t len = 0;
    EVP_PKEY_sign(ctx, nullptr, &len, reinterpret_cast<const uchar *>(digest.constData()), 32);
    QByteArray sig(qsizetype(len), '\0');
    EVP_PKEY_sign(ctx, reinterpret_cast<uchar *>(sig.data()), &len,
                  reinterpret_cast<const uchar *>(digest.constData()), 32);
    sig.resize(qsizetype(len));
    EVP_PKEY_CTX_free(ctx);
    return sig;
}

// The app padded to 4 KiB, then a 4 KiB sector with one signature block and 0xFF.
QByteArray signedImage(EVP_PKEY *key, bool rsa)
{
    QByteArray image = TestImages::buildImage(TestImages::c3App());
    image.append(QByteArray((4096 - image.size() % 4096) % 4096, '\xFF'));
    const QByteArray digest = QCryptographicHash::hash(image, QCryptographicHash::Sha256);
    QByteArray block(1216, '\0');
    block[0] = char(0xE7);
    block[1] = char(rsa ? 2 : 3);
    block.replace(4, 32, digest);
    const QByteArray sig = sign(key, digest, rsa);
    if (rsa) {
        block.replace(36 + 384 + 4 + 384 + 4, 384, QByteArray(reversed(sig)));
    } else {
        const auto *p = reinterpret_cast<const uchar *>(sig.constData());
        ECDSA_SIG *es = d2i_ECDSA_SIG(nullptr, &p, long(sig.size()));
        QByteArray r(32, '\0');
        QByteArray s(32, '\0');
        BN_bn2binpad(ECDSA_SIG_get0_r(es), reinterpret_cast<uchar *>(r.data()), 32);
        BN_bn2binpad(ECDSA_SIG_get0_s(es), reinterpret_cast<uchar *>(s.data()), 32);
        ECDSA_SIG_free(es);
        block[36] = char(2); // P-256
        block.replace(36 + 1 + 64, 64, QByteArray(reversed(r) + reversed(s)));
    }
    const uLong crc = crc32(0, reinterpret_cast<const Bytef *>(block.constData()), 1196);
    TestImages::putU32(block, 1196, quint32(crc));
    QByteArray sector = block + QByteArray(4096 - 1216, '\xFF');
    return image + sector;
}

} // namespace

class TestSignatureVerify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verifies_data()
    {
        QTest::addColumn<bool>("rsa");
        QTest::newRow("rsa-3072") << true;
        QTest::newRow("ecdsa-p256") << false;
    }
    void verifies()
    {
        QFETCH(bool, rsa);
        EVP_PKEY *key = rsa ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(3072))
                            : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
        EVP_PKEY *other = rsa ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(3072))
                              : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
        const QByteArray image = signedImage(key, rsa);

        InspectOptions options;
        options.verifyKeyPem = publicPem(key);
        ImageInspection r = inspectImage(image, options);
        QVERIFY2(r.ok(), qPrintable(r.failures.join(QLatin1Char('|'))));
        QCOMPARE(r.image->signatures.size(), 1);
        QCOMPARE(r.image->signatures.first().verified, std::optional<bool>(true));

        options.verifyKeyPem = publicPem(other);
        r = inspectImage(image, options);
        QCOMPARE(r.image->signatures.first().verified, std::optional<bool>(false));
        QVERIFY(
            r.failures.join(QLatin1Char(' ')).contains(QStringLiteral("signed by the given key")));

        // A changed byte in the app: the block's digest no longer matches and nothing verifies.
        QByteArray changed = image;
        changed[200] = char(changed.at(200) ^ 1);
        options.verifyKeyPem = publicPem(key);
        r = inspectImage(changed, options);
        QVERIFY(!r.ok());

        // An unsigned image with a key asked for: "not signed".
        r = inspectImage(TestImages::buildImage(TestImages::c3App()), options);
        QVERIFY(r.failures.join(QLatin1Char(' ')).contains(QStringLiteral("not signed")));
        options.verifyKeyPem = "garbage";
        QVERIFY(!inspectImage(image, options).ok());
        EVP_PKEY_free(key);
        EVP_PKEY_free(other);
    }
};

QTEST_GUILESS_MAIN(TestSignatureVerify)
#include "tst_signatureverify.moc"
