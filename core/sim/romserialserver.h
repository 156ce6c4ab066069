// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/sim/romdevice.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <deque>
#include <memory>
#include <random>

class QSocketNotifier;
class QTcpServer;
class QTcpSocket;
class QTimer;

namespace Forgeline::Sim {

class BoardApplication;

// Serves a RomDevice over a pseudo-terminal or a TCP port (like ser2net) on the event loop.
// With timing on, every byte takes 10 bit-times at the chip's current baud rate in each
// direction and the chip is busy for the flash model's erase/program time, so a client sees
// what a real board at that rate would show. Transport faults (dropped/corrupted bytes,
// cable loss) are injected here; chip faults in RomDevice.
// Its ~24 members are the two transports (pty, TCP), the pacing queues and the fault switches;
// they are one byte pipe and change together.
class RomSerialServer : public QObject
{
    Q_OBJECT
public:
    explicit RomSerialServer(const RomBoardConfig &config, QObject *parent = nullptr);
    ~RomSerialServer() override;

    // Opens a pty and returns its slave path ("/dev/pts/7").
    Result<QString> listenPty();
    // Listens on 127.0.0.1:port (0 = any free port) and returns "socket://127.0.0.1:PORT".
    Result<QString> listenTcp(quint16 port);
    QString address() const { return m_address; }

    RomDevice &device() { return m_device; }

    // The firmware in flash. With `bootAfterReset`, a reboot command (FLASH_END 0, what a
    // flasher sends after writing on a link without modem lines) starts it, as a real board
    // does once the strap is released. While it runs its console goes to the link, and a
    // flasher's SYNC puts the board back into download mode (the auto-reset a real adapter
    // would pulse). Not owned.
    void setApplication(BoardApplication *app, bool bootAfterReset);
    // Powers on straight into the application (forgeline-sim --boot app).
    void bootApplication();
    bool applicationRunning() const { return m_inApp; }

    // The modelled cost of everything handled so far: request and reply bytes on the wire
    // plus flash busy time, in milliseconds. Benchmarks compare wall time against it.
    double modelledMs() const { return m_modelMs; }
    void resetModel() { m_modelMs = 0.0; }
    qint64 bytesReceived() const { return m_bytesIn; }
    int framesHandled() const { return m_frames; }

Q_SIGNALS:
    // A disconnect fault on a pty hangs it up; the board comes back on a new one.
    void addressChanged(const QString &address);
    void disconnectedByFault();

private:
    struct Action
    {
        double at = 0.0;
        enum class Kind { Send, Disconnect, BootApp } kind = Kind::Send;
        QByteArray bytes;
    };

    double now() const;
    double byteMs() const;
    void onBytes(const QByteArray &bytes);
    void handleFrame(const QByteArray &frame, double arrival);
    void schedule(Action action);
    void runDue();
    void writeOut(const QByteArray &bytes);
    void flushPty();
    void hangUp();
    void leaveApplication();
    Result<QString> openPty();
    void closePty();
    void onPtyReadable();

    RomDevice m_device;
    bool m_timing = true;
    quint32 m_baud = 115200;
    QElapsedTimer m_clock;
    double m_rxFree = 0.0;
    double m_busyUntil = 0.0;
    double m_txFree = 0.0;
    double m_modelMs = 0.0;
    qint64 m_bytesIn = 0;
    int m_frames = 0;
    std::deque<Action> m_actions;
    QTimer *m_timer = nullptr;
    std::mt19937 m_rng;

    // Incremental SLIP reading with arrival times per frame.
    QByteArray m_frame;
    bool m_inFrame = false;
    bool m_escape = false;

    QString m_address;
    int m_master = -1;
    int m_slaveKeep = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_ptyPending;
    QTcpServer *m_server = nullptr;
    QPointer<QTcpSocket> m_socket;
    QPointer<BoardApplication> m_app;
    bool m_bootAppAfterReset = false;
    bool m_inApp = false;
};

} // namespace Forgeline::Sim
