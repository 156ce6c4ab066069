// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Forgeline::Tls {

// One way to read the digits the user pasted, before any table is consulted.
struct NumberReading
{
    enum class Base { Hex, Decimal };
    Base base = Base::Hex;
    qint64 value = 0;       // sign applied; |value| < 2^63 guaranteed
    bool hadSign = false;   // a leading '-'
    bool hexPrefix = false; // "0x" or a trailing 'h'
    bool zeroPadded8
        = false; // exactly 8 hex digits with a leading zero: the usual way flags are printed
    int digits = 0;
    int weight = 0; // prior plausibility of this base, before lookups
};

struct ParsedCode
{
    enum class Kind { Empty, Number, Name, Invalid };
    Kind kind = Kind::Empty;
    QString cleaned;              // input without brackets, quotes, trailing punctuation, hints
    QList<NumberReading> numbers; // Kind::Number: one or two (hex and decimal)
    QString name;                 // Kind::Name: upper-case identifier
    bool flagsHint
        = false;     // "flags 0x208", "flags=0x208": the user says it is a verify-result bit set
    QString problem; // Kind::Invalid: why, in words
};

// Pure syntax: turns "(FFFFD900)", "-0X7500", "7500", "flags=0x208", "MBEDTLS_ERR_SSL_CONN_EOF"
// into candidate numbers or a name. Never throws, never allocates unbounded memory.
ParsedCode parseCode(QStringView input);

} // namespace Forgeline::Tls
