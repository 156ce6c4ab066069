// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/tracetext.h"

#include "core/tls/logline.h"

namespace Forgeline::Tls::TraceText {

using T = HandshakeEvent::Type;

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

qsizetype skipBlanks(QByteArrayView t, qsizetype pos)
{
    while (pos >= 0 && pos < t.size() && (t[pos] == ' ' || t[pos] == '\t'))
        ++pos;
    return pos;
}

std::optional<qint64> intAfter(QByteArrayView t, QByteArrayView key)
{
    const qsizetype at = t.indexOf(key);
    if (at < 0)
        return std::nullopt;
    return readInt(t, at + key.size());
}

bool startsWith(QByteArrayView t, const char *prefix)
{
    return t.startsWith(QByteArrayView(prefix));
}
bool contains(QByteArrayView t, const char *needle) { return t.contains(QByteArrayView(needle)); }

bool isNotice(QByteArrayView m)
{
    static const char *const phrases[] = {
        "bad message length",
        "requesting more data than fits",
        "got no CA chain",
        "unknown record type",
        "handshake fragmentation not supported",
        "bad certificate (",
        "version mismatch",
        "bad server hello message",
        "bad client hello message",
        "invalid alert message",
        "got no ciphersuites in common",
        "no cipher suites in common",
        "legacy renegotiation not allowed",
        "server hello, no renegotiation info",
        "is a fatal alert",
        "record is too large",
        "bad hello request message",
    };
    for (const char *p : phrases) {
        if (contains(m, p))
            return true;
    }
    return false;
}

} // namespace

std::optional<qint64> readInt(QByteArrayView t, qsizetype pos)
{
    pos = skipBlanks(t, pos);
    if (pos < 0 || pos >= t.size())
        return std::nullopt;
    bool negative = false;
    if (t[pos] == '-') {
        negative = true;
        ++pos;
    }
    qsizetype start = pos;
    qint64 v = 0;
    while (pos < t.size() && isDigit(t[pos]) && pos - start < 15) {
        v = v * 10 + (t[pos] - '0');
        ++pos;
    }
    if (pos == start)
        return std::nullopt;
    return negative ? -v : v;
}

std::optional<qint64> readHex(QByteArrayView t, qsizetype pos)
{
    pos = skipBlanks(t, pos);
    if (pos < 0 || pos >= t.size())
        return std::nullopt;
    if (pos + 1 < t.size() && t[pos] == '0' && (t[pos + 1] == 'x' || t[pos + 1] == 'X'))
        pos += 2;
    const qsizetype start = pos;
    qint64 v = 0;
    while (pos < t.size() && hexValue(t[pos]) >= 0 && pos - start < 15) {
        v = v * 16 + hexValue(t[pos]);
        ++pos;
    }
    if (pos == start)
        return std::nullopt;
    return v;
}

std::optional<int> findErrorCode(QByteArrayView t)
{
    // "-0x7280" (esp-tls, MBEDTLS_SSL_DEBUG_RET) — the most common spelling.
    qsizetype at = t.indexOf(QByteArrayView("-0x"));
    if (at < 0)
        at = t.indexOf(QByteArrayView("-0X"));
    if (at >= 0) {
        const auto v = readHex(t, at + 1);
        if (v && *v > 0 && *v <= 0xFFFF)
            return int(-*v);
    }
    // "returned -29312" (esp-tls v4.0 printed decimal).
    at = t.indexOf(QByteArrayView("returned -"));
    if (at >= 0) {
        const auto v = readInt(t, at + 9);
        if (v && *v < 0 && *v >= -0xFFFF)
            return int(*v);
    }
    // Arduino: "(-9984) X509 - ..."
    at = t.indexOf(QByteArrayView("(-"));
    if (at >= 0) {
        const auto v = readInt(t, at + 1);
        if (v && *v < 0 && *v >= -0xFFFF)
            return int(*v);
    }
    // ESP-IDF mbedtls_print_error_msg: "(FFFFD900): X509 - ..."
    at = t.indexOf(QByteArrayView("(FFFF"));
    if (at >= 0 && at + 10 < t.size() && t[at + 9] == ')') {
        const auto v = readHex(t, at + 1);
        if (v)
            return int(qint32(quint32(*v)));
    }
    // esp-tls error tracker keeps the code positive: "Last tls stack error number: 0x2700".
    at = t.indexOf(QByteArrayView("stack error number: 0x"));
    if (at >= 0) {
        const auto v = readHex(t, at + 20);
        if (v && *v > 0 && *v <= 0xFFFF)
            return int(-*v);
    }
    return std::nullopt;
}

