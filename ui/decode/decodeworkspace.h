// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace Forgeline::Ui {

class DecodeWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit DecodeWorkspace(QWidget *parent = nullptr);
};

} // namespace Forgeline::Ui
