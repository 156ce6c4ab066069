// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Forgeline::Monitor {

// Removes secrets from a live log one line at a time, with the same rules as the redacted
// copies `diagnose` writes: key and secret hex dumps of a level-4 mbedTLS log, PEM private
// key blocks, and whatever the Redactor knows. One line in, one line out, so line numbers
// stay those of the board's output.
class LineRedactor
{
public:
    QString redact(const QString &line);

private:
    bool m_inSecretDump = false;
    bool m_inPemKey = false;
};

} // namespace Forgeline::Monitor