bool classifyDebugMessage(QByteArrayView m, HandshakeEvent &e)
{
    if (m.isEmpty())
        return false;
    if (m.startsWith('=')) {
        if (m == QByteArrayView("=> handshake")) {
            e.type = T::HandshakeStart;
            return true;
        }
        const bool write = startsWith(m, "=> write ");
        const bool parse = startsWith(m, "=> parse ");
        if (write || parse) {
            const QByteArrayView name = m.sliced(9);
            static const char *const names[] = {
                "client hello",        "server hello",
                "certificate",         "server key exchange",
                "certificate request", "server hello done",
                "client key exchange", "certificate verify",
                "change cipher spec",  "finished",
                "new session ticket",  "hello verify request",
                "hello request",       "encrypted extensions",
            };
            for (const char *n : names) {
                if (name == QByteArrayView(n)) {
                    e.type = write ? T::MessageWritten : T::MessageParsed;
                    e.text = QString::fromLatin1(name);
                    return true;
                }
            }
        }
        return false;
    }
    if (startsWith(m, "in_left: ")) {
        e.type = T::FetchWant;
        e.a = readInt(m, 9).value_or(0);
        e.b = intAfter(m, "nb_want: ").value_or(0);
        return true;
    }
    if (startsWith(m, "ssl->f_recv")) {
        const auto n = intAfter(m, "returned ");
        if (!n)
            return false;
        e.type = T::Received;
        e.a = *n;
        e.code = *n < 0 ? int(*n) : 0;
        return true;
    }
    if (startsWith(m, "ssl->f_send")) {
        const auto n = intAfter(m, "returned ");
        if (!n)
            return false;
        e.type = T::Sent;
        e.a = *n;
        e.code = *n < 0 ? int(*n) : 0;
        return true;
    }
    if (startsWith(m, "input record: msgtype = ") || startsWith(m, "output record: msgtype = ")) {
        e.type = m[0] == 'i' ? T::RecordIn : T::RecordOut;
        e.a = intAfter(m, "msgtype = ").value_or(0);
        e.b = intAfter(m, "msglen = ").value_or(0);
        return true;
    }
    if (startsWith(m, "handshake message: msglen = ")) {
        e.type = T::HandshakeMessage;
        e.a = intAfter(m, ", type = ").value_or(-1);
        e.b = intAfter(m, "hslen = ").value_or(0);
        return true;
    }
    if (m == QByteArrayView("handshake: done")) {
        e.type = T::HandshakeDone;
        return true;
    }
    if (startsWith(m, "client state: ") || startsWith(m, "server state: ")
        || startsWith(m, "tls13 client state: ") || startsWith(m, "tls13 server state: ")) {
        const qsizetype colon = m.indexOf(':');
        const QByteArrayView rest = m.sliced(colon + 2);
        e.type = T::StateChange;
        if (!rest.isEmpty() && isDigit(rest[0])) {
            e.a = readInt(rest, 0).value_or(-1);
        } else {
            const qsizetype paren = rest.indexOf('(');
            e.text = normaliseStateName(QString::fromLatin1(paren > 0 ? rest.first(paren) : rest));
            e.a = paren > 0 ? readInt(rest, paren + 1).value_or(-1) : -1;
            if (e.text.isEmpty())
                return false;
        }
        return true;
    }
    if (startsWith(m, "got an alert message, type: [")) {
        e.type = T::AlertReceived;
        e.a = readInt(m, 29).value_or(0);
        const qsizetype colon = m.indexOf(':', 29);
        e.b = colon > 0 ? readInt(m, colon + 1).value_or(0) : 0;
        return true;
    }
    if (startsWith(m, "is a fatal alert message (msg ")) {
        e.type = T::AlertReceived;
        e.a = 2;
        e.b = readInt(m, 30).value_or(0);
        e.text = QStringLiteral("fatal-echo");
        return true;
    }
    if (startsWith(m, "send alert level=")) {
        e.type = T::AlertSent;
        e.a = readInt(m, 17).value_or(0);
        e.b = intAfter(m, "message=").value_or(0);
        return true;
    }
    if (startsWith(m, "client hello, add ciphersuite: ")) {
        e.type = T::CiphersuiteOffered;
        e.a = readHex(m, 31).value_or(0);
        return true;
    }
    if (startsWith(m, "server hello, chosen ciphersuite: ")) {
        e.type = T::CiphersuiteChosen;
        QByteArrayView rest = m.sliced(34);
        if (rest.startsWith('('))
            rest = rest.sliced(1);
        qsizetype i = skipBlanks(rest, 0);
        qsizetype hexEnd = i;
        while (hexEnd < rest.size() && (hexValue(rest[hexEnd]) >= 0 || rest[hexEnd] == 'x'))
            ++hexEnd;
        if (hexEnd > i && (hexEnd == rest.size() || rest[hexEnd] == ' ' || rest[hexEnd] == ')')) {
            e.a = readHex(rest, i).value_or(0);
            const qsizetype dash = rest.indexOf(QByteArrayView(" - "));
            if (dash > 0)
                e.text = QString::fromLatin1(rest.sliced(dash + 3)).trimmed();
        } else {
            e.a = -1;
            e.text = QString::fromLatin1(rest).trimmed();
        }
        return true;
    }
    if (contains(m, "max version: [") || startsWith(m, "server hello, chosen version")
        || startsWith(m, "Negotiated version")
        || (startsWith(m, "server hello, ") && contains(m, "version"))) {
        e.type = T::VersionInfo;
        e.text = QString::fromLatin1(m);
        return true;
    }
    if (startsWith(m, "found ") && m.endsWith(QByteArrayView(" extension"))) {
        e.type = T::ExtensionFound;
        e.text = QString::fromLatin1(m.sliced(6, m.size() - 6 - 10));
        return true;
    }
    if ((startsWith(m, "peer certificate #") || startsWith(m, "own certificate #"))
        && m.endsWith(':')) {
        e.type = T::Certificate;
        e.b = m[0] == 'o' ? 1 : 0;
        e.code = int(readInt(m, m.indexOf('#') + 1).value_or(1));
        return true;
    }
    if (startsWith(m, "! Certificate verification flags ")) {
        e.type = T::VerifyFlags;
        e.a = readHex(m, 33).value_or(0);
        return true;
    }
    if (startsWith(m, "Certificate verification flags clear")) {
        e.type = T::VerifyFlags;
        e.a = 0;
        return true;
    }
    if (m == QByteArrayView("got a certificate request")) {
        e.type = T::CertificateRequested;
        return true;
    }
    if (m == QByteArrayView("got no certificate to send")) {
        e.type = T::NoCertificateToSend;
        return true;
    }
    if (startsWith(m, "certificate too large, ")) {
        e.type = T::BufferLimit;
        e.a = readInt(m, 23).value_or(0);
        e.b = intAfter(m, "> ").value_or(0);
        e.text = QString::fromLatin1(m);
        return true;
    }
    if (startsWith(m, "alloc(") && contains(m, "failed")) {
        e.type = T::AllocFailed;
        e.a = readInt(m, 6).value_or(0);
        e.code = -0x7F00; // SSL_ALLOC_FAILED, which the caller returns right after
        e.text = QString::fromLatin1(m);
        return true;
    }
    if (contains(m, "! The certificate") || contains(m, "! The CRL")) {
        e.type = T::VerifyInfo;
        e.text = QString::fromUtf8(m.sliced(m.indexOf('!') + 1)).trimmed();
        return true;
    }
    const qsizetype ret = m.indexOf(QByteArrayView("() returned "));
    if (ret > 0) {
        const auto n = readInt(m, ret + 12);
        if (!n || *n >= 0)
            return false;
        e.type = T::ErrorReturned;
        e.code = int(*n);
        e.text = QString::fromLatin1(m.first(ret));
        return true;
    }
    if (isNotice(m)) {
        e.type = T::Notice;
        e.text = QString::fromUtf8(m);
        return true;
    }
    return false;
}

