// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/demotlsserver.h"
#include "core/sim/demox509.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Forgeline::Sim {

namespace {

using namespace DemoX509;

// A board that stops talking is given up after this long, as a broker's handshake timeout does.
constexpr int ConnectionTimeoutMs = 10000;
// How often a waiting server thread looks at the stop flag: bounds how long closing the
// window can wait for it.
constexpr int PollStepMs = 200;

Error serverError(const QString &detail)
{
    return Error::make(
        QStringLiteral("sim.tlsserver"),
        QCoreApplication::translate("Forgeline::Sim::DemoTlsServer",
                                    "Could not start the virtual boards' TLS server."),
        detail);
}

QString commonName(const X509_NAME *name)
{
    char buf[256] = {};
    if (!name
        || X509_NAME_get_text_by_NID(const_cast<X509_NAME *>(name), NID_commonName, buf, sizeof buf)
               < 0)
        return QStringLiteral("?");
    return QString::fromUtf8(buf);
}

} // namespace

struct DemoTlsServer::Context
{
    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> ctx{nullptr, SSL_CTX_free};
};

DemoTlsServer::DemoTlsServer(QObject *parent) : QObject(parent) {}

DemoTlsServer::~DemoTlsServer() { stop(); }

Result<quint16> DemoTlsServer::start(const QByteArray &clientCaPem)
{
    if (m_thread.joinable())
        return m_port;
    PKey caKey = newP256Key();
    PKey key = newP256Key();
    if (!caKey || !key)
        return serverError(lastError());
    Cert ca = makeCert({QStringLiteral("Forgeline demo server CA"), 1, 365, Kind::Ca}, caKey.get());
    Cert leaf = ca ? makeCert({QStringLiteral("localhost"), 2, 365, Kind::Server}, key.get(),
                              ca.get(), caKey.get())
                   : Cert(nullptr, X509_free);
    if (!leaf)
        return serverError(lastError());

    auto context = std::make_unique<Context>();
    context->ctx.reset(SSL_CTX_new(TLS_server_method()));
    SSL_CTX *ctx = context->ctx.get();
    if (!ctx || SSL_CTX_use_certificate(ctx, leaf.get()) != 1
        || SSL_CTX_use_PrivateKey(ctx, key.get()) != 1)
        return serverError(lastError());
    // The firmware is an ESP-IDF v4.4 client: mbedTLS 2.28 speaks TLS 1.2 only.
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(clientCaPem.constData(), int(clientCaPem.size())), BIO_free);
    X509_STORE *store = SSL_CTX_get_cert_store(ctx);
    STACK_OF(X509_NAME) *names = sk_X509_NAME_new_null();
    int trusted = 0;
    bool notCa = false;
    while (X509 *c = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        // Demo pools made before their CA carried basicConstraints: OpenSSL would refuse every
        // pair with "invalid CA certificate"; better to say so once, with the way out.
        notCa = notCa || X509_check_ca(c) == 0;
        X509_STORE_add_cert(store, c);
        sk_X509_NAME_push(names, X509_NAME_dup(X509_get_subject_name(c)));
        X509_free(c);
        ++trusted;
    }
    ERR_clear_error(); // the end of the PEM text reads as an error
    if (trusted == 0 || notCa) {
        sk_X509_NAME_pop_free(names, X509_NAME_free);
        if (notCa)
            return Error::make(
                QStringLiteral("sim.tlsserver"),
                tr("The demo pool's CA is not marked as a CA (a pool made by an "
                   "older Forgeline): no demo certificate would be accepted."),
                {}, tr("Delete the demo-pool folder; the next virtual board makes a new one."));
        return serverError(tr("No CA certificate to check the boards' certificates against."));
    }
    // The CertificateRequest names the accepted CA, as a broker set up for device
    // certificates does; a board without a certificate is refused.
    SSL_CTX_set_client_CA_list(ctx, names);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);

    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr
        = htonl(INADDR_LOOPBACK); // a virtual board's server is never reachable from outside
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
        || ::listen(fd, 16) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0) {
        const QString why = QString::fromLocal8Bit(strerror(errno));
        if (fd >= 0)
            ::close(fd);
        return serverError(why);
    }
    m_listenFd = fd;
    m_port = ntohs(addr.sin_port);
    m_serverCaPem = pem(ca.get());
    m_context = std::move(context);
    m_stop = false;
    m_thread = std::thread([this] { serve(); });
    return m_port;
}

void DemoTlsServer::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_listenFd >= 0)
        ::close(m_listenFd);
    m_listenFd = -1;
}

void DemoTlsServer::report(bool ok, const QString &summary)
{
    (ok ? m_ok : m_failed).fetch_add(1);
    // Posted to this object's thread; dropped if it is gone by then.
    QMetaObject::invokeMethod(
        this, [this, ok, summary] { Q_EMIT handshakeFinished(ok, summary); }, Qt::QueuedConnection);
}

void DemoTlsServer::serve()
{
    while (!m_stop.load()) {
        pollfd listening{m_listenFd, POLLIN, 0};
        if (::poll(&listening, 1, PollStepMs) <= 0)
            continue;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0)
            continue;
        QElapsedTimer clock;
        clock.start();
        // Non-blocking with short waits: a silent board or a stop request never holds the
        // thread longer than PollStepMs past its deadline.
        const auto wait = [&](SSL *ssl, int result) {
            const int err = SSL_get_error(ssl, result);
            if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE)
                return false;
            pollfd p{fd, short(err == SSL_ERROR_WANT_WRITE ? POLLOUT : POLLIN), 0};
            while (!m_stop.load() && clock.elapsed() < ConnectionTimeoutMs)
                if (::poll(&p, 1, PollStepMs) != 0)
                    return true;
            return false;
        };
        ERR_clear_error();
        SSL *ssl = SSL_new(m_context->ctx.get());
        SSL_set_fd(ssl, fd);
        int r = 0;
        while ((r = SSL_accept(ssl)) != 1)
            if (!wait(ssl, r))
                break;
        if (r == 1) {
            const X509 *peer = SSL_get0_peer_certificate(ssl);
            report(true, tr("accepted %1 (certificate issued by %2)")
                             .arg(commonName(peer ? X509_get_subject_name(peer) : nullptr),
                                  commonName(peer ? X509_get_issuer_name(peer) : nullptr)));
            // The firmware closes with close_notify after connecting; wait for it.
            char buf[512];
            while ((r = SSL_read(ssl, buf, sizeof buf)) > 0 || wait(ssl, r)) {
            }
            SSL_shutdown(ssl);
        } else {
            const unsigned long e = ERR_peek_last_error();
            const char *reason = e ? ERR_reason_error_string(e) : nullptr;
            QString why
                = reason ? QString::fromLatin1(reason) : tr("the board closed the connection");
            const long verify = SSL_get_verify_result(ssl);
            if (verify != X509_V_OK)
                why += QStringLiteral(" (%1)").arg(
                    QString::fromLatin1(X509_verify_cert_error_string(verify)));
            report(false, tr("handshake failed: %1").arg(why));
        }
        SSL_free(ssl);
        ::close(fd);
    }
}

} // namespace Forgeline::Sim
