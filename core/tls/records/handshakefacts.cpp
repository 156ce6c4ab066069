// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/records/handshakefacts.h"

#include "core/tls/records/bodyreader.h"

namespace Forgeline::Tls {

namespace {

void helloFacts(HandshakeMessage &m, BodyReader &r, bool client)
{
    const auto version = r.number(2);
    const auto random = r.bytes(32);
    if (!version || !random)
        return;
    if (!client) {
        m.selectedVersion = int(*version);
        m.helloRetry = isHelloRetryRandom(*random);
    }
    if (!r.vector(1)) // session id
        return;
    if (client ? !(r.vector(2) && r.vector(1)) : !(r.number(2) && r.number(1)))
        return; // cipher suite(s) and compression
    if (r.atEnd())
        return;
    auto list = r.vector(2);
    while (list && !list->atEnd()) {
        const auto type = list->number(2);
        auto ext = list->vector(2);
        if (!type || !ext)
            return;
        if (*type == 1) {
            if (const auto code = ext->number(1))
                m.maxFragmentCode = int(*code);
        } else if (*type == 28) {
            if (const auto limit = ext->number(2))
                m.recordSizeLimit = int(*limit);
        } else if (*type == 43 && !client) {
            if (const auto selected = ext->number(2))
                m.selectedVersion = int(*selected);
        }
    }
}

void certificateFacts(HandshakeMessage &m, BodyReader &r, bool tls13)
{
    if (tls13 && !r.vector(1))
        return;
    auto list = r.vector(3);
    if (!list)
        return;
    int count = 0;
    while (!list->atEnd()) {
        if (!list->vector(3) || (tls13 && !list->vector(2)))
            return; // malformed: the details decoder sets no count either
        ++count;
    }
    m.certificateCount = count;
}

} // namespace

void decodeHandshakeFacts(HandshakeMessage &m, QByteArrayView body, bool tls13)
{
    BodyReader r(body);
    if (m.type == 1 || m.type == 2)
        helloFacts(m, r, m.type == 1);
    else if (m.type == 11)
        certificateFacts(m, r, tls13);
}

} // namespace Forgeline::Tls
