// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Forgeline::Tls {

// Splits a paste of several error codes into the inputs to decode one by one: codes are separated
// by spaces, tabs, newlines, commas or semicolons. "flags" (or "flags:", "flags=") followed by a
// value stays one input, since the word tells the decoder to read an X.509 verify-result bit set.
// Every other token is kept as written; the decoder itself strips brackets and trailing colons.
// Shared by the Decode workspace and `forgeline-cli decode` so both read a paste the same way.
QStringList splitCodes(const QString &text);

} // namespace Forgeline::Tls
