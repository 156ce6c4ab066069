// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/records/tlsrecord.h"

#include <QByteArrayView>

namespace Forgeline::Tls {

// Decodes one complete handshake message body (without its 4-byte header) into fields for the
// details pane, and sets the facts on `message` the findings use (RFC 5246 §7.4, RFC 8446 §4).
// Never fails: whatever does not parse is reported as a "malformed" node with what came before.
void decodeHandshakeBody(HandshakeMessage &message, QByteArrayView body, bool tls13);

// Certificate facts via OpenSSL: subject, issuer, key type and size, validity, DER size.
DetailNode describeCertificate(QByteArrayView der, int index);

} // namespace Forgeline::Tls
