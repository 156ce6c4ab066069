// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace Forgeline::Ui {

// Placeholder until issue 4 lands: says honestly what this workspace will do.
class ProvisionWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit ProvisionWorkspace(QWidget *parent = nullptr);
};

} // namespace Forgeline::Ui
