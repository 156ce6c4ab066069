// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

class QActionGroup;

namespace Forgeline::Ui {

// Settings > Language: System default, English, 简体中文. The choice is saved in Settings and
// takes effect at the next start (every text, including core's error messages, is made in the
// language installed before the window is built).
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    // "" = system default, else one of Translations::languages().
    QString checkedLanguage() const;
    QAction *actionFor(const QString &language) const;

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void choose(const QString &language);

    QActionGroup *m_group;
};

} // namespace Forgeline::Ui
