// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

namespace Forgeline::Ui {

class MainWindow;

// `forgeline --smoke-test`: proves on a headless machine that the real window comes up,
// every workspace opens and draws, a code decodes into cards and About opens. Runs as a
// chain of event-loop turns (never a nested loop) and reports once through finished().
class SmokeTest : public QObject
{
    Q_OBJECT
public:
    explicit SmokeTest(MainWindow &window, QObject *parent = nullptr);

    void start();
    QStringList failures() const { return m_failures; }

Q_SIGNALS:
    void progress(const QString &line);
    void finished(int exitCode);

private:
    void step();
    void check(bool ok, const QString &what);
    void finish();

    MainWindow &m_window;
    QStringList m_pending;
    QStringList m_failures;
    bool m_done = false;
};

} // namespace Forgeline::Ui
