// SPDX-License-Identifier: GPL-3.0-or-later
// The Flash workspace's controller without its widgets: FlashSession against the virtual board
// over a real pseudo-terminal and over TCP (connect, write with a backup, verify, restore) and
// a write cancelled half-way.
#include "flashtesthelpers.h"

#include "core/common/settings.h"
#include "core/flasher/flashsession.h"
#include "core/image/certpayload.h"
#include "core/sim/romserialserver.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Forgeline;
using namespace Forgeline::Flasher;
using namespace Forgeline::Sim;
using namespace FlashTest;

namespace {

constexpr quint32 CertOffset = 0x110000;
constexpr quint32 CertSize = 0x2000;

RomBoardConfig board(bool timing)
{
    RomBoardConfig c;
    c.chipKey = QStringLiteral("esp32c3");
    c.timing = timing;
    c.image = RomBoardConfig::imageWithPartitionTable(RomBoardConfig::defaultPartitionCsv());
    return c;
}

FlashJobRequest linkTo(const QString &port)
{
    FlashJobRequest r;
    r.link.port = port;
    r.link.baud = 921600;
    return r;
}

struct Finished
{
    FlashAction action = FlashAction::None;
    std::optional<Result<FlashJobOutcome>> result;
};

// Waits for the session's next finished(); a real event loop, as runJob() does.
Finished waitFinished(FlashSession &session, int timeoutMs = 60000)
{
    Finished out;
    QEventLoop loop;
    auto c = QObject::connect(
        &session, &FlashSession::finished, &loop,
        [&out, &loop](FlashAction action, const Result<FlashJobOutcome> &result) {
            out.action = action;
            out.result = result;
            loop.quit();
        });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(c);
    return out;
}

QString describe(const Finished &f)
{
    if (!f.result)
        return QStringLiteral("no answer");
    if (f.result->ok())
        return QString();
    return f.result->error().message + QStringLiteral(" / ") + f.result->error().detail;
}

} // namespace

class TestFlashSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Settings s = Settings::load();
        s.backupBeforeWrite = true; // the session decides from the settings
        s.save();
    }

    void connectWriteVerifyRestore_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("pty") << QStringLiteral("pty");
        QTest::newRow("tcp") << QStringLiteral("tcp");
    }

    void connectWriteVerifyRestore()
    {
        QFETCH(QString, transport);
        QTemporaryDir backups;
        QVERIFY(backups.isValid());
        RomSerialServer server(board(false));
        const QString port = listen(server, transport);
        QVERIFY(!port.isEmpty());

        FlashSession session;
        session.setBackupDirectory(backups.path());
        QCOMPARE(session.backupDirectory(), backups.path());
        QVERIFY(session.backups().isEmpty());
        QSignalSpy boardSpy(&session, &FlashSession::boardChanged);
        QSignalSpy backupSpy(&session, &FlashSession::backupsChanged);

        QVERIFY(session.connectBoard(linkTo(port)));
        QVERIFY(session.isBusy());
        QCOMPARE(session.action(), FlashAction::Connect);
        // One job at a time: a second request while busy is refused, not queued.
        QVERIFY(!session.connectBoard(linkTo(port)));
        Finished f = waitFinished(session);
        QVERIFY2(f.result && f.result->ok(), qPrintable(describe(f)));
        QCOMPARE(f.action, FlashAction::Connect);
        QVERIFY(!session.isBusy());
        QCOMPARE(session.action(), FlashAction::None);
        QCOMPARE(boardSpy.count(), 1);
        QCOMPARE(session.board().chipName, QStringLiteral("ESP32-C3"));
        QVERIFY((*f.result)->table.has_value());
        QVERIFY((*f.result)->table->find(QStringLiteral("cert")));

        // Write: the session backs the partition up first, into its directory.
        const QByteArray original = server.device().flash().read(CertOffset, CertSize);
        auto cert = Image::encodeCertPayload(fakePem("CERTIFICATE", 3000, 7),
                                             Image::PayloadFormat::PemNul);
        QVERIFY(cert.ok());
        FlashJobRequest w = linkTo(port);
        w.partition = QStringLiteral("cert");
        w.payload = cert->bytes;
        QSignalSpy progressSpy(&session, &FlashSession::progress);
        backupSpy.clear();
        QVERIFY(session.write(w));
        f = waitFinished(session);
        QVERIFY2(f.result && f.result->ok(), qPrintable(describe(f)));
        QCOMPARE(f.action, FlashAction::Write);
        QVERIFY(!progressSpy.isEmpty());
        QVERIFY(backupSpy.count() >= 1);
        QCOMPARE(session.lastPartition(), QStringLiteral("cert"));
        QCOMPARE(session.lastPayload(), cert->bytes);
        const QString backupPath = (*f.result)->backupPath;
        QVERIFY(QFile::exists(backupPath));
        QVERIFY(backupPath.startsWith(backups.path()));
        QCOMPARE(session.backups().size(), 1);
        QCOMPARE(session.backups().first().path, backupPath);
        QCOMPARE(server.device().flash().read(CertOffset, CertSize), padded(cert->bytes, CertSize));

        // Verify: the partition holds what was written, and not something else.
        FlashJobRequest v = linkTo(port);
        v.partition = QStringLiteral("cert");
        QVERIFY(session.verify(v, cert->bytes));
        f = waitFinished(session);
        QVERIFY2(f.result && f.result->ok(), qPrintable(describe(f)));
        QCOMPARE(f.action, FlashAction::Verify);
        QVERIFY(session.holdsLastPayload(**f.result));
        QVERIFY(session.verify(v, QByteArray("not this")));
        f = waitFinished(session);
        QVERIFY2(f.result && f.result->ok(), qPrintable(describe(f)));
        QVERIFY(!session.holdsLastPayload(**f.result));

        // Inspect reads the partition for the caller.
        QVERIFY(session.inspect(v));
        f = waitFinished(session);
        QVERIFY2(f.result && f.result->ok(), qPrintable(describe(f)));
        QCOMPARE(f.action, FlashAction::Inspect);
        QCOMPARE((*f.result)->data, padded(cert->bytes, CertSize));

        // Restore the backup: the partition is as it was before the write.
        QVERIFY(session.restore(linkTo(port), backupPath));
        f = waitFinished(session);
        QVERIFY2(f.result && f.result->ok(), qPrintable(describe(f)));
        QCOMPARE(f.action, FlashAction::Restore);
        QCOMPARE((*f.result)->partition, QStringLiteral("cert"));
        QCOMPARE(server.device().flash().read(CertOffset, CertSize), original);
    }

    void cancelMidWrite()
    {
        QTemporaryDir backups;
        QVERIFY(backups.isValid());
        RomSerialServer server(board(true)); // paced at the baud rate: slow enough to cancel
        const QString port = listen(server, QStringLiteral("pty"));
        QVERIFY(!port.isEmpty());
        FlashSession session;
        session.setBackupDirectory(backups.path());

        QByteArray big;
        QRandomGenerator rng(5);
        for (int i = 0; i < 256 * 1024; ++i)
            big.append(char(rng.bounded(256)));
        FlashJobRequest w = linkTo(port);
        w.partition = QStringLiteral("storage");
        w.payload = big;
        double lastRate = 0;
        connect(&session, &FlashSession::progress, &session,
                [&session, &lastRate](const QString &stage, qint64 done, qint64, double rate) {
                    if (stage != QLatin1String("write"))
                        return;
                    lastRate = rate;
                    if (done > 16 * 1024)
                        session.cancel();
                });
        QVERIFY(session.write(w));
        const Finished f = waitFinished(session);
        QVERIFY(f.result.has_value());
        QVERIFY(!f.result->ok());
        QCOMPARE(f.action, FlashAction::Write);
        QCOMPARE(f.result->error().code, QStringLiteral("cancelled"));
        QVERIFY(f.result->error().message.contains(QLatin1String("storage partially written")));
        QVERIFY(lastRate > 0); // bytes per second, known once the stage has run a while
        QVERIFY(!session.isBusy());
        QCOMPARE(session.action(), FlashAction::None);
        // The backup taken before writing is listed, ready to restore.
        QCOMPARE(session.backups().size(), 1);
        QCOMPARE(session.backups().first().partition, QStringLiteral("storage"));
    }
};

QTEST_GUILESS_MAIN(TestFlashSession)
#include "tst_flashsession.moc"
