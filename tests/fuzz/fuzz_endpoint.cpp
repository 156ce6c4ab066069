// SPDX-License-Identifier: GPL-3.0-or-later
// Addresses come from the command line, recipes and a text field: anything typed must give a
// value or an Error, and a value must read back as itself.
#include "core/common/endpoint.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Forgeline::Result<Forgeline::Endpoint> e = Forgeline::parseEndpoint(text);
    if (e.ok()) {
        if (e->port == 0 || e->host.isEmpty())
            std::abort();
        const Forgeline::Result<Forgeline::Endpoint> again
            = Forgeline::parseEndpoint(e->toString());
        if (!again.ok() || again->toString() != e->toString())
            std::abort();
    }
    return 0;
}
