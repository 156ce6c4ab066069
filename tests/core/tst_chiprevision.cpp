// SPDX-License-Identifier: GPL-3.0-or-later
// Chip revision from eFuse words, per chip. Every register value below is built by hand from
// esptool's targets/<chip>.py formulas (get_major_chip_version, get_minor_chip_version,
// get_pkg_version, get_chip_description), not from chips.json, so a wrong address, shift or
// width in the data fails here.
#include "core/flasher/chipdatabase.h"
#include "core/flasher/chiprevision.h"
#include "core/flasher/romprotocol.h"
#include "core/sim/romdevice.h"

#include <QTest>

#include <algorithm>

using namespace Forgeline;
using namespace Forgeline::Flasher;

namespace {

using Regs = QHash<quint32, quint32>;

// ESP32: EFUSE_RD_REG_BASE 0x3FF5A000, word n at +4n; APB_CTL_DATE 0x3FF6607C.
constexpr quint32 Esp32Word3 = 0x3FF5A000 + 4 * 3;
constexpr quint32 Esp32Word5 = 0x3FF5A000 + 4 * 5;
constexpr quint32 Esp32ApbDate = 0x3FF66000 + 0x7C;

Regs esp32Regs(quint32 word3, quint32 word5, quint32 apbDate)
{
    return {{Esp32Word3, word3}, {Esp32Word5, word5}, {Esp32ApbDate, apbDate}};
}

// Package code p (0..15): bit 3 in word 3 bit 2, bits 0..2 in word 3 bits 9..11.
quint32 esp32Package(quint32 p) { return ((p & 7u) << 9) | (((p >> 3) & 1u) << 2); }

const ChipDescription &chip(const char *key)
{
    const ChipDescription *c = ChipDatabase::instance().byKey(QString::fromLatin1(key));
    Q_ASSERT(c);
    return *c;
}

ChipRevision decode(const char *key, const Regs &regs)
{
    const ChipDescription &c = chip(key);
    return decodeChipRevision(c.revision, c.name, regs);
}

} // namespace

