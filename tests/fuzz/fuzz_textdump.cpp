// SPDX-License-Identifier: GPL-3.0-or-later
// Pasted text: mbedTLS dumps in device logs, openssl -msg, tcpdump/Wireshark/xxd rows, bare hex.
#include "core/tls/records/dissector.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline::Tls;
    const auto report = Dissector::dissectBytes(
        QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)),
        QStringLiteral("fuzz"));
    if (report) {
        (void)DissectReportWriter::toText(report.value());
        (void)DissectReportWriter::toJson(report.value());
    }
    return 0;
}
