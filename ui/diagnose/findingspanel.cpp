// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/findingspanel.h"

#include "core/common/redactor.h"
#include "ui/common/statuspalette.h"

#include <QFileInfo>
#include <QFrame>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace Forgeline::Ui {

namespace {

QString esc(const QString &text) { return Redactor::redact(text).toHtmlEscaped(); }

} // namespace

FindingsPanel::FindingsPanel(QWidget *parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("diagnoseFindings"));
    setAccessibleName(tr("Findings"));
    setWidgetResizable(true);
    m_content = new QWidget(this);
    m_layout = new QVBoxLayout(m_content);
    m_header = new QLabel(m_content);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setObjectName(QStringLiteral("diagnoseFinalError"));
    m_layout->addWidget(m_header);
    m_layout->addStretch(1);
    setWidget(m_content);
    showMessage(
        tr("Open a failing mbedTLS debug log (and optionally a working one), or drop it here."));
}

void FindingsPanel::clearCards()
{
    for (QWidget *w : std::as_const(m_cards)) {
        m_layout->removeWidget(w); // out of the height fitContentHeight() asks for right now
        w->hide();
        w->deleteLater();
    }
    m_cards.clear();
}

void FindingsPanel::showMessage(const QString &text)
{
    clearCards();
    m_header->setText(esc(text));
    fitContentHeight();
}

QStringList FindingsPanel::shownIds() const
{
    QStringList ids;
    for (QWidget *w : m_cards)
        ids << w->property("diagnosisId").toString();
    return ids;
}

void FindingsPanel::showReport(const Tls::DiagnosisReport &report)
{
    clearCards();
    const StatusPalette colours(palette());
    QString header;
    if (report.finalError) {
        header += QStringLiteral("<p style='color:%3'><b>%1</b><br>%2</p>")
                      .arg(esc(tr("Handshake failed with %1 %2")
                                   .arg(Tls::formatCode(report.finalError->code),
                                        report.finalError->name)),
                           esc(report.finalError->meaning), colours.text(Tone::Error).name());
    } else if (const Tls::HandshakeTrace *t = report.badHandshake(); t && t->succeeded()) {
        header
            += QStringLiteral("<p style='color:%2'><b>%1</b></p>")
                   .arg(esc(tr("This handshake succeeded.")), colours.text(Tone::Success).name());
    }
    if (report.diff) {
        if (const Tls::Divergence *d = report.diff->first())
            header += QStringLiteral("<p><b>%1</b> %2</p>")
                          .arg(esc(tr("First divergence:")), esc(d->summary));
        else
            header
                += QStringLiteral("<p>%1</p>").arg(esc(tr("Both handshakes take the same steps.")));
    }
    if (report.decodedErrors.size() > 1) {
        header += QStringLiteral("<p>%1<br>").arg(esc(tr("Error codes in this handshake:")));
        for (const Tls::DecodedError &e : report.decodedErrors)
            header += tr("&nbsp;&nbsp;<code>%1</code> %2 (line %3)<br>")
                          .arg(esc(Tls::formatCode(e.code)), esc(e.name))
                          .arg(e.firstLine);
        header += QStringLiteral("</p>");
    }
    if (report.diagnoses.isEmpty())
        header += QStringLiteral("<p>%1</p>")
                      .arg(esc(tr("No known failure pattern matched this log.")));
    m_header->setText(header);

    int position = 1;
    for (const Tls::Diagnosis &d : report.diagnoses) {
        auto *card = new QFrame(m_content);
        card->setObjectName(QStringLiteral("diagnosisCard"));
        card->setProperty("diagnosisId", d.id);
        card->setFrameShape(QFrame::StyledPanel);
        auto *v = new QVBoxLayout(card);
        auto *title = new QLabel(
            QStringLiteral("<b>%1</b> %2").arg(esc(d.title), colours.span(Tone::Muted, esc(d.id))),
            card);
        title->setWordWrap(true);
        auto *confidence = new QProgressBar(card);
        confidence->setRange(0, 100);
        confidence->setValue(qRound(d.confidence * 100));
        confidence->setFormat(tr("confidence %p%"));
        confidence->setMaximumHeight(14);
        auto *explanation = new QLabel(esc(d.explanation), card);
        explanation->setWordWrap(true);
        QString evidence = QStringLiteral("<b>%1</b><br>").arg(esc(tr("Evidence")));
        for (const Tls::EvidenceLine &e : d.evidence) {
            evidence += QStringLiteral("<a href='%1:%2'>%3:%2</a> %4<br>")
                            .arg(e.fromWorkingLog ? QStringLiteral("good") : QStringLiteral("bad"))
                            .arg(e.line)
                            .arg(esc(QFileInfo(e.file).fileName()), esc(e.text));
        }
        auto *evidenceLabel = new QLabel(evidence, card);
        evidenceLabel->setWordWrap(true);
        evidenceLabel->setTextFormat(Qt::RichText);
        connect(evidenceLabel, &QLabel::linkActivated, this, [this](const QString &link) {
            const QStringList parts = link.split(QLatin1Char(':'));
            if (parts.size() == 2)
                Q_EMIT evidenceActivated(parts.first() == QLatin1String("good"),
                                         parts.last().toLongLong());
        });
        QString fixes
            = QStringLiteral("<b>%1</b><ul style='margin-left:-20px'>").arg(esc(tr("Fixes")));
        for (const QString &f : d.fixes)
            fixes += QStringLiteral("<li>%1</li>").arg(esc(f));
        fixes += QStringLiteral("</ul>");
        auto *fixesLabel = new QLabel(fixes, card);
        fixesLabel->setWordWrap(true);
        fixesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->addWidget(title);
        v->addWidget(confidence);
        v->addWidget(explanation);
        v->addWidget(evidenceLabel);
        v->addWidget(fixesLabel);
        m_layout->insertWidget(position++, card);
        m_cards.append(card);
    }
    fitContentHeight();
}

void FindingsPanel::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    fitContentHeight();
}

// A resizable scroll area gives its content the viewport's height and ignores height-for-width:
// in a narrow panel (1024-pixel window, longer Chinese texts) the word-wrapped cards were
// squeezed into each other. The content asks for the height its text needs at this width, so
// the panel scrolls instead.
void FindingsPanel::fitContentHeight()
{
    // An unbreakable token (an error macro, a file name) can make the content wider than the
    // viewport; it is then as wide as its minimum and scrolls sideways.
    const int width = std::max(viewport()->width(), m_content->minimumSizeHint().width());
    m_content->setMinimumHeight(m_layout->hasHeightForWidth() ? m_layout->heightForWidth(width)
                                                              : 0);
}

} // namespace Forgeline::Ui
