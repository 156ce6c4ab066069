// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace Forgeline::Ui {

// Placeholder until issue 3 lands: says honestly what this workspace will do.
class DiagnoseWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit DiagnoseWorkspace(QWidget *parent = nullptr);
};

} // namespace Forgeline::Ui
