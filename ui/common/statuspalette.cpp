// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/statuspalette.h"

#include <QGuiApplication>
#include <QRegularExpression>

#include <cmath>
#include <initializer_list>

namespace Forgeline::Ui {

namespace {

constexpr double MinimumContrast = 4.5; // WCAG AA for normal text

double channel(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

double luminance(const QColor &c)
{
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
           + 0.0722 * channel(rgb.blueF());
}

QColor blend(const QColor &from, const QColor &to, double t)
{
    const QColor a = from.toRgb();
    const QColor b = to.toRgb();
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

// Moves the ink towards black (or white) in small steps until every backdrop reads it.
QColor readable(const QColor &ink, const QColor &extreme, std::initializer_list<QColor> backdrops)
{
    for (int step = 0; step <= 20; ++step) {
        const QColor candidate = blend(ink, extreme, step / 20.0);
        bool ok = true;
        for (const QColor &backdrop : backdrops)
            ok = ok && StatusPalette::contrast(candidate, backdrop) >= MinimumContrast;
        if (ok)
            return candidate;
    }
    return extreme;
}

struct Hue
{
    QColor onLight; // ink for light windows
    QColor onDark;  // ink for dark windows
    QColor fill;    // carries white text
};

Hue hueOf(Tone tone)
{
    switch (tone) {
    case Tone::Success:
        return {QColor(0x2e, 0x7d, 0x32), QColor(0x81, 0xc7, 0x84), QColor(0x2e, 0x7d, 0x32)};
    case Tone::Warning:
        return {QColor(0x9a, 0x5b, 0x00), QColor(0xff, 0xb7, 0x4d), QColor(0xb8, 0x6e, 0x00)};
    case Tone::Error:
        return {QColor(0xc6, 0x28, 0x28), QColor(0xef, 0x9a, 0x9a), QColor(0xc6, 0x28, 0x28)};
    case Tone::Info:
        return {QColor(0x15, 0x65, 0xc0), QColor(0x90, 0xca, 0xf9), QColor(0x15, 0x65, 0xc0)};
    case Tone::Muted: break;
    }
    return {QColor(0x61, 0x61, 0x61), QColor(0xa0, 0xa0, 0xa0), QColor(0x61, 0x61, 0x61)};
}

} // namespace

double StatusPalette::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

StatusPalette::StatusPalette(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor base = palette.color(QPalette::Base);
    const QColor alternate = palette.color(QPalette::AlternateBase);
    m_dark = contrast(window, Qt::white) > contrast(window, Qt::black);
    const QColor extreme = m_dark ? QColor(Qt::white) : QColor(Qt::black);
    for (Tone tone : {Tone::Success, Tone::Warning, Tone::Error, Tone::Info, Tone::Muted}) {
        const Hue hue = hueOf(tone);
        Shades &s = m_shades[std::size_t(tone)];
        if (tone == Tone::Muted) {
            // Greyed towards the window, but from the palette's own text colour.
            s.background = blend(window, palette.color(QPalette::Text), m_dark ? 0.10 : 0.06);
            s.text = blend(palette.color(QPalette::Text), window, 0.4);
        } else {
            s.background = blend(window, m_dark ? hue.onDark : hue.onLight, m_dark ? 0.18 : 0.12);
            s.text = m_dark ? hue.onDark : hue.onLight;
        }
        s.text = readable(s.text, extreme, {window, base, alternate, s.background});
        s.border = blend(s.background, s.text, 0.45);
        s.fill = readable(hue.fill, Qt::black, {Qt::white});
    }
}

StatusPalette StatusPalette::application()
{
    static qint64 cachedKey = -1;
    static StatusPalette cached{QPalette()};
    const QPalette current = QGuiApplication::palette();
    if (current.cacheKey() != cachedKey) {
        cached = StatusPalette(current);
        cachedKey = current.cacheKey();
    }
    return cached;
}

QString StatusPalette::span(Tone tone, const QString &html) const
{
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(text(tone).name(), html);
}

QString StatusPalette::recoloured(const QString &html, Tone tone) const
{
    static const QRegularExpression colour(QStringLiteral("color:\\s*#[0-9a-fA-F]{3,6}"));
    QString out = html;
    return out.replace(colour, QStringLiteral("color:") + text(tone).name());
}

} // namespace Forgeline::Ui
