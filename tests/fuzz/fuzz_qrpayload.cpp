// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/redactor.h"
#include "core/protocomm/qrpayload.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)Forgeline::Protocomm::looksLikeQrPayload(text);
    (void)Forgeline::Protocomm::parseQrPayload(text);
    // Parsing registers secrets; keep the process-wide list from growing with every input.
    Forgeline::Redactor::forgetAllSecrets();
    return 0;
}
