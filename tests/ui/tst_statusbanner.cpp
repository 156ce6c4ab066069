// SPDX-License-Identifier: GPL-3.0-or-later
// The shared status banner and its palette: every tone reads (WCAG AA, 4.5:1) on its banner
// and on the window under a light and a dark theme, plain text is never taken as markup, and
// a theme change recolours a banner already shown.
#include "ui/common/statusbanner.h"
#include "ui/common/statuspalette.h"

#include <QDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Forgeline::Ui;

namespace {

// Written out here rather than taken from StatusPalette, so the test does not trust the code
// it checks.
double relativeLuminance(const QColor &c)
{
    auto lin
        = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const QColor rgb = c.toRgb();
    return 0.2126 * lin(rgb.redF()) + 0.7152 * lin(rgb.greenF()) + 0.0722 * lin(rgb.blueF());
}

double wcagContrast(const QColor &a, const QColor &b)
{
    const double x = relativeLuminance(a);
    const double y = relativeLuminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

QPalette themed(bool dark)
{
    QPalette p;
    const QColor window = dark ? QColor(0x2b, 0x2b, 0x2b) : QColor(0xef, 0xef, 0xef);
    const QColor base = dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(Qt::white);
    const QColor alternate = dark ? QColor(0x26, 0x26, 0x26) : QColor(0xf7, 0xf7, 0xf7);
    const QColor text = dark ? QColor(0xe0, 0xe0, 0xe0) : QColor(Qt::black);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    return p;
}

const Tone AllTones[] = {Tone::Success, Tone::Warning, Tone::Error, Tone::Info, Tone::Muted};

} // namespace

class TestStatusBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tonesReadOnBannerAndWindow_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void tonesReadOnBannerAndWindow()
    {
        QFETCH(bool, dark);
        const QPalette palette = themed(dark);
        const StatusPalette colours(palette);
        QCOMPARE(colours.isDark(), dark);
        QWidget parent;
        parent.setPalette(palette);
        auto *banner = new StatusBanner(&parent);
        for (Tone tone : AllTones) {
            banner->showMessage(tone, QStringLiteral("Saved."));
            const QString what
                = QStringLiteral("tone %1 %2 on %3")
                      .arg(int(tone))
                      .arg(banner->textColor().name(), banner->backgroundColor().name());
            QCOMPARE(banner->textColor(), colours.text(tone));
            QCOMPARE(banner->palette().color(QPalette::WindowText), colours.text(tone));
            QVERIFY2(wcagContrast(banner->textColor(), banner->backgroundColor()) >= 4.5,
                     qPrintable(what));
            QVERIFY2(wcagContrast(colours.text(tone), palette.color(QPalette::Window)) >= 4.5,
                     qPrintable(what));
            QVERIFY2(wcagContrast(colours.text(tone), palette.color(QPalette::Base)) >= 4.5,
                     qPrintable(what));
            QVERIFY2(wcagContrast(Qt::white, colours.fill(tone)) >= 4.5, qPrintable(what));
            // Dark inks on light windows, light inks on dark ones.
            QCOMPARE(relativeLuminance(colours.text(tone))
                         > relativeLuminance(palette.color(QPalette::Window)),
                     dark);
        }
    }

    void plainTextIsNotMarkup()
    {
        StatusBanner banner;
        const QString text = QStringLiteral("<b>not bold</b> & <a href='x'>no link</a>");
        banner.showMessage(Tone::Error, text);
        QVERIFY(!banner.isHidden());
        QCOMPARE(banner.text(), text);
        QCOMPARE(banner.textFormat(), Qt::PlainText);
        QVERIFY(!(banner.textInteractionFlags() & Qt::LinksAccessibleByMouse));

        banner.showMessage(Tone::Success, QStringLiteral("<b>bold</b>"), Qt::RichText);
        QCOMPARE(banner.textFormat(), Qt::RichText);
        QVERIFY(banner.textInteractionFlags() & Qt::LinksAccessibleByMouse);

        banner.clear();
        QVERIFY(banner.isHidden());
        QVERIFY(banner.text().isEmpty());
    }

    void readsAsASentence()
    {
        // Core's messages start lower case for the CLI ("forgeline-cli: the device rejected…").
        StatusBanner banner;
        banner.showMessage(Tone::Error, QStringLiteral("the device rejected the PoP. Check it."));
        QCOMPARE(banner.text(), QStringLiteral("The device rejected the PoP. Check it."));
        banner.showMessage(Tone::Info, QStringLiteral("设备拒绝了 PoP"));
        QCOMPARE(banner.text(), QStringLiteral("设备拒绝了 PoP"));
        banner.showMessage(Tone::Info, QStringLiteral("<b>x</b>"), Qt::RichText);
        QCOMPARE(banner.text(), QStringLiteral("<b>x</b>"));
    }

    void spanAndRecolouring()
    {
        const StatusPalette colours(themed(false));
        QCOMPARE(colours.span(Tone::Error, QStringLiteral("x")),
                 QStringLiteral("<span style='color:%1'>x</span>")
                     .arg(colours.text(Tone::Error).name()));
        // A catalogued text keeps its markup; only its colour follows the palette.
        const QString ink = colours.text(Tone::Success).name();
        QCOMPARE(colours.recoloured(QStringLiteral("<b style='color:#d0332b'>无法检查</b> %1"),
                                    Tone::Success),
                 QStringLiteral("<b style='color:") + ink + QStringLiteral("'>无法检查</b> %1"));
    }

    void paletteChangeRecolours()
    {
        QWidget parent;
        parent.setPalette(themed(false));
        auto *banner = new StatusBanner(&parent);
        banner->showMessage(Tone::Warning, QStringLiteral("Check the cable."));
        const QColor lightInk = banner->textColor();
        const QColor lightTint = banner->backgroundColor();
        QCOMPARE(lightInk, StatusPalette(themed(false)).text(Tone::Warning));

        parent.setPalette(themed(true));
        const StatusPalette dark(themed(true));
        QCOMPARE(banner->textColor(), dark.text(Tone::Warning));
        QCOMPARE(banner->backgroundColor(), dark.background(Tone::Warning));
        QVERIFY(banner->textColor() != lightInk);
        QVERIFY(banner->backgroundColor() != lightTint);
        // The banner's own palette still follows the parent's window.
        QCOMPARE(banner->palette().color(QPalette::Window), QColor(0x2b, 0x2b, 0x2b));

        parent.setPalette(themed(false));
        QCOMPARE(banner->textColor(), lightInk);
    }

    void showsWordWrappedAndSelectable()
    {
        QWidget parent;
        parent.setPalette(themed(false));
        parent.resize(320, 200);
        auto *banner = new StatusBanner(&parent);
        QVERIFY(banner->wordWrap());
        QVERIFY(banner->textInteractionFlags() & Qt::TextSelectableByMouse);
        banner->resize(300, 80);
        banner->showMessage(Tone::Info, QStringLiteral("A long message that wraps over lines."));
        parent.show();
        QVERIFY(QTest::qWaitForWindowExposed(&parent));
        const QImage shot = banner->grab().toImage();
        // The tint fills the banner inside its border.
        QCOMPARE(shot.pixelColor(shot.width() / 2, 3).rgb(), banner->backgroundColor().rgb());
        // For a look by eye; not compared.
        shot.save(QDir::temp().filePath(QStringLiteral("forgeline-statusbanner-light.png")));
    }
};

QTEST_MAIN(TestStatusBanner)
#include "tst_statusbanner.moc"
