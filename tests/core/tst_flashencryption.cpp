// SPDX-License-Identifier: GPL-3.0-or-later
// Flash encryption against answers computed independently here: XTS-AES with OpenSSL's own
// EVP_aes_*_xts on byte-reversed 128-byte units, the ESP32 scheme with a bit-by-bit key tweak
// and OpenSSL AES-256; plus vectors produced by espsecure encrypt-flash-data itself.
#include "imagewriter.h"

#include "core/image/flashencryption.h"
#include "core/image/offsetfinder.h"
#include "core/image/partitioncsv.h"

#include <QRandomGenerator>
#include <QTest>

#include <openssl/evp.h>

#include <algorithm>
#include <bitset>

using namespace Forgeline::Image;

namespace {

QByteArray randomBytes(int n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray b(n, '\0');
    for (int i = 0; i < n; ++i)
        b[i] = char(rng.generate() & 0xFF);
    return b;
}

QByteArray reversed(QByteArray b)
{
    std::reverse(b.begin(), b.end());
    return b;
}

// One EVP cipher call over a whole buffer (no padding).
QByteArray evp(const EVP_CIPHER *cipher, const QByteArray &key, const QByteArray &iv,
               const QByteArray &in, bool encrypt)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    QByteArray out(in.size() + 32, '\0');
    int len = 0;
    int total = 0;
    const bool ok
        = EVP_CipherInit_ex(ctx, cipher, nullptr, reinterpret_cast<const uchar *>(key.constData()),
                            iv.isEmpty() ? nullptr
                                         : reinterpret_cast<const uchar *>(iv.constData()),
                            encrypt ? 1 : 0)
              == 1
          && EVP_CIPHER_CTX_set_padding(ctx, 0) == 1
          && EVP_CipherUpdate(ctx, reinterpret_cast<uchar *>(out.data()), &len,
                              reinterpret_cast<const uchar *>(in.constData()), int(in.size()))
                 == 1;
    total = len;
    const bool fin
        = ok && EVP_CipherFinal_ex(ctx, reinterpret_cast<uchar *>(out.data()) + total, &len) == 1;
    EVP_CIPHER_CTX_free(ctx);
    if (!fin)
        return {};
    out.resize(total + len);
    return out;
}

// XTS-AES as the chips do it: per 128-byte unit, tweak = LE u32 address then zeros, the unit
// reversed before and after a standard XTS pass. Address and length unit-aligned.
QByteArray referenceXts(const QByteArray &key, quint32 address, const QByteArray &in, bool encrypt)
{
    const EVP_CIPHER *cipher = key.size() == 64 ? EVP_aes_256_xts() : EVP_aes_128_xts();
    QByteArray out;
    for (qsizetype at = 0; at < in.size(); at += 128) {
        QByteArray tweak(16, '\0');
        const quint32 unit = address + quint32(at);
        for (int i = 0; i < 4; ++i)
            tweak[i] = char(unit >> (8 * i));
        out += reversed(evp(cipher, key, tweak, reversed(in.mid(at, 128)), encrypt));
    }
    return out;
}

