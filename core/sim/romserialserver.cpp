// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/romserialserver.h"

#include "core/flasher/romprotocol.h"
#include "core/flasher/slip.h"
#include "core/sim/boardapplication.h"

#include <QHostAddress>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace Forgeline::Sim {

using Flasher::Slip::encode;

RomSerialServer::RomSerialServer(const RomBoardConfig &config, QObject *parent)
    : QObject(parent), m_device(config), m_timing(config.timing), m_rng(config.faults.seed)
{
    m_clock.start();
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &RomSerialServer::runDue);
}

RomSerialServer::~RomSerialServer() { closePty(); }

double RomSerialServer::now() const { return double(m_clock.nsecsElapsed()) / 1e6; }

double RomSerialServer::byteMs() const { return m_timing ? 10.0 * 1000.0 / double(m_baud) : 0.0; }

Result<QString> RomSerialServer::openPty()
{
    char name[256] = {};
    int master = -1, slave = -1;
    if (::openpty(&master, &slave, name, nullptr, nullptr) != 0)
        return Error::make(QStringLiteral("sim.pty"), tr("Could not create a pseudo-terminal."),
                           QString::fromLocal8Bit(strerror(errno)));
    termios t{};
    ::tcgetattr(slave, &t);
    ::cfmakeraw(&t);
    ::tcsetattr(slave, TCSANOW, &t);
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
    // Holding our own slave descriptor keeps the master readable (no EIO/HUP storm) while no
    // client has the port open, as a real USB adapter stays present between sessions.
    m_master = master;
    m_slaveKeep = slave;
    m_readNotifier = new QSocketNotifier(master, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &RomSerialServer::onPtyReadable);
    m_writeNotifier = new QSocketNotifier(master, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &RomSerialServer::flushPty);
    m_address = QString::fromLocal8Bit(name);
    return m_address;
}

void RomSerialServer::closePty()
{
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    if (m_master >= 0)
        ::close(m_master);
    if (m_slaveKeep >= 0)
        ::close(m_slaveKeep);
    m_master = m_slaveKeep = -1;
    m_ptyPending.clear();
}

void RomSerialServer::setApplication(BoardApplication *app, bool bootAfterReset)
{
    m_app = app;
    m_bootAppAfterReset = bootAfterReset;
    if (app)
        connect(app, &BoardApplication::consoleOutput, this, [this](const QByteArray &bytes) {
            if (m_inApp)
                writeOut(bytes);
        });
}

void RomSerialServer::bootApplication()
{
    if (!m_app)
        return;
    m_actions.clear();
    m_inApp = true;
    m_app->boot(m_device.flash().contents());
}

void RomSerialServer::leaveApplication()
{
    m_inApp = false;
    if (m_app)
        m_app->halt();
}

Result<QString> RomSerialServer::listenPty()
{
    auto r = openPty();
    if (r)
        schedule({now(), Action::Kind::Send, m_device.bootBanner(true)});
    return r;
}

Result<QString> RomSerialServer::listenTcp(quint16 port)
{
    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress::LocalHost, port))
        return Error::make(QStringLiteral("sim.tcp"),
                           tr("Could not listen on TCP port %1.").arg(port),
                           m_server->errorString());
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_server->nextPendingConnection()) {
            if (m_socket)
                m_socket->abort(); // one cable at a time, as ser2net serves one client
            m_socket = s;
            s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            m_inFrame = m_escape = false;
            connect(s, &QTcpSocket::readyRead, this, [this, s] {
                if (s == m_socket)
                    onBytes(s->readAll());
            });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    m_address = QStringLiteral("socket://127.0.0.1:%1").arg(m_server->serverPort());
    return m_address;
}

