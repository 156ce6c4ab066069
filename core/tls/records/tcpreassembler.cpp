// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/records/tcpreassembler.h"

#include <QHashFunctions>

namespace Forgeline::Tls {

namespace {

RecordDirection directionOf(int side)
{
    return side == 0 ? RecordDirection::ClientToServer : RecordDirection::ServerToClient;
}

bool looksLikeHello(QByteArrayView p, char type)
{
    return p.size() >= 6 && p[0] == 0x16 && p[1] == 3 && p[5] == type;
}

} // namespace

size_t qHash(const TcpReassembler::Key &k, size_t seed)
{
    return qHashMulti(seed, QByteArrayView(reinterpret_cast<const char *>(k.a.data()), 16),
                      QByteArrayView(reinterpret_cast<const char *>(k.b.data()), 16), k.pa, k.pb);
}

TcpReassembler::TcpReassembler(const DissectLimits &limits, qint64 &keptBytes)
    : m_limits(limits), m_keptBytes(keptBytes)
{}

TcpReassembler::~TcpReassembler() = default;

TcpReassembler::Flow &TcpReassembler::flowFor(const TcpSegment &s)
{
    // One key for both directions: the smaller endpoint first.
    const bool srcFirst = std::tie(s.src, s.srcPort) < std::tie(s.dst, s.dstPort);
    Key key;
    key.a = srcFirst ? s.src : s.dst;
    key.b = srcFirst ? s.dst : s.src;
    key.pa = srcFirst ? s.srcPort : s.dstPort;
    key.pb = srcFirst ? s.dstPort : s.srcPort;
    // A SYN on a connection that already carried data starts a new one (port reuse).
    if (const auto it = m_index.constFind(key); it != m_index.cend()) {
        Flow &f = *m_flows[*it];
        if (!(s.syn && !s.ack && f.sawPayload))
            return f;
    }
    auto flow = std::make_unique<Flow>();
    flow->ipv6 = s.ipv6;
    // The client sent the SYN; without one (a capture started mid-way) the ClientHello, and
    // failing that the higher port, tells who it is.
    bool srcIsClient = true;
    if (s.syn)
        srcIsClient = !s.ack;
    else if (looksLikeHello(s.payload, 1))
        srcIsClient = true;
    else if (looksLikeHello(s.payload, 2))
        srcIsClient = false;
    else
        srcIsClient = s.srcPort > s.dstPort;
    flow->client = srcIsClient ? s.src : s.dst;
    flow->clientPort = srcIsClient ? s.srcPort : s.dstPort;
    flow->stream.id = int(m_flows.size());
    flow->stream.client = formatEndpoint(s.ipv6, srcIsClient ? s.src : s.dst, flow->clientPort);
    flow->stream.server
        = formatEndpoint(s.ipv6, srcIsClient ? s.dst : s.src, srcIsClient ? s.dstPort : s.srcPort);
    flow->stream.midStream = !s.syn;
    flow->dissector = std::make_unique<RecordDissector>(flow->stream, m_limits, m_keptBytes);
    m_index.insert(key, int(m_flows.size()));
    m_flows.push_back(std::move(flow));
    return *m_flows.back();
}

void TcpReassembler::addSegment(const TcpSegment &s, qint64 frame)
{
    Flow &flow = flowFor(s);
    const int sideIndex = (s.src == flow.client && s.srcPort == flow.clientPort) ? 0 : 1;
    Side &side = flow.sides[sideIndex];
    side.lastFrame = frame;
    if (s.syn) {
        if (!side.started) {
            side.started = true;
            side.next = s.seq + 1;
        }
        return;
    }
    if (s.payload.isEmpty())
        return;
    flow.sawPayload = true;
    if (!side.started) {
        side.started = true;
        side.next = s.seq;
        flow.dissector->startsMidway(directionOf(sideIndex));
    }
    // Signed distance handles sequence-number wrap-around.
    const qint32 diff = qint32(s.seq - side.next);
    const qint64 offset = qint64(side.delivered) + diff;
    if (offset < 0) {
        ++m_retransmissions; // data from before the capture's view of this side
        return;
    }
    if (quint64(offset) + quint64(s.payload.size()) <= side.delivered) {
        ++m_retransmissions;
        return;
    }
    if (quint64(offset) > side.delivered) {
        auto [it, inserted] = side.waiting.try_emplace(quint64(offset), s.payload.toByteArray());
        if (!inserted && it->second.size() < s.payload.size()) {
            side.waitingBytes -= it->second.size();
            it->second = s.payload.toByteArray();
        } else if (!inserted) {
            ++m_retransmissions;
            return;
        }
        side.waitingBytes += s.payload.size();
        if (int(side.waiting.size()) > MaxWaitingSegments || side.waitingBytes > MaxWaitingBytes)
            skipToWaiting(flow, sideIndex, frame);
        return;
    }
    deliver(flow, sideIndex, quint64(offset), s.payload, frame);
    drain(flow, sideIndex, frame);
}

void TcpReassembler::deliver(Flow &flow, int sideIndex, quint64 offset, QByteArrayView data,
                             qint64 frame)
{
    Side &side = flow.sides[sideIndex];
    const quint64 skip = side.delivered - offset; // overlap with what was already delivered
    if (skip >= quint64(data.size()))
        return;
    data = data.sliced(qsizetype(skip));
    flow.dissector->feed(directionOf(sideIndex), data, frame);
    side.delivered += quint64(data.size());
    side.next += quint32(data.size());
}

void TcpReassembler::drain(Flow &flow, int sideIndex, qint64 frame)
{
    Side &side = flow.sides[sideIndex];
    while (!side.waiting.empty() && side.waiting.begin()->first <= side.delivered) {
        auto node = side.waiting.extract(side.waiting.begin());
        side.waitingBytes -= node.mapped().size();
        deliver(flow, sideIndex, node.key(), node.mapped(), frame);
    }
}

void TcpReassembler::skipToWaiting(Flow &flow, int sideIndex, qint64 frame)
{
    Side &side = flow.sides[sideIndex];
    if (side.waiting.empty())
        return;
    const quint64 missing = side.waiting.begin()->first - side.delivered;
    flow.dissector->gap(directionOf(sideIndex), missing, frame);
    side.delivered += missing;
    side.next += quint32(missing);
    drain(flow, sideIndex, frame);
}

QList<TlsStream> TcpReassembler::finish()
{
    QList<TlsStream> out;
    for (auto &flow : m_flows) {
        for (int i = 0; i < 2; ++i) {
            while (!flow->sides[i].waiting.empty())
                skipToWaiting(*flow, i, flow->sides[i].lastFrame);
        }
        flow->dissector->finish();
        if (flow->sawPayload)
            out.append(std::move(flow->stream));
    }
    m_flows.clear();
    m_index.clear();
    return out;
}

} // namespace Forgeline::Tls
