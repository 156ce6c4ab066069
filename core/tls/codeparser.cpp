// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/codeparser.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace Forgeline::Tls {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::CodeParser)
};

} // namespace

namespace {

constexpr int MaxInputLength = 200; // longer pastes are not a single code
constexpr int MaxHexDigits = 16;    // beyond this nothing fits in 64 bits
constexpr int MaxDecimalDigits = 18;

bool isHexDigit(QChar c)
{
    return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
           || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
           || (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
}

bool isIdentifierChar(QChar c)
{
    return c == QLatin1Char('_') || (c.isLetterOrNumber() && c.unicode() < 128);
}

QString stripDecoration(QString s)
{
    // Log formats wrap codes: "(FFFFD900):", "[0x8006]", "'-0x7500'", "returned -0x7500,".
    for (int guard = 0; guard < 8; ++guard) {
        s = s.trimmed();
        const QString before = s;
        while (!s.isEmpty() && QStringLiteral(":,;.").contains(s.back()))
            s.chop(1);
        if (s.size() >= 2) {
            const QChar a = s.front();
            const QChar b = s.back();
            if ((a == QLatin1Char('(') && b == QLatin1Char(')'))
                || (a == QLatin1Char('[') && b == QLatin1Char(']'))
                || (a == QLatin1Char('{') && b == QLatin1Char('}'))
                || (a == QLatin1Char('"') && b == QLatin1Char('"'))
                || (a == QLatin1Char('\'') && b == QLatin1Char('\''))
                || (a == QLatin1Char('`') && b == QLatin1Char('`')))
                s = s.mid(1, s.size() - 2);
        }
        if (s == before)
            break;
    }
    return s;
}

} // namespace

ParsedCode parseCode(QStringView input)
{
    ParsedCode out;
    if (input.size() > MaxInputLength) {
        out.kind = ParsedCode::Kind::Invalid;
        out.cleaned = input.left(40).toString() + QStringLiteral("…");
        out.problem = Tr::tr("the input is %1 characters long; paste a single error code")
                          .arg(input.size());
        return out;
    }
    QString s = stripDecoration(input.toString());

    // "flags 0x208", "flags=0x00000208", "flags: 208"
    if (s.startsWith(QStringLiteral("flags"), Qt::CaseInsensitive)) {
        const QString rest = s.mid(5);
        if (rest.isEmpty() || rest.front().isSpace() || rest.front() == QLatin1Char('=')
            || rest.front() == QLatin1Char(':')) {
            out.flagsHint = true;
            s = rest;
            while (!s.isEmpty()
                   && (s.front().isSpace() || s.front() == QLatin1Char('=')
                       || s.front() == QLatin1Char(':')))
                s.remove(0, 1);
            s = stripDecoration(s);
        }
    }
    out.cleaned = s;
    if (s.isEmpty()) {
        out.kind = out.flagsHint ? ParsedCode::Kind::Invalid : ParsedCode::Kind::Empty;
        out.problem = out.flagsHint ? Tr::tr("\"flags\" needs a value, e.g. flags 0x00000208")
                                    : Tr::tr("empty input");
        return out;
    }

    // Number: [+-] [0x] digits [h]
    int pos = 0;
    bool negative = false;
    if (s.at(0) == QLatin1Char('-') || s.at(0) == QLatin1Char('+')) {
        negative = s.at(0) == QLatin1Char('-');
        pos = 1;
        while (pos < s.size() && s.at(pos).isSpace())
            ++pos;
    }
    bool hexPrefix = false;
    if (pos + 1 < s.size() && s.at(pos) == QLatin1Char('0')
        && (s.at(pos + 1) == QLatin1Char('x') || s.at(pos + 1) == QLatin1Char('X'))) {
        hexPrefix = true;
        pos += 2;
    }
    QString digits = s.mid(pos);
    if (!hexPrefix && digits.size() > 1
        && (digits.back() == QLatin1Char('h') || digits.back() == QLatin1Char('H'))
        && isHexDigit(digits.at(0)) && digits.at(0).isDigit()) {
        hexPrefix = true; // assembler style "7500h"
        digits.chop(1);
    }
    const bool allHex
        = !digits.isEmpty() && std::all_of(digits.cbegin(), digits.cend(), isHexDigit);
    const bool allDecimal = allHex && std::all_of(digits.cbegin(), digits.cend(), [](QChar c) {
                                return c.isDigit();
                            });
    // A word made only of hex digits ("FBA0", "FFFF8B00") is a number: no error name looks like that.
    if (allHex) {
        // Leading zeros carry no value but do carry the "zero-padded flags" hint.
        int significant = int(digits.size());
        int i = 0;
        while (i < digits.size() - 1 && digits.at(i) == QLatin1Char('0')) {
            ++i;
            --significant;
        }
        const QString core = digits.mid(i);
        out.kind = ParsedCode::Kind::Number;
        if (!allDecimal || hexPrefix || out.flagsHint) { // flags are always printed in hex
            if (significant > MaxHexDigits) {
                out.kind = ParsedCode::Kind::Invalid;
                out.problem
                    = Tr::tr("%1 hex digits is far too long for an error code (they are at most 8)")
                          .arg(digits.size());
                return out;
            }
            NumberReading r;
            r.base = NumberReading::Base::Hex;
            bool ok = false;
            const quint64 u = core.toULongLong(&ok, 16);
            if (!ok || u > quint64(std::numeric_limits<qint64>::max())) {
                out.kind = ParsedCode::Kind::Invalid;
                out.problem = Tr::tr("the number is too large to be an error code");
                return out;
            }
            r.value = negative ? -qint64(u) : qint64(u);
            r.hadSign = negative;
            r.hexPrefix = hexPrefix;
            r.digits = int(digits.size());
            r.zeroPadded8 = digits.size() == 8 && digits.at(0) == QLatin1Char('0');
            r.weight = 100;
            out.numbers << r;
            return out;
        }
        // Only decimal digits and no 0x: both bases are possible.
        if (significant > MaxDecimalDigits) {
            out.kind = ParsedCode::Kind::Invalid;
            out.problem
                = Tr::tr("%1 digits is far too long for an error code (they fit in 32 bits)")
                      .arg(digits.size());
            return out;
        }
        NumberReading dec;
        dec.base = NumberReading::Base::Decimal;
        dec.value = core.toLongLong(nullptr, 10) * (negative ? -1 : 1);
        dec.hadSign = negative;
        dec.digits = int(digits.size());
        // Decimal is what Arduino and WICED print; 5+ digits or a sign make it the likelier base.
        dec.weight = (negative || significant >= 5) ? 90 : 70;
        out.numbers << dec;
        if (significant <= MaxHexDigits) {
            NumberReading hex;
            hex.base = NumberReading::Base::Hex;
            const quint64 u = core.toULongLong(nullptr, 16);
            if (u <= quint64(std::numeric_limits<qint64>::max())) {
                hex.value = negative ? -qint64(u) : qint64(u);
                hex.hadSign = negative;
                hex.digits = int(digits.size());
                hex.zeroPadded8 = digits.size() == 8 && digits.at(0) == QLatin1Char('0');
                // A bare 4-digit number is usually an mbedTLS magnitude with "-0x" lost.
                hex.weight = (significant == 4 && !negative) ? 85 : (significant <= 4 ? 70 : 55);
                out.numbers << hex;
            }
        }
        return out;
    }

    // Name: identifier characters only (underscores, letters, digits).
    if (std::all_of(s.cbegin(), s.cend(), isIdentifierChar) && !s.at(0).isDigit() && !hexPrefix
        && pos == 0) {
        out.kind = ParsedCode::Kind::Name;
        out.name = s.toUpper();
        return out;
    }

    out.kind = ParsedCode::Kind::Invalid;
    if (hexPrefix && !allHex)
        out.problem = Tr::tr("\"%1\" is not a hex number (only 0-9 and A-F may follow 0x)").arg(s);
    else
        out.problem = Tr::tr("\"%1\" is neither a number nor an error name").arg(s);
    return out;
}

} // namespace Forgeline::Tls
