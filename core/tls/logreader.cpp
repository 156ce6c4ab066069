// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/logreader.h"

#include "core/tls/logline.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <zlib.h>

#include <cstring>

namespace Forgeline::Tls {

namespace {

// A class, so that lupdate files these texts under the context tr() uses.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::LogReader)
};

// Splits `data` into lines and hands them out; keeps the unfinished tail in `carry`.
class LineSplitter
{
public:
    LineSplitter(const LogReader::LineHandler &handler, LogReadStats &stats)
        : m_handler(handler), m_stats(stats)
    {}

    void feed(QByteArrayView data)
    {
        qsizetype pos = 0;
        while (pos < data.size()) {
            const void *hit = std::memchr(data.data() + pos, '\n', size_t(data.size() - pos));
            if (!hit) {
                append(data.sliced(pos));
                return;
            }
            const qsizetype end = static_cast<const char *>(hit) - data.data();
            if (m_carry.isEmpty() && !m_overlong) {
                emitLine(data.sliced(pos, end - pos));
            } else {
                append(data.sliced(pos, end - pos));
                emitLine(m_carry);
                m_carry.clear();
                m_overlong = false;
            }
            pos = end + 1;
        }
    }

    void finish()
    {
        if (!m_carry.isEmpty() || m_overlong) {
            m_stats.truncatedLastLine = true;
            emitLine(m_carry);
            m_carry.clear();
        }
    }

private:
    void append(QByteArrayView part)
    {
        const qsizetype room = LogReader::MaxLineLength - m_carry.size();
        if (part.size() > room) {
            if (!m_overlong)
                ++m_stats.longLinesCut;
            m_overlong = true;
            part = part.first(qMax<qsizetype>(room, 0));
        }
        m_carry.append(part);
    }

    void emitLine(QByteArrayView raw)
    {
        if (raw.size() > LogReader::MaxLineLength) {
            ++m_stats.longLinesCut;
            raw = raw.first(LogReader::MaxLineLength);
        }
        ++m_stats.lines;
        m_handler(m_stats.lines, cleanLogLine(raw, m_scratch));
    }

    const LogReader::LineHandler &m_handler;
    LogReadStats &m_stats;
    QByteArray m_carry;
    QByteArray m_scratch;
    bool m_overlong = false;
};

} // namespace

bool LogReader::looksBinary(QByteArrayView head)
{
    if (head.isEmpty())
        return false;
    qsizetype nul = 0;
    qsizetype control = 0;
    for (char c : head) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0)
            ++nul;
        else if (u < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\x1b')
            ++control;
    }
    // Serial captures carry some boot-time garbage; a binary file carries a lot of it.
    return nul * 100 > head.size() || control * 10 > head.size();
}

Result<LogReadStats> LogReader::readBytes(QByteArrayView data, const LineHandler &handler)
{
    LogReadStats stats;
    if (data.isEmpty())
        return Error::make(QStringLiteral("diagnose.empty"), Tr::tr("The log is empty."));
    if (looksBinary(data.first(qMin<qsizetype>(data.size(), 65536))))
        return Error::make(QStringLiteral("diagnose.binary"),
                           Tr::tr("This is not a text log: it contains binary data."), {},
                           Tr::tr("Save the serial monitor output as text and open that file."));
    LineSplitter splitter(handler, stats);
    splitter.feed(data);
    splitter.finish();
    stats.bytes = data.size();
    return stats;
}

Result<LogReadStats> LogReader::readFile(const QString &path, const LineHandler &handler,
                                         const Progress &progress)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::make(QStringLiteral("diagnose.notfound"),
                           Tr::tr("The log file %1 does not exist.").arg(path));
    if (info.isDir())
        return Error::make(QStringLiteral("diagnose.notfile"),
                           Tr::tr("%1 is a folder, not a log file.").arg(path));
    const qint64 total = info.size();
    if (total == 0)
        return Error::make(QStringLiteral("diagnose.empty"),
                           Tr::tr("The log file %1 is empty.").arg(path));

    const QByteArray native = QFile::encodeName(path);
    gzFile gz = gzopen(native.constData(), "rb");
    if (!gz)
        return Error::make(QStringLiteral("diagnose.open"), Tr::tr("Cannot open %1.").arg(path),
                           QString::fromLocal8Bit(std::strerror(errno)));
    gzbuffer(gz, unsigned(ChunkSize));

    LogReadStats stats;
    stats.compressed = gzdirect(gz) == 0;
    LineSplitter splitter(handler, stats);
    QByteArray chunk(ChunkSize, Qt::Uninitialized);
    bool first = true;
    for (;;) {
        const int n = gzread(gz, chunk.data(), unsigned(chunk.size()));
        if (n < 0) {
            int errnum = 0;
            const QString detail = QString::fromLocal8Bit(gzerror(gz, &errnum));
            if (stats.bytes > 0) {
                // A capture cut off mid-stream still tells its story up to the cut.
                stats.truncatedLastLine = true;
                break;
            }
            gzclose(gz);
            return Error::make(QStringLiteral("diagnose.read"),
                               Tr::tr("Cannot read %1: the file is damaged.").arg(path), detail);
        }
        if (stats.compressed) {
            // gzdirect is only reliable after the first read.
            stats.compressed = gzdirect(gz) == 0;
        }
        if (n == 0)
            break;
        const QByteArrayView data(chunk.constData(), n);
        if (first) {
            first = false;
            if (looksBinary(data.first(qMin<qsizetype>(n, 65536)))) {
                gzclose(gz);
                return Error::make(
                    QStringLiteral("diagnose.binary"),
                    Tr::tr("%1 is not a text log: it contains binary data.").arg(path), {},
                    Tr::tr("Save the serial monitor output as text and open that file."));
            }
        }
        stats.bytes += n;
        splitter.feed(data);
        if (progress && !progress(qMin<qint64>(gzoffset(gz), total), total)) {
            gzclose(gz);
            return Error::make(QStringLiteral("diagnose.cancelled"),
                               Tr::tr("Reading %1 was cancelled.").arg(path));
        }
    }
    gzclose(gz);
    splitter.finish();
    if (stats.bytes == 0)
        return Error::make(QStringLiteral("diagnose.empty"),
                           Tr::tr("The log file %1 is empty.").arg(path));
    return stats;
}

} // namespace Forgeline::Tls
