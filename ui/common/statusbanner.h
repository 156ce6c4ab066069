// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/common/statuspalette.h"

#include <QLabel>

namespace Forgeline::Ui {

// The banner every workspace shows its outcome in: a word-wrapped, selectable message on a
// soft tint of its tone, in colours from StatusPalette that follow the palette when the theme
// changes. Hidden until a message is shown.
class StatusBanner : public QLabel
{
    Q_OBJECT
public:
    explicit StatusBanner(QWidget *parent = nullptr);

    // Shows the text in the tone's colours. Plain text is shown as written, never read as
    // markup; RichText is for callers that build escaped HTML themselves (links, bold), and
    // AutoText lets QLabel guess, for callers whose messages are of both kinds.
    void showMessage(Tone tone, const QString &text, Qt::TextFormat format = Qt::PlainText);
    // Empties and hides the banner.
    void clear();
    Tone tone() const { return m_tone; }
    QColor backgroundColor() const { return m_background; }
    QColor textColor() const { return m_text; }

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void applyTone();

    Tone m_tone = Tone::Info;
    QColor m_background;
    QColor m_border;
    QColor m_text;
    bool m_applying = false;
};

} // namespace Forgeline::Ui
