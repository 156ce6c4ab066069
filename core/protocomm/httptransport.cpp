// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocomm/httptransport.h"

#include "core/common/endpoint.h"
#include "core/common/guarded.h"

#include <QCoreApplication>
#include <QTcpSocket>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#include <sys/types.h>
#endif

namespace Forgeline::Protocomm {

HttpTransport::HttpTransport(QString host, quint16 port, QObject *parent)
    : QObject(parent), m_host(std::move(host)), m_port(port)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpTransport::onTimeout);
}

HttpTransport::~HttpTransport()
{
    // Callbacks may point at objects already gone; do not run them from a destructor.
    m_queue.clear();
    m_current.reset();
    dropSocket();
}

void HttpTransport::post(const QString &endpoint, const QByteArray &body, int timeoutMs,
                         Callback done)
{
    if (body.isEmpty() || body.size() > MaxBodyBytes) {
        m_lastDelivery = Delivery{};
        done(Error::make(QStringLiteral("protocomm.bodysize"),
                         tr("The request for '%1' is %2 bytes; the device accepts 1 to 4096 bytes.")
                             .arg(endpoint)
                             .arg(body.size())));
        return;
    }
    m_queue.enqueue(Pending{endpoint, body, timeoutMs, std::move(done), false, 0, false});
    if (!m_current)
        startNext();
}

void HttpTransport::cancelAll()
{
    const Error cancelled = Error::make(ErrorCode::ProtocommCancelled, tr("Cancelled."));
    QQueue<Pending> queued;
    queued.swap(m_queue);
    if (m_current) {
        dropSocket();
        finish(cancelled);
    }
    for (Pending &p : queued)
        p.done(cancelled);
}

void HttpTransport::closeConnection()
{
    if (!m_current)
        dropSocket();
}

bool HttpTransport::peerHasClosed() const
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return true;
    const qintptr fd = m_socket->socketDescriptor();
    if (fd < 0)
        return true;
    char byte = 0;
    // Qt's sockets are non-blocking: 0 means the device closed it (FIN already here),
    // -1 means nothing to read, which is the healthy case.
#ifdef Q_OS_WIN
    const int n = ::recv(SOCKET(fd), &byte, 1, MSG_PEEK);
#else
    const ssize_t n = ::recv(int(fd), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
#endif
    return n == 0;
}

void HttpTransport::startNext()
{
    if (m_current || m_queue.isEmpty())
        return;
    m_current = m_queue.dequeue();
    m_written = false;
    m_timer.start(m_current->timeoutMs);
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState && !peerHasClosed()
        && m_socket->bytesAvailable() == 0) {
        writeCurrent();
        return;
    }
    if (m_socket)
        Q_EMIT trace(
            QStringLiteral("the device closed the previous connection; opening a new one"));
    dropSocket();
    openConnection();
}

void HttpTransport::openConnection()
{
    m_socket = new QTcpSocket(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    ++m_connectionsOpened;
    m_current->freshConnection = true;
    m_parser = HttpParser(HttpParser::Kind::Response, MaxReplyBytes);
    connect(m_socket, &QTcpSocket::connected, this, &HttpTransport::writeCurrent);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpTransport::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpTransport::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HttpTransport::onSocketError);
    Q_EMIT trace(QStringLiteral("connecting to %1:%2 (connection #%3)")
                     .arg(m_host)
                     .arg(m_port)
                     .arg(m_connectionsOpened));
    m_socket->connectToHost(m_host, m_port);
}

void HttpTransport::writeCurrent()
{
    if (!m_current || !m_socket || m_written)
        return;
    QByteArray request;
    request.reserve(256 + m_current->body.size());
    request += "POST /" + m_current->endpoint.toUtf8() + " HTTP/1.1\r\n";
    request += "Host: " + Endpoint{m_host, m_port}.toString().toUtf8() + "\r\n";
    request += "Content-Type: application/x-www-form-urlencoded\r\n";
    request += "Accept: text/plain\r\n";
    request += "Content-Length: " + QByteArray::number(m_current->body.size()) + "\r\n";
    // The device compares the whole header value with "session=<id>": nothing else may go in it.
    m_current->cookieSent = m_useCookies && !m_cookie.isEmpty();
    if (m_current->cookieSent)
        request += "Cookie: " + m_cookie + "\r\n";
    request += "\r\n";
    request += m_current->body;
    m_written = true;
    m_current->connection = m_connectionsOpened;
    ++m_requestsSent;
    Q_EMIT trace(QStringLiteral("POST /%1 (%2 bytes%3)")
                     .arg(m_current->endpoint)
                     .arg(m_current->body.size())
                     .arg(m_useCookies && !m_cookie.isEmpty()
                              ? QStringLiteral(", with session cookie")
                              : QString()));
    m_socket->write(request);
}

