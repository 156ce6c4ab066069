// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Forgeline {

// Removes secrets (PoP, Wi-Fi passphrases, private keys) from text before it reaches a log,
// a report, a record or crash output. Two layers: values registered at the moment a secret
// enters the process (exact match, whatever the context), and patterns that catch secrets
// nobody registered (PEM private-key blocks, `pop=...`, `"passphrase": "..."`).
class Redactor
{
public:
    static QString redact(const QString &text);

    // Registered secrets shorter than this are not matched on their own: a 2-character
    // PoP would otherwise blank out every occurrence of those letters in every log line.
    static constexpr int MinimumSecretLength = 4;

    static void registerSecret(const QString &secret);
    static void forgetSecret(const QString &secret);
    static void forgetAllSecrets();
    static QString placeholder() { return QStringLiteral("[redacted]"); }
};

} // namespace Forgeline
