// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/slip.h"

#include <QTest>

using namespace Forgeline::Flasher;

class TestSlip : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodeEscapesDbBeforeC0()
    {
        // docs §1: DB -> DB DD, C0 -> DB DC, framed by C0.
        QCOMPARE(Slip::encode(QByteArray::fromHex("01c0db02")),
                 QByteArray::fromHex("c001dbdcdbdd02c0"));
        QCOMPARE(Slip::encode(QByteArray()), QByteArray::fromHex("c0c0"));
        QCOMPARE(Slip::encode(QByteArray::fromHex("dbdc")), QByteArray::fromHex("c0dbdddcc0"));
    }

    void roundTripEveryByte()
    {
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(char(i));
        SlipDecoder d;
        d.feed(Slip::encode(all));
        const auto frames = d.takeFrames();
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames.first(), all);
    }

    void backToBackFramesAndSplitFeeds()
    {
        const QByteArray wire
            = Slip::encode("abc") + Slip::encode(QByteArray::fromHex("c0c0")) + Slip::encode("z");
        SlipDecoder d;
        for (char c : wire) // one byte at a time, as a slow UART delivers it
            d.feed(QByteArray(1, c));
        const auto frames = d.takeFrames();
        QCOMPARE(frames.size(), 3);
        QCOMPARE(frames.at(0), QByteArray("abc"));
        QCOMPARE(frames.at(1), QByteArray::fromHex("c0c0"));
        QCOMPARE(frames.at(2), QByteArray("z"));
    }

    void bootTextBetweenFramesIsNoise()
    {
        SlipDecoder d;
        d.feed("rst:0x1 (POWERON_RESET),boot:0x3\r\nwaiting for download\r\n" + Slip::encode("ok"));
        QCOMPARE(d.takeFrames(), QList<QByteArray>{QByteArray("ok")});
        QVERIFY(d.takeNoise().contains("waiting for download"));
        QVERIFY(d.takeNoise().isEmpty());
    }

    void badEscapeDropsFrame()
    {
        SlipDecoder d;
        d.feed(QByteArray::fromHex("c00102db01c0") + Slip::encode("next"));
        QCOMPARE(d.badEscapes(), 1);
        QCOMPARE(d.takeFrames(), QList<QByteArray>{QByteArray("next")});
    }

    void oversizedFrameDropped()
    {
        SlipDecoder d;
        d.feed(Slip::encode(QByteArray(SlipDecoder::MaxFrame + 10, 'x')) + Slip::encode("y"));
        QCOMPARE(d.takeFrames(), QList<QByteArray>{QByteArray("y")});
    }
};

QTEST_GUILESS_MAIN(TestSlip)
#include "tst_slip.moc"
