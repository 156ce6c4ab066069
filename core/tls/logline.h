// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Forgeline::Tls {

// One physical line of a device or host log, split into the parts the formats in
// docs/dev/tls.md ("ESP-IDF esp-tls codes", "Debug log format") carry. Views point into the buffer given to parseLogLine(),
// so a LogLine lives only as long as that buffer.
struct LogLine
{
    enum class Format : unsigned char {
        Plain,      // no known prefix; the whole line is the message
        EspIdf,     // "I (3356) tag: message", timestamp in ms or HH:MM:SS.mmm
        RawMbedtls, // "ssl_tls.c:2721: |2| message" (ssl_client2-style callback)
        Esp8266,    // "mbedtls: ssl_tls.c:6674 message" (no level, no timestamp)
        Arduino,    // "[E][ssl_client.cpp:37] func(): message", optionally "[  123]" first
    };

    Format format = Format::Plain;
    char level = 0;         // ESP/Arduino level letter E W I D V; 0 when the format has none
    int debugLevel = -1;    // mbedTLS debug level 1..4 when this is an mbedTLS debug line
    int sourceLine = 0;     // line number inside `file`
    QByteArrayView tag;     // ESP-IDF tag: "mbedtls", "esp-tls", "security1"...
    QByteArrayView file;    // basename of the source file, both '/' and '\\' stripped
    QByteArrayView context; // "0x7ffc1234" ssl-context pointer that threaded 2.28 builds print
    QByteArrayView message; // the text after every prefix, trailing blanks removed

    bool isMbedtlsDebug() const { return debugLevel >= 0 || !file.isEmpty(); }
};

// Removes CR, ANSI escape sequences (colour codes ESP-IDF emits) and control bytes.
// Returns `raw` unchanged when there is nothing to remove, otherwise a view into `scratch`.
QByteArrayView cleanLogLine(QByteArrayView raw, QByteArray &scratch);

// Recognises the formats above; never fails (unknown lines come back as Format::Plain).
// Tolerates other tasks' output in front of the ESP-IDF or raw mbedTLS prefix.
LogLine parseLogLine(QByteArrayView cleaned);

// True for the hex rows of MBEDTLS_SSL_DEBUG_BUF ("0000:  16 03 ...") and MPI values (" 00 d4 ...").
bool isHexDumpRow(QByteArrayView message);

} // namespace Forgeline::Tls
