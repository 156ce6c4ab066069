// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListWidget>

namespace Forgeline::Ui {

// The provisioning steps with a mark for each (· pending, … running, ✓ done, ✗ failed) and
// a short detail, so a technician sees at a glance where a board stopped.
class ProvisionStepList : public QListWidget
{
    Q_OBJECT
public:
    enum Step { Connect, Scan, Send, Apply, Wait, StepCount };
    enum class State { Pending, Running, Done, Failed };

    explicit ProvisionStepList(QWidget *parent = nullptr);

    void resetSteps();
    void setStep(int step, State state, const QString &detail = {});
    State state(int step) const;

private:
    QStringList m_names;
};

} // namespace Forgeline::Ui
