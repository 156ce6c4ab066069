// SPDX-License-Identifier: GPL-3.0-or-later
// otadata as ESP-IDF writes and reads it. Expected bytes are built here from the documented
// layout (esp_flash_partitions.h esp_ota_select_entry_t: u32 ota_seq, u8 seq_label[20],
// u32 ota_state, u32 crc; one entry per 4 KiB sector) with a CRC-32 written out bit by bit,
// and expected sequence numbers found by search, not by the formula the code uses.
#include "core/image/imageinspector.h"
#include "core/image/otadata.h"
#include "core/image/partitioncsv.h"

#include <QTest>
#include <QtEndian>

using namespace Forgeline;
namespace OtaData = Forgeline::Image::OtaData;

namespace {

// CRC-32 (reflected polynomial 0xEDB88320) over the 4 little-endian bytes of seq, with the
// register starting at ~0xFFFFFFFF = 0 and the result inverted: what the ROM's
// crc32_le(UINT32_MAX, …) and otatool's binascii.crc32(data, 0xFFFFFFFF) compute.
quint32 referenceCrc(quint32 seq)
{
    quint32 reg = ~0xFFFFFFFFu;
    for (int i = 0; i < 4; ++i) {
        reg ^= (seq >> (8 * i)) & 0xFF;
        for (int bit = 0; bit < 8; ++bit)
            reg = (reg & 1) ? (reg >> 1) ^ 0xEDB88320u : reg >> 1;
    }
    return ~reg;
}

QByteArray entryBytes(quint32 seq, const QByteArray &label, quint32 state, quint32 crc)
{
    QByteArray b(32, char(0xFF));
    qToLittleEndian<quint32>(seq, b.data());
    b.replace(4, 20, label.leftJustified(20, char(0xFF)).left(20));
    qToLittleEndian<quint32>(state, b.data() + 24);
    qToLittleEndian<quint32>(crc, b.data() + 28);
    return b;
}

// Two sectors; a null entry leaves its sector erased.
QByteArray otadata(const QByteArray &copy0, const QByteArray &copy1)
{
    QByteArray b(0x2000, char(0xFF));
    b.replace(0, copy0.size(), copy0);
    b.replace(0x1000, copy1.size(), copy1);
    return b;
}

QByteArray validEntry(quint32 seq, quint32 state = 0xFFFFFFFF, const QByteArray &label = {})
{
    return entryBytes(seq, label, state, referenceCrc(seq));
}

// The sequence number the bootloader needs for `slot`, not older than `active`: searched.
quint32 expectedSeq(quint32 active, int slot, int count)
{
    for (quint32 s = active;; ++s) {
        if (s >= 1 && (s - 1) % quint32(count) == quint32(slot))
            return s;
    }
}

Image::PartitionTable table(const QString &csv)
{
    auto t = Image::parsePartitionCsv(csv);
    return t ? *t : Image::PartitionTable{};
}

const QString OtaTable
    = QStringLiteral("nvs, data, nvs, 0x9000, 0x4000\notadata, data, ota, 0xd000, 0x2000\n"
                     "phy_init, data, phy, 0xf000, 0x1000\nota_0, app, ota_0, 0x10000, 1M\n"
                     "ota_1, app, ota_1, 0x110000, 1M\n");

} // namespace

