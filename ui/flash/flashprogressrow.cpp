// SPDX-License-Identifier: GPL-3.0-or-later
// Texts keep the Flash workspace's translation context: they were its own before the row
// became a class, and the zh_CN catalogue files them there.
#include "ui/flash/flashprogressrow.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace Forgeline::Ui {

FlashProgressRow::FlashProgressRow(QWidget *parent)
    : QWidget(parent), m_stage(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_rate(new QLabel(this))
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0); // a line of the workspace, not a box of its own
    m_bar->setRange(0, 100);
    m_bar->setValue(0);
    row->addWidget(m_stage);
    row->addWidget(m_bar, 1);
    row->addWidget(m_rate);
}

void FlashProgressRow::setStage(const QString &stage) { m_stage->setText(stage); }

void FlashProgressRow::restart()
{
    m_bar->setValue(0);
    m_rate->clear();
}

void FlashProgressRow::setProgress(qint64 done, qint64 total, double rate)
{
    if (total <= 0)
        return;
    m_bar->setValue(int(done * 100 / total));
    if (rate > 0) {
        const double eta = double(total - done) / rate;
        m_rate->setText(
            QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "%1 KiB/s, %2 s left")
                .arg(rate / 1024.0, 0, 'f', 1)
                .arg(eta, 0, 'f', 1));
    }
}

} // namespace Forgeline::Ui
