// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Forgeline::Ui {

// Notices the first time a widget actually paints: the moment a user sees the window.
// Used by `forgeline --exit-when-shown` so the start-up benchmark measures the real path.
class StartupProbe : public QObject
{
    Q_OBJECT
public:
    explicit StartupProbe(QWidget &watched, QObject *parent = nullptr);

Q_SIGNALS:
    void firstPaint();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool m_seen = false;
};

// Milliseconds since this process was created, by the kernel's account where available
// (so dynamic loading and static initialisers count); otherwise since the first call.
double millisecondsSinceProcessStart();

} // namespace Forgeline::Ui
