// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace Forgeline::Image {

// What a stored value is, in one line, without giving a secret away. Used by every dump of a
// certificate store (NVS, esp_secure_cert) so the CLI and the GUI print the same words.

// "[private key: EC P-256, 121 bytes, sha256 3f2a…]" when the bytes are (or parse as) a private
// key: PEM with or without its NUL, DER (PKCS#8 or traditional), or anything armoured as
// "PRIVATE KEY". The hash is of the stored bytes, so two dumps can be compared.
std::optional<QString> privateKeySummary(const QByteArray &bytes);

// "certificate CN=dev-0001, issued by CN=Factory CA, valid to 2027-01-01, sha256 AB12…" for an
// X.509 certificate in PEM (with or without NUL) or DER.
std::optional<QString> certificateSummary(const QByteArray &bytes);

// The certificate's SHA-256 fingerprint (hex, lower case) of its DER, or empty.
QString certificateFingerprint(const QByteArray &bytes);

// A name that always carries a secret (password, passphrase, PoP, PSK, private key...).
bool isSecretName(const QString &name);

// Lower-case hex SHA-256.
QString sha256Hex(const QByteArray &bytes);

} // namespace Forgeline::Image
