// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP parser both sides use: the client reads device responses, the virtual board reads
// requests. Input is fed in the chunks the first byte chooses, to exercise resumption.
#include "core/protocomm/httpparser.h"

#include <cstddef>
#include <cstdint>

using Forgeline::Protocomm::HttpParser;

static void run(HttpParser::Kind kind, const QByteArray &bytes, int chunk)
{
    HttpParser parser(kind, 4096);
    for (qsizetype at = 0; at < bytes.size(); at += chunk) {
        HttpParser::State st = parser.feed(bytes.mid(at, chunk));
        int guard = 0;
        while (st == HttpParser::State::Complete && guard++ < 64) {
            const auto message = parser.take();
            (void)message.header("Set-Cookie");
            st = parser.state();
        }
        if (st == HttpParser::State::Error)
            return;
    }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const int chunk = 1 + data[0] % 97;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    run(HttpParser::Kind::Response, bytes, chunk);
    run(HttpParser::Kind::Request, bytes, chunk);
    return 0;
}
