// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/mainwindow.h"

namespace Forgeline::Ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("Forgeline"));
}

} // namespace Forgeline::Ui
