// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <array>
#include <optional>

namespace Forgeline::Tls {

// One TCP segment out of a captured frame. Addresses stay raw bytes (formatted only when a
// new connection is listed) because a large capture has millions of frames.
struct TcpSegment
{
    bool ipv6 = false;
    std::array<quint8, 16> src{};
    std::array<quint8, 16> dst{};
    quint16 srcPort = 0;
    quint16 dstPort = 0;
    quint32 seq = 0;
    bool syn = false;
    bool ack = false;
    bool fin = false;
    bool rst = false;
    QByteArrayView payload;
};

// Link-layer types, numbered as libpcap's DLT_* values on Linux.
enum LinkType : int {
    LinkNull = 0,
    LinkEthernet = 1,
    LinkRaw = 12,
    LinkRawAlt = 14,
    LinkLoop = 108,
    LinkLinuxSll = 113,
    LinkIpv4 = 228,
    LinkIpv6 = 229,
    LinkLinuxSll2 = 276,
};

// Peels link, IPv4/IPv6 and TCP headers; nullopt for anything that is not an unfragmented
// TCP segment (the reason, when wanted, goes to `why`).
std::optional<TcpSegment> decodeTcpFrame(int linkType, QByteArrayView frame,
                                         QString *why = nullptr);

QString formatEndpoint(bool ipv6, const std::array<quint8, 16> &address, quint16 port);

} // namespace Forgeline::Tls
