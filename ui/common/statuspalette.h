// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

#include <array>

namespace Forgeline::Ui {

// What a status says, not how it looks: each tone's colours come from StatusPalette.
enum class Tone { Success, Warning, Error, Info, Muted };

// The one place for status colours in ui/. Every colour is derived from a QPalette, so light
// and dark themes both read: on a light window the inks are dark, on a dark window light, and
// each ink is adjusted until it has a WCAG contrast of at least 4.5 against the window, the
// base, the alternate base and the tone's own banner tint.
class StatusPalette
{
public:
    explicit StatusPalette(const QPalette &palette);
    // The application palette's colours, for models that have no widget to ask. Cached until the
    // application palette changes, so a model's data() may call it for every cell.
    // GUI thread only, like the palette it reads.
    static StatusPalette application();

    bool isDark() const { return m_dark; }
    // Text and icons of the tone, on the window, the base or the tone's background.
    QColor text(Tone tone) const { return shades(tone).text; }
    // A soft tint for banners and highlighted rows.
    QColor background(Tone tone) const { return shades(tone).background; }
    // The line around a banner.
    QColor border(Tone tone) const { return shades(tone).border; }
    // A strong fill that carries white text (tiles, badges), whatever the palette.
    QColor fill(Tone tone) const { return shades(tone).fill; }

    // Rich text in the tone's ink: the html is used as given, so escape what is not markup.
    QString span(Tone tone, const QString &html) const;
    // Replaces every "color:#rrggbb" in (translated) rich text with the tone's ink: catalogued
    // texts keep their markup, and so their translations, while the colour follows the palette.
    QString recoloured(const QString &html, Tone tone) const;

    // The WCAG 2 contrast ratio of two colours, 1 to 21.
    static double contrast(const QColor &a, const QColor &b);

private:
    struct Shades
    {
        QColor text, background, border, fill;
    };
    const Shades &shades(Tone tone) const { return m_shades[std::size_t(tone)]; }

    bool m_dark = false;
    std::array<Shades, 5> m_shades;
};

} // namespace Forgeline::Ui
