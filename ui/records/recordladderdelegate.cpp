// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/records/recordladderdelegate.h"

#include "ui/common/statuspalette.h"
#include "ui/records/recordladdermodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Forgeline::Ui {

namespace {

QColor colourFor(int type)
{
    // Stable, distinguishable colours per handshake type (hue from the type number).
    return QColor::fromHsv((type * 47) % 360, 90, 235);
}

} // namespace

QSize RecordLadderDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), option.fontMetrics.height() * 2));
    size.setWidth(std::max(size.width(), 420));
    return size;
}

void RecordLadderDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear(); // only the selection background: the segments are the content
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &base, painter, widget);

    const bool c2s = index.data(RecordLadderModel::ClientToServerRole).toBool();
    const bool encrypted = index.data(RecordLadderModel::EncryptedRole).toBool();
    const QVariantList segments = index.data(RecordLadderModel::SegmentsRole).toList();
    const QRect area = option.rect.adjusted(6, 4, -6, -4);
    const int head = area.height() / 2;
    const QRect body = c2s ? area.adjusted(0, 0, -head, 0) : area.adjusted(head, 0, 0, 0);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // The arrow head shows the direction of the record on the ladder.
    QPainterPath arrow;
    if (c2s) {
        arrow.moveTo(body.right(), area.top());
        arrow.lineTo(area.right(), area.center().y());
        arrow.lineTo(body.right(), area.bottom());
    } else {
        arrow.moveTo(body.left(), area.top());
        arrow.lineTo(area.left(), area.center().y());
        arrow.lineTo(body.left(), area.bottom());
    }
    arrow.closeSubpath();
    painter->fillPath(arrow, option.palette.mid());

    if (segments.isEmpty()) {
        // Tints of the palette, so the palette's text reads on them in dark themes too.
        const StatusPalette colours(option.palette);
        const QColor fill = colours.background(encrypted ? Tone::Muted : Tone::Info);
        painter->fillRect(body, fill);
        painter->setPen(option.palette.color(QPalette::Text));
        painter->drawText(body.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          index.siblingAtColumn(RecordLadderModel::Type).data().toString());
    } else {
        // Equal widths: the point is how many messages share the record, not their sizes
        // (a 2 KB Certificate would otherwise squeeze the others out of sight).
        int x = body.left();
        for (int i = 0; i < segments.size(); ++i) {
            const QVariantMap s = segments.at(i).toMap();
            const int width = i + 1 == segments.size() ? body.right() - x + 1
                                                       : body.width() / int(segments.size());
            const QRect r(x, body.top(), width, body.height());
            const QString fragment = s.value(QStringLiteral("fragment")).toString();
            painter->fillRect(r, colourFor(s.value(QStringLiteral("type")).toInt()));
            painter->setPen(QPen(option.palette.color(QPalette::Dark), 1));
            painter->drawRect(r.adjusted(0, 0, -1, -1));
            // A jagged edge where the message continues in the previous or next record.
            painter->setPen(QPen(option.palette.color(QPalette::Text), 2, Qt::DashLine));
            if (fragment == QLatin1String("middle") || fragment == QLatin1String("last"))
                painter->drawLine(r.topLeft(), r.bottomLeft());
            if (fragment == QLatin1String("first") || fragment == QLatin1String("middle"))
                painter->drawLine(r.topRight(), r.bottomRight());
            QString label = s.value(QStringLiteral("name")).toString();
            if (fragment != QLatin1String("whole"))
                label += QStringLiteral(" (%1)").arg(fragment);
            painter->setPen(Qt::black);
            painter->drawText(r.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft,
                              option.fontMetrics.elidedText(label, Qt::ElideRight, r.width() - 8));
            x += width;
        }
    }
    painter->restore();
}

} // namespace Forgeline::Ui
