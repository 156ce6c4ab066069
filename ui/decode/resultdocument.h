// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/errordecoder.h"

#include <QList>
#include <QPalette>
#include <QString>

namespace Forgeline::Ui {

// Renders decode results as one rich-text document of cards. One document instead of a
// widget per field: a paste of a hundred codes lays out in tens of milliseconds, where
// nested word-wrapped labels took over a second (see bench_gui_decodepaste).
// Every string from the decoder or the user is escaped; nothing is trusted as markup.
class ResultDocument
{
public:
    explicit ResultDocument(const QPalette &palette);

    // Cards for all results; a heading per input when there are several inputs, or several
    // readings for one.
    QString html(const QList<Tls::DecodeResult> &results) const;
    // Cards for results[from, to): lets a long paste be rendered a slice per event-loop turn.
    QString html(const QList<Tls::DecodeResult> &results, qsizetype from, qsizetype to) const;

    QString readingCard(const Tls::Reading &reading, int depth = 0) const;
    QString unknownCard(const Tls::DecodeResult &result) const;

    static QString kindTitle(Tls::Reading::Kind kind);

private:
    QString m_base, m_border, m_muted, m_badge, m_link, m_inference;
};

} // namespace Forgeline::Ui
