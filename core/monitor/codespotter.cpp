// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/monitor/codespotter.h"

#include "core/tls/diagnosisengine.h"
#include "core/tls/errordecoder.h"

namespace Forgeline::Monitor {

namespace {

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isNameChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// Hex digits starting at `pos`; returns how many.
qsizetype hexRun(QByteArrayView t, qsizetype pos)
{
    qsizetype n = 0;
    while (pos + n < t.size() && isHexDigit(t[pos + n]))
        ++n;
    return n;
}

} // namespace

bool CodeSpotter::seenRecently(const QString &code, qint64 line)
{
    const auto it = m_lastSeen.constFind(code);
    const bool recent = it != m_lastSeen.constEnd() && line - it.value() <= RepeatWindowLines;
    if (m_lastSeen.size() > 256)
        m_lastSeen.clear();
    m_lastSeen.insert(code, line);
    return recent;
}

QList<CodeEvent> CodeSpotter::scan(qint64 lineNumber, QByteArrayView t,
                                   Tls::MbedtlsGeneration generation)
{
    QList<CodeEvent> found;
    if (t.size() < 6)
        return found;
    auto addMbedtls = [&](int code, QByteArrayView spelled) {
        const Tls::DecodedError named = Tls::DiagnosisEngine::nameError(code, generation);
        const QString canonical = Tls::formatCode(code);
        if (named.name.isEmpty() || seenRecently(canonical, lineNumber))
            return;
        found.append(
            {lineNumber, QString::fromLatin1(spelled), canonical, named.name, named.meaning});
    };
    auto addDecoded = [&](const QString &input, QByteArrayView spelled) {
        const Tls::DecodeResult r = Tls::ErrorDecoder::instance().decode(input);
        if (!r.known())
            return;
        const Tls::Reading &best = r.readings.first();
        if (seenRecently(best.canonical, lineNumber))
            return;
        found.append(
            {lineNumber, QString::fromLatin1(spelled), best.canonical, best.name, best.meaning});
    };

    // "-0x2700": mbedTLS codes are -0x0001 .. -0x7FFF; "(-0xfffffffb)" is a positive return.
    for (qsizetype at = t.indexOf("-0x"); at >= 0; at = t.indexOf("-0x", at + 3)) {
        const qsizetype n = hexRun(t, at + 3);
        if (n == 0 || n > 4 || (at + 3 + n < t.size() && isNameChar(t[at + 3 + n])))
            continue;
        const int value = QByteArrayView(t.sliced(at + 3, n)).toInt(nullptr, 16);
        if (value > 0 && value <= 0x7FFF)
            addMbedtls(-value, t.sliced(at, 3 + n));
    }
    // ESP-IDF mbedtls_print_error_msg: "(FFFFD900): X509 - ..."
    for (qsizetype at = t.indexOf("(FFFF"); at >= 0; at = t.indexOf("(FFFF", at + 5)) {
        if (hexRun(t, at + 1) == 8 && at + 9 < t.size() && t[at + 9] == ')') {
            const quint32 raw = QByteArrayView(t.sliced(at + 1, 8)).toUInt(nullptr, 16);
            const int value = int(raw);
            if (value < 0 && value >= -0x7FFF)
                addMbedtls(value, t.sliced(at, 10));
        }
    }
    // esp_err_t names.
    for (qsizetype at = t.indexOf("ESP_ERR_"); at >= 0; at = t.indexOf("ESP_ERR_", at + 8)) {
        if (at > 0 && isNameChar(t[at - 1]))
            continue;
        qsizetype end = at + 8;
        while (end < t.size() && isNameChar(t[end]))
            ++end;
        const QByteArrayView name = t.sliced(at, end - at);
        const QString text = QString::fromLatin1(name);
        if (Tls::ErrorDecoder::instance().decode(text).known()) {
            addDecoded(text, name);
        } else if (!seenRecently(text, lineNumber)) {
            // A name our tables lack (component-specific esp_err_t): still worth a link.
            found.append({lineNumber, text, QString(), text, QString()});
        }
    }
    // "Last error code reported from esp-tls: 0x8006", "Last tls stack error number: 0x2700"
    // (esp-tls stores the mbedTLS code positive).
    if (const qsizetype at = t.indexOf("reported from esp-tls: 0x"); at >= 0) {
        const qsizetype start = at + 23;
        const qsizetype n = hexRun(t, start + 2);
        if (n > 0 && n <= 4)
            addDecoded(QString::fromLatin1(t.sliced(start, 2 + n)), t.sliced(start, 2 + n));
    }
    if (const qsizetype at = t.indexOf("tls stack error number: 0x"); at >= 0) {
        const qsizetype n = hexRun(t, at + 26);
        if (n > 0 && n <= 4) {
            const int value = QByteArrayView(t.sliced(at + 26, n)).toInt(nullptr, 16);
            if (value > 0 && value <= 0x7FFF)
                addMbedtls(-value, t.sliced(at + 24, 2 + n));
        }
    }
    return found;
}

} // namespace Forgeline::Monitor
