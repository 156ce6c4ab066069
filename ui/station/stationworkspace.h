// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/station/portwatcher.h"
#include "core/station/records.h"
#include "core/station/stationline.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace Forgeline::Sim {
class DemoLine;
}

namespace Forgeline::Ui {

class RecipeEditor;
class StationWorkspaceTestAccess;
class StationRecordsPanel;
class StationTile;

// The production line view: an operator name, the recipe (JSON editor), the pool and the
// station database, a grid of port tiles (port, chip, MAC, step, progress, elapsed, big
// pass/fail colour), start/stop all, auto-start when a board is plugged in, and the records
// table with a MAC filter and export. Presents a StationLine (core/station/stationline.h),
// which decides and owns the job and the database side; the database work runs on the
// store's thread and every board step is asynchronous I/O, so this window never waits.
// Widgets in stationworkspaceui.cpp, the records in stationworkspacerecords.cpp (shown by
// StationRecordsPanel), a board's log window in stationboardlog.cpp, the demo line in
// stationvirtualboards.cpp; the line's start, stop, auto-start and tiles in stationworkspace.cpp.
// Its ~21 members are the operator's controls and the tile grid; the state lives in StationLine.
class StationWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit StationWorkspace(QWidget *parent = nullptr);
    ~StationWorkspace() override;

    void setOperatorName(const QString &name);
    void setRecipeText(const QString &json);
    void setPorts(const QStringList &ports);
    void setPoolDirectory(const QString &dir);
    void setDatabaseUrl(const QString &url);

    // Accepts the setup (false with the reason in the status when the recipe or the ports are
    // wrong); the station opens without blocking and the boards start when it is ready.
    bool start();
    void stop();
    bool running() const;
    // When on, a port that appears (board plugged in) joins the line and runs the recipe,
    // into the running job or a new one; a board swapped on a finished port runs again.
    void setAutoStart(bool on);
    // Which ports count as boards for auto-start: a glob such as
    // "/dev/serial/by-id/usb-Silicon_Labs*", or "" for every serial port.
    void setWatchPattern(const QString &pattern);
    bool autoStart() const;
    RecipeEditor *recipeEditor() const { return m_recipe; }
    // A demo line in this process: `count` virtual boards (ROM loader on a pty with the real
    // timing model, protocomm over HTTP on loopback), a throwaway certificate pool in the app
    // data dir, a recipe that writes, verifies and provisions them, and their ports filled in.
    Result<void> startVirtualBoards(int count = 4);
    static QString demoPoolDirectory();
    QStringList ports() const;
    int tileCount() const { return int(m_tiles.size()); }
    Station::Verdict tileResult(const QString &port) const;
    // The latest run's log on `port` (already redacted), as the tile's log window shows it.
    QStringList boardLog(const QString &port) const;
    void showBoardLog(const QString &port);
    // One board again (after fixing its cable, its network...): joins the line like a new board.
    bool rerunPort(const QString &port);
    int recordRows() const;
    // Writes the records the filters select; exportFinished tells how it went.
    void exportRecords(const QString &path, const QString &format);
    QString statusText() const;
    static constexpr int RecordsShown = 5000;

Q_SIGNALS:
    void finished(int passed, int failed);
    void exportFinished(bool ok, const QString &message);
    // The records table shows the database's answer (it arrives from the store's thread).
    void recordsShown();

private:
    // The tests set the watcher's interval and the settle delay (tests/station); nothing else
    // needs to reach them.
    friend class StationWorkspaceTestAccess;

    void buildUi();
    void onEvent(const Station::StationEvent &event);
    void onFinished(const Station::StationSummary &summary);
    void refreshRecords();
    Station::LineSettings lineSettings() const;
    void onStationOpened(const Result<Station::StationOpened> &opened);
    void rememberSettings() const;
    void showTile(const QString &port);
    void setRunningUi(bool running);
    void onPortAppeared(const QString &port);
    void onPortDisappeared(const QString &port);
    void startAppearedPort(const QString &port);
    bool startOnePort(const QString &port);
    void setStatus(const QString &text);
    void movePasswordOutOfUrl();
    // The address with the password field's password put in (never shown, never saved).
    QString databaseUrl() const;

    QLineEdit *m_operator = nullptr;
    QLineEdit *m_ports = nullptr;
    QLineEdit *m_pool = nullptr;
    QLineEdit *m_db = nullptr;
    QLineEdit *m_dbPassword = nullptr;
    RecipeEditor *m_recipe = nullptr;
    QCheckBox *m_autoStart = nullptr;
    QLineEdit *m_watchPattern = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QLabel *m_status = nullptr;
    QGridLayout *m_grid = nullptr;
    StationRecordsPanel *m_recordsPanel = nullptr;
    QTimer *m_tick = nullptr;
    QHash<QString, StationTile *> m_tiles;
    QStringList m_tileOrder;
    Station::PortWatcher m_watcher;
    // How long a new port settles before the first byte: udev applies permissions and
    // USB-serial bridges finish enumerating a moment after the device node appears.
    int m_autoStartDelayMs = 500;
    // See StationJob::acceptsAppearedPort.
    qint64 m_quietMs = Station::StationJob::DefaultReenumerationQuietMs;

    std::unique_ptr<Sim::DemoLine> m_demoLine; // the virtual boards, once asked for
    Station::StationLine *m_line = nullptr;
    int m_recordsRequest = 0; // only the latest listing is shown
};

} // namespace Forgeline::Ui
