// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QObject>
#include <QString>

class QSerialPort;
class QTcpSocket;

namespace Forgeline::Flasher {

// One byte pipe to a board: a serial port (USB adapter or pty) or `socket://HOST:PORT`
// (raw TCP, as ser2net serves ports). Asynchronous: opening a socket completes later.
class SerialLink : public QObject
{
    Q_OBJECT
public:
    explicit SerialLink(QObject *parent = nullptr);
    ~SerialLink() override;

    static bool isSocketAddress(const QString &port);

    // Starts opening; `opened` or `failed` follows (serial ports answer immediately).
    void open(const QString &port, qint32 baud);
    void close();
    bool isOpen() const;
    QString portName() const { return m_port; }

    void write(const QByteArray &bytes);
    void discardInput();

    // False for sockets and for ports whose driver refuses TIOCMSET (pty, some USB ROMs).
    bool hasModemLines() const { return m_modemLines; }
    bool canChangeBaud() const { return m_serial != nullptr; }
    bool setBaudRate(qint32 baud);
    qint32 baudRate() const { return m_baud; }
    // Both lines at once where the driver allows (the "tight" variant needs it).
    bool setLines(bool dtr, bool rts);
    bool setDtr(bool on);
    bool setRts(bool on);

Q_SIGNALS:
    void opened();
    void dataReceived(const QByteArray &bytes);
    void failed(const Forgeline::Error &error); // open failed or the link was lost

private:
    bool portIsGone() const;
    void fail(const QString &code, const QString &message, const QString &detail);

    QString m_port;
    qint32 m_baud = 115200;
    QSerialPort *m_serial = nullptr;
    QTcpSocket *m_socket = nullptr;
    bool m_modemLines = false;
    bool m_failed = false;
    int m_emptyReads = 0; // spurious read errors since the last data
};

} // namespace Forgeline::Flasher
