// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Forgeline::Tls {

// Which mbedTLS generation wrote the log, told apart by the source files it names (docs/dev/tls.md, "Debug log format").
enum class MbedtlsGeneration : unsigned char {
    Unknown,
    V2Legacy, // ssl_cli.c / ssl_srv.c without ssl_msg.c: 2.16 and older
    V2Modern, // ssl_cli.c together with ssl_msg.c: 2.21 .. 3.1
    V3,       // ssl_tls12_client.c / ssl_client.c / ssl_tls13_*: 3.2 and later
};
QString generationName(MbedtlsGeneration g);

// The handshake state enumeration changed across releases (docs/dev/tls.md, "Handshake states").
// Returns names without the MBEDTLS_SSL_ prefix, e.g. "SERVER_HELLO"; empty when unknown.
QString handshakeStateName(int state, MbedtlsGeneration generation);
// "MBEDTLS_SSL_SERVER_HELLO" / "SERVER_HELLO" -> "SERVER_HELLO"
QString normaliseStateName(QStringView name);

QString alertDescriptionName(int description); // 40 -> "handshake_failure"
QString handshakeTypeName(int type);           // 11 -> "Certificate"
QString contentTypeName(int type);             // 22 -> "handshake"

struct CertificateFacts
{
    bool own = false; // "own certificate" (ours) vs "peer certificate"
    int index = 1;    // position in the chain as logged (#1 = leaf)
    QString subject;
    QString issuer;
    QString issuedOn;
    QString expiresOn;
    QString signedUsing;
    QString keyType; // "RSA", "EC"
    int keyBits = 0;
    int sizeBytes = 0; // size of the Certificate handshake message that carried it, when known
};

struct HandshakeEvent
{
    enum class Type : unsigned char {
        HandshakeStart, // "=> handshake"
        HandshakeDone,  // "handshake: done"
        StateChange,    // "client state: 2" / "client state: MBEDTLS_SSL_SERVER_HELLO"
        MessageWritten, // "=> write client hello"   text = "client hello"
        MessageParsed,  // "=> parse server hello"
        RecordIn,       // "input record: msgtype = 22, ..., msglen = 801"  a = type, b = length
        RecordOut,      // "output record: ..."
        HandshakeMessage, // "handshake message: msglen = .., type = 11, hslen = .."  a = type, b = hslen
        FetchWant,        // "in_left: 0, nb_want: 5"   a = in_left, b = nb_want
        Received,      // "ssl->f_recv(_timeout)() returned N"  a = N (0 = peer closed, < 0 = error)
        Sent,          // "ssl->f_send() returned N"
        AlertReceived, // "got an alert message, type: [2:40]"  a = level, b = description
        AlertSent,     // "send alert level=2 message=48"
        ErrorReturned, // "x() returned -29312 (-0x7280)"  code, text = function
        CiphersuiteOffered, // "client hello, add ciphersuite: c02b"  a = id
        CiphersuiteChosen,  // "server hello, chosen ciphersuite: c02f"  a = id
        VersionInfo,        // protocol version lines  text
        ExtensionFound,     // "found max_fragment_length extension"  text = extension
        Certificate, // "peer certificate #1:" + x509 info lines  a = index in trace.certificates
        VerifyFlags, // "! Certificate verification flags 00000008"  a = flags
        VerifyInfo,  // "  ! The certificate is not correctly signed by the trusted CA"  text
        CertificateRequested, // "got a certificate request"
        NoCertificateToSend,  // "got no certificate to send"
        BufferLimit,          // "certificate too large, 17000 > 16384"  a = needed, b = limit
        Notice,               // level-1 mbedTLS complaint ("bad message length")  text
        AllocFailed,          // "alloc(16717 bytes) failed"  a = bytes
        // Application lines around the library (esp-tls, Arduino, the test client):
        HandshakeReturned, // "mbedtls_ssl_handshake returned -0x7280"  code
        AppError, // "mbedtls_x509_crt_parse of CA cert returned -0x2180"  code (0 = none), text
        AppVerifyFailed, // "Failed to verify peer certificate!"
        AppVerified,     // "Certificate verified."
        Timeout,         // "select() timeout", "Failed to open new connection in specified timeout"
        SessionError,    // protocomm / security1 lines (case: session lost on socket change)
    };

    Type type = Type::Notice;
    qint64 line = 0;    // 1-based source line
    qint64 endLine = 0; // last line folded into this event (hex dumps, certificate info)
    int code = 0;       // mbedTLS error code, negative; 0 when none
    qint64 a = 0;
    qint64 b = 0;
    QString text;

    bool isApplicationLine() const { return type >= Type::HandshakeReturned; }
};

// One TLS connection as the log tells it. Several connections in a log give several traces.
struct HandshakeTrace
{
    int index = 0;           // 0-based order of appearance
    QString context;         // "%p" ssl-context pointer, when the build printed it
    bool serverSide = false; // "server state:" lines
    MbedtlsGeneration generation = MbedtlsGeneration::Unknown;
    QList<HandshakeEvent> events;
    QList<CertificateFacts> certificates; // referenced by Certificate events

    qint64 firstLine() const { return events.isEmpty() ? 0 : events.first().line; }
    qint64 lastLine() const { return events.isEmpty() ? 0 : events.last().endLine; }
    bool succeeded() const;
    // The error the handshake ended with: the application's "mbedtls_ssl_handshake returned"
    // when present, else the last error the library reported. 0 when none.
    int finalErrorCode() const;
    const HandshakeEvent *finalErrorEvent() const;
    // The state the handshake was in at `line` (last StateChange before it), "" if none.
    QString stateAt(qint64 line) const;
    // The last handshake message written or parsed before `line`, "" if none.
    QString lastMessageBefore(qint64 line, HandshakeEvent::Type type) const;
};

// A short human sentence for one event: "the peer closed the TCP connection (f_recv returned 0)".
QString describeEvent(const HandshakeEvent &event, const HandshakeTrace *trace = nullptr);

QString formatCode(int code); // -29312 -> "-0x7280"

} // namespace Forgeline::Tls
