// SPDX-License-Identifier: GPL-3.0-or-later
// An esp_encrypted_img header and payload from an untrusted file, up to the GCM check.
#include "core/image/encryptedimage.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline::Image;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto header = EncryptedImageHeader::parse(bytes);
    if (!header)
        return 0;
    if (header->payloadAvailable != bytes.size() - EncryptedImageHeader::Size)
        std::abort();
    // A fixed device key: whatever the header says, decryption ends in a value, and a forged
    // image never authenticates.
    static const QByteArray hmac(32, '\x42');
    if (header->scheme == EncryptedImageHeader::Scheme::EciesP256) {
        if (auto plain = preDecryptHmac(bytes, hmac))
            std::abort();
    }
    return 0;
}
