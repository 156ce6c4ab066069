// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/diagnosis.h"

#include <QScrollArea>

class QLabel;
class QVBoxLayout;

namespace Forgeline::Ui {

// The findings: the final error, the decoded error codes and one card per diagnosis
// (best first) with its explanation, evidence lines (links into the raw log) and fixes.
class FindingsPanel : public QScrollArea
{
    Q_OBJECT
public:
    explicit FindingsPanel(QWidget *parent = nullptr);

    void showReport(const Tls::DiagnosisReport &report);
    void showMessage(const QString &text);
    QStringList shownIds() const;

Q_SIGNALS:
    // A click on an evidence line: which log and which 1-based line.
    void evidenceActivated(bool workingLog, qint64 line);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void clearCards();
    void fitContentHeight();

    QWidget *m_content = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_header = nullptr;
    QList<QWidget *> m_cards;
};

} // namespace Forgeline::Ui
