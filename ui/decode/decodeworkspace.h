// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/codesplitter.h"
#include "core/tls/errordecoder.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace Forgeline::Ui {

// Paste one or many error codes; every plausible reading appears as a card while you type.
// Decoding is a table lookup (well under a millisecond per code), so it runs on the GUI thread.
class DecodeWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit DecodeWorkspace(QWidget *parent = nullptr);

    // A paste of many codes is capped, and rendered RenderSlice inputs per event-loop turn, so
    // building cards never stalls the window (see bench_gui_decodepaste).
    static constexpr int MaxShownInputs = 100;
    static constexpr int RenderSlice = 8;

    // What was pasted, as the codes to decode; the rule lives in core so the CLI reads pastes alike.
    static QStringList splitInput(const QString &text) { return Tls::splitCodes(text); }

    QString input() const;
    void setInput(const QString &text);
    const QList<Tls::DecodeResult> &results() const { return m_results; }
    // False while a long paste is still being turned into cards, a slice per event-loop turn.
    bool renderingComplete() const { return m_rendered >= m_results.size(); }
    Tls::DecodeOptions options() const;
    QString resultsAsText() const; // the report format, as "Copy as text" puts it
    QTextBrowser *resultView() const { return m_view; }

public Q_SLOTS:
    void decodeNow();
    void copyAsText();

Q_SIGNALS:
    void statusMessage(const QString &text);
    void decoded(int inputCount);
    void renderingFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void optionsChanged();
    void showResults();
    void renderNextSlice();
    void logResults() const;
    void updateVersionHint();

    QPlainTextEdit *m_input;
    QComboBox *m_mbedtls;
    QLineEdit *m_idf;
    QLabel *m_versionHint;
    QPushButton *m_copy;
    QLabel *m_summary;
    QTextBrowser *m_view;
    QTimer *m_debounce;
    QList<Tls::DecodeResult> m_results;
    int m_totalInputs = 0;
    qsizetype m_rendered = 0;
    quint64 m_renderGeneration = 0; // a new decode abandons the slices of the previous one
};

} // namespace Forgeline::Ui
