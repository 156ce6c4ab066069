// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/redactor.h"
#include "core/station/recipe.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    // The editor's path (no secrets registered) and the run's path.
    (void)Forgeline::Station::Recipe::fromJson(json, QStringLiteral("/nonexistent"), false);
    const auto r = Forgeline::Station::Recipe::fromJson(json, QStringLiteral("/nonexistent"));
    if (r) {
        (void)r->steps();
        (void)r->needsPair();
        (void)r->provisionAddressFor(QStringLiteral("/dev/ttyUSB0"));
    }
    Forgeline::Redactor::forgetAllSecrets();
    return 0;
}
