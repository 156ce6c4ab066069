// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/protocommhttpserver.h"

#include "core/common/endpoint.h"
#include "core/protocomm/cryptoprimitives.h"
#include "core/sim/protocommdevice.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace Forgeline::Sim {

using Protocomm::HttpMessage;
using Protocomm::HttpParser;

static constexpr qsizetype MaxRequestBody = 4096;

struct ProtocommHttpServer::Connection
{
    QPointer<QTcpSocket> socket;
    HttpParser parser{HttpParser::Kind::Request, MaxRequestBody};
    int fd = 0;
    bool busy = false; // a reply is pending (delayed); the next request waits for it
};

ProtocommHttpServer::ProtocommHttpServer(ProtocommDevice *device, HttpFaults faults,
                                         QObject *parent)
    : QObject(parent), m_device(device), m_faults(faults)
{
    connect(m_device, &ProtocommDevice::stopped, this, [this] {
        // wifi_prov_mgr stops the httpd once provisioning is done.
        dropAll();
        if (m_server)
            m_server->close();
    });
}

ProtocommHttpServer::~ProtocommHttpServer() { dropAll(); }

Result<quint16> ProtocommHttpServer::listen(quint16 port, const QHostAddress &address)
{
    if (!m_server) {
        m_server = new QTcpServer(this);
        m_server->setMaxPendingConnections(8);
        connect(m_server, &QTcpServer::newConnection, this, &ProtocommHttpServer::onNewConnection);
    }
    m_address = address;
    const QString where = Endpoint{address.toString(), port}.toString();
    if (!m_server->listen(address, port))
        return Error::make(
            QStringLiteral("sim.listen"),
            QCoreApplication::translate("Sim", "The virtual board cannot listen on %1.").arg(where),
            m_server->errorString());
    m_port = m_server->serverPort();
    return m_port;
}

QString ProtocommHttpServer::url() const
{
    return QStringLiteral("http://") + Endpoint{m_address.toString(), m_port}.toString();
}

void ProtocommHttpServer::close()
{
    dropAll();
    if (m_server)
        m_server->close();
}

void ProtocommHttpServer::dropAll()
{
    const QList<Connection *> all = m_connections;
    for (Connection *c : all)
        closeConnection(c);
}

void ProtocommHttpServer::onNewConnection()
{
    while (QTcpSocket *s = m_server->nextPendingConnection()) {
        ++m_accepted;
        // max_open_sockets = 1 with lru_purge_enable: the newcomer evicts the old socket.
        while (!m_connections.isEmpty() && m_device) {
            m_device->log(
                'W', QStringLiteral("httpd"),
                QStringLiteral("httpd_accept_conn: Closing least recently used socket (%1)")
                    .arg(m_connections.first()->fd));
            closeConnection(m_connections.first());
        }
        auto *c = new Connection;
        c->socket = s;
        c->fd = m_nextFd;
        m_nextFd = m_nextFd >= 60 ? 54 : m_nextFd + 1;
        s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_connections.append(c);
        connect(s, &QTcpSocket::readyRead, this, [this, c] { onReadyRead(c); });
        connect(s, &QTcpSocket::disconnected, this, [this, c] {
            if (m_connections.contains(c))
                closeConnection(c);
        });
    }
}

void ProtocommHttpServer::closeConnection(Connection *c)
{
    if (!m_connections.removeOne(c))
        return;
    if (c->fd == m_sockSessionFd && m_device) {
        m_sockSessionFd = -1;
        // Older firmware: the session dies with its socket. With cookies only the socket link goes.
        if (m_device->profile().protocomm.sessionMode == QLatin1String("socket"))
            m_device->closeTransportSession(quint32(c->fd));
    }
    if (QTcpSocket *s = c->socket) {
        s->disconnect(this);
        s->flush();
        s->disconnectFromHost();
        if (s->state() != QAbstractSocket::UnconnectedState)
            s->abort();
        s->deleteLater();
    }
    delete c;
}

void ProtocommHttpServer::onReadyRead(Connection *c)
{
    if (!m_connections.contains(c) || !c->socket || c->busy)
        return;
    HttpParser::State st = c->parser.feed(c->socket->readAll());
    // One request at a time per socket, like esp_http_server; pipelined ones wait their turn.
    while (st == HttpParser::State::Complete) {
        process(c, c->parser.take());
        if (!m_connections.contains(c) || c->busy)
            return;
        st = c->parser.state();
    }
    if (st == HttpParser::State::Error) {
        if (c->parser.failure() == HttpParser::Failure::BodyTooLarge)
            m_device->log('E', QStringLiteral("protocomm_httpd"),
                          QStringLiteral("Request content length should be less than 4kb"));
        else
            m_device->log('W', QStringLiteral("httpd_parse"),
                          QStringLiteral("parse_block: %1").arg(c->parser.errorString()));
        closeConnection(c);
    }
}

