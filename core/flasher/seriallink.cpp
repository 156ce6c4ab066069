// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/seriallink.h"

#include <QFileInfo>
#include <QSerialPort>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#ifdef Q_OS_UNIX
#include <poll.h>
#include <sys/ioctl.h>
#endif

namespace Forgeline::Flasher {

SerialLink::SerialLink(QObject *parent) : QObject(parent) {}

SerialLink::~SerialLink() { close(); }

bool SerialLink::isSocketAddress(const QString &port)
{
    return port.startsWith(QLatin1String("socket://"), Qt::CaseInsensitive);
}

void SerialLink::fail(const QString &code, const QString &message, const QString &detail)
{
    if (m_failed)
        return;
    m_failed = true;
    Q_EMIT failed(Error::make(code, message, detail));
}

bool SerialLink::portIsGone() const
{
    if (!m_serial || !m_serial->isOpen())
        return true;
#ifdef Q_OS_UNIX
    // A device that is really gone hangs up its descriptor (pty master closed, USB unplugged)
    // or leaves no node behind; a spurious empty read does neither.
    if (!QFileInfo::exists(m_port))
        return true;
    pollfd p{};
    p.fd = int(m_serial->handle());
    p.events = POLLIN;
    if (::poll(&p, 1, 0) < 0)
        return true;
    return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
#else
    return true;
#endif
}

void SerialLink::open(const QString &port, qint32 baud)
{
    close();
    m_port = port;
    m_baud = baud;
    m_failed = false;
    if (isSocketAddress(port)) {
        const QUrl url(port);
        if (url.host().isEmpty() || url.port() <= 0) {
            QTimer::singleShot(0, this, [this, port] {
                fail(QStringLiteral("serial.address"),
                     tr("\"%1\" is not a valid socket://HOST:PORT address.").arg(port), port);
            });
            return;
        }
        m_socket = new QTcpSocket(this);
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_modemLines = false;
        connect(m_socket, &QTcpSocket::connected, this, &SerialLink::opened);
        connect(m_socket, &QTcpSocket::readyRead, this,
                [this] { Q_EMIT dataReceived(m_socket->readAll()); });
        connect(m_socket, &QTcpSocket::errorOccurred, this,
                [this, port](QAbstractSocket::SocketError e) {
                    const bool lost = e == QAbstractSocket::RemoteHostClosedError;
                    fail(lost ? QStringLiteral("serial.lost") : QStringLiteral("serial.open"),
                         lost ? tr("The connection to %1 was lost.").arg(port)
                              : tr("Could not connect to %1.").arg(port),
                         m_socket->errorString());
                });
        m_socket->connectToHost(url.host(), quint16(url.port()));
        return;
    }
    m_serial = new QSerialPort(this);
    m_serial->setPortName(port);
    m_serial->setBaudRate(baud);
    m_serial->setDataBits(QSerialPort::Data8);
    m_serial->setParity(QSerialPort::NoParity);
    m_serial->setStopBits(QSerialPort::OneStop);
    m_serial->setFlowControl(QSerialPort::NoFlowControl);
    if (!m_serial->open(QIODevice::ReadWrite)) {
        const QString detail = m_serial->errorString();
        const bool busy = m_serial->error() == QSerialPort::PermissionError;
        QTimer::singleShot(0, this, [this, port, detail, busy] {
            fail(
                QStringLiteral("serial.open"),
                busy
                    ? tr("%1 is in use or not permitted (another program, or missing dialout group).")
                          .arg(port)
                    : tr("Could not open %1.").arg(port),
                detail);
        });
        return;
    }
    // Probe the modem lines: pty and some USB ROM interfaces refuse TIOCMSET.
    m_modemLines = m_serial->setDataTerminalReady(false) && m_serial->setRequestToSend(false);
    m_serial->clearError();
    connect(m_serial, &QSerialPort::readyRead, this, [this] {
        m_emptyReads = 0;
        Q_EMIT dataReceived(m_serial->readAll());
    });
    connect(
        m_serial, &QSerialPort::errorOccurred, this, [this, port](QSerialPort::SerialPortError e) {
            if (e != QSerialPort::ResourceError)
                return;
            // A driver that signals "readable" forever and never delivers a byte would spin here:
            // after that many empty reads in a row the port counts as lost after all.
            constexpr int MaxEmptyReadsInARow = 200;
            if (!portIsGone() && ++m_emptyReads < MaxEmptyReadsInARow) {
                // QSerialPort takes a read that found nothing (the notifier fired, then a flush or
                // the board's own read emptied the queue; a non-blocking tty read then returns 0 or
                // EAGAIN) for a lost device and stops reading. The port is still there: resume.
                m_serial->clearError();
                m_serial->setReadBufferSize(
                    m_serial->readBufferSize()); // re-arms Qt's read notifier
                return;
            }
            fail(QStringLiteral("serial.lost"),
                 tr("%1 went away (cable unplugged or board lost power).").arg(port),
                 m_serial->errorString());
        });
    QTimer::singleShot(0, this, &SerialLink::opened);
}

void SerialLink::close()
{
    // deleteLater, not delete: close() also runs from inside the port's own readyRead (a reply
    // that ends a job closes the session), and Qt must finish that emission first.
    if (m_serial) {
        m_serial->disconnect(this);
        m_serial->close();
        m_serial->deleteLater();
        m_serial = nullptr;
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

bool SerialLink::isOpen() const
{
    return (m_serial && m_serial->isOpen())
           || (m_socket && m_socket->state() == QAbstractSocket::ConnectedState);
}

void SerialLink::write(const QByteArray &bytes)
{
    // Push the bytes out now instead of on the next event-loop pass: with the ROM's
    // stop-and-wait protocol every pass of latency is paid once per 1 KiB block.
    if (m_serial) {
        m_serial->write(bytes);
        m_serial->flush();
    } else if (m_socket) {
        m_socket->write(bytes);
        m_socket->flush();
    }
}

void SerialLink::discardInput()
{
    if (m_serial)
        m_serial->clear(QSerialPort::Input);
    else if (m_socket)
        m_socket->readAll();
}

bool SerialLink::setBaudRate(qint32 baud)
{
    if (!m_serial)
        return false;
    m_serial->flush();
    if (!m_serial->setBaudRate(baud))
        return false;
    m_baud = baud;
    return true;
}

bool SerialLink::setLines(bool dtr, bool rts)
{
    if (!m_serial || !m_modemLines)
        return false;
#ifdef Q_OS_UNIX
    // One TIOCMSET for both lines: the "tight" sequence depends on them changing together.
    const int fd = int(m_serial->handle());
    int status = 0;
    if (::ioctl(fd, TIOCMGET, &status) == 0) {
        status = dtr ? (status | TIOCM_DTR) : (status & ~TIOCM_DTR);
        status = rts ? (status | TIOCM_RTS) : (status & ~TIOCM_RTS);
        return ::ioctl(fd, TIOCMSET, &status) == 0;
    }
#endif
    return m_serial->setDataTerminalReady(dtr) && m_serial->setRequestToSend(rts);
}

bool SerialLink::setDtr(bool on)
{
    return m_serial && m_modemLines && m_serial->setDataTerminalReady(on);
}

bool SerialLink::setRts(bool on)
{
    if (!m_serial || !m_modemLines)
        return false;
    const bool ok = m_serial->setRequestToSend(on);
    // Windows usbser.sys only applies RTS with a following DTR write (esptool does the same).
    m_serial->setDataTerminalReady(m_serial->isDataTerminalReady());
    return ok;
}

} // namespace Forgeline::Flasher
