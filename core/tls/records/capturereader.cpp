// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/records/capturereader.h"

#include "core/tls/records/packetdecoder.h"
#include "core/tls/records/tcpreassembler.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <pcap/pcap.h>

#include <cstdio>

namespace Forgeline::Tls::CaptureReader {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Forgeline::Tls::CaptureReader", text, disambiguation, n);
}

bool isPcapng(QByteArrayView head)
{
    return head.size() >= 4 && quint8(head[0]) == 0x0a && quint8(head[1]) == 0x0d
           && quint8(head[2]) == 0x0d && quint8(head[3]) == 0x0a;
}

Result<void> readHandle(pcap_t *pcap, DissectReport &report, const DissectLimits &limits,
                        qint64 &keptBytes, const Progress &progress, FILE *file, qint64 total)
{
    const int link = pcap_datalink(pcap);
    TcpReassembler tcp(limits, keptBytes);
    qint64 frame = 0;
    qint64 notTcp = 0;
    QString firstReason;
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    int rc = 0;
    while ((rc = pcap_next_ex(pcap, &header, &data)) == 1) {
        ++frame;
        QString why;
        const auto seg = decodeTcpFrame(
            link, QByteArrayView(reinterpret_cast<const char *>(data), header->caplen),
            notTcp == 0 ? &why : nullptr);
        if (seg) {
            tcp.addSegment(*seg, frame);
        } else if (notTcp++ == 0) {
            firstReason = tr("frame %1: %2").arg(frame).arg(why);
        }
        if (progress && (frame & 0x3fff) == 0 && file && !progress(qint64(std::ftell(file)), total))
            return Error::make(QStringLiteral("dissect.cancelled"), tr("Cancelled."));
    }
    if (rc == PCAP_ERROR)
        report.notes << tr("The capture is damaged or cut short after frame %1 (%2); the frames "
                           "before it are shown.")
                            .arg(frame)
                            .arg(QString::fromLocal8Bit(pcap_geterr(pcap)));
    if (notTcp > 0)
        report.notes << tr("%n frame(s) are not TCP over IP and were skipped (first: %1).", nullptr,
                           int(notTcp))
                            .arg(firstReason);
    report.units = frame;
    report.streams += tcp.finish();
    if (tcp.retransmissions() > 0)
        report.notes << tr("%n retransmitted or duplicate segment(s) were ignored.", nullptr,
                           int(tcp.retransmissions()));
    return {};
}

Result<void> readFromFile(FILE *file, DissectReport &report, const DissectLimits &limits,
                          qint64 &keptBytes, const Progress &progress, qint64 total)
{
    char errors[PCAP_ERRBUF_SIZE] = {};
    // pcap_fopen_offline reads both pcap and pcapng and owns `file` from here on.
    pcap_t *pcap = pcap_fopen_offline(file, errors);
    if (!pcap) {
        std::fclose(file);
        return Error::make(
            QStringLiteral("dissect.capture"),
            tr("This capture cannot be read: %1").arg(QString::fromLocal8Bit(errors)), {},
            tr("Save it again from Wireshark as pcap or pcapng."));
    }
    const Result<void> result = readHandle(pcap, report, limits, keptBytes, progress, file, total);
    pcap_close(pcap);
    return result;
}

} // namespace

bool isCapture(QByteArrayView head)
{
    if (head.size() < 4)
        return false;
    const quint32 magic = (quint32(quint8(head[0])) << 24) | (quint32(quint8(head[1])) << 16)
                          | (quint32(quint8(head[2])) << 8) | quint8(head[3]);
    return isPcapng(head) || magic == 0xa1b2c3d4 || magic == 0xd4c3b2a1 || magic == 0xa1b23c4d
           || magic == 0x4d3cb2a1;
}

Result<void> readFile(const QString &path, DissectReport &report, const DissectLimits &limits,
                      qint64 &keptBytes, const Progress &progress)
{
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("dissect.open"),
                           tr("Cannot open %1: %2").arg(path, probe.errorString()));
    report.kind = isPcapng(probe.peek(4)) ? DissectInputKind::Pcapng : DissectInputKind::Pcap;
    probe.close();
    FILE *file = std::fopen(QFile::encodeName(path).constData(), "rb");
    if (!file)
        return Error::make(QStringLiteral("dissect.open"), tr("Cannot open %1.").arg(path));
    // libpcap reads frame by frame through stdio: a large buffer saves most of the syscalls.
    std::setvbuf(file, nullptr, _IOFBF, 1 << 20);
    return readFromFile(file, report, limits, keptBytes, progress, QFileInfo(path).size());
}

Result<void> readBytes(QByteArrayView data, DissectReport &report, const DissectLimits &limits,
                       qint64 &keptBytes)
{
    report.kind = isPcapng(data) ? DissectInputKind::Pcapng : DissectInputKind::Pcap;
    if (data.isEmpty())
        return Error::make(QStringLiteral("dissect.empty"), tr("The capture is empty."));
    // fmemopen reads the caller's buffer in place: no copy of a large capture.
    FILE *file = fmemopen(const_cast<char *>(data.data()), size_t(data.size()), "rb");
    if (!file)
        return Error::make(QStringLiteral("dissect.memory"),
                           tr("Cannot read the capture from memory."));
    return readFromFile(file, report, limits, keptBytes, {}, data.size());
}

} // namespace Forgeline::Tls::CaptureReader
