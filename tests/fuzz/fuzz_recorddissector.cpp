// SPDX-License-Identifier: GPL-3.0-or-later
// The record layer and handshake reassembly on arbitrary bytes: the first byte picks how the
// rest is cut into chunks and directions, so every chunking and gap path is reached.
#include "core/tls/records/recorddissector.h"
#include "core/tls/records/recordfindings.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline::Tls;
    if (size < 1)
        return 0;
    const int control = data[0];
    const QByteArrayView bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    TlsStream stream;
    DissectLimits limits;
    limits.maxRecordsPerStream = 64;
    limits.maxMessageBytes = 4096;
    limits.decodeDetails = !(control & 0x40); // the diagnosis path decodes facts only
    qint64 kept = 0;
    {
        RecordDissector d(stream, limits, kept);
        if (control & 0x80)
            d.startsMidway(RecordDirection::ServerToClient);
        const qsizetype chunk = (control & 0x0f) + 1;
        int turn = 0;
        for (qsizetype i = 0; i < bytes.size(); i += chunk, ++turn) {
            const auto dir = (control & 0x10) && (turn & 1) ? RecordDirection::ServerToClient
                                                            : RecordDirection::ClientToServer;
            if ((control & 0x20) && turn % 7 == 6)
                d.gap(dir, quint64(chunk), turn);
            d.feed(dir, bytes.sliced(i, std::min(chunk, bytes.size() - i)), turn);
        }
        d.finish();
    }
    for (const TlsRecord &r : stream.records) {
        for (const MessagePiece &p : r.pieces) {
            if (p.message < 0 || p.message >= stream.messages.size()
                || p.offset + p.size > r.bytes.size() + 5)
                __builtin_trap();
        }
    }
    (void)findRecordProblems(stream, {});
    return 0;
}
