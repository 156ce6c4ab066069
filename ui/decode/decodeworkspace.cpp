// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/decode/decodeworkspace.h"

#include "core/common/logger.h"
#include "core/common/settings.h"
#include "core/tls/codesplitter.h"
#include "core/tls/decodereport.h"
#include "ui/decode/resultdocument.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

namespace Forgeline::Ui {

namespace {

// Long enough not to redraw on every keystroke of "-0x7500", short enough to feel live.
constexpr int DebounceMs = 200;

} // namespace

DecodeWorkspace::DecodeWorkspace(QWidget *parent)
    : QWidget(parent), m_input(new QPlainTextEdit(this)), m_mbedtls(new QComboBox(this)),
      m_idf(new QLineEdit(this)), m_versionHint(new QLabel(this)),
      m_copy(new QPushButton(tr("Copy as text"), this)), m_summary(new QLabel(this)),
      m_view(new QTextBrowser(this)), m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("decodeWorkspace"));

    m_input->setObjectName(QStringLiteral("decodeInput"));
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_input->setPlaceholderText(
        tr("Paste error codes, e.g. -0x7500  -29312  0x801A  MBEDTLS_ERR_SSL_CONN_EOF"));
    m_input->setTabChangesFocus(true);
    m_input->setFixedHeight(m_input->fontMetrics().lineSpacing() * 3 + 2 * m_input->frameWidth()
                            + 8);
    m_input->installEventFilter(this);
    setFocusProxy(m_input);

    m_mbedtls->setObjectName(QStringLiteral("decodeMbedtlsVersion"));
    m_mbedtls->addItem(tr("All versions"), QString());
    const QList<Tls::MbedtlsVersion> versions = Tls::allMbedtlsVersions();
    for (Tls::MbedtlsVersion v : versions)
        m_mbedtls->addItem(Tls::mbedtlsVersionName(v), Tls::mbedtlsVersionName(v));
    m_mbedtls->setToolTip(
        tr("Pin the mbedTLS release the device runs; error meanings changed between 2.x and 3.x"));

    m_idf->setObjectName(QStringLiteral("decodeIdfVersion"));
    m_idf->setPlaceholderText(tr("e.g. 4.4 or 5.2"));
    m_idf->setClearButtonEnabled(true);
    m_idf->setMaximumWidth(fontMetrics().averageCharWidth() * 18);
    m_idf->setToolTip(tr(
        "The ESP-IDF release selects its mbedTLS and the esp-tls numbering (renumbered in 4.4)"));
    m_versionHint->setObjectName(QStringLiteral("decodeVersionHint"));
    m_versionHint->setEnabled(false);

    m_copy->setObjectName(QStringLiteral("decodeCopy"));
    m_copy->setEnabled(false);
    m_summary->setObjectName(QStringLiteral("decodeSummary"));
    m_summary->setTextFormat(Qt::RichText);
    connect(m_summary, &QLabel::linkActivated, this, &DecodeWorkspace::setInput);

    auto *versionRow = new QHBoxLayout;
    auto *mbedtlsLabel = new QLabel(tr("&mbedTLS:"), this);
    mbedtlsLabel->setBuddy(m_mbedtls);
    auto *idfLabel = new QLabel(tr("ESP-&IDF:"), this);
    idfLabel->setBuddy(m_idf);
    versionRow->addWidget(mbedtlsLabel);
    versionRow->addWidget(m_mbedtls);
    versionRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    versionRow->addWidget(idfLabel);
    versionRow->addWidget(m_idf);
    versionRow->addWidget(m_versionHint, 1);
    versionRow->addWidget(m_copy);

    m_view->setObjectName(QStringLiteral("decodeResults"));
    m_view->setAccessibleName(tr("Decoded codes"));
    m_view->setOpenExternalLinks(true);
    m_view->setFrameShape(QFrame::NoFrame);
    // The page colour behind the cards, so each card (drawn in Base) stands out.
    QPalette page = m_view->palette();
    page.setColor(QPalette::Base, page.color(QPalette::Window));
    m_view->setPalette(page);

    auto *inputLabel = new QLabel(tr("&Codes (decoded as you type; Enter decodes at once):"), this);
    inputLabel->setBuddy(m_input);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(inputLabel);
    layout->addWidget(m_input);
    layout->addLayout(versionRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    const Settings s = Settings::load();
    const int idx = m_mbedtls->findData(s.decodeMbedtlsVersion);
    m_mbedtls->setCurrentIndex(idx >= 0 ? idx : 0);
    m_idf->setText(s.decodeIdfVersion);
    updateVersionHint();

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &DecodeWorkspace::decodeNow);
    connect(m_input, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_mbedtls, &QComboBox::currentIndexChanged, this, &DecodeWorkspace::optionsChanged);
    connect(m_idf, &QLineEdit::textChanged, this, &DecodeWorkspace::optionsChanged);
    connect(m_copy, &QPushButton::clicked, this, &DecodeWorkspace::copyAsText);
    showResults();
}

QString DecodeWorkspace::input() const { return m_input->toPlainText(); }

void DecodeWorkspace::setInput(const QString &text)
{
    m_input->setPlainText(text);
    decodeNow();
}

Tls::DecodeOptions DecodeWorkspace::options() const
{
    Tls::DecodeOptions o;
    o.mbedtls = Tls::parseMbedtlsVersion(m_mbedtls->currentData().toString());
    o.idfVersion = m_idf->text().trimmed();
    return o;
}

