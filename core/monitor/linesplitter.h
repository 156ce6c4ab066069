// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace Forgeline::Monitor {

// Cuts a byte stream from a board into lines as they arrive. Lines end at '\n' only, so the
// numbering is the same one the log reader gives the capture file later (CR is stripped by
// the consumer). A partial line waits for the rest; an endless line (binary noise, a wrong
// baud rate) is delivered cut at MaxLineLength so memory stays bounded.
class LineSplitter
{
public:
    static constexpr qsizetype MaxLineLength = 1 << 16;

    // lineNumber is 1-based; `cut` is true for a piece of an over-long line, which still
    // counts as one physical line only when its '\n' arrives.
    using Handler = std::function<void(qint64 lineNumber, QByteArrayView line, bool cut)>;

    explicit LineSplitter(Handler handler) : m_handler(std::move(handler)) {}

    void push(QByteArrayView bytes);
    // Delivers a pending partial line (end of stream, port lost).
    void flush();
    qint64 lines() const { return m_lines; }
    bool hasPartial() const { return !m_pending.isEmpty(); }

private:
    Handler m_handler;
    QByteArray m_pending;
    qint64 m_lines = 0;
    bool m_cutOpen = false; // the current physical line already delivered a cut piece
};

// The share of bytes in `line` that cannot be text (control bytes other than tab/ESC/CR,
// invalid UTF-8). Above ~0.3 the line is noise: a wrong baud rate or the ROM's binary replies.
double noiseRatio(QByteArrayView line);

} // namespace Forgeline::Monitor
