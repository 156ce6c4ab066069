// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/protocomm/httpparser.h"
#include "core/sim/boardprofile.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>

class QTcpServer;
class QTcpSocket;

namespace Forgeline::Sim {

class ProtocommDevice;

// protocomm_httpd as the firmware runs it, on 127.0.0.1: POST /<endpoint>, bodies of 1..4096
// bytes, "Set-Cookie: session=<id>" on the first reply of a session and exact Cookie matching
// (ESP-IDF >= 4.3) or sessions bound to the socket (older firmware), max_open_sockets = 1 with
// LRU eviction, and a handler failure closes the socket without any response.
class ProtocommHttpServer : public QObject
{
    Q_OBJECT
public:
    ProtocommHttpServer(ProtocommDevice *device, HttpFaults faults, QObject *parent = nullptr);
    ~ProtocommHttpServer() override;

    // 0 picks a free port.
    // 127.0.0.1 unless told otherwise; QHostAddress::LocalHostIPv6 (::1) serves IPv6 clients.
    Result<quint16> listen(quint16 port = 0, const QHostAddress &address = QHostAddress::LocalHost);
    quint16 port() const { return m_port; }
    QString url() const;
    void close();

    int requestsHandled() const { return m_requests; }
    int connectionsAccepted() const { return m_accepted; }

Q_SIGNALS:
    // Something the simulator did on purpose (a fault), for its own console, not the device log.
    void faultInjected(const QString &what);

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(Connection *c);
    void process(Connection *c, const Protocomm::HttpMessage &request);
    void send(Connection *c, const QByteArray &head, const QByteArray &body, bool closeAfter);
    void closeConnection(Connection *c);
    void dropAll();
    void restartDevice();
    bool sameSession(const Connection *c, const Protocomm::HttpMessage &request) const;

    QPointer<ProtocommDevice> m_device; // may go first when both die with their parent
    HttpFaults m_faults;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    QHostAddress m_address{QHostAddress::LocalHost};
    QList<Connection *> m_connections; // LRU order, most recent last
    int m_nextFd = 54;                 // lwIP-style socket numbers, for the log
    int m_sockSessionFd = -1;
    bool m_cookieSessionValid = false;
    quint32 m_cookieSessionId = 0;
    int m_requests = 0;
    int m_accepted = 0;
    bool m_restarting = false;
};

} // namespace Forgeline::Sim
