// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/records/packetdecoder.h"
#include "core/tls/records/recorddissector.h"

#include <QHash>
#include <QList>

#include <map>
#include <memory>
#include <vector>

namespace Forgeline::Tls {

// Puts the TCP segments of every connection back in order and hands each direction's bytes to
// a RecordDissector: duplicates and retransmissions are dropped, out-of-order segments wait
// (up to a bound), and what never arrives is reported as a gap. Connections are numbered in
// order of first appearance, as Wireshark's tcp.stream does.
class TcpReassembler
{
public:
    static constexpr int MaxWaitingSegments = 512;
    static constexpr qint64 MaxWaitingBytes = 4 << 20;

    TcpReassembler(const DissectLimits &limits, qint64 &keptBytes);
    ~TcpReassembler();

    void addSegment(const TcpSegment &segment, qint64 frame);
    // Closes every connection; returns those that carried data, by id.
    QList<TlsStream> finish();

    qint64 retransmissions() const { return m_retransmissions; }

private:
    struct Side
    {
        bool started = false;
        quint32 next = 0;                      // the sequence number expected next
        quint64 delivered = 0;                 // bytes handed to the dissector
        std::map<quint64, QByteArray> waiting; // out-of-order data by stream offset
        qint64 waitingBytes = 0;
        qint64 lastFrame = 0;
    };
    struct Flow
    {
        TlsStream stream;
        std::unique_ptr<RecordDissector> dissector;
        Side sides[2]; // [0] client→server, [1] server→client
        bool ipv6 = false;
        std::array<quint8, 16> client{};
        quint16 clientPort = 0;
        bool sawPayload = false;
    };
    struct Key
    {
        std::array<quint8, 16> a{}, b{};
        quint16 pa = 0, pb = 0;
        bool operator==(const Key &o) const = default;
    };
    friend size_t qHash(const Key &k, size_t seed);

    Flow &flowFor(const TcpSegment &s);
    void deliver(Flow &flow, int side, quint64 offset, QByteArrayView data, qint64 frame);
    void drain(Flow &flow, int side, qint64 frame);
    void skipToWaiting(Flow &flow, int side, qint64 frame);

    const DissectLimits &m_limits;
    qint64 &m_keptBytes;
    QHash<Key, int> m_index;
    std::vector<std::unique_ptr<Flow>> m_flows;
    qint64 m_retransmissions = 0;
};

} // namespace Forgeline::Tls
