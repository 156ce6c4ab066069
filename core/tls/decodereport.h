// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/errordecoder.h"

#include <QJsonObject>
#include <QString>

namespace Forgeline::Tls {

// Plain text for terminals and the GUI's "copy as text": one block per reading, best first.
QString decodeResultToText(const DecodeResult &result);

// The JSON shape documented in docs/cli.md ("input", "known", "readings"[...] with name, module,
// meaning, versions, fixes, ...). Scripts depend on these keys; only add, never rename.
QJsonObject decodeResultToJson(const DecodeResult &result);
QJsonObject readingToJson(const Reading &reading);

QString readingKindName(Reading::Kind kind); // "mbedtls", "mbedtls-composite", "psa", ...

} // namespace Forgeline::Tls
