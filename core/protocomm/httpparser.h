// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Forgeline::Protocomm {

struct HttpMessage
{
    // Request
    QByteArray method;
    QByteArray target;
    // Response
    int status = 0;
    QByteArray reason;

    QList<QPair<QByteArray, QByteArray>> headers; // names as sent
    QByteArray body;
    qsizetype contentLength = -1; // -1: header absent

    // First value of a header, case-insensitive name; null when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
};

// Incremental HTTP/1.1 parser for exactly what protocomm needs: Content-Length bodies only
// (no chunked), bounded header and body sizes. Both the client (responses) and the virtual
// board (requests) use it, and it is fuzzed.
class HttpParser
{
public:
    enum class Kind { Request, Response };
    enum class State { NeedMore, HeadersDone, Complete, Error };
    enum class Failure { None, Malformed, HeadersTooLarge, BodyTooLarge, NoContentLength, Chunked };

    static constexpr qsizetype MaxHeaderBytes = 8192;

    HttpParser(Kind kind, qsizetype maxBody) : m_kind(kind), m_maxBody(maxBody) {}

    // Appends bytes and advances. HeadersDone is reported once, when the head is parsed but
    // the body is still incomplete (the virtual board checks Content-Length at that point).
    State feed(const QByteArray &data);
    State state() const { return m_state; }
    Failure failure() const { return m_failure; }
    QString errorString() const { return m_error; }
    const HttpMessage &message() const { return m_message; }
    // Takes the complete message and starts on the next one with any bytes left over.
    HttpMessage take();
    qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    State advance();
    State fail(Failure failure, const QString &why);
    bool parseHead(const QByteArray &head);

    Kind m_kind;
    qsizetype m_maxBody;
    QByteArray m_buffer;
    HttpMessage m_message;
    bool m_headParsed = false;
    bool m_headersReported = false;
    State m_state = State::NeedMore;
    Failure m_failure = Failure::None;
    QString m_error;
};

} // namespace Forgeline::Protocomm
