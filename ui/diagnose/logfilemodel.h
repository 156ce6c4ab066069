// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QByteArrayList>
#include <QCache>
#include <QFile>
#include <QSet>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace Forgeline::Ui {

// Where each line of a log starts, so a view can show a 1 GB file without loading it.
// Built off the GUI thread; gzip logs are kept decompressed in memory (up to a cap).
struct LogLineIndex
{
    QString path;
    std::vector<qint64> offsets; // plain files: byte offset of each line
    QByteArrayList lines;        // gzip files: the lines themselves
    bool compressed = false;
    bool truncated = false; // gzip beyond the cap

    qint64 lineCount() const { return compressed ? lines.size() : qint64(offsets.size()); }

    static constexpr qsizetype MaxCompressedLines = 4'000'000;
    // progress(done, total) returns false to cancel (then the index is empty).
    static std::shared_ptr<LogLineIndex> build(const QString &path,
                                               const std::function<bool(qint64, qint64)> &progress
                                               = {});
};

// The raw log, lazily: lines are read from disk only when the view shows them.
class LogFileModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LineNumber, Text, ColumnCount };

    explicit LogFileModel(QObject *parent = nullptr);

    void setIndex(std::shared_ptr<const LogLineIndex> index);
    void setHighlightedLines(const QSet<qint64> &lines); // 1-based
    QString lineText(qint64 lineNumber) const;           // 1-based

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const LogLineIndex> m_index;
    mutable QFile m_file;
    mutable QCache<qint64, QString> m_cache{2048};
    QSet<qint64> m_highlighted;
};

} // namespace Forgeline::Ui
