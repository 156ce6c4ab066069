// SPDX-License-Identifier: GPL-3.0-or-later
// Everything a device (or a client, for the virtual board) can send us after the transport:
// protobuf replies of every endpoint, handshake replies, and the proto-ver string.
#include "core/protocomm/messages.h"
#include "core/protocomm/provisionclient.h"
#include "core/protocomm/security.h"

#include <cstddef>
#include <cstdint>

using namespace Forgeline::Protocomm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)decodeRespGetStatus(bytes);
    (void)decodeRespSetConfig(bytes);
    (void)decodeRespApplyConfig(bytes);
    (void)decodeRespScanStart(bytes);
    (void)decodeRespScanStatus(bytes);
    (void)decodeRespScanResult(bytes);
    (void)decodeRespCtrl(bytes, CtrlCommand::Reset);
    (void)decodeConfigRequest(bytes);
    (void)decodeScanRequest(bytes);
    (void)decodeCtrlRequest(bytes);
    (void)parseVersionReply(bytes);

    Sec0Client sec0;
    (void)sec0.begin();
    (void)sec0.next(bytes);

    // Client: feed the bytes as Response0, and if that were accepted, as Response1 too.
    Sec1Client sec1("abcd1234");
    if (sec1.begin().ok()) {
        auto next = sec1.next(bytes);
        if (next.ok())
            (void)sec1.next(bytes);
    }
    // Device: the bytes as a session command and as an encrypted request.
    Sec1Device device("abcd1234", [](char, const QString &, const QString &) {});
    (void)device.handleSession(bytes);
    (void)device.handleSession(bytes);
    (void)device.decrypt(bytes);
    return 0;
}
