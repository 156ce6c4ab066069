// SPDX-License-Identifier: GPL-3.0-or-later
// pcap / pcapng through libpcap, our frame decoding and TCP reassembly, then the records.
#include "core/tls/records/capturereader.h"
#include "core/tls/records/dissectreport.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline::Tls;
    DissectReport report;
    DissectLimits limits;
    limits.keptRecordBytes = 1 << 20;
    qint64 kept = 0;
    const auto result = CaptureReader::readBytes(
        QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)), report, limits,
        kept);
    if (kept > limits.keptRecordBytes)
        __builtin_trap();
    if (result)
        (void)DissectReportWriter::toJson(report);
    return 0;
}
