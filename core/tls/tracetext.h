// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/handshaketrace.h"

#include <QByteArrayView>

#include <optional>

namespace Forgeline::Tls {

struct LogLine;

// The exact strings mbedTLS and the layers around it print (docs/dev/tls.md, "Debug log format"),
// turned into typed events. Kept apart from TraceBuilder so each can be fuzzed and read alone.
namespace TraceText {

// Decimal integer (optionally negative) starting at `pos` after blanks; nullopt if none.
std::optional<qint64> readInt(QByteArrayView text, qsizetype pos);
// Hex integer with or without "0x" starting at `pos` after blanks.
std::optional<qint64> readHex(QByteArrayView text, qsizetype pos);
// The error code in "returned -0x7280", "returned -29312", "(-9984) X509 - ...", "(FFFFD900): ...".
std::optional<int> findErrorCode(QByteArrayView text);

// Fills `event` from an mbedTLS debug message; false when the message is not one we track.
// Certificate headers come back with code = chain index and b = 1 for "own certificate";
// a level-1 "is a fatal alert message" comes back as AlertReceived with text "fatal-echo";
// "chosen ciphersuite: NAME" comes back as CiphersuiteChosen with a = -1 and text = NAME.
bool classifyDebugMessage(QByteArrayView message, HandshakeEvent &event);

// Lines from esp-tls, Arduino, protocomm and applications; false when irrelevant.
bool classifyApplicationLine(const LogLine &line, HandshakeEvent &event);

} // namespace TraceText

} // namespace Forgeline::Tls
