// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/smoketest.h"

#include "core/common/logger.h"
#include "ui/activity/activitypane.h"
#include "ui/decode/decodeworkspace.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/mainwindow.h"

#include <QTextBrowser>
#include <QTimer>
#include <QWindow>

namespace Forgeline::Ui {

namespace {

// Far above what a healthy start needs; only there so a hang cannot keep CI waiting.
constexpr int OverallTimeoutMs = 30000;

QString smokeMarker() { return QStringLiteral("smoke test: activity pane check"); }

} // namespace

SmokeTest::SmokeTest(MainWindow &window, QObject *parent) : QObject(parent), m_window(window) {}

void SmokeTest::start()
{
    m_pending = QStringList{QStringLiteral("window")} + MainWindow::workspaceIds()
                + QStringList{QStringLiteral("decode-card"), QStringLiteral("activity"),
                              QStringLiteral("activity-shown"), QStringLiteral("about")};
    QTimer::singleShot(OverallTimeoutMs, this, [this] {
        check(false, tr("finished within %1 s").arg(OverallTimeoutMs / 1000));
        finish();
    });
    QTimer::singleShot(0, this, &SmokeTest::step);
}

void SmokeTest::check(bool ok, const QString &what)
{
    Q_EMIT progress((ok ? QStringLiteral("ok    ") : QStringLiteral("FAIL  ")) + what);
    if (!ok)
        m_failures.append(what);
}

void SmokeTest::step()
{
    if (m_done)
        return;
    if (m_pending.isEmpty()) {
        finish();
        return;
    }
    const QString what = m_pending.takeFirst();
    if (what == QLatin1String("window")) {
        const QWindow *handle = m_window.windowHandle();
        if (!handle || !handle->isExposed()) {
            m_pending.prepend(what); // not on screen yet: look again on a later turn
            QTimer::singleShot(10, this, &SmokeTest::step);
            return;
        }
        check(m_window.isVisible(), tr("main window shown"));
    } else if (what == QLatin1String("decode-card")) {
        auto *decode
            = qobject_cast<DecodeWorkspace *>(m_window.workspace(QStringLiteral("decode")));
        m_window.setCurrentWorkspace(QStringLiteral("decode"));
        if (decode) {
            decode->setInput(QStringLiteral("-0x7500"));
            const bool known
                = !decode->results().isEmpty() && decode->results().constFirst().known();
            const QString name
                = known ? decode->results().constFirst().readings.constFirst().name : QString();
            check(known && !name.isEmpty() && decode->resultView()->toPlainText().contains(name),
                  tr("decode workspace shows a card for -0x7500"));
            decode->setInput(QString());
        } else {
            check(false, tr("decode workspace exists"));
        }
    } else if (what == QLatin1String("activity")) {
        // The pane shows logger entries on a later event-loop turn; the next step looks.
        Logger::instance().info(QStringLiteral("smoke-test"), smokeMarker());
    } else if (what == QLatin1String("activity-shown")) {
        const QString shown = m_window.activityPane()->visibleText();
        check(shown.contains(smokeMarker()), tr("activity pane shows logged messages"));
    } else if (what == QLatin1String("about")) {
        m_window.showAbout();
        AboutDialog *about = m_window.aboutDialog();
        check(about && about->isVisible(), tr("About dialog opens"));
        if (about)
            about->close();
    } else {
        const bool switched = m_window.setCurrentWorkspace(what);
        QWidget *page = m_window.workspace(what);
        const bool shown
            = switched && page && page->isVisible() && m_window.currentWorkspace() == what;
        const bool drawn = shown && !page->grab().isNull();
        check(shown && drawn, tr("workspace %1 shown").arg(what));
    }
    QTimer::singleShot(0, this, &SmokeTest::step);
}

void SmokeTest::finish()
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(m_failures.isEmpty() ? 0 : 1);
}

} // namespace Forgeline::Ui
