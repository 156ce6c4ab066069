// SPDX-License-Identifier: GPL-3.0-or-later
// Bytes from a serial line: SLIP frames, boot text, garbage; then response/request parsing.
#include "core/flasher/romprotocol.h"
#include "core/flasher/slip.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline::Flasher;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    SlipDecoder whole;
    whole.feed(bytes);
    const QList<QByteArray> frames = whole.takeFrames();
    // Feeding in pieces must give the same frames as feeding at once.
    SlipDecoder pieces;
    const qsizetype step = size ? qsizetype(data[0] % 7) + 1 : 1;
    for (qsizetype off = 0; off < bytes.size(); off += step)
        pieces.feed(bytes.mid(off, step));
    if (pieces.takeFrames() != frames)
        std::abort();
    for (const QByteArray &f : frames) {
        if (const auto r = parseResponse(f))
            (void)romErrorText(r->error);
        if (const auto q = parseRequest(f)) {
            // Re-encoding a parsed request gives the frame back.
            if (encodeCommand(q->op, q->data, q->checksum) != f)
                std::abort();
        }
        SlipDecoder again;
        again.feed(Slip::encode(f));
        if (again.takeFrames() != QList<QByteArray>{f})
            std::abort();
    }
    return 0;
}
