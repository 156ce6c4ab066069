// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/handshaketrace.h"

#include <QCoreApplication>

#include <iterator>

namespace Forgeline::Tls {

namespace {

// A class, so that lupdate files these texts under the context tr() uses.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::HandshakeTrace)
};

// docs/dev/tls.md, "Handshake states": 2.16 – 3.1 (TLS 1.2 part; 3.1 adds 19..21).
const char *const kStates2x[] = {
    "HELLO_REQUEST",
    "CLIENT_HELLO",
    "SERVER_HELLO",
    "SERVER_CERTIFICATE",
    "SERVER_KEY_EXCHANGE",
    "CERTIFICATE_REQUEST",
    "SERVER_HELLO_DONE",
    "CLIENT_CERTIFICATE",
    "CLIENT_KEY_EXCHANGE",
    "CERTIFICATE_VERIFY",
    "CLIENT_CHANGE_CIPHER_SPEC",
    "CLIENT_FINISHED",
    "SERVER_CHANGE_CIPHER_SPEC",
    "SERVER_FINISHED",
    "FLUSH_BUFFERS",
    "HANDSHAKE_WRAPUP",
    "HANDSHAKE_OVER",
    "SERVER_NEW_SESSION_TICKET",
    "SERVER_HELLO_VERIFY_REQUEST_SENT",
    "ENCRYPTED_EXTENSIONS",
    "CLIENT_CERTIFICATE_VERIFY",
    "CLIENT_CCS_AFTER_SERVER_FINISHED",
};

// 3.4 – 4.0. Numeric states in 3.2/3.3 logs come with their names anyway ("tls13 client state: %s(%d)").
const char *const kStates34[] = {
    "HELLO_REQUEST",
    "CLIENT_HELLO",
    "SERVER_HELLO",
    "SERVER_CERTIFICATE",
    "SERVER_KEY_EXCHANGE",
    "CERTIFICATE_REQUEST",
    "SERVER_HELLO_DONE",
    "CLIENT_CERTIFICATE",
    "CLIENT_KEY_EXCHANGE",
    "CERTIFICATE_VERIFY",
    "CLIENT_CHANGE_CIPHER_SPEC",
    "CLIENT_FINISHED",
    "SERVER_CHANGE_CIPHER_SPEC",
    "SERVER_FINISHED",
    "FLUSH_BUFFERS",
    "HANDSHAKE_WRAPUP",
    "NEW_SESSION_TICKET",
    "SERVER_HELLO_VERIFY_REQUEST_SENT",
    "HELLO_RETRY_REQUEST",
    "ENCRYPTED_EXTENSIONS",
    "END_OF_EARLY_DATA",
    "CLIENT_CERTIFICATE_VERIFY",
    "CLIENT_CCS_AFTER_SERVER_FINISHED",
    "CLIENT_CCS_BEFORE_2ND_CLIENT_HELLO",
    "SERVER_CCS_AFTER_SERVER_HELLO",
    "CLIENT_CCS_AFTER_CLIENT_HELLO",
    "SERVER_CCS_AFTER_HELLO_RETRY_REQUEST",
    "HANDSHAKE_OVER",
    "TLS1_3_NEW_SESSION_TICKET",
    "TLS1_3_NEW_SESSION_TICKET_FLUSH",
};

} // namespace

QString generationName(MbedtlsGeneration g)
{
    switch (g) {
    case MbedtlsGeneration::V2Legacy: return QStringLiteral("mbedTLS 2.16 or older");
    case MbedtlsGeneration::V2Modern: return QStringLiteral("mbedTLS 2.21 to 3.1");
    case MbedtlsGeneration::V3: return QStringLiteral("mbedTLS 3.2 or newer");
    case MbedtlsGeneration::Unknown: break;
    }
    return QStringLiteral("unknown mbedTLS version");
}

QString handshakeStateName(int state, MbedtlsGeneration generation)
{
    if (state < 0)
        return {};
    if (generation == MbedtlsGeneration::V3) {
        if (state < int(std::size(kStates34)))
            return QString::fromLatin1(kStates34[state]);
        return {};
    }
    if (state < int(std::size(kStates2x)))
        return QString::fromLatin1(kStates2x[state]);
    return {};
}

QString normaliseStateName(QStringView name)
{
    name = name.trimmed();
    if (name.startsWith(QLatin1String("MBEDTLS_SSL_")))
        name = name.mid(12);
    return name.toString();
}