void DecodeWorkspace::optionsChanged()
{
    Settings s = Settings::load();
    s.decodeMbedtlsVersion = m_mbedtls->currentData().toString();
    s.decodeIdfVersion = m_idf->text().trimmed();
    s.save();
    updateVersionHint();
    m_debounce->start();
}

void DecodeWorkspace::updateVersionHint()
{
    const QString idf = m_idf->text().trimmed();
    if (idf.isEmpty()) {
        m_versionHint->clear();
        return;
    }
    const std::optional<Tls::MbedtlsVersion> shipped = Tls::mbedtlsForIdf(idf);
    if (!shipped) {
        m_versionHint->setText(tr("ESP-IDF %1 is not a release Forgeline knows").arg(idf));
        return;
    }
    const QString pinned = m_mbedtls->currentData().toString();
    const QString shippedName = Tls::mbedtlsVersionName(*shipped);
    if (!pinned.isEmpty() && pinned != shippedName)
        m_versionHint->setText(
            tr("ESP-IDF %1 ships mbedTLS %2, but %3 is pinned").arg(idf, shippedName, pinned));
    else
        m_versionHint->setText(tr("ESP-IDF %1 ships mbedTLS %2").arg(idf, shippedName));
}

void DecodeWorkspace::decodeNow()
{
    m_debounce->stop();
    const QStringList codes = Tls::splitCodes(m_input->toPlainText());
    const Tls::DecodeOptions opts = options();
    const Tls::ErrorDecoder &decoder = Tls::ErrorDecoder::instance();
    m_totalInputs = int(codes.size());
    m_results.clear();
    for (int i = 0; i < codes.size() && i < MaxShownInputs; ++i)
        m_results.append(decoder.decode(codes.at(i), opts));
    showResults();
    Q_EMIT decoded(int(m_results.size()));
}

void DecodeWorkspace::showResults()
{
    int known = 0;
    for (const Tls::DecodeResult &result : std::as_const(m_results))
        known += result.known() ? 1 : 0;
    ++m_renderGeneration;
    m_rendered = qMin<qsizetype>(RenderSlice, m_results.size());
    m_view->setHtml(ResultDocument(palette()).html(m_results, 0, m_rendered));
    if (renderingComplete())
        Q_EMIT renderingFinished();
    else
        QTimer::singleShot(0, this, [this, generation = m_renderGeneration] {
            if (generation == m_renderGeneration)
                renderNextSlice();
        });

    if (m_results.isEmpty()) {
        // Examples a new user can click, one per kind of answer the decoder gives.
        static const QStringList examples
            = {QStringLiteral("-0x7500"), QStringLiteral("-29312"),     QStringLiteral("0x801A"),
               QStringLiteral("-0x262E"), QStringLiteral("0x00000208"), QStringLiteral("64416")};
        QStringList links;
        for (const QString &e : examples)
            links.append(QStringLiteral("<a href=\"%1\"><code>%1</code></a>").arg(e));
        m_summary->setText(tr("Enter a code to see what it means, or try: %1")
                               .arg(links.join(QStringLiteral(", "))));
    } else if (m_totalInputs > m_results.size()) {
        m_summary->setText(tr("Showing the first %1 of %2 codes; %3 known.")
                               .arg(m_results.size())
                               .arg(m_totalInputs)
                               .arg(known));
    } else {
        m_summary->setText(
            tr("%n code(s) decoded, %1 known.", nullptr, int(m_results.size())).arg(known));
    }
    m_copy->setEnabled(!m_results.isEmpty());
}

void DecodeWorkspace::logResults() const
{
    // Only on an explicit decode (Enter), so the activity pane is a trail, not every keystroke.
    for (const Tls::DecodeResult &result : m_results) {
        const QString answer
            = result.known()
                  ? tr("%1 → %2").arg(result.input, result.readings.constFirst().name.isEmpty()
                                                        ? result.readings.constFirst().canonical
                                                        : result.readings.constFirst().name)
                  : tr("%1 → not a known code").arg(result.input);
        Logger::instance().info(QStringLiteral("decode"), answer);
    }
}

void DecodeWorkspace::renderNextSlice()
{
    const qsizetype from = m_rendered;
    m_rendered = qMin<qsizetype>(from + RenderSlice, m_results.size());
    // Appending lays out only the new cards; the ones on screen stay as they are.
    QTextCursor end(m_view->document());
    end.movePosition(QTextCursor::End);
    end.insertHtml(ResultDocument(palette()).html(m_results, from, m_rendered));
    if (renderingComplete()) {
        Q_EMIT renderingFinished();
        return;
    }
    QTimer::singleShot(0, this, [this, generation = m_renderGeneration] {
        if (generation == m_renderGeneration)
            renderNextSlice();
    });
}

QString DecodeWorkspace::resultsAsText() const
{
    QStringList blocks;
    for (const Tls::DecodeResult &result : m_results)
        blocks.append(Tls::decodeResultToText(result));
    return blocks.join(u'\n');
}

void DecodeWorkspace::copyAsText()
{
    if (m_results.isEmpty())
        return;
    QApplication::clipboard()->setText(resultsAsText());
    Q_EMIT statusMessage(tr("Copied %n decoded code(s) as text", nullptr, int(m_results.size())));
}

bool DecodeWorkspace::eventFilter(QObject *watched, QEvent *event)
{
    // Enter decodes at once; Shift+Enter still adds a line for those who paste lists.
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && !(key->modifiers() & Qt::ShiftModifier)) {
            decodeNow();
            logResults();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Forgeline::Ui
