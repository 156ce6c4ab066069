// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/decode/readingcard.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Forgeline::Ui {

namespace {

// Cards share one look; the palette() references keep it right on dark themes.
const QString cardStyle = QStringLiteral(
    "QFrame#readingCard, QFrame#unknownCard {"
    " border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }"
    "QLabel#moduleBadge, QLabel#kindBadge {"
    " border: 1px solid palette(mid); border-radius: 4px; padding: 1px 6px; }"
    "QLabel#inferenceBadge {"
    " color: white; background: #b86e00; border-radius: 4px; padding: 1px 6px; }");

QLabel *textLabel(const QString &text, const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *badge(const QString &text, const char *objectName, const QString &toolTip, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setToolTip(toolTip);
    return label;
}

QString linkified(const QString &reference)
{
    static const QRegularExpression url(QStringLiteral("^https?://\\S+$"));
    const QString escaped = reference.toHtmlEscaped();
    if (url.match(reference).hasMatch())
        return QStringLiteral("<a href=\"%1\">%1</a>").arg(escaped);
    return escaped;
}

// A titled bullet list as one rich-text label; every item is escaped (codes come from user
// input and data files, never trusted as markup).
QLabel *bulletList(const QString &title, const QStringList &items, bool links, const char *objectName, QWidget *parent)
{
    QString html = QStringLiteral("<b>%1</b><ul style=\"margin-top:2px; margin-bottom:0px; -qt-list-indent:1;\">")
                       .arg(title.toHtmlEscaped());
    for (const QString &item : items)
        html += QStringLiteral("<li>") % (links ? linkified(item) : item.toHtmlEscaped()) % QStringLiteral("</li>");
    html += QStringLiteral("</ul>");
    auto *label = new QLabel(html, parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setOpenExternalLinks(links);
    label->setTextInteractionFlags(links ? Qt::TextBrowserInteraction : Qt::TextSelectableByMouse);
    return label;
}

QString kindTitle(Tls::Reading::Kind kind)
{
    using K = Tls::Reading::Kind;
    switch (kind) {
    case K::Mbedtls: return ReadingCard::tr("mbedTLS error");
    case K::MbedtlsComposite: return ReadingCard::tr("mbedTLS composite");
    case K::Psa: return ReadingCard::tr("PSA status");
    case K::EspTls: return ReadingCard::tr("esp-tls error");
    case K::EspErr: return ReadingCard::tr("esp_err_t");
    case K::X509Flags: return ReadingCard::tr("X.509 verify flags");
    case K::Vendor: return ReadingCard::tr("vendor code");
    case K::LegacyNumbering: return ReadingCard::tr("legacy numbering");
    }
    return {};
}

} // namespace

ReadingCard::ReadingCard(const Tls::Reading &reading, QWidget *parent)
    : QFrame(parent)
    , m_reading(reading)
{
    setObjectName(QStringLiteral("readingCard"));
    setStyleSheet(cardStyle);
    setFrameShape(QFrame::StyledPanel);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(4);

    auto *head = new QHBoxLayout;
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setBold(true);
    mono.setPointSizeF(font().pointSizeF() * 1.15);
    auto *name = textLabel(reading.name.isEmpty() ? reading.canonical : reading.name, "readingName", this);
    name->setFont(mono);
    name->setWordWrap(false);
    head->addWidget(name, 1);
    if (reading.inference) {
        head->addWidget(badge(tr("inference"), "inferenceBadge",
                              tr("Not a defined value: Forgeline infers this reading from the numbering"), this));
    }
    head->addWidget(badge(kindTitle(reading.kind), "kindBadge", {}, this));
    if (!reading.module.isEmpty())
        head->addWidget(badge(reading.module, "moduleBadge", tr("Module"), this));
    layout->addLayout(head);

    QString how = reading.canonical;
    if (!reading.interpretation.isEmpty())
        how = tr("%1 · %2").arg(reading.canonical, reading.interpretation);
    auto *interpretation = textLabel(how, "readingInterpretation", this);
    interpretation->setEnabled(false); // the palette's muted text colour
    layout->addWidget(interpretation);

    if (!reading.meaning.isEmpty())
        layout->addWidget(textLabel(reading.meaning, "readingMeaning", this));
    if (!reading.causes.isEmpty())
        layout->addWidget(bulletList(tr("Likely causes"), reading.causes, false, "readingCauses", this));
    if (!reading.fixes.isEmpty())
        layout->addWidget(bulletList(tr("What to try"), reading.fixes, false, "readingFixes", this));
    if (!reading.versions.isEmpty())
        layout->addWidget(textLabel(tr("Defined in: %1").arg(reading.versions.join(QStringLiteral(", "))),
                                    "readingVersions", this));
    if (!reading.versionNote.isEmpty()) {
        auto *note = textLabel(reading.versionNote, "readingVersionNote", this);
        QFont italic = note->font();
        italic.setItalic(true);
        note->setFont(italic);
        layout->addWidget(note);
    }
    if (!reading.diagnosisId.isEmpty())
        layout->addWidget(textLabel(tr("Diagnosis: %1").arg(reading.diagnosisId), "readingDiagnosis", this));

    if (!reading.parts.isEmpty()) {
        const QString title = reading.kind == Tls::Reading::Kind::X509Flags ? tr("Flags set") : tr("Parts");
        auto *partsTitle = textLabel(title, "readingPartsTitle", this);
        QFont bold = partsTitle->font();
        bold.setBold(true);
        partsTitle->setFont(bold);
        layout->addWidget(partsTitle);
        auto *parts = new QVBoxLayout;
        parts->setContentsMargins(fontMetrics().averageCharWidth() * 2, 0, 0, 0);
        for (const Tls::Reading &part : reading.parts)
            parts->addWidget(new ReadingCard(part, this));
        layout->addLayout(parts);
    }
    if (!reading.references.isEmpty())
        layout->addWidget(bulletList(tr("Read more"), reading.references, true, "readingReferences", this));
}

UnknownCodeCard::UnknownCodeCard(const Tls::DecodeResult &result, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("unknownCard"));
    setStyleSheet(cardStyle);
    setFrameShape(QFrame::StyledPanel);

    auto *layout = new QVBoxLayout(this);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setBold(true);
    auto *input = textLabel(result.input.isEmpty() ? tr("(empty)") : result.input, "unknownInput", this);
    input->setFont(mono);
    layout->addWidget(input);
    const QString message = result.message.isEmpty() ? tr("Not a known code.") : result.message;
    layout->addWidget(textLabel(message, "unknownMessage", this));
    if (!result.closest.isEmpty())
        layout->addWidget(bulletList(tr("Closest readings"), result.closest, false, "unknownClosest", this));
}

} // namespace Forgeline::Ui
