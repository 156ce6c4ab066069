// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/statusbanner.h"

#include <QEvent>
#include <QPainter>

namespace Forgeline::Ui {

StatusBanner::StatusBanner(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setMargin(8);
    setTextFormat(Qt::PlainText);
    hide();
    applyTone();
}

void StatusBanner::showMessage(Tone tone, const QString &text, Qt::TextFormat format)
{
    // Rich text keeps its links clickable; plain text only needs to be selectable.
    setTextInteractionFlags(format == Qt::PlainText
                                ? Qt::TextSelectableByMouse
                                : Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    setTextFormat(format);
    // A banner reads as a sentence, but core's messages start lower case so the CLI can print
    // them after "forgeline-cli: " (or join them into a longer sentence).
    QString sentence = text;
    if (!sentence.isEmpty() && sentence.front().isLower())
        sentence.front() = sentence.front().toUpper();
    setText(sentence);
    if (tone != m_tone) {
        // Recoloured only when the tone changes: a log with many handshakes a second shows
        // them in one banner without restyling it each time.
        m_tone = tone;
        applyTone();
    }
    show();
}

void StatusBanner::clear()
{
    QLabel::clear();
    hide();
}

void StatusBanner::applyTone()
{
    // Only the text colour is set on the label itself (QLabel uses it for rich text too): the
    // window, base and text still come from the parent, so a theme change reaches the banner
    // and it recolours from them.
    m_applying = true;
    const StatusPalette colours(palette());
    m_background = colours.background(m_tone);
    m_border = colours.border(m_tone);
    m_text = colours.text(m_tone);
    QPalette ink;
    ink.setColor(QPalette::WindowText, m_text);
    setPalette(ink);
    m_applying = false;
    update();
}

void StatusBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyTone();
    QLabel::changeEvent(event);
}

void StatusBanner::paintEvent(QPaintEvent *event)
{
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(m_border, 1));
        painter.setBrush(m_background);
        painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    }
    QLabel::paintEvent(event);
}

} // namespace Forgeline::Ui
