// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/image/imagesegmentmodel.h"

#include "ui/common/statuspalette.h"

#include <QBrush>
#include <QColor>
#include <QFontDatabase>

namespace Forgeline::Ui {

ImageSegmentModel::ImageSegmentModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImageSegmentModel::setSegments(const QList<Image::ImageSegment> &segments)
{
    beginResetModel();
    m_segments = segments;
    endResetModel();
}

int ImageSegmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_segments.size());
}

int ImageSegmentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImageSegmentModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_segments.size())
        return {};
    const Image::ImageSegment &s = m_segments.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Index: return index.row();
        case Load: return QStringLiteral("0x%1").arg(s.load, 8, 16, QLatin1Char('0'));
        case Length:
            return s.truncated ? tr("%L1 (truncated)").arg(s.length)
                               : QStringLiteral("%L1").arg(s.length);
        case Region: return s.region.isEmpty() ? tr("unknown") : s.region;
        case FileOffset: return QStringLiteral("0x%1").arg(s.fileOffset, 0, 16);
        default: return {};
        }
    }
    if (role == Qt::FontRole && (index.column() == Load || index.column() == FileOffset))
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role == Qt::ForegroundRole && s.truncated)
        return QBrush(StatusPalette::application().text(Tone::Error));
    if (role == Qt::TextAlignmentRole && index.column() != Region)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ImageSegmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Index: return tr("#");
    case Load: return tr("Load address");
    case Length: return tr("Length");
    case Region: return tr("Memory region");
    case FileOffset: return tr("File offset");
    default: return {};
    }
}

} // namespace Forgeline::Ui
