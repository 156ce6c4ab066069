// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace Forgeline::Ui {

// Who we are and exactly which libraries this process runs with, so a support engineer can
// ask for one screenshot instead of five questions.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The version lines as shown ("Qt 6.4.2", ...), also what "Copy" puts on the clipboard.
    static QString versionsText();
};

} // namespace Forgeline::Ui
