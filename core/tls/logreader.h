// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArrayView>
#include <QString>

#include <atomic>
#include <functional>

namespace Forgeline::Tls {

struct LogReadStats
{
    qint64 lines = 0;               // physical lines delivered (1-based numbering ends here)
    qint64 bytes = 0;               // uncompressed bytes read
    bool compressed = false;        // the file was gzip
    bool truncatedLastLine = false; // the file did not end with a newline
    qint64 longLinesCut = 0;        // lines longer than the limit, delivered cut
};

// Streams a log file line by line in fixed-size chunks, so memory stays bounded whatever
// the file size (a 2 GB capture costs one chunk plus one line). Reads gzip transparently.
// Each line reaches the handler with CR, ANSI colour codes and control bytes removed;
// bytes that are not UTF-8 are passed through for the consumer to decode leniently.
class LogReader
{
public:
    // lineNumber is 1-based and counts every physical line, blank ones included.
    using LineHandler = std::function<void(qint64 lineNumber, QByteArrayView line)>;
    // Called between chunks with (position in the file, file size); return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    static constexpr qint64 ChunkSize = 1 << 18;
    static constexpr qint64 MaxLineLength = 1 << 16;

    static Result<LogReadStats> readFile(const QString &path, const LineHandler &handler,
                                         const Progress &progress = {});
    // Same rules for text already in memory (tests, fuzzing, pasted logs).
    static Result<LogReadStats> readBytes(QByteArrayView data, const LineHandler &handler);

    // The first bytes of a file decide whether it is text at all.
    static bool looksBinary(QByteArrayView head);
};

} // namespace Forgeline::Tls
