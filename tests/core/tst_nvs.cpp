// SPDX-License-Identifier: GPL-3.0-or-later
// NVS partition images: the writer against a second, minimal writer written here from the
// ESP-IDF layout (nvs_types.hpp, nvs_page.hpp), round trips through the reader, encryption,
// damaged images and CSV errors.
#include "core/image/nvscsv.h"
#include "core/image/nvsdumpformat.h"
#include "core/image/nvsreader.h"
#include "core/image/nvswriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Forgeline::Image;
using namespace Forgeline::Image::Nvs;

namespace {

// Bitwise reflected CRC-32 with the ROM's convention: crc32_le(0xFFFFFFFF, ...) is the inverted
// register run from 0. Deliberately not zlib, so the writer's CRC is checked independently.
quint32 refCrc(const QByteArray &data)
{
    quint32 crc = 0;
    for (const char c : data) {
        crc ^= uchar(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void put32(QByteArray &b, int at, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        b[at + i] = char(v >> (8 * i));
}

// The minimal writer: entries laid down one after another on page 0 of a 3-page partition.
struct MiniPage
{
    QByteArray page = QByteArray(4096, '\xFF');
    int next = 0;

    explicit MiniPage(quint8 version)
    {
        put32(page, 0, 0xFFFFFFFE); // active
        put32(page, 4, 0);          // seq
        page[8] = char(version);
        put32(page, 28, refCrc(page.mid(4, 24)));
    }
    static QByteArray entry(quint8 ns, quint8 type, quint8 span, quint8 chunk, const char *key)
    {
        QByteArray e(32, '\xFF');
        e[0] = char(ns);
        e[1] = char(type);
        e[2] = char(span);
        e[3] = char(chunk);
        QByteArray k(16, '\0');
        k.replace(0, int(qstrlen(key)), key);
        e.replace(8, 16, k);
        return e;
    }
    void add(QByteArray e, const QByteArray &data = {})
    {
        put32(e, 4, refCrc(e.left(4) + e.mid(8)));
        QByteArray all = e + data;
        all.append(QByteArray((32 - all.size() % 32) % 32, '\xFF'));
        for (int i = 0; i < all.size() / 32; ++i) {
            page.replace(64 + next * 32, 32, all.mid(i * 32, 32));
            const int bit = next * 2;
            page[32 + bit / 8] = char(uchar(page.at(32 + bit / 8)) & ~(1 << (bit % 8)));
            ++next;
        }
    }
    void varlen(quint8 ns, quint8 type, quint8 chunk, const char *key, const QByteArray &data)
    {
        QByteArray e = entry(ns, type, quint8(1 + (data.size() + 31) / 32), chunk, key);
        e[24] = char(data.size() & 0xFF);
        e[25] = char(data.size() >> 8);
        put32(e, 28, refCrc(data));
        add(e, data);
    }
    QByteArray image() const { return page + QByteArray(2 * 4096, '\xFF'); }
};

QByteArray miniReference(quint8 version)
{
    MiniPage p(version);
    QByteArray ns = MiniPage::entry(0, 0x01, 1, 0xFF, "storage");
    ns[24] = 1;
    p.add(ns);
    QByteArray a = MiniPage::entry(1, 0x01, 1, 0xFF, "a");
    a[24] = 5;
    p.add(a);
    QByteArray b = MiniPage::entry(1, 0x14, 1, 0xFF, "b");
    put32(b, 24, quint32(-2));
    p.add(b);
    p.varlen(1, 0x21, 0xFF, "s", QByteArray("hi", 3));
    const QByteArray blob
        = QByteArray::fromHex("00112233445566778899aabbccddeeff0102030405060708090a0b0c0d0e0f1011");
    if (version == 0xFE) {
        p.varlen(1, 0x42, 0, "bl", blob);
        QByteArray idx = MiniPage::entry(1, 0x48, 1, 0xFF, "bl");
        put32(idx, 24, quint32(blob.size()));
        idx[28] = 1;
        idx[29] = 0;
        p.add(idx);
    } else {
        p.varlen(1, 0x41, 0xFF, "bl", blob);
    }
    return p.image();
}

const char *miniCsv
    = "key,type,encoding,value\n"
      "storage,namespace,,\n"
      "a,data,u8,5\n"
      "b,data,i32,-2\n"
      "s,data,string,hi\n"
      "bl,data,hex2bin,00112233445566778899aabbccddeeff0102030405060708090a0b0c0d0e0f1011\n";

QList<Item> items(const QString &csv, const QString &base = {})
{
    ResolveOptions o;
    o.baseDirectory = base;
    auto r = readCsv(csv, o);
    if (!r)
        qWarning() << r.error().message;
    return r ? *r : QList<Item>{};
}

QByteArray write(const QString &csv, quint32 size, quint8 version = Version2,
                 std::optional<Keys> keys = std::nullopt)
{
    WriteOptions o;
    o.size = size;
    o.version = version;
    o.encryption = keys;
    auto r = writeImage(items(csv), o);
    if (!r)
        qWarning() << r.error().message;
    return r ? r->bytes : QByteArray();
}

Keys patternKeys()
{
    QByteArray k;
    for (int i = 0; i < 64; ++i)
        k.append(char(i));
    return *Keys::fromPartitionImage(k);
}

QString bigBlobCsv(int bytes)
{
    QByteArray data;
    for (int i = 0; i < bytes; ++i)
        data.append(char((i * 7 + 3) & 0xFF));
    return QStringLiteral(
               "key,type,encoding,value\nns,namespace,,\nbig,data,hex2bin,%1\nafter,data,u16,513\n")
        .arg(QString::fromLatin1(data.toHex()));
}

Entry entryFor(const Dump &d, const QString &key)
{
    for (const Entry &e : d.entries) {
        if (e.key == key)
            return e;
    }
    return {};
}

} // namespace

class TestNvs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesMinimalWriter_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("format 2") << int(Version2);
        QTest::newRow("format 1") << int(Version1);
    }
    void matchesMinimalWriter()
    {
        QFETCH(int, version);
        const QByteArray ours = write(QString::fromLatin1(miniCsv), 0x3000, quint8(version));
        const QByteArray reference = miniReference(quint8(version));
        QCOMPARE(ours.size(), reference.size());
        QCOMPARE(ours.toHex(), reference.toHex());
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("v2") << int(Version2) << false;
        QTest::newRow("v1") << int(Version1) << false;
        QTest::newRow("v2 encrypted") << int(Version2) << true;
        QTest::newRow("v1 encrypted") << int(Version1) << true;
    }
    void roundTrip()
    {
        QFETCH(int, version);
        QFETCH(bool, encrypted);
        const QString csv
            = QStringLiteral("key,type,encoding,value\n"
                             "wifi,namespace,,\n"
                             "u8,data,u8,255\ni8,data,i8,-128\nu16,data,u16,65535\n"
                             "i16,data,i16,-32768\nu32,data,u32,4294967295\n"
                             "i32,data,i32,-2147483648\nu64,data,u64,18446744073709551615\n"
                             "i64,data,i64,-9223372036854775808\n"
                             "certs,namespace,,\n"
                             "name,data,string,dev-0001\n"
                             "b64,data,base64,3q2+7w==\n"
                             "bin,data,binary,raw text\n"
                             "fill,data,blob_fill(8;0xaa),ab\n");
        std::optional<Keys> keys;
        if (encrypted)
            keys = patternKeys();
        const QByteArray image = write(csv, 0x4000, quint8(version), keys);
        QCOMPARE(image.size(), 0x4000);
        const Dump d = readImage(image, keys);
        QVERIFY2(d.problems.isEmpty(), qPrintable(d.problems.join(QLatin1Char('\n'))));
        QCOMPARE(d.namespaces.size(), 2);
        QCOMPARE(entryFor(d, QStringLiteral("u8")).unsignedNumber(), 255u);
        QCOMPARE(entryFor(d, QStringLiteral("i8")).signedNumber(), -128);
        QCOMPARE(entryFor(d, QStringLiteral("i16")).signedNumber(), -32768);
        QCOMPARE(entryFor(d, QStringLiteral("u64")).unsignedNumber(), ~quint64(0));
        QCOMPARE(entryFor(d, QStringLiteral("i64")).signedNumber(),
                 std::numeric_limits<qint64>::min());
        QCOMPARE(entryFor(d, QStringLiteral("i32")).namespaceName, QStringLiteral("wifi"));
        const Entry name = entryFor(d, QStringLiteral("name"));
        QCOMPARE(name.namespaceName, QStringLiteral("certs"));
        QCOMPARE(name.value, QByteArray("dev-0001"));
        QCOMPARE(name.length, 9); // stored with its NUL
        QCOMPARE(entryFor(d, QStringLiteral("b64")).value, QByteArray::fromHex("deadbeef"));
        QCOMPARE(entryFor(d, QStringLiteral("bin")).value, QByteArray("raw text"));
        QCOMPARE(entryFor(d, QStringLiteral("fill")).value,
                 QByteArray::fromHex("6162aaaaaaaaaaaa"));
        QCOMPARE(entryFor(d, QStringLiteral("fill")).typeName(), QStringLiteral("blob"));
        QCOMPARE(d.pages.at(0).stateName, QStringLiteral("active"));
        QCOMPARE(d.pages.at(1).stateName, QStringLiteral("empty"));
    }

    // One entry of an image made by Espressif's generator (nvs_partition_gen.py encrypt) for
    // this CSV and keys 00 01 .. 3f: the namespace entry at partition offset 0x40.
    void encryptionKnownAnswer()
    {
        const QString csv = QStringLiteral("key,type,encoding,value\nns,namespace,,\nk,data,u8,1\n"
                                           "s,data,string,hello\n");
        const QByteArray image = write(csv, 0x3000, Version2, patternKeys());
        QCOMPARE(image.mid(64, 32).toHex(),
                 QByteArray("866e60b9bffe5de7adbc19dc1a0074f252f886eabd5d12a2f4f453aa926c86e4"));
        QCOMPARE(image.mid(64 + 3 * 32, 32).toHex(),
                 QByteArray("ded2caec55c0c36ee8d261debf7eb86ed5024a5dd2cf7a8eb421d1e687416ff7"));
        // Header and bitmap stay in clear.
        QCOMPARE(image.left(32).toHex(),
                 QByteArray("feffffff00000000feffffffffffffffffffffffffffffffffffffff842dbab9"));
        QCOMPARE(image.mid(32, 1).toHex(), QByteArray("aa"));
    }

    void encryptedWithoutKeysIsFlagged()
    {
        const QByteArray image
            = write(QString::fromLatin1(miniCsv), 0x3000, Version2, patternKeys());
        const Dump d = readImage(image);
        QVERIFY(d.looksEncrypted);
        QVERIFY(d.problems.join(QLatin1Char(' ')).contains(QStringLiteral("--keys")));
        auto other = Keys::generate();
        QVERIFY(other.ok());
        const Dump wrong = readImage(image, *other);
        QVERIFY(wrong.problems.join(QLatin1Char(' ')).contains(QStringLiteral("not the keys")));
    }

    void keysPartitionImage()
    {
        auto k = Keys::generate();
        QVERIFY(k.ok());
        const QByteArray image = k->toPartitionImage();
        QCOMPARE(image.size(), 4096);
        QCOMPARE(image.left(32), k->encryptionKey);
        QCOMPARE(image.mid(32, 32), k->tweakKey);
        const quint32 crc = quint32(uchar(image[64])) | quint32(uchar(image[65])) << 8
                            | quint32(uchar(image[66])) << 16 | quint32(uchar(image[67])) << 24;
        QCOMPARE(crc, refCrc(image.left(64)));
        QCOMPARE(image.mid(68), QByteArray(4096 - 68, '\xFF'));
        auto back = Keys::fromPartitionImage(image);
        QVERIFY(back.ok());
        QCOMPARE(back->xtsKey(), k->xtsKey());
        QByteArray damaged = image;
        damaged[3] = char(damaged[3] ^ 1);
        QCOMPARE(Keys::fromPartitionImage(damaged).error().code, QStringLiteral("nvs.keys.crc"));
        QCOMPARE(Keys::fromPartitionImage(QByteArray(4096, '\xFF')).error().code,
                 QStringLiteral("nvs.keys.crc"));
    }

    void keysFileIsOwnerOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keys.bin"));
        QFile pre(path);
        QVERIFY(pre.open(QIODevice::WriteOnly));
        pre.close();
        QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions(0x6666))); // rw for all
        auto k = Keys::generate();
        QVERIFY(k->saveOwnerOnly(path).ok());
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        QCOMPARE(Keys::load(path)->xtsKey(), k->xtsKey());
    }

    void blobAcrossPages()
    {
        const QByteArray image = write(bigBlobCsv(10000), 0x6000);
        const Dump d = readImage(image);
        QVERIFY2(d.problems.isEmpty(), qPrintable(d.problems.join(QLatin1Char('\n'))));
        const Entry big = entryFor(d, QStringLiteral("big"));
        QCOMPARE(big.length, 10000);
        QCOMPARE(big.chunkCount, quint8(3));
        QCOMPARE(big.value.size(), 10000);
        QCOMPARE(big.value.at(9999), char((9999 * 7 + 3) & 0xFF));
        QCOMPARE(d.pages.at(0).stateName, QStringLiteral("full"));
        QCOMPARE(d.pages.at(2).stateName, QStringLiteral("active"));
        QCOMPARE(d.pages.at(2).seq, 2u);
        QCOMPARE(entryFor(d, QStringLiteral("after")).unsignedNumber(), 513u);

        QByteArray missing = image;
        missing.replace(4096, 4096, QByteArray(4096, '\xFF')); // page 1 lost
        const Dump m = readImage(missing);
        QCOMPARE(entryFor(m, QStringLiteral("big")).state, QStringLiteral("incomplete"));
        QVERIFY(
            m.problems.join(QLatin1Char(' ')).contains(QStringLiteral("missing chunk(s) 1 of 3")));
    }

    void damagedEntries()
    {
        const QByteArray image = write(QString::fromLatin1(miniCsv), 0x3000);
        // Entry 1 ("a"): flip its value byte; the CRC now fails.
        QByteArray bad = image;
        bad[64 + 32 + 24] = char(bad[64 + 32 + 24] ^ 0x40);
        Dump d = readImage(bad);
        QVERIFY(std::any_of(d.entries.cbegin(), d.entries.cend(), [](const Entry &e) {
            return e.state == QLatin1String("crc-error") && e.index == 1;
        }));
        QVERIFY(d.problems.join(QLatin1Char(' ')).contains(QStringLiteral("page 0 entry 1")));
        // String data damaged: the data CRC fails.
        bad = image;
        bad[64 + 4 * 32] = 'X';
        d = readImage(bad);
        QCOMPARE(entryFor(d, QStringLiteral("s")).state, QStringLiteral("crc-error"));
        // Entry 2 ("b") erased in the bitmap (bits 4-5 of byte 0 cleared).
        bad = image;
        bad[32] = char(uchar(bad[32]) & ~0x30);
        d = readImage(bad);
        QCOMPARE(entryFor(d, QStringLiteral("b")).state, QStringLiteral("erased"));
        QVERIFY(!d.find(QStringLiteral("storage"), QStringLiteral("b")));
        // A half-written entry after the last one: bytes present, bitmap still empty.
        bad = image;
        QByteArray stray = MiniPage::entry(1, 0x01, 1, 0xFF, "late");
        bad.replace(64 + 20 * 32, 32, stray);
        d = readImage(bad);
        QCOMPARE(entryFor(d, QStringLiteral("late")).state, QStringLiteral("half-written"));
        // Page header CRC.
        bad = image;
        bad[5] = 9;
        d = readImage(bad);
        QVERIFY(!d.pages.at(0).headerCrcOk);
        QVERIFY(d.problems.join(QLatin1Char(' ')).contains(QStringLiteral("header CRC")));
        // Truncated image.
        d = readImage(image.left(5000));
        QVERIFY(d.problems.join(QLatin1Char(' ')).contains(QStringLiteral("not a whole number")));
    }

    void tooSmallPartition()
    {
        WriteOptions o;
        o.size = 0x3000;
        auto r = writeImage(items(bigBlobCsv(10000)), o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("nvs.size"));
        QVERIFY2(r.error().message.contains(QStringLiteral("need 4 pages")),
                 qPrintable(r.error().message));
        o.size = 0x2800;
        QVERIFY(writeImage(items(QString::fromLatin1(miniCsv)), o)
                    .error()
                    .message.contains(QStringLiteral("4096")));
    }

    void readOnlySmallPartition()
    {
        WriteOptions o;
        o.size = 0x2000;
        auto r = writeImage(items(QString::fromLatin1(miniCsv)), o);
        QVERIFY(r.ok());
        QVERIFY(r->readOnly);
        QCOMPARE(r->bytes.size(), 0x1000); // the generator writes only the pages it filled
    }

    void valueLimits()
    {
        WriteOptions o;
        o.size = 0x10000;
        o.version = Version1;
        auto r = writeImage(items(bigBlobCsv(2000)), o);
        QVERIFY(r.error().message.contains(QStringLiteral("1984")));
        o.version = Version2;
        const QString longString
            = QStringLiteral("key,type,encoding,value\nn,namespace,,\ns,data,string,%1\n")
                  .arg(QString(3968, QLatin1Char('x')));
        r = writeImage(items(longString), o);
        QVERIFY2(r.error().message.contains(QStringLiteral("too long")),
                 qPrintable(r.error().message));
    }

    void csvErrors_data()
    {
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("expected");
        const QString h = QStringLiteral("key,type,encoding,value\nns,namespace,,\n");
        QTest::newRow("no header")
            << QStringLiteral("a,b,c\n") << QStringLiteral("line 1: the header row has no 'key'");
        QTest::newRow("u8 range") << h + QStringLiteral("k,data,u8,256\n")
                                  << QStringLiteral(
                                         "line 3, column 11: 256 is out of range for u8");
        QTest::newRow("hex number") << h + QStringLiteral("k,data,u32,0x10\n")
                                    << QStringLiteral("line 3, column 12: '0x10' is not a decimal");
        QTest::newRow("odd hex") << h + QStringLiteral("k,data,hex2bin,abc\n")
                                 << QStringLiteral(
                                        "line 3, column 16: hex2bin data has an odd number");
        QTest::newRow("bad hex digit")
            << h + QStringLiteral("k,data,hex2bin,zz\n")
            << QStringLiteral("line 3, column 16: 'z' is not a hex digit");
        QTest::newRow("bad base64")
            << h + QStringLiteral("k,data,base64,@@@\n")
            << QStringLiteral("line 3, column 15: the value is not valid base64");
        QTest::newRow("long key") << h + QStringLiteral("sixteen_chars_xx,data,u8,1\n")
                                  << QStringLiteral(
                                         "line 3, column 1: key 'sixteen_chars_xx' is 16 bytes");
        QTest::newRow("encoding") << h + QStringLiteral("k,data,float,1\n")
                                  << QStringLiteral("line 3, column 8: unknown encoding 'float'");
        QTest::newRow("type") << h + QStringLiteral("k,value,u8,1\n")
                              << QStringLiteral("line 3, column 3: type 'value'");
        QTest::newRow("before namespace")
            << QStringLiteral("key,type,encoding,value\nk,data,u8,1\n")
            << QStringLiteral("line 2, column 1: 'k' comes before any namespace");
        QTest::newRow("short row") << h + QStringLiteral("k,data,u8\n")
                                   << QStringLiteral("line 3, column 10: the row has 3 fields");
        QTest::newRow("quote") << h + QStringLiteral("k,data,string,\"abc\n")
                               << QStringLiteral(
                                      "line 3, column 15: the quoted field is not closed");
        QTest::newRow("missing file")
            << h + QStringLiteral("k,file,binary,nope.bin\n")
            << QStringLiteral("line 3, column 15: cannot read file 'nope.bin'");
        QTest::newRow("comment lines count")
            << QStringLiteral("# c\nkey,type,encoding,value\n# c\nns,namespace,,\nk,data,i8,-129\n")
            << QStringLiteral("line 5, column 11: -129 is out of range for i8");
    }
    void csvErrors()
    {
        QFETCH(QString, csv);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        ResolveOptions o;
        o.baseDirectory = dir.path();
        auto r = readCsv(csv, o);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.startsWith(expected), qPrintable(r.error().message));
    }

    void fileRowsAndPlaceholders()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("cert.pem")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PEM TEXT");
        f.close();
        ResolveOptions o;
        o.baseDirectory = dir.path();
        o.placeholders.insert(QStringLiteral("mac"), "aa:bb");
        o.placeholders.insert(QStringLiteral("key"), QByteArray("\x01\x02", 2));
        auto r = readCsv(QStringLiteral("key,type,encoding,value\nns,namespace,,\n"
                                        "c,file,string,cert.pem\n"
                                        "id,data,string,dev-{mac}\n"
                                        "k,data,hex2bin,{key}\n"),
                         o);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->at(1).bytes, QByteArray("PEM TEXT", 9));
        QCOMPARE(r->at(2).bytes, QByteArray("dev-aa:bb", 10));
        QCOMPARE(r->at(3).bytes, QByteArray("\x01\x02", 2));
        QCOMPARE(placeholdersIn(QStringLiteral("a,{certificate},{key}")),
                 QStringList({QStringLiteral("certificate"), QStringLiteral("key")}));
    }

    void repeatedNamespaceWarns()
    {
        WriteOptions o;
        o.size = 0x3000;
        auto r = writeImage(
            items(QStringLiteral("key,type,encoding,value\na,namespace,,\nb,namespace,,\n"
                                 "a,namespace,,\nk,data,u8,1\n")),
            o);
        QVERIFY(r.ok());
        QCOMPARE(r->warnings.size(), 1);
        const Dump d = readImage(r->bytes);
        QCOMPARE(entryFor(d, QStringLiteral("k")).namespaceName, QStringLiteral("b"));
    }

    void dumpRedactsKeys()
    {
        const QByteArray pem = "-----BEGIN EC PRIVATE KEY-----\n"
                               "MHcCAQEEIBYr4hXbHhEuN1iTXmbyq1r7Jr3uWxGx6tCZbJ7M0x3IoAoGCCqGSM49\n"
                               "AwEHoUQDQgAEYB3mWbSgxX3t8mx5yk0yhqJxYd8b1eQWLYLy8E6Dk4jwc5N9gJ2J\n"
                               "V0vH0mM4I8nJ0Lk1pX7WQwG5pF8r0p3pYQ==\n"
                               "-----END EC PRIVATE KEY-----\n";
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("k.pem")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pem);
        f.close();
        const QString csv
            = QStringLiteral("key,type,encoding,value\ncerts,namespace,,\nkey,file,binary,%1\n"
                             "wifi_pass,data,string,hunter22\nssid,data,string,factory\n")
                  .arg(f.fileName());
        WriteOptions o;
        o.size = 0x3000;
        auto img = writeImage(items(csv), o);
        QVERIFY(img.ok());
        const Dump d = readImage(img->bytes);
        const QString text = dumpText(d, false);
        QVERIFY(!text.contains(QStringLiteral("MHcCAQEE")));
        QVERIFY(!text.contains(QStringLiteral("hunter22")));
        QVERIFY(text.contains(QStringLiteral("factory")));
        const QJsonObject json = dumpJson(d, false);
        const QString jsonText = QString::fromUtf8(QJsonDocument(json).toJson());
        QVERIFY(!jsonText.contains(QStringLiteral("MHcCAQEE")));
        QVERIFY(!jsonText.contains(QStringLiteral("hunter22")));
        for (const QJsonValue &v : json.value(QStringLiteral("entries")).toArray()) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("key")).toString() == QLatin1String("wifi_pass")) {
                QVERIFY(!e.contains(QStringLiteral("value")));
                QVERIFY(e.value(QStringLiteral("secret")).toBool());
            }
        }
        QVERIFY(dumpText(d, true).contains(QStringLiteral("hunter22")));
    }
};

QTEST_GUILESS_MAIN(TestNvs)
#include "tst_nvs.moc"