bool ProtocommHttpServer::sameSession(const Connection *c, const HttpMessage &request) const
{
    if (m_device->profile().protocomm.sessionMode == QLatin1String("cookie")
        && request.hasHeader("Cookie")) {
        const QByteArray value = request.header("Cookie");
        // httpd_req_get_hdr_value_str into a 20-byte buffer: longer values fail and fall
        // back to the socket check; otherwise the whole value must be exactly session=<id>.
        if (value.size() < 20)
            return m_cookieSessionValid
                   && value == "session=" + QByteArray::number(m_cookieSessionId);
    }
    return m_sockSessionFd == c->fd && m_device->hasSession();
}

void ProtocommHttpServer::process(Connection *c, const HttpMessage &request)
{
    const QString endpoint = QString::fromUtf8(request.target.mid(1));
    if (!m_device->hasEndpoint(endpoint)) {
        m_device->log(
            'W', QStringLiteral("httpd_uri"),
            QStringLiteral("httpd_uri: URI '%1' not found").arg(QString::fromUtf8(request.target)));
        send(c, "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n", "This URI does not exist",
             false);
        return;
    }
    if (request.method != "POST") {
        m_device->log(
            'W', QStringLiteral("httpd_uri"),
            QStringLiteral("httpd_uri: Method '%1' not allowed for URI '%2'")
                .arg(QString::fromUtf8(request.method), QString::fromUtf8(request.target)));
        send(c, "HTTP/1.1 405 Method Not Allowed\r\nContent-Type: text/html\r\n",
             "Request method for this URI is not handled by server", false);
        return;
    }
    if (request.contentLength <= 0) {
        m_device->log('E', QStringLiteral("protocomm_httpd"),
                      QStringLiteral("Content length not found"));
        closeConnection(c);
        return;
    }
    const int number = ++m_requests;
    if (m_faults.restartAt == number) {
        Q_EMIT faultInjected(
            QStringLiteral("restarting the device on request %1 (/%2)").arg(number).arg(endpoint));
        restartDevice();
        return;
    }

    bool setCookie = false;
    const bool cookieMode = m_device->profile().protocomm.sessionMode == QLatin1String("cookie");
    if (!sameSession(c, request)) {
        if (cookieMode) {
            m_cookieSessionId
                = QByteArray(Protocomm::Crypto::randomBytes(4)).toHex().toUInt(nullptr, 16);
            m_cookieSessionValid = true;
            m_device->newTransportSession(m_cookieSessionId);
            setCookie = true;
        } else {
            m_device->newTransportSession(quint32(c->fd));
        }
        m_sockSessionFd = c->fd;
    }

    const ProtocommDevice::Reply reply = m_device->handle(endpoint, request.body);
    if (!reply.body) {
        m_device->log('E', QStringLiteral("protocomm_httpd"),
                      QStringLiteral("Data handler failed"));
        m_device->log('W', QStringLiteral("httpd_uri"),
                      QStringLiteral("httpd_uri: uri handler execution failed"));
        closeConnection(c);
        return;
    }
    if (m_faults.dropResponse == number) {
        Q_EMIT faultInjected(
            QStringLiteral("dropping the response to request %1 (/%2)").arg(number).arg(endpoint));
        closeConnection(c);
        return;
    }
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n";
    if (setCookie)
        head += "Set-Cookie: session=" + QByteArray::number(m_cookieSessionId) + "\r\n";
    const bool closeAfter = m_faults.closeBetween || m_faults.closeAfter == number;
    if (closeAfter)
        Q_EMIT faultInjected(
            QStringLiteral("closing the socket after the response to request %1 (/%2)")
                .arg(number)
                .arg(endpoint));
    const int delay = reply.delayMs + m_faults.slowMs;
    QByteArray body = *reply.body;
    if (m_faults.corruptResponse == number && !body.isEmpty()) {
        Q_EMIT faultInjected(QStringLiteral("corrupting the response to request %1 (/%2)")
                                 .arg(number)
                                 .arg(endpoint));
        body[0] = char(~body.at(0));
    }
    if (delay <= 0) {
        send(c, head, body, closeAfter);
        return;
    }
    c->busy = true;
    QPointer<QTcpSocket> guard = c->socket;
    QTimer::singleShot(delay, this, [this, c, guard, head, body, closeAfter] {
        if (!guard || !m_connections.contains(c))
            return;
        c->busy = false;
        send(c, head, body, closeAfter);
        if (m_connections.contains(c))
            onReadyRead(c);
    });
}

void ProtocommHttpServer::send(Connection *c, const QByteArray &head, const QByteArray &body,
                               bool closeAfter)
{
    if (!c->socket)
        return;
    QByteArray out = head;
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    out += body;
    c->socket->write(out);
    // Push it to the kernel now so that a close right after puts the FIN behind the data.
    c->socket->flush();
    if (closeAfter)
        closeConnection(c);
}

void ProtocommHttpServer::restartDevice()
{
    m_restarting = true;
    dropAll();
    m_cookieSessionValid = false;
    m_sockSessionFd = -1;
    if (m_server)
        m_server->close();
    m_device->restart();
    const int delay = m_device->profile().protocomm.restartDelayMs;
    QTimer::singleShot(delay, this, [this] {
        m_restarting = false;
        if (m_server && !m_server->isListening())
            m_server->listen(m_address, m_port);
    });
}

} // namespace Forgeline::Sim
