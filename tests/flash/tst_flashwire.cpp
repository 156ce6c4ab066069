// SPDX-License-Identifier: GPL-3.0-or-later
// What the flasher puts on the wire, frame by frame, against golden transcripts in
// tests/data/flashwire: the order and bytes of every command of a connect (per chip), a
// partition-table read and a verified write must not change when the code that sends them is
// restructured. A TCP relay between the LoaderSession and the virtual board records what the
// client sends. FLASHWIRE_UPDATE=1 rewrites the transcripts (review the diff before committing).
#include "flashtesthelpers.h"

#include "core/flasher/slip.h"
#include "core/sim/romserialserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace Forgeline;
using namespace Forgeline::Flasher;
using namespace Forgeline::Sim;
using namespace FlashTest;

namespace {

// Forwards one client connection to the board and keeps the client's SLIP frames.
class RecordingRelay : public QObject
{
public:
    explicit RecordingRelay(quint16 boardPort) : m_boardPort(boardPort)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *client = m_server.nextPendingConnection();
            if (!client)
                return;
            auto *board = new QTcpSocket(client);
            connect(client, &QTcpSocket::readyRead, board, [this, client, board] {
                const QByteArray bytes = client->readAll();
                m_decoder.feed(bytes);
                for (const QByteArray &frame : m_decoder.takeFrames())
                    record(frame);
                if (board->state() == QAbstractSocket::ConnectedState)
                    board->write(bytes);
                else
                    m_early += bytes;
            });
            connect(board, &QTcpSocket::connected, board, [this, board] {
                board->write(m_early);
                m_early.clear();
            });
            connect(board, &QTcpSocket::readyRead, client,
                    [client, board] { client->write(board->readAll()); });
            connect(client, &QTcpSocket::disconnected, board, [board] { board->abort(); });
            board->connectToHost(QHostAddress::LocalHost, m_boardPort);
        });
    }

    QString address() const
    {
        return QStringLiteral("socket://127.0.0.1:%1").arg(m_server.serverPort());
    }
    const QStringList &frames() const { return m_frames; }

private:
    void record(const QByteArray &frame)
    {
        const quint8 op = frame.size() > 1 ? quint8(frame.at(1)) : 0;
        const QString line
            = QStringLiteral("%1 %2").arg(opName(op), QString::fromLatin1(frame.toHex()));
        // A slow machine may need a second SYNC before the board answers; that is timing, not
        // the conversation.
        if (op == Op::Sync && !m_frames.isEmpty() && m_frames.last() == line)
            return;
        m_frames << line;
    }

    quint16 m_boardPort;
    QTcpServer m_server;
    SlipDecoder m_decoder;
    QByteArray m_early;
    QStringList m_frames;
};

quint16 portOf(const QString &socketAddress)
{
    return quint16(socketAddress.section(QLatin1Char(':'), -1).toUInt());
}

} // namespace

class TestFlashWire : public QObject
{
    Q_OBJECT

    void compareWithTranscript(const QString &name, const QStringList &frames)
    {
        const QString path
            = QStringLiteral(TESTDATA_DIR "/flashwire/") + name + QStringLiteral(".txt");
        const QString text = frames.join(QLatin1Char('\n')) + QLatin1Char('\n');
        if (qEnvironmentVariableIsSet("FLASHWIRE_UPDATE")) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(text.toLatin1());
            return;
        }
        QFile in(path);
        QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(path));
        const QStringList expected
            = QString::fromLatin1(in.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < qMin(expected.size(), frames.size()); ++i)
            QVERIFY2(frames.at(i) == expected.at(i),
                     qPrintable(QStringLiteral("frame %1 differs:\n  sent     %2\n  expected %3")
                                    .arg(i)
                                    .arg(frames.at(i).left(200), expected.at(i).left(200))));
        QCOMPARE(frames.size(), expected.size());
    }

    QStringList run(const RomBoardConfig &config, FlashJobRequest request, bool expectOk = true)
    {
        RomSerialServer board(config);
        const Result<QString> address = board.listenTcp(0);
        if (!address)
            return {QStringLiteral("listen failed")};
        RecordingRelay relay(portOf(*address));
        request.link.port = relay.address();
        request.link.baud = 921600;
        request.backupDirectory = m_backups.path();
        FlashJob job;
        const Result<FlashJobOutcome> r = runJob(job, request);
        if (r.ok() != expectOk)
            qWarning("unexpected outcome: %s",
                     qPrintable(r.ok() ? QStringLiteral("ok") : r.error().message));
        // Let the last frames (FLASH_END after a reply-less reboot) reach the relay.
        QTest::qWait(50);
        return relay.frames();
    }

    QTemporaryDir m_backups;

private Q_SLOTS:
    void connectSequence_data()
    {
        QTest::addColumn<QString>("chip");
        for (const ChipDescription &c : ChipDatabase::instance().chips())
            QTest::newRow(qPrintable(c.key)) << c.key;
    }

    void connectSequence()
    {
        QFETCH(QString, chip);
        RomBoardConfig config;
        config.chipKey = chip;
        config.timing = false;
        FlashJobRequest request;
        request.kind = FlashJobRequest::Kind::Identify;
        compareWithTranscript(QStringLiteral("identify-") + chip, run(config, request));
    }

    void unreadableRevision()
    {
        RomBoardConfig config;
        config.chipKey = QStringLiteral("esp32c3");
        config.timing = false;
        config.revisionUnreadable = true;
        FlashJobRequest request;
        request.kind = FlashJobRequest::Kind::Identify;
        compareWithTranscript(QStringLiteral("identify-esp32c3-revision-unreadable"),
                              run(config, request));
    }

    void secureDownloadStopsEarly()
    {
        RomBoardConfig config;
        config.chipKey = QStringLiteral("esp32s3");
        config.timing = false;
        config.securityFlags = 1u << 2;
        FlashJobRequest request;
        request.kind = FlashJobRequest::Kind::Identify;
        compareWithTranscript(QStringLiteral("identify-esp32s3-secure-download"),
                              run(config, request, false));
    }

    void readTableAndWrite()
    {
        RomBoardConfig config;
        config.chipKey = QStringLiteral("esp32");
        config.timing = false;
        config.image
            = RomBoardConfig::imageWithPartitionTable(RomBoardConfig::defaultPartitionCsv());
        // Something to back up at the write address, so the backup reads it over the wire.
        config.image.append(QByteArray(0x110000 - config.image.size(), char(0xFF)));
        config.image.append(fakePem("OLD CERTIFICATE", 0x1000, 3));
        FlashJobRequest table;
        table.kind = FlashJobRequest::Kind::ReadTable;
        compareWithTranscript(QStringLiteral("readtable-esp32"), run(config, table));

        FlashJobRequest write;
        write.kind = FlashJobRequest::Kind::Write;
        write.address = 0x110000;
        write.payload = fakePem("CERTIFICATE", 1500, 7);
        compareWithTranscript(QStringLiteral("write-esp32"), run(config, write));
    }
};

QTEST_GUILESS_MAIN(TestFlashWire)
#include "tst_flashwire.moc"