void HttpTransport::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray data = m_socket->readAll();
    if (!m_current) {
        // Bytes nobody asked for: the stream is out of step, start over on the next request.
        dropSocket();
        return;
    }
    const HttpParser::State state = m_parser.feed(data);
    if (state == HttpParser::State::Error) {
        const QString why = m_parser.errorString();
        dropSocket();
        finish(Error::make(QStringLiteral("protocomm.http"),
                           tr("The device sent a malformed HTTP reply."), why));
        return;
    }
    if (state != HttpParser::State::Complete)
        return;
    HttpMessage reply = m_parser.take();
    if (m_parser.bufferedBytes() > 0)
        dropSocket();
    const QByteArray setCookie = reply.header("Set-Cookie");
    if (!setCookie.isNull()) {
        const QByteArray value = setCookie.split(';').first().trimmed();
        if (value.startsWith("session=")) {
            if (value != m_cookie)
                Q_EMIT trace(QStringLiteral("the device started a new session (cookie)"));
            m_cookie = value;
        }
    }
    Q_EMIT trace(QStringLiteral("HTTP %1, %2 bytes").arg(reply.status).arg(reply.body.size()));
    if (reply.status != 200) {
        const QString endpoint = m_current->endpoint;
        finish(Error::make(
            QStringLiteral("protocomm.http"),
            reply.status == 404
                ? tr("The device has no endpoint '%1'.").arg(endpoint)
                : tr("The device answered HTTP %1 for '%2'.").arg(reply.status).arg(endpoint),
            QStringLiteral("HTTP %1 %2").arg(reply.status).arg(QString::fromLatin1(reply.reason))));
        return;
    }
    finish(std::move(reply.body));
}

void HttpTransport::onDisconnected()
{
    if (!m_current) {
        dropSocket();
        return;
    }
    const bool written = m_written;
    dropSocket();
    finish(Error::make(QStringLiteral("protocomm.noresponse"),
                       written ? tr("The device closed the connection without answering '%1'.")
                                     .arg(m_current->endpoint)
                               : tr("The device closed the connection before '%1' could be sent.")
                                     .arg(m_current->endpoint)));
}

void HttpTransport::onSocketError()
{
    if (!m_socket || !m_current)
        return;
    const QAbstractSocket::SocketError code = m_socket->error();
    const QString text = m_socket->errorString();
    if (code == QAbstractSocket::RemoteHostClosedError)
        return onDisconnected();
    const bool connecting = !m_written;
    dropSocket();
    if (connecting)
        finish(Error::make(
            QStringLiteral("protocomm.connect"),
            tr("Could not connect to the device at %1:%2.").arg(m_host).arg(m_port), text,
            tr("Join the device's Wi-Fi access point (PROV_...) and check the address.")));
    else
        finish(Error::make(QStringLiteral("protocomm.noresponse"),
                           tr("The connection to the device failed while waiting for '%1'.")
                               .arg(m_current->endpoint),
                           text));
}

void HttpTransport::onTimeout()
{
    if (!m_current)
        return;
    const bool written = m_written;
    dropSocket();
    finish(Error::make(QStringLiteral("protocomm.timeout"),
                       written ? tr("The device did not answer '%1' within %2 ms.")
                                     .arg(m_current->endpoint)
                                     .arg(m_current->timeoutMs)
                               : tr("Could not connect to the device at %1:%2 within %3 ms.")
                                     .arg(m_host)
                                     .arg(m_port)
                                     .arg(m_current->timeoutMs)));
}

void HttpTransport::finish(Result<QByteArray> result)
{
    m_timer.stop();
    if (!m_current)
        return;
    Callback done = std::move(m_current->done);
    m_lastDelivery = Delivery{m_current->connection, m_written, m_written && m_current->cookieSent};
    m_current.reset();
    // The callback may delete this transport along with its owner; then the queue is gone too.
    auto continueQueue = guarded(this, [this] {
        if (!m_current)
            startNext();
    });
    done(std::move(result));
    continueQueue();
}

void HttpTransport::dropSocket()
{
    if (!m_socket)
        return;
    QTcpSocket *s = m_socket;
    m_socket = nullptr;
    s->disconnect(this);
    s->abort();
    s->deleteLater(); // this often runs inside one of the socket's own signals
}

} // namespace Forgeline::Protocomm
