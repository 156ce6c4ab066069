// SPDX-License-Identifier: GPL-3.0-or-later
// esp_secure_cert TLV partitions: the writer against records built by hand here from
// esp_secure_cert_tlv_private.h, parsing, damage, the legacy cust_flash layout and redaction.
#include "core/image/secretsummary.h"
#include "core/image/securecert.h"

#include <QCryptographicHash>
#include <QTest>

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace Forgeline::Image;
using namespace Forgeline::Image::SecureCert;

namespace {

quint32 refCrc(const QByteArray &data) // crc32_le(0xFFFFFFFF, ...), bitwise, not zlib
{
    quint32 crc = 0;
    for (const char c : data) {
        crc ^= uchar(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray le32(quint32 v)
{
    QByteArray b(4, '\0');
    for (int i = 0; i < 4; ++i)
        b[i] = char(v >> (8 * i));
    return b;
}

QByteArray handRecord(quint8 type, const QByteArray &data)
{
    QByteArray r = QByteArray::fromHex("11BA5EBA") + QByteArray(4, '\0');
    r.append(char(type))
        .append('\0')
        .append(char(data.size() & 0xFF))
        .append(char(data.size() >> 8));
    r += data;
    while ((r.size() - 12) % 16 != 0) // data padded with zeros to a multiple of 16
        r.append('\0');
    return r + le32(refCrc(r));
}

struct Pair
{
    QByteArray certPem;
    QByteArray keyPem; // traditional "EC PRIVATE KEY"
};

Pair makePair(const char *cn)
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 7);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 86400);
    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(cn), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_set_pubkey(cert, key);
    X509_sign(cert, key, EVP_sha256());
    Pair p;
    BIO *b = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(b, cert);
    char *data = nullptr;
    long len = BIO_get_mem_data(b, &data);
    p.certPem = QByteArray(data, int(len));
    BIO_free(b);
    b = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey_traditional(b, key, nullptr, nullptr, 0, nullptr, nullptr);
    len = BIO_get_mem_data(b, &data);
    p.keyPem = QByteArray(data, int(len));
    BIO_free(b);
    X509_free(cert);
    EVP_PKEY_free(key);
    return p;
}

} // namespace