void RomSerialServer::onPtyReadable()
{
    char buf[4096];
    while (true) {
        const ssize_t n = ::read(m_master, buf, sizeof(buf));
        if (n > 0) {
            onBytes(QByteArray(buf, qsizetype(n)));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        break;
    }
}

void RomSerialServer::onBytes(const QByteArray &bytes)
{
    if (m_inApp) {
        // The firmware owns the console. A flasher's SYNC stands for the reset into download
        // mode its DTR/RTS pulse would cause on a real adapter; the first SYNC is lost, as
        // one sent while a board boots is.
        if (!bytes.contains(Flasher::Rom::syncPayload().left(4))) {
            if (m_app)
                m_app->consoleInput(bytes);
            return;
        }
        leaveApplication();
        m_device.reset();
        m_baud = 115200;
        schedule({now(), Action::Kind::Send, m_device.bootBanner(false)});
        return;
    }
    const RomFaults &f = m_device.faults();
    std::uniform_real_distribution<double> uni(0.0, 1.0);
    const double t = now();
    const double perByte = byteMs();
    m_bytesIn += bytes.size();
    for (char c : bytes) {
        if (f.dropRate > 0.0 && uni(m_rng) < f.dropRate)
            continue;
        if (f.corruptRate > 0.0 && uni(m_rng) < f.corruptRate)
            c = char(quint8(c) ^ (1u << (m_rng() % 8)));
        const double arrival = qMax(t, m_rxFree) + perByte;
        m_rxFree = arrival;
        if (!m_inFrame) {
            if (c == Flasher::Slip::End) {
                m_inFrame = true;
                m_frame.clear();
            }
            continue;
        }
        if (m_escape) {
            m_escape = false;
            if (c == Flasher::Slip::EscEnd)
                m_frame.append(Flasher::Slip::End);
            else if (c == Flasher::Slip::EscEsc)
                m_frame.append(Flasher::Slip::Esc);
            else
                m_frame.append(char(0xFF)); // a broken escape spoils the frame; the ROM notices
            continue;
        }
        if (c == Flasher::Slip::Esc) {
            m_escape = true;
        } else if (c == Flasher::Slip::End) {
            if (!m_frame.isEmpty()) {
                handleFrame(m_frame, arrival);
                m_frame.clear();
                m_inFrame = false;
            }
        } else if (m_frame.size() < 0x10000) {
            m_frame.append(c);
        }
    }
}

void RomSerialServer::handleFrame(const QByteArray &frame, double arrival)
{
    ++m_frames;
    static const bool trace = qEnvironmentVariableIsSet("FORGELINE_SIM_TRACE");
    if (trace)
        qInfo("sim %.3f frame op 0x%02x", now(), frame.size() > 1 ? quint8(frame.at(1)) : 0);
    const RomDevice::Output out = m_device.handleFrame(frame);
    const double requestWire = double(encode(frame).size()) * byteMs();
    double t = qMax(arrival, m_busyUntil) + out.busyMs;
    m_busyUntil = t;
    double replyWire = 0.0;
    for (const QByteArray &reply : out.frames) {
        const QByteArray wire = encode(reply);
        const double start = qMax(t, m_txFree);
        const double end = start + double(wire.size()) * byteMs();
        replyWire += end - start;
        m_txFree = end;
        schedule({end, Action::Kind::Send, wire});
    }
    m_modelMs += requestWire + (m_timing ? out.busyMs : 0.0) + replyWire;
    if (out.newBaud)
        m_baud = out.newBaud; // the reply went out at the old rate
    if (out.event == RomDevice::Output::Event::Reset && m_app && m_bootAppAfterReset) {
        m_device.reset();
        m_baud = 115200;
        schedule({qMax(t, m_txFree), Action::Kind::BootApp, {}});
    } else if (out.event == RomDevice::Output::Event::Reset) {
        m_device.reset();
        m_baud = 115200;
        const QByteArray banner = m_device.bootBanner(false);
        const double start = qMax(t, m_txFree) + (m_timing ? 30.0 : 0.0); // boot time
        m_txFree = start + double(banner.size()) * byteMs();
        schedule({m_txFree, Action::Kind::Send, banner});
    } else if (out.event == RomDevice::Output::Event::Disconnect) {
        schedule({qMax(t, m_txFree), Action::Kind::Disconnect, {}});
    }
}

void RomSerialServer::schedule(Action action)
{
    auto it = m_actions.end();
    while (it != m_actions.begin() && std::prev(it)->at > action.at)
        --it;
    m_actions.insert(it, std::move(action));
    const double wait = m_actions.front().at - now();
    m_timer->start(wait > 0 ? int(wait) : 0);
}

void RomSerialServer::runDue()
{
    const double t = now();
    while (!m_actions.empty() && m_actions.front().at <= t + 0.05) {
        Action a = std::move(m_actions.front());
        m_actions.pop_front();
        static const bool trace = qEnvironmentVariableIsSet("FORGELINE_SIM_TRACE");
        if (trace)
            qInfo("sim %.3f send %d", now(), int(a.bytes.size()));
        if (a.kind == Action::Kind::Send)
            writeOut(a.bytes);
        else if (a.kind == Action::Kind::BootApp)
            bootApplication();
        else
            hangUp();
    }
    if (!m_actions.empty()) {
        const double wait = m_actions.front().at - now();
        // QTimer has millisecond resolution: wake a little early and spin down the rest.
        m_timer->start(wait > 1.0 ? int(wait) : 0);
    }
}

void RomSerialServer::writeOut(const QByteArray &bytes)
{
    if (m_socket) {
        m_socket->write(bytes);
        m_socket->flush();
        return;
    }
    if (m_master >= 0) {
        m_ptyPending.append(bytes);
        flushPty();
    }
}

void RomSerialServer::flushPty()
{
    while (!m_ptyPending.isEmpty() && m_master >= 0) {
        const ssize_t n = ::write(m_master, m_ptyPending.constData(), size_t(m_ptyPending.size()));
        if (n > 0) {
            m_ptyPending.remove(0, qsizetype(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        break;
    }
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(!m_ptyPending.isEmpty());
}

void RomSerialServer::hangUp()
{
    m_actions.clear();
    leaveApplication();
    m_inFrame = m_escape = false;
    m_device.reset(); // unplugging also powers the board off
    m_baud = 115200;
    if (m_socket) {
        m_socket->abort();
        m_socket = nullptr;
        Q_EMIT disconnectedByFault();
        return;
    }
    if (m_master >= 0) {
        closePty();
        Q_EMIT disconnectedByFault();
        if (auto r = openPty())
            Q_EMIT addressChanged(*r);
    }
}

} // namespace Forgeline::Sim
