// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A TCP relay between a real TLS client and server on loopback that changes only the record
// framing: it coalesces each plaintext handshake flight into one record, or cuts plaintext
// handshake records into small ones. Handshake bytes are untouched (the transcript hash covers
// messages, not records), so the peers still complete. It keeps what it wrote, in order, so
// the test can write the exchange to a capture and knows the exact record sequence.

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

namespace Forgeline::TestSupport {

class ReframingRelay : public QObject
{
public:
    enum class Mode { Plain, Coalesce, Fragment };
    struct Write
    {
        int dir = 0; // 0 client→server, 1 server→client
        QByteArray bytes;
    };
    struct SentRecord
    {
        int dir = 0;
        int type = 0;
        QList<int> completedMessages; // handshake types whose last byte is in this record
    };

    // directions: 1 = reframe what the client sends, 2 = what the server sends, 3 = both.
    ReframingRelay(Mode mode, int fragmentSize, quint16 upstreamPort, int directions = 3)
        : m_mode(mode), m_fragmentSize(fragmentSize), m_upstreamPort(upstreamPort),
          m_directions(directions)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, &ReframingRelay::accept);
    }

    quint16 port() const { return m_server.serverPort(); }
    bool closed() const { return m_closed; }
    const QList<Write> &writes() const { return m_writes; }
    const QList<SentRecord> &records() const { return m_records; }

private:
    struct Direction
    {
        QByteArray buffer; // bytes not yet cut into records
        QByteArray held;   // coalesced handshake payload waiting for the end of the flight
        quint16 heldVersion = 0x0303;
        bool keyChanged = false;   // after ChangeCipherSpec handshake records are encrypted
        QByteArray pendingMessage; // handshake bytes of an unfinished message (for the oracle)
    };

    void accept()
    {
        m_client = m_server.nextPendingConnection();
        m_upstream = new QTcpSocket(this);
        connect(m_client, &QTcpSocket::readyRead, this, [this] { relay(0); });
        connect(m_upstream, &QTcpSocket::readyRead, this, [this] { relay(1); });
        connect(m_upstream, &QTcpSocket::connected, this, [this] { relay(0); });
        connect(m_client, &QTcpSocket::disconnected, this, [this] { finish(); });
        connect(m_upstream, &QTcpSocket::disconnected, this, [this] { finish(); });
        m_upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }

    void finish()
    {
        if (m_closed)
            return;
        m_closed = true;
        relay(0);
        relay(1);
        m_client->disconnectFromHost();
        m_upstream->disconnectFromHost();
    }

    void relay(int dir)
    {
        QTcpSocket *from = dir == 0 ? m_client : m_upstream;
        QTcpSocket *to = dir == 0 ? m_upstream : m_client;
        if (!from || !to || to->state() != QAbstractSocket::ConnectedState)
            return;
        Direction &d = m_dirs[dir];
        d.buffer += from->readAll();
        QByteArray out;
        while (d.buffer.size() >= 5) {
            const int length = (quint8(d.buffer[3]) << 8) | quint8(d.buffer[4]);
            if (d.buffer.size() < 5 + length)
                break;
            const QByteArray record = d.buffer.left(5 + length);
            d.buffer.remove(0, 5 + length);
            out += reframe(dir, d, record);
        }
        if (!out.isEmpty()) {
            to->write(out);
            m_writes.append({dir, out});
        }
    }

    QByteArray makeRecord(int dir, int type, quint16 version, const QByteArray &payload)
    {
        SentRecord sent{dir, type, {}};
        Direction &d = m_dirs[dir];
        if (type == 22 && !d.keyChanged) {
            d.pendingMessage += payload;
            while (d.pendingMessage.size() >= 4) {
                const int len = (quint8(d.pendingMessage[1]) << 16)
                                | (quint8(d.pendingMessage[2]) << 8) | quint8(d.pendingMessage[3]);
                if (d.pendingMessage.size() < 4 + len)
                    break;
                sent.completedMessages << quint8(d.pendingMessage[0]);
                d.pendingMessage.remove(0, 4 + len);
            }
        }
        m_records.append(sent);
        QByteArray r(1, char(type));
        r += char(version >> 8);
        r += char(version & 0xff);
        r += char(payload.size() >> 8);
        r += char(payload.size() & 0xff);
        return r + payload;
    }

    QByteArray flushHeld(int dir, Direction &d)
    {
        if (d.held.isEmpty())
            return {};
        const QByteArray out = makeRecord(dir, 22, d.heldVersion, d.held);
        d.held.clear();
        return out;
    }

    static int lastMessageType(const QByteArray &handshake)
    {
        int type = -1;
        for (qsizetype at = 0; at + 4 <= handshake.size();) {
            type = quint8(handshake[at]);
            at += 4
                  + ((quint8(handshake[at + 1]) << 16) | (quint8(handshake[at + 2]) << 8)
                     | quint8(handshake[at + 3]));
        }
        return type;
    }

    QByteArray reframe(int dir, Direction &d, const QByteArray &record)
    {
        const int type = quint8(record[0]);
        const quint16 version = quint16((quint8(record[1]) << 8) | quint8(record[2]));
        const QByteArray payload = record.mid(5);
        const bool plaintextHandshake = type == 22 && !d.keyChanged && (m_directions & (1 << dir));
        QByteArray out;
        if (m_mode == Mode::Coalesce && plaintextHandshake) {
            if (d.held.isEmpty())
                d.heldVersion = version;
            d.held += payload;
            // A flight ends with ClientHello, ServerHelloDone, or before the key change.
            const int last = lastMessageType(d.held);
            if (last == 1 || last == 14)
                out += flushHeld(dir, d);
            return out;
        }
        out += flushHeld(dir, d);
        if (m_mode == Mode::Fragment && plaintextHandshake) {
            for (qsizetype at = 0; at < payload.size(); at += m_fragmentSize)
                out += makeRecord(dir, type, version, payload.mid(at, m_fragmentSize));
        } else {
            out += makeRecord(dir, type, version, payload);
        }
        if (type == 20 && !m_tls13)
            d.keyChanged = true;
        if (type == 22 && dir == 1 && payload.size() > 40 && quint8(payload[0]) == 2)
            m_tls13 = payload.contains(
                QByteArray::fromHex("002b00020304")); // supported_versions: TLS 1.3
        if (m_tls13) {
            m_dirs[0].keyChanged = true;
            m_dirs[1].keyChanged = true;
        }
        return out;
    }

    Mode m_mode;
    int m_fragmentSize;
    quint16 m_upstreamPort;
    int m_directions = 3;
    QTcpServer m_server;
    QTcpSocket *m_client = nullptr;
    QTcpSocket *m_upstream = nullptr;
    Direction m_dirs[2];
    bool m_tls13 = false;
    bool m_closed = false;
    QList<Write> m_writes;
    QList<SentRecord> m_records;
};

} // namespace Forgeline::TestSupport
