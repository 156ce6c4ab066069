// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace Forgeline::Ui {

// The Flash workspace's progress line: the job's stage, a percentage bar and the rate with the
// time left, as FlashSession reports them.
class FlashProgressRow : public QWidget
{
    Q_OBJECT
public:
    explicit FlashProgressRow(QWidget *parent = nullptr);

    void setStage(const QString &stage);
    // A new job: nothing done yet, no rate.
    void restart();
    // rate: bytes per second, 0 while unknown (the last rate stays shown).
    void setProgress(qint64 done, qint64 total, double rate);

private:
    QLabel *m_stage;
    QProgressBar *m_bar;
    QLabel *m_rate;
};

} // namespace Forgeline::Ui
