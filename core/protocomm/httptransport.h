// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/protocomm/httpparser.h"

#include <QByteArray>
#include <QObject>
#include <QQueue>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

class QTcpSocket;

namespace Forgeline::Protocomm {

// protocomm over HTTP: one POST per exchange, on ONE keep-alive connection, strictly one
// request at a time. QTcpSocket rather than QNetworkAccessManager because QNAM opens up to
// six parallel connections per host and reconnects on its own: each new connection makes the
// device's single-slot httpd evict the old one, and older firmware drops the secure session
// with it (case: session lost on socket change, docs/dev/cases.md). Here every connection is opened on purpose and counted.
class HttpTransport : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<QByteArray>)>;

    static constexpr qsizetype MaxBodyBytes = 4096; // protocomm_httpd MAX_REQ_BODY_LEN
    static constexpr qsizetype MaxReplyBytes = 64 * 1024;

    HttpTransport(QString host, quint16 port, QObject *parent = nullptr);
    ~HttpTransport() override;

    QString host() const { return m_host; }
    quint16 port() const { return m_port; }

    // Sends "Cookie: session=<id>" once the device set one (ESP-IDF >= 4.3). Without cookies
    // the session is bound to the socket, as on older firmware.
    void setUseCookies(bool use) { m_useCookies = use; }
    QByteArray sessionCookie() const { return m_cookie; }
    void forgetSession() { m_cookie.clear(); }

    // Queued; the callback runs on this object's thread once a reply or an error arrived.
    void post(const QString &endpoint, const QByteArray &body, int timeoutMs, Callback done);
    // Fails the request in flight and everything queued with a "cancelled" error.
    void cancelAll();
    // Closes the connection (the next request opens a new one).
    void closeConnection();

    int connectionsOpened() const { return m_connectionsOpened; }
    int requestsSent() const { return m_requestsSent; }

    // How the request whose callback is running (or ran last) travelled. A device that drops a
    // request closes the socket, which looks the same whether it refused the request or never
    // had the session it was meant for; the connection and cookie tell those apart.
    struct Delivery
    {
        int connection = 0;      // 1-based serial of the connection, 0 if none was opened
        bool written = false;    // the request went out on that connection
        bool cookieSent = false; // it carried the session cookie, so the session outlives sockets
    };
    Delivery lastDelivery() const { return m_lastDelivery; }

Q_SIGNALS:
    void trace(const QString &line);

private:
    struct Pending
    {
        QString endpoint;
        QByteArray body;
        int timeoutMs = 0;
        Callback done;
        bool freshConnection = false;
        int connection = 0;
        bool cookieSent = false;
    };

    void startNext();
    void openConnection();
    void writeCurrent();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void onTimeout();
    void finish(Result<QByteArray> result);
    void dropSocket();
    bool peerHasClosed() const;

    QString m_host;
    quint16 m_port = 0;
    bool m_useCookies = true;
    QByteArray m_cookie;
    QTcpSocket *m_socket = nullptr;
    HttpParser m_parser{HttpParser::Kind::Response, MaxReplyBytes};
    QQueue<Pending> m_queue;
    std::optional<Pending> m_current;
    bool m_written = false;
    QTimer m_timer;
    int m_connectionsOpened = 0;
    int m_requestsSent = 0;
    Delivery m_lastDelivery;
};

} // namespace Forgeline::Protocomm