class TestSecureCert : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesHandBuiltRecords()
    {
        const Pair dev = makePair("dev-0001");
        const Pair ca = makePair("Factory CA");
        GenerateInput in;
        in.deviceCert = dev.certPem;
        in.privateKey = dev.keyPem;
        in.caCert = ca.certPem;
        auto image = generate(in);
        QVERIFY(image.ok());
        QByteArray expected = handRecord(0, ca.certPem + '\0') + handRecord(1, dev.certPem + '\0')
                              + handRecord(2, dev.keyPem + '\0');
        expected += handRecord(9, QCryptographicHash::hash(expected, QCryptographicHash::Sha256));
        QCOMPARE(image->toHex(), expected.toHex());
        // Header facts: magic bytes on flash, type, subtype, length, and 16-byte data padding.
        QCOMPARE(image->left(4).toHex(), QByteArray("11ba5eba"));
        QCOMPARE(quint8(image->at(8)), quint8(0));
        QCOMPARE((image->size()) % 16, 0);
    }

    void paddedToSizeAndTooLarge()
    {
        const Pair dev = makePair("dev-0002");
        GenerateInput in;
        in.deviceCert = dev.certPem;
        in.privateKey = dev.keyPem;
        in.size = 0x2000;
        auto image = generate(in);
        QVERIFY(image.ok());
        QCOMPARE(image->size(), 0x2000);
        QCOMPARE(image->right(16), QByteArray(16, '\xFF'));
        in.size = 0x200;
        auto small = generate(in);
        QVERIFY(!small.ok());
        QCOMPARE(small.error().code, QStringLiteral("securecert.size"));
        in.size = 0;
        in.privateKey = "not a key";
        QCOMPARE(generate(in).error().code, QStringLiteral("securecert.key"));
    }

    void parsesAndFindsThePair()
    {
        const Pair dev = makePair("dev-0003");
        GenerateInput in;
        in.deviceCert = dev.certPem;
        in.privateKey = dev.keyPem;
        in.size = 0x2000;
        const QByteArray image = *generate(in);
        const Partition p = parse(image);
        QCOMPARE(p.layout, QStringLiteral("tlv"));
        QVERIFY2(p.problems.isEmpty(), qPrintable(p.problems.join(QLatin1Char('\n'))));
        QCOMPARE(p.records.size(), 3);
        const Record *cert = p.find(DevCert);
        QVERIFY(cert);
        QCOMPARE(certificateFingerprint(cert->data), certificateFingerprint(dev.certPem));
        const Record *key = p.find(PrivKey);
        QVERIFY(key);
        const QString s = summary(*key, false);
        QVERIFY2(s.startsWith(QStringLiteral("[private key: EC P-256, ")), qPrintable(s));
        QVERIFY(!s.contains(QStringLiteral("BEGIN")));
        QVERIFY(summary(*key, true).contains(QStringLiteral("BEGIN EC PRIVATE KEY")));
        QVERIFY(summary(*cert, false).contains(QStringLiteral("CN=dev-0003")));
    }

    void damage()
    {
        const Pair dev = makePair("dev-0004");
        GenerateInput in;
        in.deviceCert = dev.certPem;
        in.privateKey = dev.keyPem;
        in.size = 0x2000;
        const QByteArray image = *generate(in);
        QByteArray bad = image;
        bad[40] = char(bad[40] ^ 1); // inside the device certificate
        Partition p = parse(bad);
        QVERIFY(!p.records.at(0).crcOk);
        QVERIFY(!p.find(DevCert));
        QVERIFY(p.problems.join(QLatin1Char(' ')).contains(QStringLiteral("fails its CRC")));
        // The integrity record no longer matches either (it covers the bytes before it).
        QVERIFY(p.problems.join(QLatin1Char(' ')).contains(QStringLiteral("integrity")));
        // A length running off the end.
        bad = image.left(200);
        p = parse(bad);
        QVERIFY(p.problems.join(QLatin1Char(' ')).contains(QStringLiteral("past the end")));
        // Erased and foreign contents.
        QVERIFY(parse(QByteArray(0x2000, '\xFF'))
                    .problems.join(QLatin1Char(' '))
                    .contains(QStringLiteral("erased")));
        QCOMPARE(parse(QByteArray(64, 'x')).layout, QStringLiteral("empty"));
    }

    // configure_esp_secure_cert.py --secure_cert_type cust_flash: metadata of (CRC, length)
    // pairs and the magic word 0x12345678, certificate at 64, CA at 2112, key at 6208.
    void legacyCustFlash()
    {
        const Pair dev = makePair("legacy");
        const QByteArray cert = dev.certPem + '\0';
        const QByteArray key = dev.keyPem + '\0';
        QByteArray image(0x6000, '\xFF');
        QByteArray meta = le32(refCrc(cert)) + QByteArray(1, char(cert.size() & 0xFF))
                          + QByteArray(1, char(cert.size() >> 8)) + QByteArray(2, '\0');
        meta += le32(0) + QByteArray(4, '\0');
        meta += le32(refCrc(key)) + QByteArray(1, char(key.size() & 0xFF))
                + QByteArray(1, char(key.size() >> 8)) + QByteArray(2, '\0');
        meta += le32(0x12345678);
        meta.append(QByteArray(64 - meta.size(), '\0'));
        image.replace(0, 64, meta);
        image.replace(64, cert.size(), cert);
        image.replace(6208, key.size(), key);
        const Partition p = parse(image);
        QCOMPARE(p.layout, QStringLiteral("cust_flash"));
        QVERIFY2(p.problems.isEmpty(), qPrintable(p.problems.join(QLatin1Char('\n'))));
        QVERIFY(p.find(DevCert));
        QVERIFY(p.find(PrivKey));
        QVERIFY(!p.find(CaCert));
    }

    void typeNames()
    {
        QCOMPARE(typeName(0), QStringLiteral("ca_cert"));
        QCOMPARE(typeName(4), QStringLiteral("ds_context"));
        QCOMPARE(typeName(9), QStringLiteral("integrity"));
        QCOMPARE(typeName(53), QStringLiteral("user_data_3"));
    }
};

QTEST_GUILESS_MAIN(TestSecureCert)
#include "tst_securecert.moc"
