// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/station/certpool.h"
#include "core/station/portwatcher.h"
#include "core/station/records.h"
#include "core/station/stationdatabase.h"
#include "core/station/stationjob.h"

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
class QComboBox;
class QTableView;
class QTimer;

namespace Forgeline::Sim {
class ProtocommVirtualBoard;
class RomSerialServer;
}

namespace Forgeline::Ui {

class RecipeEditor;
class RecordsModel;
class StationTile;

// The production line view: an operator name, the recipe (JSON editor), the pool and the
// station database, a grid of port tiles (port, chip, MAC, step, progress, elapsed, big
// pass/fail colour), start/stop all, auto-start when a board is plugged in, and the records
// table with a MAC filter and export. Runs one StationJob on the GUI event loop; every board
// step is asynchronous I/O.
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
    // Exposed so tests (and a future settings page) can set the lister and the interval.
    Station::PortWatcher *portWatcher() { return &m_watcher; }
    // How long a new port settles before the first byte: udev applies permissions and
    // USB-serial bridges finish enumerating a moment after the device node appears.
    void setAutoStartDelay(int ms) { m_autoStartDelayMs = ms; }
    // See StationJob::acceptsAppearedPort.
    void setReenumerationQuietMs(qint64 ms) { m_quietMs = ms; }
    RecipeEditor *recipeEditor() const { return m_recipe; }
    // A demo line in this process: `count` virtual boards (ROM loader on a pty with the real
    // timing model, protocomm over HTTP on loopback), a throwaway certificate pool in the app
    // data dir, a recipe that writes, verifies and provisions them, and their ports filled in.
    Result<void> startVirtualBoards(int count = 4);
    static QString demoPoolDirectory();
    QStringList ports() const;
    int tileCount() const { return int(m_tiles.size()); }
    QString tileResult(const QString &port) const;
    // The latest run's log on `port` (already redacted), as the tile's log window shows it.
    QStringList boardLog(const QString &port) const;
    void showBoardLog(const QString &port);
    // One board again (after fixing its cable, its network...): joins the line like a new board.
    bool rerunPort(const QString &port);
    int recordRows() const;
    Result<void> exportRecords(const QString &path, const QString &format);
    QString statusText() const;
    static constexpr int RecordsShown = 5000;

Q_SIGNALS:
    void finished(int passed, int failed);

private:
    void buildUi();
    void onEvent(const QJsonObject &event);
    void onFinished(const Station::StationSummary &summary);
    void refreshRecords();
    Station::RecordFilter currentFilter() const;
    Result<void> prepareJob();
    void rememberSettings() const;
    void showTile(const QString &port);
    void setRunningUi(bool running);
    void onPortAppeared(const QString &port);
    void onPortDisappeared(const QString &port);
    void startAppearedPort(const QString &port);
    bool startOnePort(const QString &port);
    void setStatus(const QString &text);
    Result<void> openDatabase();
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
    QLineEdit *m_filter = nullptr;
    QComboBox *m_resultFilter = nullptr;
    QTableView *m_records = nullptr;
    RecordsModel *m_recordsModel = nullptr;
    QTimer *m_tick = nullptr;
    QHash<QString, StationTile *> m_tiles;
    QStringList m_tileOrder;
    Station::PortWatcher m_watcher;
    int m_autoStartDelayMs = 500;
    qint64 m_quietMs = Station::StationJob::DefaultReenumerationQuietMs;
    // What the running job was made from: an auto-started board joins it only if unchanged.
    QString m_jobFingerprint;

    std::vector<std::unique_ptr<Sim::RomSerialServer>> m_virtualRoms;
    std::vector<std::unique_ptr<Sim::ProtocommVirtualBoard>> m_virtualNets;
    std::unique_ptr<Station::StationDatabase> m_database;
    std::unique_ptr<Station::StationDatabase> m_poolDatabase;
    std::optional<Station::RecordStore> m_store;
    std::unique_ptr<Station::RecordSpool> m_spool;
    std::optional<Station::CertPool> m_certPool;
    Station::StationJob *m_job = nullptr;
};

} // namespace Forgeline::Ui