// The ESP32 key tweak written bit by bit: the block number (address >> 5) is copied into the
// key at twelve bit offsets, and (masked) at four more; FLASH_CRYPT_CONFIG bit n enables the
// tweak on the nth range of key bits, most significant first. Valid below 16 MiB, where the
// copies do not overlap.
QByteArray referenceEsp32Key(const QByteArray &key, quint32 address, int conf)
{
    std::bitset<256> tweak;
    const quint32 block = address >> 5;
    const int copies[] = {4, 23, 42, 67, 86, 105, 132, 151, 170, 199, 218, 237};
    for (int p : copies) {
        for (int j = 0; j < 19; ++j) {
            if ((block >> j) & 1 && p + j < 256)
                tweak.set(size_t(p + j));
        }
    }
    // Four more copies open each quarter of the key and fill only the bits below its first
    // full copy: 0-3, 61-66, 124-131, 189-198.
    const int masked[] = {0, 61, 124, 189};
    auto inMask = [](int bit) {
        return bit <= 3 || (bit >= 61 && bit <= 66) || (bit >= 124 && bit <= 131)
               || (bit >= 189 && bit <= 198);
    };
    for (int p : masked) {
        for (int j = 0; j < 19; ++j) {
            if ((block >> j) & 1 && inMask(p + j))
                tweak.set(size_t(p + j));
        }
    }
    // Ranges (bit index from the least significant end): config bit 0 -> 189..255,
    // bit 1 -> 124..188, bit 2 -> 61..123, bit 3 -> 0..60.
    std::bitset<256> range;
    auto setRange = [&](int lo, int hi) {
        for (int b = lo; b <= hi; ++b)
            range.set(size_t(b));
    };
    if (conf & 1)
        setRange(189, 255);
    if (conf & 2)
        setRange(124, 188);
    if (conf & 4)
        setRange(61, 123);
    if (conf & 8)
        setRange(0, 60);
    tweak &= range;
    QByteArray out = key;
    for (int b = 0; b < 256; ++b) {
        if (tweak.test(size_t(b)))
            out[31 - b / 8] = char(out.at(31 - b / 8) ^ (1 << (b % 8)));
    }
    return out;
}

QByteArray referenceEsp32(const QByteArray &key, quint32 address, const QByteArray &in, int conf,
                          bool encrypt)
{
    QByteArray out;
    for (qsizetype at = 0; at < in.size(); at += 16) {
        const QByteArray blockKey = referenceEsp32Key(key, address + quint32(at), conf);
        // The chip encrypts with the AES decrypt operation.
        out += reversed(evp(EVP_aes_256_ecb(), blockKey, {}, reversed(in.mid(at, 16)), !encrypt));
    }
    return out;
}

FlashCryptParams params(FlashCryptScheme scheme, const QByteArray &key, quint32 address,
                        int conf = 0xF)
{
    FlashCryptParams p;
    p.scheme = scheme;
    p.key = key;
    p.address = address;
    p.flashCryptConfig = conf;
    return p;
}

} // namespace

