// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QStringList>

class QAction;
class QActionGroup;
class QStackedWidget;

namespace Forgeline::Ui {

class AboutDialog;
class ActivityPane;

// The shell: a workspace bar (Decode, Diagnose, Provision, Flash), the activity pane and
// the menus. It owns no behaviour; each workspace presents its own core objects.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Stable ids, also accepted by `forgeline --workspace`.
    static QStringList workspaceIds();

    QString currentWorkspace() const;
    bool setCurrentWorkspace(const QString &id); // false for an unknown id
    QWidget *workspace(const QString &id) const;
    QAction *workspaceAction(const QString &id) const;

    ActivityPane *activityPane() const { return m_activity; }
    AboutDialog *aboutDialog() const { return m_about; } // null until first shown

public Q_SLOTS:
    // `forgeline --virtual-board`: the in-process boards of Flash, Provision and Station, as
    // their own buttons start them.
    void startVirtualBoards();
    void showAbout();
    void showStatus(const QString &text);

Q_SIGNALS:
    void workspaceChanged(const QString &id);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildWorkspaces();
    void connectMonitor();
    void buildMenus();
    void restoreFromSettings();
    void saveWindowState();

    QStackedWidget *m_stack;
    QActionGroup *m_workspaceGroup;
    QList<QAction *> m_workspaceActions;
    ActivityPane *m_activity;
    AboutDialog *m_about = nullptr;
};

} // namespace Forgeline::Ui
