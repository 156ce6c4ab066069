// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Forgeline::Ui {

// Draws a record as an arrow in its direction, split into one segment per handshake message
// piece: a coalesced record visibly holds several, a fragment shows an open (jagged) edge on
// the side where its message continues in another record.
class RecordLadderDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Forgeline::Ui
