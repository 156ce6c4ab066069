// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/logline.h"

#include <cstring>

namespace Forgeline::Tls {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool isAlnum(char c) { return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

QByteArrayView trimRight(QByteArrayView v)
{
    qsizetype n = v.size();
    while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
        --n;
    return v.first(n);
}

QByteArrayView trimLeft(QByteArrayView v)
{
    qsizetype i = 0;
    while (i < v.size() && (v[i] == ' ' || v[i] == '\t'))
        ++i;
    return v.sliced(i);
}

QByteArrayView basename(QByteArrayView path)
{
    for (qsizetype i = path.size() - 1; i >= 0; --i) {
        if (path[i] == '/' || path[i] == '\\')
            return path.sliced(i + 1);
    }
    return path;
}

int parseInt(QByteArrayView digits)
{
    int v = 0;
    for (char c : digits) {
        if (!isDigit(c) || v > 100000000)
            break;
        v = v * 10 + (c - '0');
    }
    return v;
}

// Strips the "%p: " prefix threaded mbedTLS 2.x builds put in front of every debug string.
void takeContext(LogLine &line)
{
    const QByteArrayView m = line.message;
    if (m.size() < 5 || m[0] != '0' || (m[1] != 'x' && m[1] != 'X'))
        return;
    qsizetype i = 2;
    while (i < m.size() && isHex(m[i]))
        ++i;
    if (i == 2 || i > 20 || i + 1 >= m.size() || m[i] != ':' || m[i + 1] != ' ')
        return;
    line.context = m.first(i);
    line.message = m.sliced(i + 2);
}

// "ssl_tls.c:2721 msg" or "C:\x\ssl_tls.c:2721 msg" (ESP-IDF keeps Windows paths whole).
bool takeFileLine(QByteArrayView text, LogLine &line)
{
    qsizetype from = 0;
    for (int tries = 0; tries < 4; ++tries) {
        const qsizetype dot = text.indexOf(QByteArrayView(".c:"), from);
        qsizetype colon = -1;
        if (dot >= 0) {
            colon = dot + 2;
        } else {
            const qsizetype cpp = text.indexOf(QByteArrayView(".cpp:"), from);
            if (cpp < 0)
                return false;
            colon = cpp + 4;
        }
        qsizetype j = colon + 1;
        while (j < text.size() && isDigit(text[j]))
            ++j;
        if (j == colon + 1 || j - colon > 7) {
            from = colon + 1;
            continue;
        }
        // The path starts after the last blank before it.
        qsizetype start = colon;
        while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\t')
            --start;
        line.file = basename(text.sliced(start, colon - start));
        line.sourceLine = parseInt(text.sliced(colon + 1, j - colon - 1));
        QByteArrayView rest = text.sliced(j);
        if (rest.startsWith(':'))
            rest = rest.sliced(1);
        line.message = trimRight(trimLeft(rest));
        return true;
    }
    return false;
}

int espLetterToDebugLevel(char letter)
{
    switch (letter) {
    case 'W': return 1;
    case 'I': return 2;
    case 'D': return 3;
    case 'V': return 4;
    default: return 1; // 'E' is "Unexpected log level" in the port; treat as an error line
    }
}

bool isLevelLetter(char c) { return c == 'E' || c == 'W' || c == 'I' || c == 'D' || c == 'V'; }

// "X (12345) tag: msg" or "X (12:30:14.298) tag: msg" starting at `p`.
bool tryEspIdf(QByteArrayView s, qsizetype p, LogLine &line)
{
    if (p + 4 >= s.size() || !isLevelLetter(s[p]) || s[p + 1] != ' ' || s[p + 2] != '(')
        return false;
    qsizetype i = p + 3;
    const qsizetype tsStart = i;
    while (i < s.size() && (isDigit(s[i]) || s[i] == ':' || s[i] == '.'))
        ++i;
    if (i == tsStart || i - tsStart > 16 || i + 2 >= s.size() || s[i] != ')' || s[i + 1] != ' ')
        return false;
    i += 2;
    const qsizetype colon = s.indexOf(QByteArrayView(": "), i);
    qsizetype tagEnd = colon;
    if (colon < 0) {
        // "E (10) tag:" with nothing after it
        if (!s.endsWith(':'))
            return false;
        tagEnd = s.size() - 1;
    }
    if (tagEnd == i || tagEnd - i > 48)
        return false;
    line.format = LogLine::Format::EspIdf;
    line.level = s[p];
    line.tag = s.sliced(i, tagEnd - i);
    line.message = colon < 0 ? QByteArrayView() : trimRight(s.sliced(colon + 2));
    if (line.tag == QByteArrayView("mbedtls")) {
        const QByteArrayView text = line.message;
        if (takeFileLine(text, line)) {
            line.debugLevel = espLetterToDebugLevel(line.level);
            takeContext(line);
        }
    }
    return true;
}

// "ssl_tls.c:2721: |2| msg", anywhere in the line.
bool tryRaw(QByteArrayView s, LogLine &line)
{
    qsizetype from = 0;
    for (int tries = 0; tries < 4; ++tries) {
        const qsizetype bar = s.indexOf(QByteArrayView(": |"), from);
        if (bar < 0)
            return false;
        from = bar + 3;
        if (bar + 4 >= s.size() || !isDigit(s[bar + 3]) || s[bar + 4] != '|')
            continue;
        // Walk back over "file:NNNN".
        qsizetype d = bar;
        while (d > 0 && isDigit(s[d - 1]))
            --d;
        if (d == bar || d == 0 || s[d - 1] != ':')
            continue;
        qsizetype start = d - 1;
        while (start > 0 && s[start - 1] != ' ' && s[start - 1] != '\t')
            --start;
        line.format = LogLine::Format::RawMbedtls;
        line.file = basename(s.sliced(start, d - 1 - start));
        line.sourceLine = parseInt(s.sliced(d, bar - d));
        line.debugLevel = s[bar + 3] - '0';
        line.message = trimRight(trimLeft(s.sliced(bar + 5)));
        takeContext(line);
        return true;
    }
    return false;
}

// "[E][ssl_client.cpp:37] _handle_error(): msg", optionally after "[  1234]".
bool tryArduino(QByteArrayView s, LogLine &line)
{
    qsizetype i = 0;
    if (s.size() > 3 && s[0] == '[' && (s[1] == ' ' || isDigit(s[1]))) {
        const qsizetype close = s.indexOf(']');
        if (close < 0 || close > 14)
            return false;
        i = close + 1;
    }
    if (i + 4 >= s.size() || s[i] != '[' || !isLevelLetter(s[i + 1]) || s[i + 2] != ']'
        || s[i + 3] != '[')
        return false;
    const qsizetype close = s.indexOf(']', i + 4);
    if (close < 0)
        return false;
    const QByteArrayView where = s.sliced(i + 4, close - i - 4);
    const qsizetype colon = where.lastIndexOf(':');
    line.format = LogLine::Format::Arduino;
    line.level = s[i + 1];
    line.tag = colon > 0 ? basename(where.first(colon)) : where;
    line.message = trimRight(trimLeft(s.sliced(close + 1)));
    return true;
}

} // namespace

namespace {

bool isDirtyByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t') || u == 0x7f;
}

// Whether any byte needs cleaning. Nearly every line is clean, so this test is the reader's
// inner loop: eight bytes at a time, looking closer only at words that hold a byte below
// 0x20 or a DEL (the "has a byte less than n" and "has a zero byte" word tricks).
bool hasDirtyByte(QByteArrayView raw)
{
    constexpr quint64 ones = 0x0101010101010101ull;
    constexpr quint64 highs = 0x8080808080808080ull;
    const char *p = raw.data();
    qsizetype n = raw.size();
    while (n >= 8) {
        quint64 w;
        std::memcpy(&w, p, 8);
        const quint64 below = (w - ones * 0x20) & ~w & highs;
        const quint64 del = w ^ (ones * 0x7f);
        const quint64 isDel = (del - ones) & ~del & highs;
        if ((below | isDel) != 0) {
            for (int i = 0; i < 8; ++i)
                if (isDirtyByte(p[i]))
                    return true;
        }
        p += 8;
        n -= 8;
    }
    for (qsizetype i = 0; i < n; ++i)
        if (isDirtyByte(p[i]))
            return true;
    return false;
}

} // namespace

