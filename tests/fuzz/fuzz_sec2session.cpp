// SPDX-License-Identifier: GPL-3.0-or-later
// Security2 (SRP6a + AES-GCM) parsers of outside input: what a device can answer to both
// handshake steps and on an established session, and what a client can send the virtual
// board. The expensive SRP state is prepared once and copied per input.
#include "core/protocomm/security2.h"

#include <cstddef>
#include <cstdint>

using namespace Forgeline::Protocomm;

namespace {

const QByteArray Username = "wifiprov";
const QByteArray Password = "abcd1234";

QByteArray fixedKey(char fill) { return QByteArray(Srp::PrivateKeyBytes, fill); }

struct Prepared
{
    Srp::Credentials credentials
        = Srp::makeCredentials(Username, Password, QByteArray(16, '\x5a')).value();
    Sec2Client atStepZero{Username, Password, 1};
    Sec2Client atStepOne{Username, Password, 1};
    Sec2Client established{Username, Password, 1};
    Sec2Device deviceAtStepOne{credentials, 1, [](char, const QString &, const QString &) {}};
    Sec2Device deviceEstablished{credentials, 0, [](char, const QString &, const QString &) {}};
    QByteArray command0;

    Prepared()
    {
        for (Sec2Client *c : {&atStepZero, &atStepOne, &established})
            c->srp().setPrivateKeySource([] { return fixedKey('\x11'); });
        command0 = atStepZero.begin().value();
        (void)atStepOne.begin();
        deviceAtStepOne.setFixedKeys(fixedKey('\x22'), QByteArray());
        const QByteArray response0 = deviceAtStepOne.handleSession(command0).value();
        (void)atStepOne.next(response0);

        // A complete session for the established-state paths.
        Sec2Device device(credentials, 1, [](char, const QString &, const QString &) {});
        device.setFixedKeys(fixedKey('\x33'), QByteArray());
        auto c1 = established.begin();
        auto next = established.next(device.handleSession(c1.value()).value());
        (void)established.next(device.handleSession(*next.value()).value());

        auto d1 = Sec2Client(Username, Password, 0);
        d1.srp().setPrivateKeySource([] { return fixedKey('\x44'); });
        auto n1 = d1.next(deviceEstablished.handleSession(d1.begin().value()).value());
        (void)deviceEstablished.handleSession(*n1.value());
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Prepared prepared;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    // Client: the bytes as S2SessionResp0, and as S2SessionResp1.
    Sec2Client zero = prepared.atStepZero;
    auto step = zero.next(bytes);
    if (step.ok() && step.value())
        (void)zero.next(bytes);
    Sec2Client one = prepared.atStepOne;
    (void)one.next(bytes);
    Sec2Client live = prepared.established;
    (void)live.decrypt(bytes);

    // Device: the bytes as a session command in each state, and as an encrypted request.
    Sec2Device fresh(prepared.credentials, 1, [](char, const QString &, const QString &) {});
    fresh.setFixedKeys(fixedKey('\x22'), QByteArray());
    (void)fresh.handleSession(bytes);
    (void)fresh.decrypt(bytes);
    // A copy of the device waiting for SessionCmd1: it holds only byte strings.
    Sec2Device waiting = prepared.deviceAtStepOne;
    (void)waiting.handleSession(bytes);
    Sec2Device established = prepared.deviceEstablished;
    (void)established.decrypt(bytes);
    return 0;
}
