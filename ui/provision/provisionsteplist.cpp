// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/provision/provisionsteplist.h"

#include "ui/common/statuspalette.h"

namespace Forgeline::Ui {

ProvisionStepList::ProvisionStepList(QWidget *parent)
    : QListWidget(parent), m_names{tr("Connect and secure session"), tr("Scan for networks"),
                                   tr("Send credentials"), tr("Apply"),
                                   tr("Wait for the board to connect")}
{
    setSelectionMode(QAbstractItemView::NoSelection);
    setWordWrap(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    resetSteps();
}

void ProvisionStepList::resetSteps()
{
    clear();
    for (int s = 0; s < StepCount; ++s) {
        addItem(QString());
        setStep(s, State::Pending);
    }
}

ProvisionStepList::State ProvisionStepList::state(int step) const
{
    const QListWidgetItem *it = item(step);
    return it ? static_cast<State>(it->data(Qt::UserRole).toInt()) : State::Pending;
}

void ProvisionStepList::setStep(int step, State state, const QString &detail)
{
    QListWidgetItem *it = item(step);
    if (!it)
        return;
    const QString mark = state == State::Done      ? QStringLiteral("✓")
                         : state == State::Failed  ? QStringLiteral("✗")
                         : state == State::Running ? QStringLiteral("…")
                                                   : QStringLiteral("·");
    it->setText(QStringLiteral("%1  %2%3")
                    .arg(mark, m_names.value(step),
                         detail.isEmpty() ? QString() : QStringLiteral(" — ") + detail));
    it->setData(Qt::UserRole, int(state));
    const StatusPalette tones(palette());
    it->setForeground(
        state == State::Failed ? tones.text(Tone::Error)
        : state == State::Done
            ? tones.text(Tone::Success)
            : palette().color(state == State::Pending ? QPalette::Disabled : QPalette::Active,
                              QPalette::Text));
}

} // namespace Forgeline::Ui
