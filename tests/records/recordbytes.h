// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small builders for TLS records, handshake messages and TCP/IP frames (RFC 5246 §6.2,
// §7.4; RFC 791; RFC 793), shared by the dissector tests, the relay and the fuzz seeds.

#include <QByteArray>
#include <QList>

namespace Forgeline::TestSupport {

inline QByteArray be(quint32 v, int bytes)
{
    QByteArray out;
    for (int i = bytes - 1; i >= 0; --i)
        out.append(char((v >> (8 * i)) & 0xff));
    return out;
}

inline QByteArray record(int type, const QByteArray &payload, quint16 version = 0x0303)
{
    return QByteArray(1, char(type)) + be(version, 2) + be(quint32(payload.size()), 2) + payload;
}

inline QByteArray message(int type, const QByteArray &body)
{
    return QByteArray(1, char(type)) + be(quint32(body.size()), 3) + body;
}

inline QByteArray vec(const QByteArray &data, int lengthBytes)
{
    return be(quint32(data.size()), lengthBytes) + data;
}

inline QByteArray extension(int type, const QByteArray &body)
{
    return be(quint32(type), 2) + vec(body, 2);
}

// A ClientHello with SNI, groups, signature algorithms, ALPN and max_fragment_length.
inline QByteArray clientHello(int maxFragmentCode = 0)
{
    QByteArray ext = extension(0, vec(QByteArray(1, '\0') + vec("device.example", 2), 2))
                     + extension(10, vec(be(0x001d, 2) + be(0x0017, 2), 2))
                     + extension(13, vec(be(0x0403, 2) + be(0x0804, 2), 2))
                     + extension(16, vec(vec("h2", 1) + vec("http/1.1", 1), 2))
                     + extension(28, be(4096, 2));
    if (maxFragmentCode)
        ext += extension(1, QByteArray(1, char(maxFragmentCode)));
    const QByteArray body = be(0x0303, 2) + QByteArray(32, '\x11') + vec({}, 1)
                            + vec(be(0xc02f, 2) + be(0xc02b, 2) + be(0x00ff, 2), 2)
                            + vec(QByteArray(1, '\0'), 1) + vec(ext, 2);
    return message(1, body);
}

inline QByteArray serverHello(const QByteArray &extensions = {})
{
    QByteArray body
        = be(0x0303, 2) + QByteArray(32, '\x22') + vec({}, 1) + be(0xc02f, 2) + QByteArray(1, '\0');
    if (!extensions.isEmpty())
        body += vec(extensions, 2);
    return message(2, body);
}

// An IPv4/TCP frame without link layer (checksums left zero: the dissector never checks them).
inline QByteArray ipv4Tcp(quint32 src, quint16 srcPort, quint32 dst, quint16 dstPort, quint32 seq,
                          quint32 ack, quint8 flags, const QByteArray &payload)
{
    const QByteArray tcp = be(srcPort, 2) + be(dstPort, 2) + be(seq, 4) + be(ack, 4) + char(0x50)
                           + QByteArray(1, char(flags)) + be(65535, 2) + be(0, 2) + be(0, 2)
                           + payload;
    const QByteArray ip = QByteArray::fromHex("4500") + be(quint32(20 + tcp.size()), 2) + be(1, 2)
                          + be(0x4000, 2) + QByteArray::fromHex("4006") + be(0, 2) + be(src, 4)
                          + be(dst, 4);
    return ip + tcp;
}

inline QByteArray ethernet(const QByteArray &ipPacket)
{
    return QByteArray::fromHex("020000000002020000000001") + be(0x0800, 2) + ipPacket;
}

} // namespace Forgeline::TestSupport
