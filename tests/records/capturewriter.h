// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Writes what the relay saw as a real capture: Ethernet/IPv4/TCP frames with a handshake,
// sequence numbers, MSS-sized segments and FIN, through libpcap's pcap_dump (pcap) or as
// pcapng blocks (libpcap reads pcapng but does not write it). Optionally with a duplicated and
// a swapped segment, the way real captures show retransmissions and reordering.

#include "tests/records/recordbytes.h"
#include "tests/records/reframingrelay.h"

#include <QFile>
#include <QString>

#include <pcap/pcap.h>

namespace Forgeline::TestSupport {

struct CaptureOptions
{
    bool retransmitAndReorder = false;
    int mss = 1460;
};

inline QList<QByteArray> captureFrames(const QList<ReframingRelay::Write> &writes,
                                       const CaptureOptions &options = {})
{
    const quint32 client = 0x0a000001, server = 0x0a000002;
    const quint16 clientPort = 50123, serverPort = 443;
    quint32 seq[2] = {0x10000000, 0xfffff000}; // the server's wraps around during the capture
    QList<QByteArray> frames;
    auto frame = [&](int dir, quint8 flags, const QByteArray &payload) {
        const QByteArray ip
            = dir == 0
                  ? ipv4Tcp(client, clientPort, server, serverPort, seq[0], seq[1], flags, payload)
                  : ipv4Tcp(server, serverPort, client, clientPort, seq[1], seq[0], flags, payload);
        frames << ethernet(ip);
    };
    frame(0, 0x02, {});
    ++seq[0];
    frame(1, 0x12, {});
    ++seq[1];
    frame(0, 0x10, {});
    int segment = 0;
    for (const ReframingRelay::Write &w : writes) {
        for (qsizetype at = 0; at < w.bytes.size(); at += options.mss) {
            const QByteArray part = w.bytes.mid(at, options.mss);
            frame(w.dir, 0x18, part);
            if (options.retransmitAndReorder && ++segment == 3)
                frames << frames.last(); // a retransmission
            seq[w.dir] += quint32(part.size());
        }
    }
    if (options.retransmitAndReorder && frames.size() > 8)
        std::swap(frames[5], frames[6]); // two segments out of order
    frame(0, 0x11, {});
    frame(1, 0x11, {});
    return frames;
}

inline bool writePcap(const QString &path, const QList<QByteArray> &frames)
{
    pcap_t *dead = pcap_open_dead(DLT_EN10MB, 65535);
    pcap_dumper_t *dumper = pcap_dump_open(dead, QFile::encodeName(path).constData());
    if (!dumper) {
        pcap_close(dead);
        return false;
    }
    for (qsizetype i = 0; i < frames.size(); ++i) {
        pcap_pkthdr header{};
        header.ts.tv_sec = 1700000000;
        header.ts.tv_usec = suseconds_t(i * 1000);
        header.caplen = header.len = bpf_u_int32(frames[i].size());
        pcap_dump(reinterpret_cast<u_char *>(dumper), &header,
                  reinterpret_cast<const u_char *>(frames[i].constData()));
    }
    pcap_dump_close(dumper);
    pcap_close(dead);
    return true;
}

// pcapng (IETF draft-ietf-opsawg-pcapng): Section Header, Interface Description, Enhanced Packets.
inline bool writePcapng(const QString &path, const QList<QByteArray> &frames)
{
    auto le = [](quint32 v, int bytes) -> QByteArray {
        QByteArray out;
        for (int i = 0; i < bytes; ++i)
            out.append(char((v >> (8 * i)) & 0xff));
        return out;
    };
    auto block = [&](quint32 type, const QByteArray &body) -> QByteArray {
        QByteArray padded = body;
        while (padded.size() % 4)
            padded.append('\0');
        const quint32 total = quint32(12 + padded.size());
        return le(type, 4) + le(total, 4) + padded + le(total, 4);
    };
    QByteArray file
        = block(0x0a0d0d0a, le(0x1a2b3c4d, 4) + le(1, 2) + le(0, 2) + QByteArray(8, '\xff'));
    file += block(1, le(1, 2) + le(0, 2) + le(65535, 4));
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const quint64 ts = 1700000000000000ull + quint64(i) * 1000;
        file += block(6, le(0, 4) + le(quint32(ts >> 32), 4) + le(quint32(ts), 4)
                             + le(quint32(frames[i].size()), 4) + le(quint32(frames[i].size()), 4)
                             + frames[i]);
    }
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(file) == file.size();
}

} // namespace Forgeline::TestSupport