bool classifyApplicationLine(const LogLine &line, HandshakeEvent &e)
{
    const QByteArrayView m = line.message;
    const QByteArrayView tag = line.tag;
    auto fullText = [&] {
        return tag.isEmpty() ? QString::fromUtf8(m)
                             : QString::fromUtf8(tag) + QStringLiteral(": ") + QString::fromUtf8(m);
    };

    const bool sessionTag
        = tag == QByteArrayView("security1") || tag == QByteArrayView("security2")
          || tag == QByteArrayView("protocomm") || tag == QByteArrayView("protocomm_httpd")
          || tag == QByteArrayView("httpd_uri") || tag == QByteArrayView("protocomm_console");
    if (contains(m, "Secure session not established")
        || contains(m, "Decryption of response failed") || contains(m, "Session not found")
        || (sessionTag && (line.level == 'E' || line.level == 'W'))) {
        e.type = T::SessionError;
        e.text = fullText();
        return true;
    }
    if (contains(m, "mbedtls_ssl_handshake returned")) {
        e.type = T::HandshakeReturned;
        e.code = findErrorCode(m.sliced(m.indexOf(QByteArrayView("returned")))).value_or(0);
        e.text = fullText();
        return true;
    }
    if (contains(m, "Failed to verify peer certificate")
        || contains(m, "No matching trusted root certificate")
        || (tag == QByteArrayView("esp-x509-crt-bundle") && contains(m, "Failed to verify"))) {
        e.type = T::AppVerifyFailed;
        e.text = fullText();
        return true;
    }
    if (contains(m, "Certificate verified")) {
        e.type = T::AppVerified;
        e.text = fullText();
        return true;
    }
    if (contains(m, "! The certificate") || contains(m, "! The CRL")) {
        e.type = T::VerifyInfo;
        e.text = QString::fromUtf8(m.sliced(m.indexOf('!') + 1)).trimmed();
        return true;
    }
    if (contains(m, "select() timeout") || contains(m, "in specified timeout")
        || contains(m, "CONNECTION_TIMEOUT") || contains(m, "HANDSHAKE_TIMEOUT")
        || contains(m, "handshake timed out")) {
        e.type = T::Timeout;
        e.text = fullText();
        return true;
    }
    if (contains(m, "alloc(") && contains(m, "failed")) {
        e.type = T::AllocFailed;
        e.a = readInt(m, m.indexOf(QByteArrayView("alloc(")) + 6).value_or(0);
        e.text = fullText();
        return true;
    }
    const bool looksLikeError
        = contains(m, "returned") || contains(m, "error :") || contains(m, "stack error number")
          || (line.format == LogLine::Format::Arduino && contains(m, "(-")) || contains(m, "(FFFF");
    if (looksLikeError) {
        if (const auto code = findErrorCode(m)) {
            e.type = T::AppError;
            e.code = *code;
            e.text = fullText();
            return true;
        }
    }
    if (contains(m, "No server verification option set") || contains(m, "partly successful")
        || contains(m, "Failed to open new connection")
        || contains(m, "Last error code reported from esp-tls")) {
        e.type = T::AppError;
        e.text = fullText();
        const qsizetype hex = m.indexOf(QByteArrayView("0x"));
        if (hex >= 0)
            e.a = readHex(m, hex).value_or(0);
        return true;
    }
    return false;
}

} // namespace Forgeline::Tls::TraceText
