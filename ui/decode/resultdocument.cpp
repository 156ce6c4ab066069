// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/decode/resultdocument.h"

#include "ui/common/statuspalette.h"

#include <QColor>
#include <QCoreApplication>
#include <QRegularExpression>

namespace Forgeline::Ui {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Ui::ResultDocument)
};

QString esc(const QString &s) { return s.toHtmlEscaped(); }

QString linkified(const QString &reference)
{
    static const QRegularExpression url(QStringLiteral("^https?://[^\\s\"<>]+$"));
    if (url.match(reference).hasMatch())
        return QStringLiteral("<a href=\"%1\">%1</a>").arg(esc(reference));
    return esc(reference);
}

QString bulletList(const QString &title, const QStringList &items, bool links)
{
    if (items.isEmpty())
        return {};
    QString html
        = QStringLiteral("<p style=\"margin-top:6px; margin-bottom:0px;\"><b>%1</b></p>"
                         "<ul style=\"margin-top:2px; margin-bottom:0px; -qt-list-indent:1;\">")
              .arg(esc(title));
    for (const QString &item : items)
        html += QStringLiteral("<li style=\"margin-bottom:2px;\">")
                % (links ? linkified(item) : esc(item)) % QStringLiteral("</li>");
    return html + QStringLiteral("</ul>");
}

// A neutral badge tint (not a status) that stays readable on light and dark palettes alike.
QString blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t))
        .name();
}

} // namespace

ResultDocument::ResultDocument(const QPalette &palette)
    : m_base(palette.color(QPalette::Base).name()), m_border(palette.color(QPalette::Mid).name()),
      m_muted(StatusPalette(palette).text(Tone::Muted).name()),
      m_badge(blend(palette.color(QPalette::Base), palette.color(QPalette::Mid), 0.35)),
      m_link(palette.color(QPalette::Link).name()),
      m_inference(StatusPalette(palette).fill(Tone::Warning).name())
{}

QString ResultDocument::kindTitle(Tls::Reading::Kind kind)
{
    using K = Tls::Reading::Kind;
    switch (kind) {
    case K::Mbedtls: return Tr::tr("mbedTLS error");
    case K::MbedtlsComposite: return Tr::tr("mbedTLS composite");
    case K::Psa: return Tr::tr("PSA status");
    case K::EspTls: return Tr::tr("esp-tls error");
    case K::EspErr: return Tr::tr("esp_err_t");
    case K::X509Flags: return Tr::tr("X.509 verify flags");
    case K::Vendor: return Tr::tr("vendor code");
    case K::LegacyNumbering: return Tr::tr("legacy numbering");
    }
    return {};
}

