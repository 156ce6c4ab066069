// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/mainwindow.h"

#include "core/common/logger.h"
#include "core/common/settings.h"
#include "core/sim/romserialserver.h"
#include "core/sim/virtualfirmware.h"
#include "ui/activity/activitypane.h"
#include "ui/decode/decodeworkspace.h"
#include "ui/diagnose/diagnoseworkspace.h"
#include "ui/flash/flashworkspace.h"
#include "ui/image/imageworkspace.h"
#include "ui/monitor/monitorworkspace.h"
#include "ui/provision/provisionworkspace.h"
#include "ui/records/recordsworkspace.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/languagemenu.h"
#include "ui/station/stationworkspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QIcon>
#include <QKeySequence>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace Forgeline::Ui {

namespace {

struct WorkspaceInfo
{
    QString id;
    QString title;
    QString hint; // status-bar text when the workspace opens
};

QList<WorkspaceInfo> workspaceInfos()
{
    return {
        {QStringLiteral("decode"), MainWindow::tr("Decode"),
         MainWindow::tr("Paste one or more error codes from a device log to see what they mean.")},
        {QStringLiteral("diagnose"), MainWindow::tr("Diagnose"),
         MainWindow::tr("Analyse a TLS handshake log and compare it with a working one.")},
        {QStringLiteral("provision"), MainWindow::tr("Provision"),
         MainWindow::tr("Send Wi-Fi credentials to a board over a secure session.")},
        {QStringLiteral("flash"), MainWindow::tr("Flash"),
         MainWindow::tr("Write certificates and keys into a board's partitions.")},
        {QStringLiteral("station"), MainWindow::tr("Station"),
         MainWindow::tr("Flash, verify, provision and record many boards at once.")},
        {QStringLiteral("records"), MainWindow::tr("Records"),
         MainWindow::tr(
             "Show the TLS records in a capture, hex dump or device log, and what their framing means.")},
        {QStringLiteral("image"), MainWindow::tr("Image"),
         MainWindow::tr(
             "See what a firmware file is; flash encryption and pre-encrypted OTA images.")},
        {QStringLiteral("monitor"), MainWindow::tr("Monitor"),
         MainWindow::tr("Watch a board's serial log; TLS failures are diagnosed as they happen.")},
    };
}

// Window geometry and dock layout are the one exception to "typed settings only"
// (core/common/settings.h): they are opaque blobs owned by QMainWindow.
QSettings windowStateStore()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Forgeline"),
                     QStringLiteral("forgeline"));
}

