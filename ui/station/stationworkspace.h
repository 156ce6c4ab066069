// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/station/certpool.h"
#include "core/station/records.h"
#include "core/station/stationdatabase.h"
#include "core/station/stationjob.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace Forgeline::Ui {

class StationTile;

// The production line view: an operator name, the recipe (JSON editor), the pool and the
// station database, a grid of port tiles (port, chip, MAC, step, progress, elapsed, big
// pass/fail colour), start/stop all, and the records table with a MAC filter and export.
// Runs one StationJob on the GUI event loop; every board step is asynchronous I/O.
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
    int tileCount() const { return int(m_tiles.size()); }
    QString tileResult(const QString &port) const;
    int recordRows() const;
    Result<void> exportRecords(const QString &path, const QString &format);
    QString statusText() const;

Q_SIGNALS:
    void finished(int passed, int failed);

private:
    void buildUi();
    void onEvent(const QJsonObject &event);
    void onFinished(const Station::StationSummary &summary);
    void refreshRecords();
    void setStatus(const QString &text);
    Result<void> openDatabase();

    QLineEdit *m_operator = nullptr;
    QLineEdit *m_ports = nullptr;
    QLineEdit *m_pool = nullptr;
    QLineEdit *m_db = nullptr;
    QPlainTextEdit *m_recipe = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QLabel *m_status = nullptr;
    QGridLayout *m_grid = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableWidget *m_records = nullptr;
    QTimer *m_tick = nullptr;
    QHash<QString, StationTile *> m_tiles;

    std::unique_ptr<Station::StationDatabase> m_database;
    std::unique_ptr<Station::StationDatabase> m_poolDatabase;
    std::optional<Station::RecordStore> m_store;
    std::optional<Station::CertPool> m_certPool;
    Station::StationJob *m_job = nullptr;
};

} // namespace Forgeline::Ui