QString ResultDocument::readingCard(const Tls::Reading &r, int depth) const
{
    const QString badge
        = QStringLiteral("&nbsp;<span style=\"background-color:%1;\">&nbsp;%2&nbsp;</span>");
    QString head
        = QStringLiteral(
              "<span style=\"font-family:monospace; font-weight:bold; font-size:%1;\">%2</span>")
              .arg(depth == 0 ? QStringLiteral("large") : QStringLiteral("medium"),
                   esc(r.name.isEmpty() ? r.canonical : r.name));
    head += QStringLiteral("&nbsp;&nbsp;") % badge.arg(m_badge, esc(kindTitle(r.kind)));
    if (!r.module.isEmpty())
        head += badge.arg(m_badge, esc(r.module));
    if (r.inference) {
        // A fill that carries white text (StatusPalette::fill).
        head += QStringLiteral(
                    "&nbsp;<span style=\"background-color:%1; color:white;\">&nbsp;%2&nbsp;</span>")
                    .arg(m_inference, esc(Tr::tr("inference")));
    }

    QString body = QStringLiteral("<p style=\"margin:0px;\">%1</p>").arg(head);
    const QString how = r.interpretation.isEmpty()
                            ? r.canonical
                            : Tr::tr("%1 · %2").arg(r.canonical, r.interpretation);
    body += QStringLiteral("<p style=\"margin-top:2px; color:%1;\">%2</p>").arg(m_muted, esc(how));
    if (r.inference) {
        body
            += QStringLiteral("<p style=\"margin-top:4px;\"><i>%1</i></p>")
                   .arg(esc(Tr::tr(
                       "This is an inference: no library release defines this value with this meaning; "
                       "Forgeline reads it this way from how the numbering works.")));
    }
    if (!r.meaning.isEmpty())
        body += QStringLiteral("<p style=\"margin-top:6px;\">%1</p>").arg(esc(r.meaning));
    body += bulletList(Tr::tr("Likely causes"), r.causes, false);
    body += bulletList(Tr::tr("What to try"), r.fixes, false);
    if (!r.versions.isEmpty()) {
        body += QStringLiteral("<p style=\"margin-top:6px;\">%1</p>")
                    .arg(esc(Tr::tr("Defined in: %1").arg(r.versions.join(QStringLiteral(", ")))));
    }
    if (!r.versionNote.isEmpty())
        body
            += QStringLiteral("<p style=\"margin-top:2px;\"><i>%1</i></p>").arg(esc(r.versionNote));
    if (!r.diagnosisId.isEmpty())
        body += QStringLiteral("<p style=\"margin-top:2px;\">%1</p>")
                    .arg(esc(Tr::tr("Diagnosis: %1").arg(r.diagnosisId)));
    if (!r.parts.isEmpty()) {
        const QString title
            = r.kind == Tls::Reading::Kind::X509Flags ? Tr::tr("Flags set") : Tr::tr("Parts");
        body += QStringLiteral("<p style=\"margin-top:6px; margin-bottom:4px;\"><b>%1</b></p>")
                    .arg(esc(title));
        for (const Tls::Reading &part : r.parts)
            body += readingCard(part, depth + 1);
    }
    body += bulletList(Tr::tr("Read more"), r.references, true);

    return QStringLiteral(
               "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" border=\"1\" "
               "style=\"border-style:solid; border-color:%1; border-collapse:collapse; "
               "margin-bottom:8px;\" bgcolor=\"%2\"><tr><td bgcolor=\"%2\">%3</td></tr></table>")
        .arg(m_border, m_base, body);
}

QString ResultDocument::unknownCard(const Tls::DecodeResult &result) const
{
    QString body
        = QStringLiteral(
              "<p style=\"margin:0px;\"><span style=\"font-family:monospace; font-weight:bold; "
              "font-size:large;\">%1</span></p>")
              .arg(esc(result.input.isEmpty() ? Tr::tr("(empty)") : result.input));
    const QString message = result.message.isEmpty() ? Tr::tr("Not a known code.") : result.message;
    body += QStringLiteral("<p style=\"margin-top:6px;\">%1</p>").arg(esc(message));
    body += bulletList(Tr::tr("Closest readings"), result.closest, false);
    return QStringLiteral(
               "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" border=\"1\" "
               "style=\"border-style:dashed; border-color:%1; border-collapse:collapse; "
               "margin-bottom:8px;\" bgcolor=\"%2\"><tr><td bgcolor=\"%2\">%3</td></tr></table>")
        .arg(m_border, m_base, body);
}

QString ResultDocument::html(const QList<Tls::DecodeResult> &results) const
{
    return html(results, 0, results.size());
}

QString ResultDocument::html(const QList<Tls::DecodeResult> &results, qsizetype from,
                             qsizetype to) const
{
    QString html;
    const bool several = results.size() > 1;
    for (qsizetype i = qMax<qsizetype>(0, from); i < qMin(to, results.size()); ++i) {
        const Tls::DecodeResult &result = results.at(i);
        if (several || result.readings.size() > 1) {
            const QString heading = result.known() ? Tr::tr("%1 — %n reading(s)", nullptr,
                                                            int(result.readings.size()))
                                                         .arg(result.input)
                                                   : result.input;
            html += QStringLiteral("<p style=\"margin-top:10px; margin-bottom:4px;\"><b>%1</b></p>")
                        .arg(esc(heading));
        }
        if (!result.known()) {
            html += unknownCard(result);
            continue;
        }
        for (const Tls::Reading &reading : result.readings)
            html += readingCard(reading);
    }
    return html;
}

} // namespace Forgeline::Ui
