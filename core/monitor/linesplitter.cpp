// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/monitor/linesplitter.h"

namespace Forgeline::Monitor {

void LineSplitter::push(QByteArrayView bytes)
{
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype nl = bytes.indexOf('\n', start);
        if (nl < 0) {
            m_pending.append(bytes.sliced(start));
            while (m_pending.size() >= MaxLineLength) {
                const qint64 number = m_lines + 1;
                m_handler(number, QByteArrayView(m_pending).first(MaxLineLength), true);
                m_pending.remove(0, MaxLineLength);
                m_cutOpen = true;
            }
            return;
        }
        const QByteArrayView piece = bytes.sliced(start, nl - start);
        ++m_lines;
        if (m_pending.isEmpty()) {
            // The common case: a whole line inside one chunk, no copy.
            if (!(m_cutOpen && piece.isEmpty()))
                m_handler(m_lines, piece.first(qMin(piece.size(), MaxLineLength)), false);
        } else {
            m_pending.append(piece);
            m_handler(m_lines,
                      QByteArrayView(m_pending).first(qMin(m_pending.size(), MaxLineLength)),
                      false);
            m_pending.clear();
        }
        m_cutOpen = false;
        start = nl + 1;
    }
}

void LineSplitter::flush()
{
    if (m_pending.isEmpty())
        return;
    ++m_lines;
    m_handler(m_lines, QByteArrayView(m_pending), false);
    m_pending.clear();
    m_cutOpen = false;
}

double noiseRatio(QByteArrayView line)
{
    if (line.isEmpty())
        return 0.0;
    qsizetype bad = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const auto c = quint8(line[i]);
        if (c < 0x20) {
            if (c != '\t' && c != 0x1b && c != '\r')
                ++bad;
            continue;
        }
        if (c < 0x80)
            continue;
        // A UTF-8 sequence: lead byte and the right number of continuation bytes.
        const int more = (c & 0xE0) == 0xC0   ? 1
                         : (c & 0xF0) == 0xE0 ? 2
                         : (c & 0xF8) == 0xF0 ? 3
                                              : -1;
        if (more < 0 || i + more >= line.size()) {
            ++bad;
            continue;
        }
        bool ok = true;
        for (int k = 1; k <= more; ++k) {
            if ((quint8(line[i + k]) & 0xC0) != 0x80)
                ok = false;
        }
        if (ok)
            i += more;
        else
            ++bad;
    }
    return double(bad) / double(line.size());
}

} // namespace Forgeline::Monitor
