// SPDX-License-Identifier: GPL-3.0-or-later
// The line layer of the diagnose log reader: splitting, cleaning and format recognition.
#include "core/tls/logline.h"
#include "core/tls/logreader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline::Tls;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    qint64 last = 0;
    const auto result = LogReader::readBytes(bytes, [&](qint64 number, QByteArrayView line) {
        if (number != last + 1 || line.size() > LogReader::MaxLineLength)
            __builtin_trap();
        last = number;
        const LogLine parsed = parseLogLine(line);
        // Every view must point inside the line it was parsed from.
        for (QByteArrayView part : {parsed.tag, parsed.file, parsed.context, parsed.message}) {
            if (!part.isEmpty()
                && (part.data() < line.data()
                    || part.data() + part.size() > line.data() + line.size()))
                __builtin_trap();
        }
        (void)isHexDumpRow(parsed.message);
    });
    (void)result;
    // The raw parser also sees uncleaned input (the GUI parses lines it indexed itself).
    (void)parseLogLine(bytes.first(qMin<qsizetype>(bytes.size(), 4096)));
    return 0;
}
