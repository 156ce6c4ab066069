// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/records/tlsrecord.h"

#include <QByteArrayView>

namespace Forgeline::Tls {

// Sets only the facts the framing findings read (max_fragment_length, record_size_limit, the
// version a ServerHello selected, HelloRetryRequest, the number of certificates), with no
// details tree: the diagnosis of a device log dissects every handshake the log dumped and
// shows none of them, and building the trees cost as much as reading the log. Gives the same
// facts as decodeHandshakeBody (tst_recorddissector compares them).
void decodeHandshakeFacts(HandshakeMessage &message, QByteArrayView body, bool tls13);

} // namespace Forgeline::Tls