class TestOtaData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void crcOfTheSequenceNumber()
    {
        // otatool read_otadata prints 0x4743989a beside seq 1 on a board that booted ota_0.
        QCOMPARE(OtaData::seqCrc(1), 0x4743989Au);
        for (quint32 seq : {0u, 1u, 2u, 3u, 17u, 0x12345678u, 0xFFFFFFFEu})
            QCOMPARE(OtaData::seqCrc(seq), referenceCrc(seq));
    }

    void erasedOtadataSwitchesCopyZero()
    {
        // Both copies erased: copy 0 gets seq slot+1 (esp_rewrite_ota_data's "both invalid").
        auto out = OtaData::switchToSlot(QByteArray(0x2000, char(0xFF)), 1, 2);
        QVERIFY(out);
        QCOMPARE(*out, otadata(validEntry(2), {}));
        const Image::PartitionTable t = table(OtaTable);
        const auto sel = OtaData::selectBootPartition(t, *out);
        QVERIFY(sel.partition);
        QCOMPARE(sel.partition->name, QStringLiteral("ota_1"));
    }

    // The sequence rules when copies are valid: the new seq maps to the slot, is not below
    // the active copy's, and goes into the other copy, whose label is kept.
    void sequenceRollover_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<int>("slot");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("activeCopy");
        QTest::addColumn<quint32>("activeSeq");
        const QByteArray label("ota-label", 9);
        QTest::newRow("only copy 0 valid") << otadata(validEntry(1), {}) << 1 << 2 << 0 << 1u;
        QTest::newRow("only copy 1 valid")
            << otadata({}, validEntry(3, 2, label)) << 1 << 2 << 1 << 3u;
        // ESP-IDF's own example: seq 4 and 5 with 8 OTA slots; ota_7 needs seq 8.
        QTest::newRow("both valid, 8 slots")
            << otadata(validEntry(4), validEntry(5)) << 7 << 8 << 1 << 5u;
        QTest::newRow("both valid, wraps past")
            << otadata(validEntry(5, 2, label), validEntry(4)) << 1 << 2 << 0 << 5u;
        // Switching to the slot already selected: the same seq again, in the other copy.
        QTest::newRow("same slot")
            << otadata(validEntry(5), validEntry(4, 2, label)) << 0 << 2 << 0 << 5u;
        QTest::newRow("tie goes to copy 0")
            << otadata(validEntry(6), validEntry(6)) << 0 << 3 << 0 << 6u;
        // An aborted copy is skipped although its CRC holds (bootloader_common_ota_select_invalid).
        QTest::newRow("aborted copy skipped")
            << otadata(validEntry(3), validEntry(4, 4)) << 0 << 2 << 0 << 3u;
        QTest::newRow("bad crc copy skipped")
            << otadata(entryBytes(9, {}, 0xFFFFFFFF, 0x1234), validEntry(2)) << 0 << 2 << 1 << 2u;
    }

    void sequenceRollover()
    {
        QFETCH(QByteArray, before);
        QFETCH(int, slot);
        QFETCH(int, count);
        QFETCH(int, activeCopy);
        QFETCH(quint32, activeSeq);
        QCOMPARE(OtaData::activeEntry(OtaData::readEntries(before)), activeCopy);
        auto out = OtaData::switchToSlot(before, slot, count);
        QVERIFY(out);
        const int written = activeCopy == 0 ? 1 : 0;
        const quint32 seq = expectedSeq(activeSeq, slot, count);
        const QByteArray keptLabel = before.mid(written * 0x1000 + 4, 20);
        QByteArray expected = before;
        QByteArray sector(0x1000, char(0xFF));
        sector.replace(0, 32, entryBytes(seq, keptLabel, 0xFFFFFFFF, referenceCrc(seq)));
        expected.replace(written * 0x1000, 0x1000, sector);
        QCOMPARE(out->toHex(), expected.toHex());
        // And the bootloader's reading of the result selects the slot.
        const auto entries = OtaData::readEntries(*out);
        const int active = OtaData::activeEntry(entries);
        QVERIFY(active >= 0);
        QCOMPARE(int((entries[size_t(active)].seq - 1) % quint32(count)), slot);
    }

    void refusesSlotsTheTableLacks()
    {
        QCOMPARE(OtaData::switchToSlot({}, 2, 2).error().code, QStringLiteral("otadata.slot"));
        QCOMPARE(OtaData::switchToSlot({}, 0, 0).error().code, QStringLiteral("otadata.slot"));
    }

    void bootSelection_data()
    {
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("boots");
        const QString withFactory = QStringLiteral(
            "otadata, data, ota, 0xd000, 0x2000\nfactory, app, factory, 0x10000, 1M\n"
            "ota_0, app, ota_0, 0x110000, 1M\nota_1, app, ota_1, 0x210000, 1M\n");
        const QByteArray erased(0x2000, char(0xFF));
        QTest::newRow("erased, factory") << withFactory << erased << QStringLiteral("factory");
        QTest::newRow("erased, no factory") << OtaTable << erased << QStringLiteral("ota_0");
        QTest::newRow("seq 2") << OtaTable << otadata(validEntry(2), {}) << QStringLiteral("ota_1");
        QTest::newRow("seq 3 wraps")
            << OtaTable << otadata(validEntry(3), {}) << QStringLiteral("ota_0");
        QTest::newRow("larger seq wins")
            << withFactory << otadata(validEntry(2), validEntry(1)) << QStringLiteral("ota_1");
        QTest::newRow("bad crc, factory")
            << withFactory << otadata(entryBytes(2, {}, 0xFFFFFFFF, 7), {})
            << QStringLiteral("factory");
        QTest::newRow("invalid state only")
            << withFactory << otadata(validEntry(2, 3), {}) << QStringLiteral("factory");
        QTest::newRow("no otadata partition")
            << QStringLiteral("factory, app, factory, 0x10000, 1M\n") << erased
            << QStringLiteral("factory");
    }

    void bootSelection()
    {
        QFETCH(QString, csv);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, boots);
        const Image::PartitionTable t = table(csv);
        QVERIFY(!t.partitions.isEmpty());
        const auto sel = OtaData::selectBootPartition(t, bytes);
        QVERIFY(sel.partition);
        QCOMPARE(sel.partition->name, boots);
    }

    void recognisedAndDescribed()
    {
        const QByteArray bytes = otadata(validEntry(1, 2), validEntry(2));
        QVERIFY(OtaData::looksLikeOtadata(bytes));
        QVERIFY(!OtaData::looksLikeOtadata(QByteArray(0x2000, char(0xFF))));
        QVERIFY(!OtaData::looksLikeOtadata(otadata(entryBytes(2, {}, 0, 1), {})));
        QByteArray dirty = bytes;
        dirty[0x800] = 0;
        QVERIFY(!OtaData::looksLikeOtadata(dirty));
        // image info / the inspector name it.
        const Image::ImageInspection inspected = Image::inspectImage(bytes);
        QCOMPARE(Image::imageKindName(inspected.kind), QStringLiteral("otadata"));
        QVERIFY2(inspected.summary.contains(QStringLiteral("copy 1 valid (seq 2, undefined)")),
                 qPrintable(inspected.summary));
        const QString text = OtaData::describe(bytes, 2);
        QVERIFY2(text.contains(QStringLiteral("copy 0 valid (seq 1, valid)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("selects ota_1")), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestOtaData)
#include "tst_otadata.moc"
