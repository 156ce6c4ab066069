// SPDX-License-Identifier: GPL-3.0-or-later
// Any text a user can paste goes through parseCode() and then the whole decoder; neither may
// crash, hang or return an inconsistent result.
#include "core/tls/codeparser.h"
#include "core/tls/decodereport.h"
#include "core/tls/errordecoder.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline::Tls;
    if (size > 4096)
        return 0;
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParsedCode parsed = parseCode(input);
    if (parsed.kind == ParsedCode::Kind::Number && parsed.numbers.isEmpty())
        std::abort();

    // The first byte picks the options so pinned versions and IDF numbering are covered too.
    DecodeOptions options;
    const uint8_t selector = size ? data[0] : 0;
    const QList<MbedtlsVersion> versions = allMbedtlsVersions();
    if (selector % 7 < 5)
        options.mbedtls = versions.at(selector % 7);
    else if (selector % 7 == 5)
        options.idfVersion = QStringLiteral("4.3");
    const DecodeResult result = ErrorDecoder::instance().decode(input, options);
    if (!result.known() && result.message.isEmpty())
        std::abort(); // an unknown input must always get a clear answer
    for (int i = 1; i < result.readings.size(); ++i) {
        if (result.readings.at(i - 1).score < result.readings.at(i).score)
            std::abort();
    }
    (void)decodeResultToText(result);
    (void)decodeResultToJson(result);
    return 0;
}