QString alertDescriptionName(int d)
{
    switch (d) {
    case 0: return QStringLiteral("close_notify");
    case 10: return QStringLiteral("unexpected_message");
    case 20: return QStringLiteral("bad_record_mac");
    case 21: return QStringLiteral("decryption_failed");
    case 22: return QStringLiteral("record_overflow");
    case 30: return QStringLiteral("decompression_failure");
    case 40: return QStringLiteral("handshake_failure");
    case 41: return QStringLiteral("no_certificate");
    case 42: return QStringLiteral("bad_certificate");
    case 43: return QStringLiteral("unsupported_certificate");
    case 44: return QStringLiteral("certificate_revoked");
    case 45: return QStringLiteral("certificate_expired");
    case 46: return QStringLiteral("certificate_unknown");
    case 47: return QStringLiteral("illegal_parameter");
    case 48: return QStringLiteral("unknown_ca");
    case 49: return QStringLiteral("access_denied");
    case 50: return QStringLiteral("decode_error");
    case 51: return QStringLiteral("decrypt_error");
    case 60: return QStringLiteral("export_restriction");
    case 70: return QStringLiteral("protocol_version");
    case 71: return QStringLiteral("insufficient_security");
    case 80: return QStringLiteral("internal_error");
    case 86: return QStringLiteral("inappropriate_fallback");
    case 90: return QStringLiteral("user_canceled");
    case 100: return QStringLiteral("no_renegotiation");
    case 109: return QStringLiteral("missing_extension");
    case 110: return QStringLiteral("unsupported_extension");
    case 111: return QStringLiteral("certificate_unobtainable");
    case 112: return QStringLiteral("unrecognized_name");
    case 113: return QStringLiteral("bad_certificate_status_response");
    case 114: return QStringLiteral("bad_certificate_hash_value");
    case 115: return QStringLiteral("unknown_psk_identity");
    case 116: return QStringLiteral("certificate_required");
    case 120: return QStringLiteral("no_application_protocol");
    default: break;
    }
    return QStringLiteral("alert %1").arg(d);
}

QString handshakeTypeName(int t)
{
    switch (t) {
    case 0: return QStringLiteral("HelloRequest");
    case 1: return QStringLiteral("ClientHello");
    case 2: return QStringLiteral("ServerHello");
    case 3: return QStringLiteral("HelloVerifyRequest");
    case 4: return QStringLiteral("NewSessionTicket");
    case 5: return QStringLiteral("EndOfEarlyData");
    case 8: return QStringLiteral("EncryptedExtensions");
    case 11: return QStringLiteral("Certificate");
    case 12: return QStringLiteral("ServerKeyExchange");
    case 13: return QStringLiteral("CertificateRequest");
    case 14: return QStringLiteral("ServerHelloDone");
    case 15: return QStringLiteral("CertificateVerify");
    case 16: return QStringLiteral("ClientKeyExchange");
    case 20: return QStringLiteral("Finished");
    case 22: return QStringLiteral("CertificateStatus");
    case 24: return QStringLiteral("KeyUpdate");
    default: break;
    }
    return QStringLiteral("handshake type %1").arg(t);
}

QString contentTypeName(int t)
{
    switch (t) {
    case 20: return QStringLiteral("change_cipher_spec");
    case 21: return QStringLiteral("alert");
    case 22: return QStringLiteral("handshake");
    case 23: return QStringLiteral("application_data");
    case 24: return QStringLiteral("heartbeat");
    case 25: return QStringLiteral("tls12_cid");
    default: break;
    }
    return QStringLiteral("type %1").arg(t);
}

