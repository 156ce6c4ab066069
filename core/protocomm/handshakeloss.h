// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/protocomm/httptransport.h"

namespace Forgeline::Protocomm {

// Why the second round trip of a Security1 handshake (SessionCmd1, the PoP check) got no
// answer. ESP-IDF answers a wrong PoP by closing the socket without a reply, and it does the
// same when SessionCmd1 lands in a session that no longer exists (the socket that carried
// step 0 was closed and the session was bound to it, or the board rebooted). Telling a
// technician to re-type a correct PoP in the second case sends them the wrong way, so the
// PoP is blamed only when SessionCmd1 reached the session step 0 opened.
struct HandshakeStepOneEvidence
{
    Error transportError;             // what the transport reported for SessionCmd1
    HttpTransport::Delivery command1; // how SessionCmd1 travelled
    int response0Connection = 0;      // the connection that carried SessionResp0
    bool cookiesEnabled = true;       // the client sends session cookies at all
    int securityVersion = 1;          // 2: SessionCmd1 carried the SRP6a client proof
};

enum class HandshakeLoss {
    PopRejected, // the device dropped SessionCmd1 inside the live session: it checked the PoP
    SessionLost, // SessionCmd1 never reached the session of step 0 (connection changed, no cookie)
    DeviceUnreachable, // after step 0 the device stopped accepting connections (reset, out of range)
    NoAnswer,          // SessionCmd1 reached the device, which stayed silent until the timeout
};

HandshakeLoss classifyStepOneFailure(const HandshakeStepOneEvidence &evidence);

// The user-facing error for it (message, technical detail, what to do). No secret goes in.
Error stepOneFailureError(const HandshakeStepOneEvidence &evidence);

} // namespace Forgeline::Protocomm
