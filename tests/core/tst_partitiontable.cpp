// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/partitioncsv.h"
#include "core/image/partitiontable.h"

#include <QCryptographicHash>
#include <QTest>

using namespace Forgeline::Image;

namespace {
const char *const SeedCsv = "# Name,   Type, SubType, Offset,  Size, Flags\n"
                            "nvs,      data, nvs,     0x9000,  0x6000,\n"
                            "phy_init, data, phy,     0xf000,  0x1000,\n"
                            "factory,  app,  factory, 0x10000, 1M,\n"
                            "cert,     data, 0x40,    ,        8K,\n"
                            "key,      data, 0x41,    ,        4K, readonly\n";
}

class TestPartitionTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvFollowsGenEsp32Part()
    {
        auto t = parsePartitionCsv(QString::fromLatin1(SeedCsv));
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
        QCOMPARE(t->partitions.size(), 5);
        const Partition *f = t->find(QStringLiteral("factory"));
        QCOMPARE(f->size, 0x100000u);
        QCOMPARE(f->type, quint8(0x00));
        const Partition *cert = t->find(QStringLiteral("cert"));
        QCOMPARE(cert->offset, 0x110000u); // empty offset: right after the previous one
        QCOMPARE(cert->size, 0x2000u);
        const Partition *key = t->find(QStringLiteral("key"));
        QCOMPARE(key->offset, 0x112000u);
        QVERIFY(key->readonly());
        QCOMPARE(t->find(QStringLiteral("nvs"))->subtype, quint8(0x02));
        QCOMPARE(t->find(QStringLiteral("phy_init"))->subtype, quint8(0x01));
    }

    void binaryLayoutAndMd5Row()
    {
        auto t = parsePartitionCsv(QString::fromLatin1(SeedCsv));
        const QByteArray bin = t->toBinary();
        QCOMPARE(bin.size(), 0xC00);
        // First entry: AA 50, type, subtype, offset, size, 16-byte label, flags.
        QCOMPARE(bin.left(12), QByteArray::fromHex("aa50010200900000"
                                                   "00600000"));
        QCOMPARE(bin.mid(12, 16), QByteArray("nvs") + QByteArray(13, '\0'));
        QCOMPARE(bin.mid(3 * 32 + 28, 4), QByteArray::fromHex("00000000")); // cert: no flags
        QCOMPARE(bin.mid(4 * 32 + 28, 4),
                 QByteArray::fromHex("02000000")); // key: readonly is bit 1
        // MD5 row after the 5 entries: EB EB, 14 x FF, MD5 of all entry bytes.
        const QByteArray md5Row = bin.mid(5 * 32, 32);
        QCOMPARE(md5Row.left(2), QByteArray::fromHex("ebeb"));
        QCOMPARE(md5Row.mid(2, 14), QByteArray(14, char(0xFF)));
        QCOMPARE(md5Row.mid(16),
                 QCryptographicHash::hash(bin.left(5 * 32), QCryptographicHash::Md5));
        QCOMPARE(bin.mid(6 * 32), QByteArray(0xC00 - 6 * 32, char(0xFF)));

        auto back = PartitionTable::parse(bin);
        QVERIFY(back.ok());
        QVERIFY(back->hadMd5);
        QCOMPARE(back->partitions, t->partitions);
    }

    void corruptionIsCaught()
    {
        auto t = parsePartitionCsv(QString::fromLatin1(SeedCsv));
        QByteArray bin = t->toBinary();
        bin[3 * 32 + 9] = char(bin[3 * 32 + 9] ^ 0x01); // cert size changes
        auto bad = PartitionTable::parse(bin);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QLatin1String("MD5")));

        QByteArray noEnd = t->toBinary(false);
        noEnd.truncate(5 * 32);
        QVERIFY(!PartitionTable::parse(noEnd).ok());
        QVERIFY(!PartitionTable::parse(QByteArray(0xC00, char(0xFF))).ok()); // blank flash
        QVERIFY(!PartitionTable::parse(QByteArray(0xC00, char(0x00))).ok());
        auto withoutMd5 = PartitionTable::parse(t->toBinary(false));
        QVERIFY(withoutMd5.ok());
        QVERIFY(!withoutMd5->hadMd5);
    }

    void bytesStillNeeded()
    {
        auto t = parsePartitionCsv(QString::fromLatin1(SeedCsv));
        const QByteArray bin = t->toBinary();
        QCOMPARE(PartitionTable::bytesStillNeeded({}), 32);
        QCOMPARE(PartitionTable::bytesStillNeeded(bin.left(40)), 24);
        QVERIFY(PartitionTable::bytesStillNeeded(bin.left(6 * 32)) > 0);
        QCOMPARE(PartitionTable::bytesStillNeeded(bin.left(7 * 32)), 0); // end row seen
    }

    void csvErrors_data()
    {
        QTest::addColumn<QString>("csv");
        QTest::newRow("unaligned") << QStringLiteral("a, data, nvs, 0x9100, 0x1000\n");
        QTest::newRow("app unaligned") << QStringLiteral("a, app, factory, 0x11000, 1M\n");
        QTest::newRow("overlap") << QStringLiteral(
            "a, data, nvs, 0x9000, 0x2000\nb, data, phy, 0xa000, 0x1000\n");
        QTest::newRow("duplicate")
            << QStringLiteral("a, data, nvs, 0x9000, 0x1000\na, data, phy, 0xa000, 0x1000\n");
        QTest::newRow("bad type") << QStringLiteral("a, bogus, nvs, 0x9000, 0x1000\n");
        QTest::newRow("app no subtype") << QStringLiteral("a, app, , 0x10000, 1M\n");
        QTest::newRow("long name")
            << QStringLiteral("abcdefghijklmnopq, data, nvs, 0x9000, 0x1000\n");
        QTest::newRow("over table") << QStringLiteral("a, data, nvs, 0x8000, 0x1000\n");
        QTest::newRow("bad flag") << QStringLiteral("a, data, nvs, 0x9000, 0x1000, shiny\n");
    }

    void csvErrors()
    {
        QFETCH(QString, csv);
        QVERIFY(!parsePartitionCsv(csv).ok());
    }

    void negativeSizeIsEndAddress()
    {
        auto t = parsePartitionCsv(QStringLiteral("big, data, fat, 0x10000, -0x400000\n"));
        QVERIFY(t.ok());
        QCOMPARE(t->partitions.first().size, 0x3F0000u);
    }

    void csvRoundTrip()
    {
        auto t = parsePartitionCsv(QString::fromLatin1(SeedCsv));
        auto again = parsePartitionCsv(partitionTableToCsv(*t));
        QVERIFY(again.ok());
        QCOMPARE(again->partitions, t->partitions);
    }
};

QTEST_GUILESS_MAIN(TestPartitionTable)
#include "tst_partitiontable.moc"
