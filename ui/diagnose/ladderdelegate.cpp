// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/ladderdelegate.h"

#include "ui/common/statuspalette.h"
#include "ui/diagnose/laddermodel.h"

#include <QPainter>
#include <QPainterPath>

namespace Forgeline::Ui {

void LadderDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    if (index.column() != LadderModel::Working && index.column() != LadderModel::Failing) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    painter->save();
    const QVariant background = index.data(Qt::BackgroundRole);
    const bool selected = option.state & QStyle::State_Selected;
    const bool divergence = index.data(LadderModel::DivergenceRole).toBool();
    // The divergence keeps its colour when selected; the selection shows as a frame then.
    if (background.canConvert<QBrush>() && (divergence || !selected))
        painter->fillRect(option.rect, background.value<QBrush>());
    else if (selected)
        painter->fillRect(option.rect, option.palette.highlight().color().lighter(170));
    if (selected && divergence) {
        painter->setPen(QPen(option.palette.highlight().color(), 2));
        painter->drawRect(option.rect.adjusted(1, 1, -1, -1));
    }

    const QRect r = option.rect.adjusted(8, 2, -8, -2);
    const bool problem = index.data(LadderModel::ProblemRole).toBool();
    const QColor ink
        = problem ? StatusPalette(option.palette).text(Tone::Error) : option.palette.text().color();
    const int direction = index.data(LadderModel::DirectionRole).toInt();
    const QString text = index.data(Qt::DisplayRole).toString();

    // The two life lines of the sequence diagram.
    painter->setPen(QPen(option.palette.mid().color(), 1));
    painter->drawLine(r.left(), option.rect.top(), r.left(), option.rect.bottom());
    painter->drawLine(r.right(), option.rect.top(), r.right(), option.rect.bottom());

    QFont font = option.font;
    font.setBold(index.data(LadderModel::DivergenceRole).toBool());
    painter->setFont(font);
    const QFontMetrics fm(font);
    if (direction == 0) {
        painter->setPen(ink);
        painter->drawText(r.adjusted(6, 0, -6, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(text, Qt::ElideRight, r.width() - 12));
    } else {
        const int y = r.bottom() - 3;
        painter->setPen(QPen(ink, 1.5));
        painter->drawLine(r.left() + 2, y, r.right() - 2, y);
        const int tip = direction == 1 ? r.right() - 2 : r.left() + 2;
        const int back = direction == 1 ? tip - 7 : tip + 7;
        QPainterPath head;
        head.moveTo(tip, y);
        head.lineTo(back, y - 4);
        head.lineTo(back, y + 4);
        head.closeSubpath();
        painter->fillPath(head, ink);
        painter->setPen(ink);
        painter->drawText(QRect(r.left(), r.top(), r.width(), y - r.top()),
                          Qt::AlignHCenter | Qt::AlignBottom,
                          fm.elidedText(text, Qt::ElideRight, r.width() - 16));
    }
    painter->restore();
}

QSize LadderDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == LadderModel::Working || index.column() == LadderModel::Failing)
        s.setHeight(QFontMetrics(option.font).height() + 12);
    return s;
}

} // namespace Forgeline::Ui
