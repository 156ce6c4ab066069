// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocomm/httpparser.h"

namespace Forgeline::Protocomm {

QByteArray HttpMessage::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool HttpMessage::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

HttpParser::State HttpParser::fail(Failure failure, const QString &why)
{
    m_failure = failure;
    m_error = why;
    m_state = State::Error;
    return m_state;
}

HttpParser::State HttpParser::feed(const QByteArray &data)
{
    if (m_state == State::Error)
        return m_state;
    m_buffer.append(data);
    return advance();
}

bool HttpParser::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty())
        return false;
    const QByteArray start = lines.first().trimmed();
    const QList<QByteArray> parts = start.split(' ');
    if (m_kind == Kind::Request) {
        if (parts.size() != 3 || parts.at(0).isEmpty() || !parts.at(1).startsWith('/')
            || !parts.at(2).startsWith("HTTP/1."))
            return false;
        m_message.method = parts.at(0);
        m_message.target = parts.at(1);
    } else {
        if (parts.size() < 2 || !parts.at(0).startsWith("HTTP/1.") || parts.at(1).size() != 3)
            return false;
        bool ok = false;
        m_message.status = parts.at(1).toInt(&ok);
        if (!ok || m_message.status < 100)
            return false;
        m_message.reason = start.mid(parts.at(0).size() + parts.at(1).size() + 2);
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return false;
        m_message.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return true;
}

HttpParser::State HttpParser::advance()
{
    if (!m_headParsed) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > MaxHeaderBytes)
                return fail(Failure::HeadersTooLarge,
                            QStringLiteral("HTTP header longer than %1 bytes").arg(MaxHeaderBytes));
            m_state = State::NeedMore;
            return m_state;
        }
        if (end > MaxHeaderBytes)
            return fail(Failure::HeadersTooLarge,
                        QStringLiteral("HTTP header longer than %1 bytes").arg(MaxHeaderBytes));
        if (!parseHead(m_buffer.left(end)))
            return fail(Failure::Malformed, QStringLiteral("malformed HTTP head"));
        m_buffer.remove(0, end + 4);
        m_headParsed = true;
        if (m_message.header("Transfer-Encoding").toLower().contains("chunked"))
            return fail(Failure::Chunked, QStringLiteral("chunked bodies are not supported"));
        const QByteArray length = m_message.header("Content-Length");
        if (!length.isNull()) {
            bool ok = false;
            const qlonglong n = length.toLongLong(&ok);
            if (!ok || n < 0)
                return fail(Failure::Malformed, QStringLiteral("bad Content-Length"));
            if (n > m_maxBody)
                return fail(Failure::BodyTooLarge,
                            QStringLiteral("body of %1 bytes exceeds %2").arg(n).arg(m_maxBody));
            m_message.contentLength = qsizetype(n);
        } else if (m_kind == Kind::Response) {
            return fail(Failure::NoContentLength,
                        QStringLiteral("response without Content-Length"));
        }
    }
    const qsizetype want = qMax<qsizetype>(0, m_message.contentLength);
    if (m_buffer.size() < want) {
        if (!m_headersReported) {
            m_headersReported = true;
            m_state = State::HeadersDone;
        } else {
            m_state = State::NeedMore;
        }
        return m_state;
    }
    m_message.body = m_buffer.left(want);
    m_buffer.remove(0, want);
    m_state = State::Complete;
    return m_state;
}

HttpMessage HttpParser::take()
{
    HttpMessage out = std::move(m_message);
    m_message = HttpMessage();
    m_headParsed = false;
    m_headersReported = false;
    m_state = State::NeedMore;
    if (!m_buffer.isEmpty())
        advance();
    return out;
}

} // namespace Forgeline::Protocomm