class TestChipRevision : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyChipHasALayoutWithItsSource()
    {
        for (const ChipDescription &c : ChipDatabase::instance().chips()) {
            QVERIFY2(!c.revision.isEmpty(), qPrintable(c.key));
            QVERIFY2(c.revision.source.contains(QStringLiteral("esptool targets/") + c.key
                                                + QStringLiteral(".py")),
                     qPrintable(c.key));
        }
    }

    void esp32_data()
    {
        QTest::addColumn<quint32>("word3");
        QTest::addColumn<quint32>("word5");
        QTest::addColumn<quint32>("apbDate");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("number");
        QTest::addColumn<QString>("description");
        // rev_bit0 = word3 bit 15, rev_bit1 = word5 bit 20, rev_bit2 = APB_CTL_DATE bit 31;
        // combined 0/1/3/7 -> major 0/1/2/3, anything else 0. Minor: word5 bits 24..25.
        const quint32 b0 = 1u << 15, b1 = 1u << 20, b2 = 1u << 31;
        QTest::newRow("v0.0 D0WDQ6") << esp32Package(0) << 0u << 0u << QStringLiteral("v0.0") << 0
                                     << QStringLiteral("ESP32-D0WDQ6 (revision v0.0)");
        QTest::newRow("v1.0 D0WD") << (esp32Package(1) | b0) << 0u << 0u << QStringLiteral("v1.0")
                                   << 100 << QStringLiteral("ESP32-D0WD (revision v1.0)");
        QTest::newRow("v1.1 D0WD")
            << (esp32Package(1) | b0) << (1u << 24) << 0u << QStringLiteral("v1.1") << 101
            << QStringLiteral("ESP32-D0WD (revision v1.1)");
        QTest::newRow("v2.0") << (esp32Package(1) | b0) << b1 << 0u << QStringLiteral("v2.0") << 200
                              << QStringLiteral("ESP32-D0WD (revision v2.0)");
        QTest::newRow("v3.0 D0WD-V3")
            << (esp32Package(1) | b0) << b1 << b2 << QStringLiteral("v3.0") << 300
            << QStringLiteral("ESP32-D0WD-V3 (revision v3.0)");
        QTest::newRow("v3.1 D0WDQ6-V3")
            << (esp32Package(0) | b0) << (b1 | (1u << 24)) << b2 << QStringLiteral("v3.1") << 301
            << QStringLiteral("ESP32-D0WDQ6-V3 (revision v3.1)");
        QTest::newRow("v3.3 minor both bits")
            << (esp32Package(1) | b0) << (b1 | (3u << 24)) << b2 << QStringLiteral("v3.3") << 303
            << QStringLiteral("ESP32-D0WD-V3 (revision v3.3)");
        QTest::newRow("v3.0 single core")
            << (esp32Package(1) | b0 | 1u) << b1 << b2 << QStringLiteral("v3.0") << 300
            << QStringLiteral("ESP32-S0WD (revision v3.0)");
        QTest::newRow("rev1 PICO-D4")
            << (esp32Package(5) | b0) << 0u << 0u << QStringLiteral("v1.0") << 100
            << QStringLiteral("ESP32-PICO-D4 (revision v1.0)");
        QTest::newRow("rev3 PICO-V3")
            << (esp32Package(5) | b0) << b1 << b2 << QStringLiteral("v3.0") << 300
            << QStringLiteral("ESP32-PICO-V3 (revision v3.0)");
        QTest::newRow("PICO-V3-02") << (esp32Package(6) | b0) << b1 << b2 << QStringLiteral("v3.0")
                                    << 300 << QStringLiteral("ESP32-PICO-V3-02 (revision v3.0)");
        QTest::newRow("D2WD") << (esp32Package(2) | b0) << 0u << 0u << QStringLiteral("v1.0") << 100
                              << QStringLiteral("ESP32-D2WD (revision v1.0)");
        QTest::newRow("package 8 unknown")
            << (esp32Package(8) | b0) << b1 << b2 << QStringLiteral("v3.0") << 300
            << QStringLiteral("Unknown ESP32 (revision v3.0)");
        // Combinations esptool does not list read as major 0.
        QTest::newRow("bits 2+0 only")
            << (esp32Package(1) | b0) << 0u << b2 << QStringLiteral("v0.0") << 0
            << QStringLiteral("ESP32-D0WD (revision v0.0)");
        QTest::newRow("bit 1 only") << esp32Package(1) << b1 << 0u << QStringLiteral("v0.0") << 0
                                    << QStringLiteral("ESP32-D0WD (revision v0.0)");
        // Neighbouring bits must not leak in.
        QTest::newRow("noise") << (esp32Package(1) | b0 | (1u << 14) | (1u << 16))
                               << (b1 | (1u << 21) | (1u << 26) | (1u << 19)) << (b2 | 0x7FFFFFFFu)
                               << QStringLiteral("v3.0") << 300
                               << QStringLiteral("ESP32-D0WD-V3 (revision v3.0)");
    }

    void esp32()
    {
        QFETCH(quint32, word3);
        QFETCH(quint32, word5);
        QFETCH(quint32, apbDate);
        QFETCH(QString, text);
        QFETCH(int, number);
        QFETCH(QString, description);
        const ChipRevision r = decode("esp32", esp32Regs(word3, word5, apbDate));
        QVERIFY(r.known);
        QCOMPARE(r.text(), text);
        QCOMPARE(r.number(), number);
        QCOMPARE(r.description, description);
    }

    void newerChips_data()
    {
        QTest::addColumn<QString>("chip");
        QTest::addColumn<QList<quint32>>("addresses");
        QTest::addColumn<QList<quint32>>("values");
        QTest::addColumn<QString>("text");

        // ESP32-S2: EFUSE_BLOCK1_ADDR 0x3F41A044. Major: word 3 bits 18..19.
        // Minor: (word 3 bit 20) << 3 | word 4 bits 4..6.
        const quint32 s2w3 = 0x3F41A044 + 12, s2w4 = 0x3F41A044 + 16;
        QTest::newRow("s2 v0.0") << QStringLiteral("esp32s2") << QList<quint32>{s2w3, s2w4}
                                 << QList<quint32>{0, 0} << QStringLiteral("v0.0");
        QTest::newRow("s2 v1.0") << QStringLiteral("esp32s2") << QList<quint32>{s2w3, s2w4}
                                 << QList<quint32>{1u << 18, 0} << QStringLiteral("v1.0");
        QTest::newRow("s2 v0.11") << QStringLiteral("esp32s2") << QList<quint32>{s2w3, s2w4}
                                  << QList<quint32>{1u << 20, 3u << 4} << QStringLiteral("v0.11");
        QTest::newRow("s2 noise") << QStringLiteral("esp32s2") << QList<quint32>{s2w3, s2w4}
                                  << QList<quint32>{(2u << 18) | (0xFu << 21) | (1u << 17),
                                                    0xFu | (1u << 7) | (1u << 4)}
                                  << QStringLiteral("v2.1");

        // ESP32-S3: BLOCK1 0x60007044, BLOCK2 0x6000705C. Major: word 5 bits 24..25.
        // Minor: (word 5 bit 23) << 3 | word 3 bits 18..20. is_eco0: low minor bits 0,
        // BLK_VERSION_MAJOR (BLOCK2 word 4 bits 0..1) 1 and BLK_VERSION_MINOR (BLOCK1 word 3 bits 24..26) 1.
        const quint32 s3w3 = 0x60007044 + 12, s3w5 = 0x60007044 + 20, s3b2w4 = 0x6000705C + 16;
        QTest::newRow("s3 v0.2") << QStringLiteral("esp32s3") << QList<quint32>{s3w3, s3w5, s3b2w4}
                                 << QList<quint32>{2u << 18, 0, 0} << QStringLiteral("v0.2");
        QTest::newRow("s3 v1.9") << QStringLiteral("esp32s3") << QList<quint32>{s3w3, s3w5, s3b2w4}
                                 << QList<quint32>{1u << 18, (1u << 24) | (1u << 23), 0}
                                 << QStringLiteral("v1.9");
        QTest::newRow("s3 eco0 workaround")
            << QStringLiteral("esp32s3") << QList<quint32>{s3w3, s3w5, s3b2w4}
            << QList<quint32>{1u << 24, 1u << 24, 1} << QStringLiteral("v0.0");
        QTest::newRow("s3 block minor 1 but block major 0")
            << QStringLiteral("esp32s3") << QList<quint32>{s3w3, s3w5, s3b2w4}
            << QList<quint32>{1u << 24, 1u << 24, 0} << QStringLiteral("v1.0");
        QTest::newRow("s3 block versions 1.1 but minor 1")
            << QStringLiteral("esp32s3") << QList<quint32>{s3w3, s3w5, s3b2w4}
            << QList<quint32>{(1u << 24) | (1u << 18), 1u << 24, 1} << QStringLiteral("v1.1");

        // ESP32-C2: EFUSE_BLOCK2_ADDR 0x60008840; word 1 (also the MAC's high word):
        // minor bits 16..19, major bits 20..21.
        const quint32 c2w1 = 0x60008840 + 4;
        QTest::newRow("c2 v1.1 beside MAC bytes")
            << QStringLiteral("esp32c2") << QList<quint32>{c2w1}
            << QList<quint32>{(1u << 20) | (1u << 16) | 0x5A00ABCDu} << QStringLiteral("v1.1");
        QTest::newRow("c2 v2.15") << QStringLiteral("esp32c2") << QList<quint32>{c2w1}
                                  << QList<quint32>{(2u << 20) | (0xFu << 16)}
                                  << QStringLiteral("v2.15");

        // ESP32-C3: BLOCK1 0x60008844. Major: word 5 bits 24..25; minor: (word 5 bit 23) << 3 | word 3 bits 18..20.
        const quint32 c3w3 = 0x60008844 + 12, c3w5 = 0x60008844 + 20;
        QTest::newRow("c3 v0.4") << QStringLiteral("esp32c3") << QList<quint32>{c3w3, c3w5}
                                 << QList<quint32>{4u << 18, 0} << QStringLiteral("v0.4");
        QTest::newRow("c3 v1.1") << QStringLiteral("esp32c3") << QList<quint32>{c3w3, c3w5}
                                 << QList<quint32>{1u << 18, 1u << 24} << QStringLiteral("v1.1");
        QTest::newRow("c3 v0.8") << QStringLiteral("esp32c3") << QList<quint32>{c3w3, c3w5}
                                 << QList<quint32>{0, 1u << 23} << QStringLiteral("v0.8");

        // ESP32-C6: BLOCK1 0x600B0844. Word 3: minor bits 18..21, major bits 22..23.
        const quint32 c6w3 = 0x600B0844 + 12;
        QTest::newRow("c6 v0.1") << QStringLiteral("esp32c6") << QList<quint32>{c6w3}
                                 << QList<quint32>{1u << 18} << QStringLiteral("v0.1");
        QTest::newRow("c6 v1.2") << QStringLiteral("esp32c6") << QList<quint32>{c6w3}
                                 << QList<quint32>{(1u << 22) | (2u << 18)}
                                 << QStringLiteral("v1.2");
        QTest::newRow("c6 v0.15") << QStringLiteral("esp32c6") << QList<quint32>{c6w3}
                                  << QList<quint32>{0xFu << 18} << QStringLiteral("v0.15");

        // ESP32-H2: same BLOCK1 as the C6. Word 3: minor bits 18..20, major bits 21..22.
        QTest::newRow("h2 v0.1") << QStringLiteral("esp32h2") << QList<quint32>{c6w3}
                                 << QList<quint32>{1u << 18} << QStringLiteral("v0.1");
        QTest::newRow("h2 v1.7") << QStringLiteral("esp32h2") << QList<quint32>{c6w3}
                                 << QList<quint32>{0xFu << 18} << QStringLiteral("v1.7");
        QTest::newRow("h2 v2.0") << QStringLiteral("esp32h2") << QList<quint32>{c6w3}
                                 << QList<quint32>{(2u << 21) | (1u << 24)}
                                 << QStringLiteral("v2.0");
    }

    void newerChips()
    {
        QFETCH(QString, chip);
        QFETCH(QList<quint32>, addresses);
        QFETCH(QList<quint32>, values);
        QFETCH(QString, text);
        Regs regs;
        for (qsizetype i = 0; i < addresses.size(); ++i)
            regs.insert(addresses.at(i), values.at(i));
        const ChipRevision r = decode(chip.toLatin1().constData(), regs);
        QVERIFY(r.known);
        QCOMPARE(r.text(), text);
        QCOMPARE(r.description, ChipDatabase::instance().byKey(chip)->name
                                    + QStringLiteral(" (revision ") + text + QStringLiteral(")"));
        // The client reads exactly these registers, no others.
        QList<quint32> wanted = ChipDatabase::instance().byKey(chip)->revision.registers();
        std::sort(wanted.begin(), wanted.end());
        std::sort(addresses.begin(), addresses.end());
        QCOMPARE(wanted, addresses);
    }

    void missingRegisterIsUnknown()
    {
        Regs regs = esp32Regs(esp32Package(1) | (1u << 15), 1u << 20, 1u << 31);
        regs.remove(Esp32ApbDate);
        const ChipRevision r = decode("esp32", regs);
        QVERIFY(!r.known);
        QCOMPARE(r.text(), QStringLiteral("unknown"));
    }

    void encodeRoundTrip()
    {
        // What the virtual board shows must decode back, for every chip and a spread of revisions
        // (minor 3 at most: the ESP32 has two minor bits).
        for (const ChipDescription &c : ChipDatabase::instance().chips()) {
            for (const auto &[major, minor] :
                 {std::pair{0, 0}, std::pair{1, 0}, std::pair{3, 0}, std::pair{0, 3},
                  std::pair{1, 3}, std::pair{2, 1}, std::pair{3, 1}}) {
                Regs regs;
                QVERIFY(encodeChipRevision(c.revision, major, minor, 1, regs));
                const ChipRevision r = decodeChipRevision(c.revision, c.name, regs);
                QVERIFY2(r.known && r.major == major && r.minor == minor,
                         qPrintable(c.key + QStringLiteral(" ") + r.text()));
            }
        }
        // ESP32 v3.0 sets exactly the three bits esptool combines to 7.
        Regs regs;
        QVERIFY(encodeChipRevision(chip("esp32").revision, 3, 0, 1, regs));
        QCOMPARE(regs.value(Esp32ApbDate), 1u << 31);
        QCOMPARE(regs.value(Esp32Word5), 1u << 20);
        QCOMPARE(regs.value(Esp32Word3), (1u << 15) | esp32Package(1));
        // Out of range: ESP32 has no major 4, its minor has two bits; the C3's minor has four.
        QVERIFY(!encodeChipRevision(chip("esp32").revision, 4, 0, 1, regs));
        QVERIFY(!encodeChipRevision(chip("esp32").revision, 3, 4, 1, regs));
        QVERIFY(!encodeChipRevision(chip("esp32c3").revision, 0, 16, 0, regs));
        QVERIFY(encodeChipRevision(chip("esp32c3").revision, 0, 15, 0, regs));
    }

    void parseText()
    {
        int major = -1, minor = -1;
        QVERIFY(parseRevisionText(QStringLiteral("v3.0"), &major, &minor));
        QCOMPARE(major, 3);
        QCOMPARE(minor, 0);
        QVERIFY(parseRevisionText(QStringLiteral("0.12"), &major, &minor));
        QCOMPARE(minor, 12);
        QVERIFY(!parseRevisionText(QStringLiteral("v3"), &major, &minor));
        QVERIFY(!parseRevisionText(QStringLiteral("rev3.0"), &major, &minor));
        QVERIFY(!parseRevisionText(QString(), &major, &minor));
    }

    void virtualBoardAnswersTheRegisters_data()
    {
        QTest::addColumn<QString>("chip");
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QString>("description");
        QTest::newRow("esp32 default") << QStringLiteral("esp32") << QString()
                                       << QStringLiteral("ESP32-D0WD-V3 (revision v3.0)");
        QTest::newRow("esp32 v1.0") << QStringLiteral("esp32") << QStringLiteral("v1.0")
                                    << QStringLiteral("ESP32-D0WD (revision v1.0)");
        QTest::newRow("esp32s3 default")
            << QStringLiteral("esp32s3") << QString() << QStringLiteral("ESP32-S3 (revision v0.2)");
        QTest::newRow("esp32c3 default")
            << QStringLiteral("esp32c3") << QString() << QStringLiteral("ESP32-C3 (revision v0.4)");
        QTest::newRow("esp32c2 v1.1") << QStringLiteral("esp32c2") << QStringLiteral("v1.1")
                                      << QStringLiteral("ESP32-C2 (revision v1.1)");
    }

    void virtualBoardAnswersTheRegisters()
    {
        QFETCH(QString, chip);
        QFETCH(QString, revision);
        QFETCH(QString, description);
        Sim::RomBoardConfig config;
        config.chipKey = chip;
        config.revision = revision;
        config.mac = QByteArray::fromHex("a1b2c3d4e5f6");
        Sim::RomDevice dev(config);
        const ChipDescription &c = dev.chip();
        Regs regs;
        for (const quint32 addr : c.revision.registers()) {
            QByteArray data;
            appendU32(data, addr);
            const auto out = dev.handleFrame(encodeCommand(Op::ReadReg, data));
            QCOMPARE(out.frames.size(), 1);
            const auto resp = parseResponse(out.frames.first());
            QVERIFY(resp && resp->ok());
            regs.insert(addr, resp->value);
        }
        QCOMPARE(decodeChipRevision(c.revision, c.name, regs).description, description);
        // The MAC words still read as the MAC (the C2 shares one with its revision).
        QByteArray macReg;
        appendU32(macReg, c.macEfuseReg + 4);
        const auto mac1
            = parseResponse(dev.handleFrame(encodeCommand(Op::ReadReg, macReg)).frames.first());
        QCOMPARE(mac1->value & 0xFFFF, 0xA1B2u);
    }

    void virtualBoardUnreadableRevision()
    {
        Sim::RomBoardConfig config;
        config.chipKey = QStringLiteral("esp32c3");
        config.revisionUnreadable = true;
        Sim::RomDevice dev(config);
        QByteArray data;
        appendU32(data, 0x60008844 + 20);
        const auto resp
            = parseResponse(dev.handleFrame(encodeCommand(Op::ReadReg, data)).frames.first());
        QVERIFY(resp && !resp->ok());
        Sim::RomBoardConfig bad;
        bad.chipKey = QStringLiteral("esp32");
        bad.revision = QStringLiteral("v5.0");
        QVERIFY(!Sim::revisionEfuses(*ChipDatabase::instance().byKey(bad.chipKey), bad));
    }
};

QTEST_GUILESS_MAIN(TestChipRevision)
#include "tst_chiprevision.moc"