QByteArrayView cleanLogLine(QByteArrayView raw, QByteArray &scratch)
{
    if (!hasDirtyByte(raw))
        return raw;
    scratch.resize(raw.size());
    char *out = scratch.data();
    qsizetype n = 0;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        const auto u = static_cast<unsigned char>(c);
        if (c == '\x1b') {
            // CSI: ESC [ params final, e.g. "\x1b[0;32m"; other escapes are two bytes.
            if (i + 1 < raw.size() && raw[i + 1] == '[') {
                i += 2;
                while (i < raw.size()
                       && !(static_cast<unsigned char>(raw[i]) >= 0x40
                            && static_cast<unsigned char>(raw[i]) <= 0x7e))
                    ++i;
            } else {
                ++i;
            }
            continue;
        }
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            continue;
        out[n++] = c;
    }
    scratch.truncate(n);
    return QByteArrayView(scratch.constData(), n);
}

LogLine parseLogLine(QByteArrayView s)
{
    LogLine line;
    s = trimRight(s);
    if (s.isEmpty())
        return line;

    if (tryEspIdf(s, 0, line))
        return line;
    if (s[0] == '[' && tryArduino(s, line))
        return line;
    if (tryRaw(s, line))
        return line;

    // Another task may have written part of a line before the ESP-IDF prefix.
    qsizetype from = 1;
    for (int tries = 0; tries < 6; ++tries) {
        const qsizetype paren = s.indexOf(QByteArrayView(" ("), from);
        if (paren < 1)
            break;
        const qsizetype p = paren - 1;
        if ((p == 0 || !isAlnum(s[p - 1])) && tryEspIdf(s, p, line))
            return line;
        from = paren + 2;
    }

    const qsizetype tag = s.indexOf(QByteArrayView("mbedtls: "));
    if (tag >= 0) {
        LogLine candidate;
        if (takeFileLine(s.sliced(tag + 9), candidate)) {
            candidate.format = LogLine::Format::Esp8266;
            candidate.tag = s.sliced(tag, 7);
            candidate.debugLevel = 0; // unknown level, but an mbedTLS debug line
            takeContext(candidate);
            return candidate;
        }
    }

    line.format = LogLine::Format::Plain;
    line.message = trimLeft(s);
    return line;
}

bool isHexDumpRow(QByteArrayView m)
{
    // "0000:  16 03 03 ..." (DEBUG_BUF) — 4 hex digits, colon, then hex pairs.
    if (m.size() >= 8 && isHex(m[0]) && isHex(m[1]) && isHex(m[2]) && isHex(m[3]) && m[4] == ':'
        && m[5] == ' ')
        return m[6] == ' ' ? (m.size() >= 9 && isHex(m[7]) && isHex(m[8]))
                           : (isHex(m[6]) && isHex(m[7]));
    // MPI / ECP rows: " 00 d4 5a ..." — only two-digit hex tokens separated by blanks.
    const QByteArrayView t = trimLeft(m);
    if (t.size() < 2 || t.size() > 64)
        return false;
    for (qsizetype i = 0; i < t.size(); i += 3) {
        if (i + 1 >= t.size() || !isHex(t[i]) || !isHex(t[i + 1]))
            return false;
        if (i + 2 < t.size() && t[i + 2] != ' ')
            return false;
    }
    return true;
}

} // namespace Forgeline::Tls