class TestFlashEncryption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void xtsMatchesOpenSslXts_data()
    {
        QTest::addColumn<int>("keyBytes");
        QTest::addColumn<quint32>("address");
        for (int k : {32, 64}) {
            for (quint32 a :
                 {0x0u, 0x80u, 0x10000u, 0x110000u, 0x3FFF80u, 0xFF0000u, 0x12345680u}) {
                QTest::addRow("%d-byte key at 0x%x", k, a) << k << a;
            }
        }
    }
    void xtsMatchesOpenSslXts()
    {
        QFETCH(int, keyBytes);
        QFETCH(quint32, address);
        const QByteArray key = randomBytes(keyBytes, address + quint32(keyBytes));
        const QByteArray plain = randomBytes(1024, address ^ 0x55);
        auto enc = flashEncrypt(params(FlashCryptScheme::XtsAes, key, address), plain);
        QVERIFY(enc.ok());
        QCOMPARE(enc->toHex(), referenceXts(key, address, plain, true).toHex());
        auto dec = flashDecrypt(params(FlashCryptScheme::XtsAes, key, address), *enc);
        QVERIFY(dec.ok());
        QCOMPARE(*dec, plain);
    }

    void xtsPartialUnitsAreSlicesOfWholeUnits()
    {
        const QByteArray key = randomBytes(32, 1);
        const QByteArray plain = randomBytes(512, 2);
        auto whole = flashEncrypt(params(FlashCryptScheme::XtsAes, key, 0x20000), plain);
        QVERIFY(whole.ok());
        for (int start : {16, 48, 128, 208}) {
            for (int len : {16, 80, 144}) {
                auto part
                    = flashEncrypt(params(FlashCryptScheme::XtsAes, key, 0x20000 + quint32(start)),
                                   plain.mid(start, len));
                QVERIFY(part.ok());
                QCOMPARE(*part, whole->mid(start, len));
            }
        }
    }

    void c2SixteenByteKeyIsSha256Extended()
    {
        const QByteArray key = randomBytes(16, 3);
        const QByteArray plain = randomBytes(256, 4);
        auto enc = flashEncrypt(params(FlashCryptScheme::XtsAes, key, 0x10000), plain);
        QVERIFY(enc.ok());
        const QByteArray extended = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
        QCOMPARE(*enc, referenceXts(extended, 0x10000, plain, true));
    }

    void esp32MatchesBitwiseReference_data()
    {
        QTest::addColumn<quint32>("address");
        QTest::addColumn<int>("conf");
        for (quint32 a : {0x0u, 0x10u, 0x1000u, 0x10000u, 0x110000u, 0x3F0020u, 0xFFFF00u}) {
            for (int conf : {0xF, 0x0, 0x1, 0x2, 0x4, 0x8, 0x5, 0xA}) {
                QTest::addRow("0x%x conf %x", a, conf) << a << conf;
            }
        }
    }
    void esp32MatchesBitwiseReference()
    {
        QFETCH(quint32, address);
        QFETCH(int, conf);
        const QByteArray key = randomBytes(32, address + quint32(conf));
        const QByteArray plain = randomBytes(256, address ^ 0xAA);
        auto enc = flashEncrypt(params(FlashCryptScheme::Esp32Aes, key, address, conf), plain);
        QVERIFY(enc.ok());
        QCOMPARE(enc->toHex(), referenceEsp32(key, address, plain, conf, true).toHex());
        auto dec = flashDecrypt(params(FlashCryptScheme::Esp32Aes, key, address, conf), *enc);
        QVERIFY(dec.ok());
        QCOMPARE(*dec, plain);
    }

    void esp32TwentyFourByteKey()
    {
        const QByteArray key = randomBytes(24, 9);
        const QByteArray plain = randomBytes(64, 10);
        auto enc = flashEncrypt(params(FlashCryptScheme::Esp32Aes, key, 0x10000), plain);
        QVERIFY(enc.ok());
        QCOMPARE(*enc, referenceEsp32(key + key.mid(8, 8), 0x10000, plain, 0xF, true));
    }

    // Produced by espsecure encrypt-flash-data (esptool master bb72741, its own
    // _flash_encryption_operation_* functions run on these inputs): key = bytes 0..31 (or
    // (3i+1) & 0xFF for i in 0..63), plaintext = (7i+5) & 0xFF for i in 0..159.
    void espsecureVectors_data()
    {
        QTest::addColumn<bool>("xts");
        QTest::addColumn<int>("keyBytes");
        QTest::addColumn<quint32>("address");
        QTest::addColumn<int>("conf");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("esp32 0x10000 conf f")
            << false << 32 << 0x10000u << 0xF
            << QByteArray("47aa47c12a2dbbfa9ce5f1b938e15ed12238fe173e22d5ce95fe0a7b5d77e8923642fe36"
                          "ef4abba61ffe58"
                          "89e8bdd15c793102f5197a2e280199508a134aa1dbb6f7ad6ef5b3aada668719f365ee31"
                          "7cd1f4e40b3fa0"
                          "220ef7a2733265613ac8724b0eb65339e58fce7b34b2bb70efb8c81d3ac989bc05878f0e"
                          "7b1c4640ffd066"
                          "1388f4a78e5d8f36a68d1f61e3ab8c0d159027dd16248c205f0dcc3e401bd1");
        QTest::newRow("esp32 0x1f0 conf f")
            << false << 32 << 0x1F0u << 0xF
            << QByteArray("f1a5872a6b41dbc56edd8981aecc5738559d39d5ea740d1f8d16fbe279c0dc6def091afe"
                          "fbfa9f67387bd7"
                          "bcd6a50b6c14be5ed43775dc2ed53210272b3ca42c1b55d3e0a9b236444e11921226838a"
                          "33f4caf248dc90"
                          "f97e44791083fb49b990a08193f00146ed705c4704657e359ce1cf000f0f0a3e0f570265"
                          "bb8438a78af294"
                          "b43b31528d7727d374f00fb1f41333138987015116783d152bb76735eac8fb");
        QTest::newRow("esp32 0x10000 conf 3")
            << false << 32 << 0x10000u << 0x3
            << QByteArray("b806dfcbeb88caace7e2b0157c0389ae5d810a937351bbe0f595dffc81d3a2beb6d0aef1"
                          "d9af0643336de0"
                          "1a28c4cb1d7234a48735daadd1ae1e41286baaac82f4ace93f9074a3f50ec76a97d38a15"
                          "c6b6cdc89ac872"
                          "edead88e37c32e603f1cbbeee9d195c792337ca1159f8553fa7f8d0a73c86a7bfd4a5d9a"
                          "fe3eaa5265cffe"
                          "e4a8277f7a020d75a9e0fc99e5350e7f016ccc97f73bcc864f8c1fb83a6c65");
        QTest::newRow("xts-128 0x10000")
            << true << 32 << 0x10000u << 0
            << QByteArray("967ccaddd465aba43c29db0907c47b0d045b5684f9d1cf9baddd16135651481aba87f63f"
                          "a797762c93ef34"
                          "95830a17a89c75869e807723fdbd1d6fb559fffb9f73b576518504b366083d057c1871fb"
                          "03f9bbb9d9b8f4"
                          "10c8d7f1b5da736a182eb5f66ebf737bec9be268e28ff945939eaf1034e8696e0c56c432"
                          "8ef434beea24f5"
                          "8b3cd83e5a962b77056d98a663bd712d0478d65af6123e776502c72de74aaf");
        QTest::newRow("xts-128 0x110040")
            << true << 32 << 0x110040u << 0
            << QByteArray("338f52b47892910086d3c48d1057487704be8b0a589e4e21b95a1357c74e2f56fc76db4c"
                          "424d8613fe18a7"
                          "715cba9055454b9aa86f52a24c89b501315cd3a3ac606e00cb1771d4d1b6012254ca6d58"
                          "cca34b4e388956"
                          "f3cf153240fa2713c4eca0f3b97f30065ecebb3fb8530e4fad7dbd402245c73f33d761b3"
                          "ebb47d2f0a65dd"
                          "a6653eb6f49a2d4c771f54b37cf0ca09789c94c6294fd43df33e4c08950b6b");
        QTest::newRow("xts-256 0x110040")
            << true << 64 << 0x110040u << 0
            << QByteArray("e9b24d7f49bbc3677bae16e6b4560514748f635c9b80e0f4a9fb9b3cbcc1da2a4d3341d7"
                          "96ee561981abfe"
                          "902d4b4f4b9a7940695211616178f1fa6b7acd82a9dc83f344941601a882712a4995b07b"
                          "0cd8c6d9a8387f"
                          "9def731d8a892ad3e2e9e7eb0d1de53d323e940e4f10dc88c999ef1649f7ca826653d5e6"
                          "5fdcc339ac02ce"
                          "23e6cf8da7d27497bcb44abb3fcba2149520d7d3d9970668dc57168839fd4a");
    }
    void espsecureVectors()
    {
        QFETCH(bool, xts);
        QFETCH(int, keyBytes);
        QFETCH(quint32, address);
        QFETCH(int, conf);
        QFETCH(QByteArray, expected);
        QByteArray key(keyBytes, '\0');
        for (int i = 0; i < keyBytes; ++i)
            key[i] = char(keyBytes == 32 ? i : (3 * i + 1) & 0xFF);
        QByteArray plain(160, '\0');
        for (int i = 0; i < 160; ++i)
            plain[i] = char((7 * i + 5) & 0xFF);
        const auto scheme = xts ? FlashCryptScheme::XtsAes : FlashCryptScheme::Esp32Aes;
        auto enc = flashEncrypt(params(scheme, key, address, conf), plain);
        QVERIFY(enc.ok());
        QCOMPARE(enc->toHex(), expected);
    }

    void badInputsAreClearErrors()
    {
        const QByteArray plain(64, 'x');
        auto r = flashEncrypt(params(FlashCryptScheme::Esp32Aes, QByteArray(16, 'k'), 0), plain);
        QCOMPARE(r.error().code, QStringLiteral("flashcrypt.key"));
        r = flashEncrypt(params(FlashCryptScheme::XtsAes, QByteArray(48, 'k'), 0), plain);
        QCOMPARE(r.error().code, QStringLiteral("flashcrypt.key"));
        r = flashEncrypt(params(FlashCryptScheme::XtsAes, QByteArray(32, 'k'), 8), plain);
        QCOMPARE(r.error().code, QStringLiteral("flashcrypt.address"));
        r = flashEncrypt(params(FlashCryptScheme::XtsAes, QByteArray(32, 'k'), 0), plain.left(20));
        QCOMPARE(r.error().code, QStringLiteral("flashcrypt.length"));
        r = flashEncrypt(params(FlashCryptScheme::XtsAes, QByteArray(32, 'k'), 0xFFFFFFF0u), plain);
        QCOMPARE(r.error().code, QStringLiteral("flashcrypt.address"));
    }

    void offsetFinderNamesTheAddress_data()
    {
        QTest::addColumn<int>("scheme");
        QTest::addColumn<int>("keyBytes");
        QTest::newRow("esp32") << int(FlashCryptScheme::Esp32Aes) << 32;
        QTest::newRow("xts-128") << int(FlashCryptScheme::XtsAes) << 32;
        QTest::newRow("xts-256") << int(FlashCryptScheme::XtsAes) << 64;
    }
    void offsetFinderNamesTheAddress()
    {
        QFETCH(int, scheme);
        QFETCH(int, keyBytes);
        TestImages::ImageSpec spec = TestImages::c3App();
        if (FlashCryptScheme(scheme) == FlashCryptScheme::Esp32Aes) {
            spec.chipId = 0;
            spec.segments
                = {{0x3F400020, TestImages::appDescBytes({}) + TestImages::pattern(200, 1)},
                   {0x400D0020, TestImages::pattern(900, 2)}};
        }
        const QByteArray plain = TestImages::buildImage(spec);
        const QByteArray key = randomBytes(keyBytes, 77);
        auto p = params(FlashCryptScheme(scheme), key, 0x10000);
        auto enc = flashEncrypt(p, plain);
        QVERIFY(enc.ok());

        // Offered at 0x110000 it does not decrypt to an image: the offset finder says 0x10000.
        p.address = 0x110000;
        auto wrong = flashDecrypt(p, *enc);
        QVERIFY(wrong.ok());
        QVERIFY(*wrong != plain);

        const OffsetSearch every = findEncryptionOffset(p, *enc, std::nullopt);
        QVERIFY(every.tried.size() >= 256);
        QVERIFY(!every.matches.isEmpty());
        QCOMPARE(every.matches.first().address, 0x10000u);
        QVERIFY(every.matches.first().imageValid);
        for (const OffsetCandidate &c : every.matches) {
            if (c.address != 0x10000u)
                QVERIFY(!c.imageValid);
        }

        auto table = parsePartitionCsv(
            QStringLiteral("nvs,data,nvs,0x9000,0x4000\notadata,data,ota,0xd000,0x2000\n"
                           "phy_init,data,phy,0xf000,0x1000\nota_0,app,ota_0,0x10000,1M\n"
                           "ota_1,app,ota_1,0x110000,1M\n"));
        QVERIFY(table.ok());
        const OffsetSearch inTable = findEncryptionOffset(p, *enc, *table);
        QCOMPARE(inTable.matches.size(), 1);
        QCOMPARE(inTable.matches.first().address, 0x10000u);
        QCOMPARE(inTable.matches.first().label, QStringLiteral("ota_0"));

        // With another key nothing matches.
        p.key = randomBytes(keyBytes, 78);
        QVERIFY(findEncryptionOffset(p, *enc, *table).matches.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFlashEncryption)
#include "tst_flashencryption.moc"