const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_stack(new QStackedWidget(this)),
      m_workspaceGroup(new QActionGroup(this)),
      m_activity(new ActivityPane(Logger::instance(), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Forgeline"));
    setWindowIcon(QIcon(QStringLiteral(":/forgeline/icons/org.forgeline.Forgeline.svg")));
    setCentralWidget(m_stack);
    addDockWidget(Qt::BottomDockWidgetArea, m_activity);
    connect(m_activity, &ActivityPane::statusMessage, this, &MainWindow::showStatus);

    buildWorkspaces();
    buildMenus();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    restoreFromSettings();
}

MainWindow::~MainWindow() = default;

QStringList MainWindow::workspaceIds()
{
    QStringList ids;
    const QList<WorkspaceInfo> infos = workspaceInfos();
    for (const WorkspaceInfo &w : infos)
        ids.append(w.id);
    return ids;
}

void MainWindow::buildWorkspaces()
{
    auto *bar = new QToolBar(tr("Workspaces"), this);
    bar->setObjectName(QStringLiteral("workspaceBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    const int iconSide = fontMetrics().height() * 2;
    bar->setIconSize(QSize(iconSide, iconSide));
    addToolBar(Qt::LeftToolBarArea, bar);

    m_workspaceGroup->setExclusive(true);
    const QList<WorkspaceInfo> infos = workspaceInfos();
    for (int i = 0; i < infos.size(); ++i) {
        const WorkspaceInfo &info = infos.at(i);
        QWidget *page = nullptr;
        if (info.id == QLatin1String("decode")) {
            auto *decode = new DecodeWorkspace;
            connect(decode, &DecodeWorkspace::statusMessage, this, &MainWindow::showStatus);
            page = decode;
        } else if (info.id == QLatin1String("diagnose")) {
            page = new DiagnoseWorkspace;
        } else if (info.id == QLatin1String("provision")) {
            page = new ProvisionWorkspace;
        } else if (info.id == QLatin1String("flash")) {
            page = new FlashWorkspace;
        } else if (info.id == QLatin1String("records")) {
            page = new RecordsWorkspace;
        } else if (info.id == QLatin1String("image")) {
            auto *image = new ImageWorkspace;
            connect(image, &ImageWorkspace::statusMessage, this, &MainWindow::showStatus);
            page = image;
        } else if (info.id == QLatin1String("monitor")) {
            page = new MonitorWorkspace;
        } else {
            page = new StationWorkspace;
        }
        page->setProperty("workspaceId", info.id);
        m_stack->addWidget(page);

        auto *action = new QAction(QIcon(QStringLiteral(":/forgeline/icons/%1.svg").arg(info.id)),
                                   info.title, this);
        action->setObjectName(QStringLiteral("workspace_") + info.id);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setToolTip(QStringLiteral("%1 (%2)").arg(
            info.title, action->shortcut().toString(QKeySequence::NativeText)));
        action->setStatusTip(info.hint);
        action->setData(info.id);
        m_workspaceGroup->addAction(action);
        m_workspaceActions.append(action);
        bar->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, id = info.id] { setCurrentWorkspace(id); });
    }
    connectMonitor();
}

void MainWindow::connectMonitor()
{
    auto *monitor = qobject_cast<MonitorWorkspace *>(workspace(QStringLiteral("monitor")));
    auto *flash = qobject_cast<FlashWorkspace *>(workspace(QStringLiteral("flash")));
    auto *diagnose = qobject_cast<DiagnoseWorkspace *>(workspace(QStringLiteral("diagnose")));
    auto *decode = qobject_cast<DecodeWorkspace *>(workspace(QStringLiteral("decode")));
    if (!monitor)
        return;
    connect(monitor, &MonitorWorkspace::statusMessage, this, &MainWindow::showStatus);
    if (flash) {
        connect(flash, &FlashWorkspace::monitorRequested, this,
                [this, monitor](const QString &port) {
                    monitor->setPort(port);
                    // As `idf.py monitor` does: after flashing you want to see the firmware start.
                    if (!monitor->isRunning())
                        monitor->setResetIntoFirmware(true);
                    setCurrentWorkspace(QStringLiteral("monitor"));
                });
        if (auto *provision
            = qobject_cast<ProvisionWorkspace *>(workspace(QStringLiteral("provision"))))
            connect(provision, &ProvisionWorkspace::monitorRequested, this, [this, monitor, flash] {
                if (!flash->portText().isEmpty() && !monitor->isRunning()) {
                    monitor->setPort(flash->portText());
                    monitor->setResetIntoFirmware(true);
                }
                setCurrentWorkspace(QStringLiteral("monitor"));
            });
        connect(flash, &FlashWorkspace::virtualBoardStarted, monitor,
                [monitor](const QString &address) {
                    monitor->offerPort(MonitorWorkspace::tr("Virtual board (%1)").arg(address),
                                       address);
                });
        if (flash->virtualBoard())
            monitor->offerPort(
                MonitorWorkspace::tr("Virtual board (%1)").arg(flash->virtualBoard()->address()),
                flash->virtualBoard()->address());
    }
    // The virtual boards' TLS server says what it made of each board, beside the board's log.
    connect(Sim::VirtualFirmware::instance(), &Sim::VirtualFirmware::serverReport, monitor,
            &MonitorWorkspace::showServerReport);
    if (diagnose) {
        if (auto *records = qobject_cast<RecordsWorkspace *>(workspace(QStringLiteral("records"))))
            connect(diagnose, &DiagnoseWorkspace::recordsRequested, this,
                    [this, records](const QString &path) {
                        records->openFile(path);
                        setCurrentWorkspace(QStringLiteral("records"));
                    });
        connect(monitor, &MonitorWorkspace::diagnoseRequested, this,
                [this, diagnose](const QString &bad, const QString &good) {
                    setCurrentWorkspace(QStringLiteral("diagnose"));
                    diagnose->loadLogs(bad, good);
                });
    }
    if (decode) {
        connect(monitor, &MonitorWorkspace::decodeRequested, this,
                [this, decode](const QString &code) {
                    setCurrentWorkspace(QStringLiteral("decode"));
                    decode->setInput(code);
                    decode->decodeNow();
                });
    }
}

void MainWindow::startVirtualBoards()
{
    if (auto *flash = qobject_cast<FlashWorkspace *>(workspace(QStringLiteral("flash"))))
        flash->startVirtualBoard();
    if (auto *provision
        = qobject_cast<ProvisionWorkspace *>(workspace(QStringLiteral("provision"))))
        provision->startVirtualBoard();
    if (auto *station = qobject_cast<StationWorkspace *>(workspace(QStringLiteral("station"))))
        if (auto r = station->startVirtualBoards(); !r)
            Logger::instance().warning(QStringLiteral("virtual-board"),
                                       r.error().message + QLatin1Char(' ') + r.error().detail);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QAction *a : std::as_const(m_workspaceActions))
        view->addAction(a);
    view->addSeparator();
    QAction *activity = m_activity->toggleViewAction();
    activity->setObjectName(QStringLiteral("actionActivityPane"));
    activity->setText(tr("&Activity Pane"));
    activity->setIcon(QIcon(QStringLiteral(":/forgeline/icons/activity.svg")));
    activity->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    view->addAction(activity);
    connect(activity, &QAction::toggled, this, [this](bool visible) {
        // The pane also hides when the whole window closes or before it is first shown;
        // only a toggle while the window is up is the user's choice.
        if (!isVisible())
            return;
        Settings s = Settings::load();
        s.activityPaneVisible = visible;
        s.save();
    });

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    auto *language = new LanguageMenu(this);
    connect(language, &LanguageMenu::statusMessage, this, &MainWindow::showStatus);
    settings->addMenu(language);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Forgeline"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::restoreFromSettings()
{
    QSettings store = windowStateStore();
    if (!restoreGeometry(store.value(geometryKey).toByteArray()))
        resize(fontMetrics().averageCharWidth() * 130, fontMetrics().height() * 42);
    if (!restoreState(store.value(stateKey).toByteArray())) {
        // First start: the workspace is what matters, the activity pane a strip below it.
        resizeDocks({m_activity}, {fontMetrics().height() * 9}, Qt::Vertical);
    }

    // The typed settings are the truth for what the user chose; the state blob only places things.
    const Settings s = Settings::load();
    m_activity->setVisible(s.activityPaneVisible);
    if (!setCurrentWorkspace(s.lastWorkspace))
        setCurrentWorkspace(workspaceIds().constFirst());
}

void MainWindow::saveWindowState()
{
    QSettings store = windowStateStore();
    store.setValue(geometryKey, saveGeometry());
    store.setValue(stateKey, saveState());
    store.sync();
}

QString MainWindow::currentWorkspace() const
{
    const QWidget *page = m_stack->currentWidget();
    return page ? page->property("workspaceId").toString() : QString();
}

QWidget *MainWindow::workspace(const QString &id) const
{
    for (int i = 0; i < m_stack->count(); ++i) {
        if (m_stack->widget(i)->property("workspaceId").toString() == id)
            return m_stack->widget(i);
    }
    return nullptr;
}

QAction *MainWindow::workspaceAction(const QString &id) const
{
    for (QAction *a : m_workspaceActions) {
        if (a->data().toString() == id)
            return a;
    }
    return nullptr;
}

bool MainWindow::setCurrentWorkspace(const QString &id)
{
    QWidget *page = workspace(id);
    if (!page)
        return false;
    QAction *action = workspaceAction(id);
    action->setChecked(true);
    m_stack->setCurrentWidget(page);
    // Qt appends the application display name: "Decode — Forgeline".
    setWindowTitle(action->text());
    if (page->focusProxy())
        page->setFocus(); // e.g. straight into the Decode input
    showStatus(action->statusTip());
    Settings s = Settings::load();
    if (s.lastWorkspace != id) {
        s.lastWorkspace = id;
        s.save();
    }
    Q_EMIT workspaceChanged(id);
    return true;
}

void MainWindow::showAbout()
{
    if (!m_about)
        m_about = new AboutDialog(this);
    m_about->show();
    m_about->raise();
    m_about->activateWindow();
}

void MainWindow::showStatus(const QString &text) { statusBar()->showMessage(text, 8000); }

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

} // namespace Forgeline::Ui
