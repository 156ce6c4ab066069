// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/records/packetdecoder.h"

#include <QHostAddress>

namespace Forgeline::Tls {

namespace {

quint16 be16(QByteArrayView v, qsizetype at)
{
    return quint16((quint8(v[at]) << 8) | quint8(v[at + 1]));
}
quint32 be32(QByteArrayView v, qsizetype at)
{
    return (quint32(be16(v, at)) << 16) | be16(v, at + 2);
}

std::optional<TcpSegment> fail(QString *why, const char *text)
{
    if (why)
        *why = QString::fromLatin1(text);
    return std::nullopt;
}

std::optional<TcpSegment> decodeTcp(TcpSegment seg, QByteArrayView tcp, QString *why)
{
    if (tcp.size() < 20)
        return fail(why, "TCP header cut short");
    const int offset = (quint8(tcp[12]) >> 4) * 4;
    if (offset < 20 || offset > tcp.size())
        return fail(why, "bad TCP header length");
    seg.srcPort = be16(tcp, 0);
    seg.dstPort = be16(tcp, 2);
    seg.seq = be32(tcp, 4);
    const quint8 flags = quint8(tcp[13]);
    seg.fin = flags & 0x01;
    seg.syn = flags & 0x02;
    seg.rst = flags & 0x04;
    seg.ack = flags & 0x10;
    seg.payload = tcp.sliced(offset);
    return seg;
}

std::optional<TcpSegment> decodeIp(QByteArrayView ip, QString *why)
{
    if (ip.isEmpty())
        return fail(why, "empty frame");
    TcpSegment seg;
    const int version = quint8(ip[0]) >> 4;
    if (version == 4) {
        if (ip.size() < 20)
            return fail(why, "IPv4 header cut short");
        const int ihl = (quint8(ip[0]) & 0x0f) * 4;
        const int total = be16(ip, 2);
        if (ihl < 20 || ihl > ip.size())
            return fail(why, "bad IPv4 header length");
        if (ip[9] != 6)
            return fail(why, "not TCP");
        if ((be16(ip, 6) & 0x3fff) != 0)
            return fail(why, "IPv4 fragment");
        // Ethernet pads short frames; the IP total length says where the packet ends.
        // A total of 0 comes from TCP segmentation offload captures: trust the frame.
        const qsizetype end = total >= ihl && total <= ip.size() ? total : ip.size();
        std::copy_n(reinterpret_cast<const quint8 *>(ip.data()) + 12, 4, seg.src.begin());
        std::copy_n(reinterpret_cast<const quint8 *>(ip.data()) + 16, 4, seg.dst.begin());
        return decodeTcp(seg, ip.sliced(ihl, end - ihl), why);
    }
    if (version == 6) {
        if (ip.size() < 40)
            return fail(why, "IPv6 header cut short");
        if (ip[6] != 6)
            return fail(why, "not TCP (or IPv6 extension headers)");
        seg.ipv6 = true;
        std::copy_n(reinterpret_cast<const quint8 *>(ip.data()) + 8, 16, seg.src.begin());
        std::copy_n(reinterpret_cast<const quint8 *>(ip.data()) + 24, 16, seg.dst.begin());
        const qsizetype end = std::min<qsizetype>(ip.size(), 40 + be16(ip, 4));
        return decodeTcp(seg, ip.sliced(40, end - 40), why);
    }
    return fail(why, "not IP");
}

} // namespace

std::optional<TcpSegment> decodeTcpFrame(int linkType, QByteArrayView frame, QString *why)
{
    switch (linkType) {
    case LinkEthernet: {
        qsizetype at = 12;
        while (frame.size() >= at + 2 && (be16(frame, at) == 0x8100 || be16(frame, at) == 0x88a8))
            at += 4; // VLAN tags
        if (frame.size() < at + 2)
            return fail(why, "Ethernet header cut short");
        const quint16 type = be16(frame, at);
        if (type != 0x0800 && type != 0x86dd)
            return fail(why, "not IP");
        return decodeIp(frame.sliced(at + 2), why);
    }
    case LinkNull:
    case LinkLoop:
        return frame.size() < 4 ? fail(why, "loopback header cut short")
                                : decodeIp(frame.sliced(4), why);
    case LinkLinuxSll:
        return frame.size() < 16 ? fail(why, "SLL header cut short")
                                 : decodeIp(frame.sliced(16), why);
    case LinkLinuxSll2:
        return frame.size() < 20 ? fail(why, "SLL2 header cut short")
                                 : decodeIp(frame.sliced(20), why);
    case LinkRaw:
    case LinkRawAlt:
    case LinkIpv4:
    case LinkIpv6:
    case 101: // LINKTYPE_RAW as stored in files, should libpcap pass it through
        return decodeIp(frame, why);
    default: return fail(why, "unsupported link type");
    }
}

QString formatEndpoint(bool ipv6, const std::array<quint8, 16> &address, quint16 port)
{
    if (!ipv6)
        return QStringLiteral("%1.%2.%3.%4:%5")
            .arg(address[0])
            .arg(address[1])
            .arg(address[2])
            .arg(address[3])
            .arg(port);
    Q_IPV6ADDR raw;
    std::copy(address.begin(), address.end(), raw.c);
    return QStringLiteral("[%1]:%2").arg(QHostAddress(raw).toString()).arg(port);
}

} // namespace Forgeline::Tls
