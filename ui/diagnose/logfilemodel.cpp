// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/logfilemodel.h"

#include "core/tls/logline.h"
#include "core/tls/logreader.h"
#include "ui/common/statuspalette.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QFontDatabase>

#include <cstring>

namespace Forgeline::Ui {

std::shared_ptr<LogLineIndex> LogLineIndex::build(
    const QString &path, const std::function<bool(qint64, qint64)> &progress)
{
    auto index = std::make_shared<LogLineIndex>();
    index->path = path;
    if (path.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive)) {
        index->compressed = true;
        const auto read = Tls::LogReader::readFile(
            path,
            [&](qint64, QByteArrayView line) {
                if (index->lines.size() < MaxCompressedLines)
                    index->lines.append(line.toByteArray());
                else
                    index->truncated = true;
            },
            progress);
        if (!read)
            index->lines.clear();
        return index;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return index;
    const qint64 total = file.size();
    index->offsets.reserve(size_t(qMin<qint64>(total / 40 + 1, 50'000'000)));
    index->offsets.push_back(0);
    QByteArray chunk(Tls::LogReader::ChunkSize, Qt::Uninitialized);
    qint64 position = 0;
    for (;;) {
        const qint64 n = file.read(chunk.data(), chunk.size());
        if (n <= 0)
            break;
        const char *base = chunk.constData();
        for (const char *p = base;
             (p = static_cast<const char *>(std::memchr(p, '\n', size_t(base + n - p)))); ++p)
            index->offsets.push_back(position + (p - base) + 1);
        position += n;
        if (progress && !progress(position, total)) {
            index->offsets.clear();
            return index;
        }
    }
    if (!index->offsets.empty() && index->offsets.back() >= total)
        index->offsets.pop_back(); // the file ends with a newline: no extra empty line
    return index;
}

LogFileModel::LogFileModel(QObject *parent) : QAbstractTableModel(parent) {}

void LogFileModel::setIndex(std::shared_ptr<const LogLineIndex> index)
{
    beginResetModel();
    m_index = std::move(index);
    m_cache.clear();
    m_file.close();
    if (m_index && !m_index->compressed) {
        m_file.setFileName(m_index->path);
        if (!m_file.open(QIODevice::ReadOnly))
            m_index.reset();
    }
    m_highlighted.clear();
    endResetModel();
}

void LogFileModel::setHighlightedLines(const QSet<qint64> &lines)
{
    m_highlighted = lines;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::BackgroundRole});
}

QString LogFileModel::lineText(qint64 lineNumber) const
{
    if (!m_index || lineNumber < 1 || lineNumber > m_index->lineCount())
        return {};
    if (const QString *cached = m_cache.object(lineNumber))
        return *cached;
    QByteArray raw;
    if (m_index->compressed) {
        raw = m_index->lines.at(lineNumber - 1);
    } else {
        m_file.seek(m_index->offsets[size_t(lineNumber - 1)]);
        raw = m_file.readLine(4096);
        QByteArray scratch;
        raw = Tls::cleanLogLine(raw, scratch).toByteArray();
    }
    auto *text = new QString(QString::fromUtf8(raw));
    m_cache.insert(lineNumber, text);
    return *text;
}

int LogFileModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_index)
        return 0;
    return int(qMin<qint64>(m_index->lineCount(), std::numeric_limits<int>::max()));
}

int LogFileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogFileModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const qint64 line = index.row() + 1;
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == LineNumber ? QVariant(line) : QVariant(lineText(line));
    case Qt::FontRole: return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    case Qt::TextAlignmentRole:
        return index.column() == LineNumber ? int(Qt::AlignRight | Qt::AlignVCenter)
                                            : int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        return index.column() == LineNumber ? QBrush(StatusPalette::application().text(Tone::Muted))
                                            : QVariant();
    case Qt::BackgroundRole:
        return m_highlighted.contains(line)
                   ? QBrush(StatusPalette::application().background(Tone::Warning))
                   : QVariant();
    default: return {};
    }
}

QVariant LogFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return section == LineNumber ? tr("Line")
                                     : (m_index ? QFileInfo(m_index->path).fileName() : tr("Log"));
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace Forgeline::Ui
