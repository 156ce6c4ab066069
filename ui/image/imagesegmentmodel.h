// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image/appimage.h"

#include <QAbstractTableModel>

namespace Forgeline::Ui {

// The segments of an inspected image: load address, length, memory region, file offset.
class ImageSegmentModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Index, Load, Length, Region, FileOffset, ColumnCount };

    explicit ImageSegmentModel(QObject *parent = nullptr);

    void setSegments(const QList<Image::ImageSegment> &segments);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Image::ImageSegment> m_segments;
};

} // namespace Forgeline::Ui
