// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace Forgeline::Ui {

// Placeholder until issue 5 lands: says honestly what this workspace will do.
class FlashWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit FlashWorkspace(QWidget *parent = nullptr);
};

} // namespace Forgeline::Ui