QString formatCode(int code)
{
    if (code == 0)
        return QStringLiteral("0");
    const qint64 magnitude = code < 0 ? -qint64(code) : qint64(code);
    return (code < 0 ? QStringLiteral("-0x") : QStringLiteral("0x"))
           + QString::number(magnitude, 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

bool HandshakeTrace::succeeded() const
{
    for (const HandshakeEvent &e : events) {
        if (e.type == HandshakeEvent::Type::HandshakeDone)
            return finalErrorCode() == 0 || finalErrorEvent()->line < e.line;
    }
    return false;
}

const HandshakeEvent *HandshakeTrace::finalErrorEvent() const
{
    const HandshakeEvent *last = nullptr;
    bool done = false;
    for (const HandshakeEvent &e : events) {
        done = done || e.type == HandshakeEvent::Type::HandshakeDone;
        // After the handshake, the peer's close_notify (-0x7880 PEER_CLOSE_NOTIFY, which
        // mbedtls_ssl_read reports at level 1) is how a finished exchange ends, not a failure.
        if (done && e.code == -0x7880 && e.type == HandshakeEvent::Type::ErrorReturned)
            continue;
        if (e.type == HandshakeEvent::Type::HandshakeReturned && e.code != 0)
            return &e;
        if ((e.type == HandshakeEvent::Type::ErrorReturned
             || e.type == HandshakeEvent::Type::AppError)
            && e.code != 0)
            last = &e;
        if (e.type == HandshakeEvent::Type::Received && e.a < 0 && e.code != 0)
            last = &e;
    }
    return last;
}

int HandshakeTrace::finalErrorCode() const
{
    const HandshakeEvent *e = finalErrorEvent();
    return e ? e->code : 0;
}

QString HandshakeTrace::stateAt(qint64 line) const
{
    QString state;
    for (const HandshakeEvent &e : events) {
        if (e.line > line)
            break;
        if (e.type == HandshakeEvent::Type::StateChange)
            state = e.text;
    }
    return state;
}

QString HandshakeTrace::lastMessageBefore(qint64 line, HandshakeEvent::Type type) const
{
    QString name;
    for (const HandshakeEvent &e : events) {
        if (e.line > line)
            break;
        if (e.type == type)
            name = e.text;
    }
    return name;
}

QString describeEvent(const HandshakeEvent &e, const HandshakeTrace *trace)
{
    using T = HandshakeEvent::Type;
    switch (e.type) {
    case T::HandshakeStart: return Tr::tr("the handshake starts");
    case T::HandshakeDone: return Tr::tr("the handshake completes");
    case T::StateChange: return Tr::tr("the state machine enters %1").arg(e.text);
    case T::MessageWritten: return Tr::tr("the client writes %1").arg(e.text);
    case T::MessageParsed: return Tr::tr("it parses %1").arg(e.text);
    case T::RecordIn:
        return Tr::tr("a %1 record of %2 bytes arrives").arg(contentTypeName(int(e.a))).arg(e.b);
    case T::RecordOut:
        return Tr::tr("a %1 record of %2 bytes is sent").arg(contentTypeName(int(e.a))).arg(e.b);
    case T::HandshakeMessage:
        return Tr::tr("a %1 message (%2 bytes) is read").arg(handshakeTypeName(int(e.a))).arg(e.b);
    case T::FetchWant: return Tr::tr("it waits for %1 bytes").arg(e.b);
    case T::Received:
        if (e.a == 0)
            return Tr::tr("the peer closed the TCP connection (f_recv returned 0)");
        if (e.a < 0)
            return Tr::tr("receiving failed with %1").arg(formatCode(e.code));
        return Tr::tr("%1 bytes arrive (f_recv returned %1)").arg(e.a);
    case T::Sent:
        if (e.a < 0)
            return Tr::tr("sending failed with %1").arg(formatCode(e.code));
        return Tr::tr("%1 bytes are sent").arg(e.a);
    case T::AlertReceived:
        return Tr::tr("the peer sends a %1 alert %2 (%3)")
            .arg(e.a == 2 ? Tr::tr("fatal") : Tr::tr("warning"))
            .arg(e.b)
            .arg(alertDescriptionName(int(e.b)));
    case T::AlertSent:
        return Tr::tr("the device sends a %1 alert %2 (%3)")
            .arg(e.a == 2 ? Tr::tr("fatal") : Tr::tr("warning"))
            .arg(e.b)
            .arg(alertDescriptionName(int(e.b)));
    case T::ErrorReturned: return Tr::tr("%1 returns %2").arg(e.text, formatCode(e.code));
    case T::CiphersuiteOffered:
        return Tr::tr("the client offers ciphersuite %1").arg(e.a, 4, 16, QLatin1Char('0'));
    case T::CiphersuiteChosen:
        return Tr::tr("the server chooses ciphersuite %1").arg(e.a, 4, 16, QLatin1Char('0'));
    case T::VersionInfo: return e.text;
    case T::ExtensionFound: return Tr::tr("the peer sends the %1 extension").arg(e.text);
    case T::Certificate:
        if (trace && e.a >= 0 && e.a < trace->certificates.size()) {
            const CertificateFacts &c = trace->certificates.at(e.a);
            return Tr::tr("%1 certificate #%2: %3 (%4 %5 bits)")
                .arg(c.own ? Tr::tr("own") : Tr::tr("peer"))
                .arg(c.index)
                .arg(c.subject, c.keyType)
                .arg(c.keyBits);
        }
        return Tr::tr("a certificate");
    case T::VerifyFlags:
        return e.a == 0 ? Tr::tr("certificate verification passes")
                        : Tr::tr("certificate verification fails with flags 0x%1")
                              .arg(e.a, 8, 16, QLatin1Char('0'));
    case T::VerifyInfo: return e.text;
    case T::CertificateRequested: return Tr::tr("the server asks for a client certificate");
    case T::NoCertificateToSend: return Tr::tr("the client has no certificate to send");
    case T::BufferLimit:
        return Tr::tr("a message of %1 bytes does not fit the %2-byte buffer").arg(e.a).arg(e.b);
    case T::Notice: return e.text;
    case T::AllocFailed: return Tr::tr("allocating %1 bytes fails").arg(e.a);
    case T::HandshakeReturned:
        return Tr::tr("mbedtls_ssl_handshake returns %1").arg(formatCode(e.code));
    case T::AppError: return e.text;
    case T::AppVerifyFailed:
        return Tr::tr("the application reports that the peer certificate failed verification");
    case T::AppVerified: return Tr::tr("the application prints \"Certificate verified.\"");
    case T::Timeout: return Tr::tr("the connection times out");
    case T::SessionError: return e.text;
    }
    return e.text;
}

} // namespace Forgeline::Tls
