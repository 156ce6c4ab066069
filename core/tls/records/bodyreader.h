// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace Forgeline::Tls {

// Bounds-checked big-endian reads over a message body; every read fails softly.
class BodyReader
{
public:
    explicit BodyReader(QByteArrayView data, int base = 0) : m_data(data), m_base(base) {}

    bool atEnd() const { return m_pos >= m_data.size(); }
    qsizetype left() const { return m_data.size() - m_pos; }
    int at() const { return m_base + int(m_pos) + 4; } // offsets count the 4-byte message header
    bool failed() const { return m_failed; }

    std::optional<quint32> number(int bytes)
    {
        if (left() < bytes) {
            m_failed = true;
            return std::nullopt;
        }
        quint32 v = 0;
        for (int i = 0; i < bytes; ++i)
            v = (v << 8) | quint8(m_data[m_pos + i]);
        m_pos += bytes;
        return v;
    }
    // A vector with a `lengthBytes` length prefix; returns a reader over its contents.
    std::optional<BodyReader> vector(int lengthBytes)
    {
        const auto n = number(lengthBytes);
        if (!n || left() < qsizetype(*n)) {
            m_failed = true;
            return std::nullopt;
        }
        BodyReader inner(m_data.sliced(m_pos, *n), m_base + int(m_pos));
        m_pos += *n;
        return inner;
    }
    std::optional<QByteArrayView> bytes(qsizetype n)
    {
        if (left() < n) {
            m_failed = true;
            return std::nullopt;
        }
        const QByteArrayView v = m_data.sliced(m_pos, n);
        m_pos += n;
        return v;
    }
    QByteArrayView rest() const { return m_data.sliced(m_pos); }

private:
    QByteArrayView m_data;
    int m_base = 0;
    qsizetype m_pos = 0;
    bool m_failed = false;
};

// RFC 8446 §4.1.3: a ServerHello whose random is the SHA-256 of "HelloRetryRequest".
inline bool isHelloRetryRandom(QByteArrayView random)
{
    static const QByteArray hrr
        = QByteArray::fromHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
    return random == QByteArrayView(hrr);
}

} // namespace Forgeline::Tls
