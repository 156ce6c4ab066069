// SPDX-License-Identifier: GPL-3.0-or-later
// The preflight's parsers of outside input: certificates (PEM/DER, chains), private keys
// (PEM/DER, encrypted) and PKCS#12 archives. The first byte picks the parser.
#include "core/tls/preflightchecks.h"
#include "core/tls/preflightloader.h"
#include "core/tls/targetprofile.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    using namespace Forgeline::Tls;
    switch (data[0] % 4) {
    case 0: {
        const auto certs = PreflightLoader::parseCertificates(input, QStringLiteral("fuzz"));
        if (certs.ok()) {
            // The size arithmetic and PEM re-encoding must hold for anything that parsed.
            (void)PreflightChecks::certificateMessageBytes(*certs);
            (void)PreflightChecks::pemChain(*certs);
        }
        break;
    }
    case 1: (void)PreflightLoader::parsePrivateKey(input, QByteArray()); break;
    case 2:
        (void)PreflightLoader::parsePrivateKey(input, QByteArrayLiteral("fuzz-password"));
        break;
    case 3: (void)PreflightLoader::parsePkcs12(input, QByteArrayLiteral("fuzz-password")); break;
    }
    return 0;
}
