// SPDX-License-Identifier: GPL-3.0-or-later
// Compressed writes (docs §6): a zlib stream at level 9, cut into FLASH_WRITE_SIZE slices
// without regard to deflate blocks; the device inflates the slices as one stream.
#include "core/flasher/compression.h"
#include "core/flasher/romprotocol.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Forgeline::Flasher;

class TestDeflate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void zlibFraming()
    {
        const QByteArray z = zlibCompress(QByteArray(8192, 'a'));
        QVERIFY(z.size() < 100);
        QCOMPARE(quint8(z.at(0)), quint8(0x78)); // zlib header, not raw deflate or gzip
        QCOMPARE(quint8(z.at(1)), quint8(0xDA)); // level 9 flag bits
        QCOMPARE((quint8(z.at(0)) * 256 + quint8(z.at(1))) % 31, 0);
    }

    void blocksAreSlicesOfTheStream()
    {
        QRandomGenerator rng(3);
        QByteArray data;
        for (int i = 0; i < 20000; ++i)
            data.append(char('A' + rng.bounded(8)));
        const QByteArray stream = zlibCompress(data);
        const QList<QByteArray> blocks = splitBlocks(stream, int(Rom::FlashWriteSize));
        QCOMPARE(blocks.size(), int((stream.size() + 0x3FF) / 0x400));
        for (int i = 0; i + 1 < blocks.size(); ++i)
            QCOMPARE(blocks.at(i).size(), qsizetype(0x400));
        QVERIFY(blocks.last().size() <= 0x400); // last slice short, not padded
        QCOMPARE(blocks.join(), stream);

        Inflater inf;
        QByteArray out;
        for (const QByteArray &b : blocks) {
            auto part = inf.feed(b);
            QVERIFY(part.ok());
            out += *part;
        }
        QVERIFY(inf.finished());
        QCOMPARE(out, data);
    }

    void corruptionAndAdler()
    {
        const QByteArray data(4096, 'x');
        QByteArray z = zlibCompress(data);
        z[z.size() - 1] = char(z[z.size() - 1] ^ 0xFF); // Adler-32 trailer
        Inflater inf;
        auto r = inf.feed(z);
        QVERIFY(!r.ok());
        QVERIFY(inf.lastErrorWasAdler());
        Inflater bad;
        QVERIFY(!bad.feed(QByteArray::fromHex("78da ffffffff")).ok());
        QVERIFY(!bad.lastErrorWasAdler());
    }
};

QTEST_GUILESS_MAIN(TestDeflate)
#include "tst_deflate.moc"
