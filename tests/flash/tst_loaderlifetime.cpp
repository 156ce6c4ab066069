// SPDX-License-Identifier: GPL-3.0-or-later
// A LoaderSession destroyed in the middle of its connect conversation, with a reply from the
// virtual board still on its way over a real pty: the late reply is dropped, nothing calls
// back into the freed session (ASan builds would report it), and no callback runs.
#include "core/flasher/loadersession.h"
#include "core/sim/romserialserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Flasher;
using namespace Forgeline::Sim;

class TestLoaderLifetime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void destroyedWhileAReplyIsPending_data()
    {
        QTest::addColumn<QString>("chip");
        QTest::addColumn<int>("frames");
        // SYNC, then rows of the detection, MAC, revision and flash-id tables.
        for (const QString &chip : {QStringLiteral("esp32"), QStringLiteral("esp32c3")})
            for (int frames : {1, 2, 3, 4, 6, 8, 10, 12})
                QTest::newRow(
                    qPrintable(QStringLiteral("%1/after %2 frames").arg(chip).arg(frames)))
                    << chip << frames;
    }

    void destroyedWhileAReplyIsPending()
    {
        QFETCH(QString, chip);
        QFETCH(int, frames);
        RomBoardConfig config;
        config.chipKey = chip;
        config.timing = true; // replies take wire time: the session is gone before they arrive
        RomSerialServer board(config);
        const Result<QString> port = board.listenPty();
        if (!port)
            QSKIP(qPrintable(port.error().message));

        auto *session = new LoaderSession;
        int callbacks = 0;
        LoaderSession::Options options;
        options.port = *port;
        options.baud = 115200;
        session->connectBoard(options, [&callbacks](Result<BoardInfo>) { ++callbacks; });
        // Stop right after the board took the frame: its reply is then still on the way.
        QElapsedTimer clock;
        clock.start();
        while (board.framesHandled() < frames && clock.elapsed() < 20000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        QVERIFY(board.framesHandled() >= frames);
        delete session;
        // Let the board's answer arrive on the pty nobody reads any more.
        QTest::qWait(100);
        QCOMPARE(callbacks, 0);
    }
};

QTEST_GUILESS_MAIN(TestLoaderLifetime)
#include "tst_loaderlifetime.moc"
