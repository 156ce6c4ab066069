// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>

namespace Forgeline::Sim {

// The server the in-process virtual boards' firmware connects to (the role `openssl s_server`
// plays in the tests): OpenSSL 3 on 127.0.0.1 and a free port, TLS 1.2 (all mbedTLS 2.28
// speaks), a "localhost" certificate from a CA it makes for itself at start, and client
// certificates required and checked against the CA it is given (the demo pool's, so a board
// flashed with a demo pair is accepted and any other certificate is refused the way a real
// broker refuses it). Connections are served one after another on the server's own thread,
// never on the GUI's; each outcome is reported on the owner's thread.
class DemoTlsServer : public QObject
{
    Q_OBJECT
public:
    explicit DemoTlsServer(QObject *parent = nullptr);
    ~DemoTlsServer() override;

    // Listens and starts serving; `clientCaPem` is the CA whose certificates are accepted.
    Result<quint16> start(const QByteArray &clientCaPem);
    void stop();
    quint16 port() const { return m_port; }
    // What a client must trust to verify this server (the firmware's embedded CA).
    QByteArray serverCaPem() const { return m_serverCaPem; }
    int handshakesOk() const { return m_ok.load(); }
    int handshakesFailed() const { return m_failed.load(); }

Q_SIGNALS:
    // `summary` names the client certificate (subject and issuer CN) or OpenSSL's reason.
    void handshakeFinished(bool ok, const QString &summary);

private:
    struct Context;
    void serve();
    void report(bool ok, const QString &summary);

    std::unique_ptr<Context> m_context;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_ok{0};
    std::atomic<int> m_failed{0};
    int m_listenFd = -1;
    quint16 m_port = 0;
    QByteArray m_serverCaPem;
};

} // namespace Forgeline::Sim
