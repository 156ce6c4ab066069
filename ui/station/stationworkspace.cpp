// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/station/stationworkspace.h"

#include "core/common/logger.h"
#include "core/common/redactor.h"
#include "core/common/settings.h"
#include "core/sim/boardprofile.h"
#include "core/sim/demopool.h"
#include "core/sim/protocommvirtualboard.h"
#include "core/sim/romboardprofile.h"
#include "core/sim/romserialserver.h"
#include "core/sim/virtualfirmware.h"
#include "core/station/stationevent.h"

#include "ui/station/recipeeditor.h"
#include "ui/station/recordsmodel.h"
#include "ui/station/stationtile.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace Forgeline::Ui {

using namespace Station;

StationWorkspace::StationWorkspace(QWidget *parent) : QWidget(parent), m_line(new StationLine(this))
{
    connect(m_line, &StationLine::stationEvent, this, &StationWorkspace::onEvent);
    connect(m_line, &StationLine::finished, this, &StationWorkspace::onFinished);
    buildUi();
    // The station's identity and sources survive a restart; the recipe comes back from its file.
    const Settings s = Settings::load();
    m_operator->setText(s.stationOperator);
    m_pool->setText(s.stationPool);
    m_db->setText(s.stationDatabaseUrl);
    setWatchPattern(s.stationWatchPattern);
    if (!s.stationRecipeFile.isEmpty() && QFile::exists(s.stationRecipeFile))
        if (auto r = m_recipe->loadFile(s.stationRecipeFile); !r)
            setStatus(r.error().message);
}

QString StationWorkspace::demoPoolDirectory() { return Sim::defaultDemoPoolDirectory(); }

void StationWorkspace::rememberSettings() const
{
    // A demo run must not replace the line's pool and database for next time.
    if (m_pool->text().trimmed() == demoPoolDirectory())
        return;
    Settings s = Settings::load();
    s.stationOperator = m_operator->text().trimmed();
    s.stationPool = m_pool->text().trimmed();
    s.stationDatabaseUrl = m_db->text().trimmed();
    s.stationWatchPattern = m_watchPattern->text().trimmed();
    if (!m_recipe->filePath().isEmpty())
        s.stationRecipeFile = m_recipe->filePath();
    s.save();
}

StationWorkspace::~StationWorkspace() = default;

Result<void> StationWorkspace::startVirtualBoards(int count)
{
    if (running())
        return Error::make(QStringLiteral("station.virtual"), tr("Stop the running boards first."));
    const QString poolDir = demoPoolDirectory();
    // Enough pairs for a long demo: every virtual board keeps its pair across re-runs.
    auto ids = Sim::writeDemoPool(poolDir, Sim::DefaultDemoPoolSize);
    if (!ids)
        return ids.error();
    if (m_virtualRoms.empty()) {
        for (int i = 0; i < count; ++i) {
            Sim::BoardProfile profile = Sim::BoardProfile::defaultProfile();
            profile.mac[5] = char(0x20 + i);
            auto config = Sim::romBoardConfigFromProfile(profile);
            if (!config)
                return config.error();
            config->timing = true; // a demo should move at a real board's pace
            auto rom = std::make_unique<Sim::RomSerialServer>(*config);
            if (auto address = rom->listenPty(); !address)
                return address.error();
            // The station flashes a pool pair onto each board; with firmware the boards then
            // connect to the demo server when reset into their app (Monitor, a connect step).
            // Without its firmware a board still flashes and provisions: a warning, not a stop.
            if (Sim::boardApplicationAvailable())
                if (auto r = Sim::VirtualFirmware::instance()->attach(*rom, profile.chip); !r)
                    Logger::instance().warning(
                        QStringLiteral("virtual-board"),
                        QStringList{r.error().message, r.error().detail, r.error().fix}
                            .join(QLatin1Char(' ')));
            auto net = std::make_unique<Sim::ProtocommVirtualBoard>(profile);
            if (auto port = net->start(0); !port)
                return port.error();
            m_virtualRoms.push_back(std::move(rom));
            m_virtualNets.push_back(std::move(net));
        }
    }
    const Sim::BoardProfile profile = Sim::BoardProfile::defaultProfile();
    QString ssid;
    QString passphrase;
    for (const auto &network : profile.wifi.networks)
        if (!network.passphrase.isEmpty()) {
            ssid = network.ssid;
            passphrase = network.passphrase;
            break;
        }
    QStringList ports;
    QJsonObject addresses;
    for (size_t i = 0; i < m_virtualRoms.size(); ++i) {
        ports << m_virtualRoms[i]->address();
        addresses.insert(m_virtualRoms[i]->address(), m_virtualNets[i]->address());
    }
    QJsonObject provision{{QStringLiteral("ssid"), ssid},
                          {QStringLiteral("passphrase"), passphrase},
                          {QStringLiteral("addresses"), addresses},
                          {QStringLiteral("customData"), QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("custom-data")},
                                                                     {QStringLiteral("data"), QStringLiteral("serial={mac};cert={pair}")}}}};
    if (profile.protocomm.security != 0)
        provision.insert(QStringLiteral("pop"), profile.protocomm.pop);
    const QJsonObject recipe{
        {QStringLiteral("name"), QStringLiteral("Virtual line (demo)")},
        {QStringLiteral("baud"), 921600},
        {QStringLiteral("retries"), QJsonObject{{QStringLiteral("identify"), 1}, {QStringLiteral("provision"), 1}}},
        {QStringLiteral("flash"), QJsonArray{
            QJsonObject{{QStringLiteral("source"), QStringLiteral("certificate")}, {QStringLiteral("partition"), QStringLiteral("cert")}},
            QJsonObject{{QStringLiteral("source"), QStringLiteral("key")}, {QStringLiteral("partition"), QStringLiteral("key")}}}},
        {QStringLiteral("verify"), true},
        {QStringLiteral("provision"), provision}};
    setRecipeText(QString::fromUtf8(QJsonDocument(recipe).toJson()));
    setPorts(ports);
    setPoolDirectory(poolDir);
    // Demo attempts never mix with the line's real records.
    setDatabaseUrl(QStringLiteral("sqlite://") + QDir(poolDir).absoluteFilePath(QStringLiteral("demo-station.sqlite")));
    if (m_operator->text().trimmed().isEmpty())
        setOperatorName(tr("demo"));
    setStatus(tr("%n virtual board(s) ready: press Start all", nullptr, int(ports.size())));
    return {};
}

void StationWorkspace::buildUi()
{
    auto *root = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_operator = new QLineEdit(this);
    m_operator->setPlaceholderText(tr("Operator name"));
    m_start = new QPushButton(tr("Start all"), this);
    m_stop = new QPushButton(tr("Stop all"), this);
    m_stop->setEnabled(false);
    m_status = new QLabel(tr("Idle"), this);
    m_autoStart = new QCheckBox(tr("Auto-start when a board appears"), this);
    m_autoStart->setToolTip(tr("Watch the serial ports and run the recipe on every board plugged in"));
    top->addWidget(new QLabel(tr("Operator:"), this));
    top->addWidget(m_operator, 1);
    top->addWidget(m_start);
    top->addWidget(m_stop);
    m_watchPattern = new QLineEdit(this);
    m_watchPattern->setPlaceholderText(tr("any serial port"));
    m_watchPattern->setToolTip(tr("Only ports whose path matches start by themselves, for example\n"
                                  "/dev/serial/by-id/usb-Silicon_Labs* (the line's USB bridges, not the PC's own ports)"));
    m_watchPattern->setClearButtonEnabled(true);
    top->addWidget(m_autoStart);
    top->addWidget(m_watchPattern, 1);
    auto *virtualBoards = new QPushButton(tr("Virtual boards"), this);
    virtualBoards->setToolTip(tr("Try the station on four simulated boards in this window (no hardware)"));
    connect(virtualBoards, &QPushButton::clicked, this, [this] {
        if (auto r = startVirtualBoards(); !r)
            setStatus(r.error().message + QLatin1Char(' ') + r.error().detail);
    });
    top->addWidget(virtualBoards);
    top->addWidget(m_status, 2);
    root->addLayout(top);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *setup = new QWidget(splitter);
    auto *setupLayout = new QHBoxLayout(setup);
    auto *form = new QFormLayout;
    m_ports = new QLineEdit(setup);
    m_ports->setPlaceholderText(tr("/dev/ttyUSB0,/dev/ttyUSB1 or socket://host:port"));
    m_pool = new QLineEdit(setup);
    m_pool->setPlaceholderText(tr("Folder of <id>.crt + <id>.key"));
    m_db = new QLineEdit(setup);
    m_db->setPlaceholderText(tr("sqlite:///path or postgresql://user@host/db (default: app data)"));
    form->addRow(tr("Ports"), m_ports);
    form->addRow(tr("Certificate pool"), m_pool);
    form->addRow(tr("Station database"), m_db);
    // A shared server's password is typed here, masked, and never saved; one typed into the
    // address moves here as soon as the field is left.
    m_dbPassword = new QLineEdit(setup);
    m_dbPassword->setEchoMode(QLineEdit::Password);
    m_dbPassword->setPlaceholderText(tr("PostgreSQL password, if the server asks for one"));
    form->addRow(tr("Database password"), m_dbPassword);
    connect(m_db, &QLineEdit::editingFinished, this, &StationWorkspace::movePasswordOutOfUrl);
    connect(m_dbPassword, &QLineEdit::editingFinished, this,
            [this] { Redactor::registerSecret(m_dbPassword->text()); });
    setupLayout->addLayout(form, 1);
    m_recipe = new RecipeEditor(setup);
    connect(m_recipe, &RecipeEditor::fileError, this, &StationWorkspace::setStatus);
    setupLayout->addWidget(m_recipe, 1);
    splitter->addWidget(setup);

    auto *scroll = new QScrollArea(splitter);
    auto *gridHost = new QWidget(scroll);
    m_grid = new QGridLayout(gridHost);
    scroll->setWidget(gridHost);
    scroll->setWidgetResizable(true);
    scroll->setAccessibleName(tr("Boards"));
    splitter->addWidget(scroll);

    auto *recordsHost = new QWidget(splitter);
    auto *recordsLayout = new QVBoxLayout(recordsHost);
    auto *filterRow = new QHBoxLayout;
    m_filter = new QLineEdit(recordsHost);
    m_filter->setPlaceholderText(tr("Filter by MAC"));
    m_filter->setClearButtonEnabled(true);
    m_resultFilter = new QComboBox(recordsHost);
    m_resultFilter->addItem(tr("All results"), QString());
    m_resultFilter->addItem(tr("Passed"), QStringLiteral("pass"));
    m_resultFilter->addItem(tr("Failed"), QStringLiteral("fail"));
    filterRow->addWidget(new QLabel(tr("Records"), recordsHost));
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_resultFilter);
    recordsLayout->addLayout(filterRow);
    m_recordsModel = new RecordsModel(this);
    m_records = new QTableView(recordsHost);
    m_records->setModel(m_recordsModel);
    m_records->setAccessibleName(tr("Records"));
    m_records->setTabKeyNavigation(false); // Tab leaves the table, arrows walk it
    m_records->horizontalHeader()->setStretchLastSection(true);
    m_records->verticalHeader()->hide();
    m_records->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_records->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_records->setAlternatingRowColors(true);
    m_records->setWordWrap(false);
    recordsLayout->addWidget(m_records);
    auto *exportButton = new QPushButton(tr("Export\u2026"), this);
    recordsLayout->addWidget(exportButton);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        QString filter;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export records"), QString(),
            tr("CSV (*.csv);;JSON (*.json)"), &filter);
        if (path.isEmpty())
            return;
        const bool json = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
            || (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive) && filter.startsWith(QStringLiteral("JSON")));
        exportRecords(path, json ? QStringLiteral("json") : QStringLiteral("csv"));
    });
    splitter->addWidget(recordsHost);
    root->addWidget(splitter, 1);
    // The tiles are what the operator watches from across the bench: give them the room.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({200, 420, 260});

    m_tick = new QTimer(this);
    m_tick->setInterval(200);
    connect(m_tick, &QTimer::timeout, this, [this] {
        for (StationTile *t : std::as_const(m_tiles))
            t->tick();
    });
    connect(m_start, &QPushButton::clicked, this, [this] { start(); });
    connect(this, &StationWorkspace::exportFinished, this, [this](bool ok, const QString &message) {
        if (!ok)
            m_status->setText(message);
    });
    connect(m_stop, &QPushButton::clicked, this, &StationWorkspace::stop);
    connect(m_filter, &QLineEdit::textChanged, this, &StationWorkspace::refreshRecords);
    connect(m_resultFilter, &QComboBox::currentIndexChanged, this, &StationWorkspace::refreshRecords);
    connect(m_autoStart, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            m_watcher.start(); // the ports present now are the baseline: only new ones start
            rememberSettings();
        }
        else
            m_watcher.stop();
    });
    connect(m_watchPattern, &QLineEdit::editingFinished, this, [this] { m_watcher.setPattern(m_watchPattern->text()); });
    connect(&m_watcher, &PortWatcher::portAppeared, this, &StationWorkspace::onPortAppeared);
    connect(&m_watcher, &PortWatcher::portDisappeared, this, &StationWorkspace::onPortDisappeared);
}

void StationWorkspace::setOperatorName(const QString &name) { m_operator->setText(name); }
void StationWorkspace::setRecipeText(const QString &json) { m_recipe->setText(json); }
void StationWorkspace::setAutoStart(bool on) { m_autoStart->setChecked(on); }
void StationWorkspace::setWatchPattern(const QString &pattern)
{
    m_watchPattern->setText(pattern);
    m_watcher.setPattern(pattern);
}
bool StationWorkspace::autoStart() const { return m_autoStart->isChecked(); }
void StationWorkspace::setPorts(const QStringList &ports) { m_ports->setText(ports.join(QLatin1Char(','))); }
void StationWorkspace::setPoolDirectory(const QString &dir) { m_pool->setText(dir); }
void StationWorkspace::setDatabaseUrl(const QString &url)
{
    m_db->setText(url);
    movePasswordOutOfUrl();
}

void StationWorkspace::movePasswordOutOfUrl()
{
    QUrl url(m_db->text().trimmed());
    if (!url.isValid() || url.password().isEmpty())
        return;
    Redactor::registerSecret(url.password());
    m_dbPassword->setText(url.password());
    m_db->setText(url.toString(QUrl::RemovePassword));
}

QString StationWorkspace::databaseUrl() const
{
    const QString text = m_db->text().trimmed();
    QUrl url(text);
    if (m_dbPassword->text().isEmpty() || !url.isValid() || !url.password().isEmpty()
        || !(url.scheme() == QStringLiteral("postgresql") || url.scheme() == QStringLiteral("postgres")))
        return text;
    url.setPassword(m_dbPassword->text());
    return url.toString();
}
bool StationWorkspace::running() const { return m_line->running() || m_line->preparing(); }
QString StationWorkspace::statusText() const { return m_status->text(); }

void StationWorkspace::setStatus(const QString &text)
{
    m_status->setText(text);
}

QStringList StationWorkspace::ports() const
{
    QStringList out;
    for (const QString &p : m_ports->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            out << p.trimmed();
    return out;
}

LineSettings StationWorkspace::lineSettings() const
{
    LineSettings settings;
    settings.recipeText = m_recipe->text();
    settings.recipeBaseDirectory = m_recipe->baseDirectory();
    settings.poolDirectory = m_pool->text().trimmed();
    settings.databaseUrl = databaseUrl();
    settings.spoolKey = m_db->text().trimmed();
    settings.operatorName = m_operator->text();
    return settings;
}

void StationWorkspace::onStationOpened(const Result<StationOpened> &opened)
{
    if (!opened) {
        const Error &e = opened.error();
        setStatus(e.detail.isEmpty() ? e.message : e.message + QLatin1Char(' ') + e.detail);
        setRunningUi(false);
        for (StationTile *tile : std::as_const(m_tiles))
            if (tile->result().isEmpty())
                tile->setResult(StationEvent::Verdict::Fail, e.message);
        return;
    }
    if (opened->flushedFromSpool > 0)
        Logger::instance().info(QStringLiteral("station"),
                                tr("%n record(s) kept while the database was away are now stored", nullptr,
                                   opened->flushedFromSpool));
    if (opened->spoolError) {
        // The CLI reports this too: records still waiting must not go unnoticed.
        const QString text = tr("Records kept while the database was away could not be sent: %1")
                                 .arg(opened->spoolError->message);
        Logger::instance().warning(QStringLiteral("station"), text + QLatin1Char(' ') + opened->spoolError->detail);
        setStatus(text);
    }
    refreshRecords();
}

void StationWorkspace::showTile(const QString &port)
{
    const int columns = 4;
    auto *tile = new StationTile(port, this);
    if (StationTile *old = m_tiles.value(port)) {
        // A fresh board on a port that already ran: a fresh tile in the same place.
        delete m_grid->replaceWidget(old, tile);
        delete old;
    } else {
        const int i = int(m_tileOrder.size());
        m_tileOrder << port;
        m_grid->addWidget(tile, i / columns, i % columns);
    }
    connect(tile, &StationTile::activated, this, [this, port] { showBoardLog(port); });
    m_tiles.insert(port, tile);
}

void StationWorkspace::setRunningUi(bool running)
{
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    if (running)
        m_tick->start();
    else
        m_tick->stop();
}

bool StationWorkspace::start()
{
    if (running())
        return false;
    const QStringList list = ports();
    if (list.isEmpty()) {
        setStatus(tr("Name at least one port."));
        return false;
    }
    Result<void> accepted = m_line->start(lineSettings(), list, [this](Result<StationOpened> opened) {
        onStationOpened(opened);
    });
    if (!accepted) {
        const Error &e = accepted.error();
        setStatus(e.detail.isEmpty() ? e.message : e.message + QLatin1Char(' ') + e.detail);
        return false;
    }
    qDeleteAll(m_tiles);
    m_tiles.clear();
    m_tileOrder.clear();
    for (const QString &port : list)
        showTile(port);
    setRunningUi(true);
    rememberSettings();
    setStatus(tr("Running %n board(s)", nullptr, int(list.size())));
    return true;
}

void StationWorkspace::onPortAppeared(const QString &port)
{
    if (!m_autoStart->isChecked())
        return;
    Logger::instance().info(QStringLiteral("station"), tr("Board appeared on %1; starting it shortly").arg(port));
    QTimer::singleShot(m_autoStartDelayMs, this, [this, port] { startAppearedPort(port); });
}

void StationWorkspace::startAppearedPort(const QString &port)
{
    if (!m_autoStart->isChecked())
        return;
    if (!m_line->acceptsAppearedPort(port, m_quietMs)) {
        // Still running there (it re-enumerated mid-run; its own retries handle that), or it
        // just finished and its reset into the firmware made the port blink.
        Logger::instance().info(QStringLiteral("station"), tr("%1 came back right after its board ran; not a new board").arg(port));
        return;
    }
    if (startOnePort(port))
        setStatus(tr("Auto-started %1").arg(port));
}

bool StationWorkspace::rerunPort(const QString &port)
{
    if (!m_line->acceptsAppearedPort(port, 0)) {
        setStatus(tr("%1 is still running.").arg(port));
        return false;
    }
    if (!startOnePort(port))
        return false;
    setStatus(tr("Running %1 again").arg(port));
    return true;
}

bool StationWorkspace::startOnePort(const QString &port)
{
    if (!ports().contains(port))
        m_ports->setText(ports().isEmpty() ? port : m_ports->text().trimmed() + QLatin1Char(',') + port);
    Result<StationLine::Join> join = m_line->startPort(lineSettings(), port, [this](Result<StationOpened> opened) {
        onStationOpened(opened);
    });
    if (!join) {
        setStatus(tr("Cannot start %1: %2").arg(port, join.error().message));
        return false;
    }
    if (*join == StationLine::Join::SettingsChanged) {
        setStatus(tr("%1 is waiting: the recipe or station settings changed while boards run; press Start when they finish.").arg(port));
        return false;
    }
    showTile(port);
    setRunningUi(true);
    return true;
}

void StationWorkspace::onPortDisappeared(const QString &port)
{
    // A running board fails on its own (the link reports the unplug); a finished tile keeps its
    // verdict so the operator can still read it after pulling the board.
    Logger::instance().info(QStringLiteral("station"), tr("Board removed from %1").arg(port));
    if (StationTile *tile = m_tiles.value(port); tile && !tile->result().isEmpty())
        tile->setRemoved();
}

void StationWorkspace::stop()
{
    // "Stop all" halts the line: boards plugged in afterwards must not start behind the
    // operator's back.
    m_autoStart->setChecked(false);
    m_line->cancel();
    if (!m_line->running())
        setRunningUi(false);
}

void StationWorkspace::onEvent(const QJsonObject &json)
{
    const StationEvent e = StationEvent::fromJson(json);
    StationTile *tile = m_tiles.value(e.port);
    if (!tile)
        return;
    switch (e.kind) {
    case StationEvent::Kind::Identified:
        tile->setBoard(e.description.isEmpty() ? e.chip : e.description, e.mac);
        break;
    case StationEvent::Kind::Step:
        tile->setStep(e.step, e.percent);
        break;
    case StationEvent::Kind::Progress:
        tile->setProgress(e.done, e.total);
        break;
    case StationEvent::Kind::Result:
        tile->setResult(e.verdict, e.verdict == StationEvent::Verdict::Pass
                                       ? e.pair
                                       : e.failedStep + QStringLiteral(": ") + e.error);
        refreshRecords();
        break;
    default:
        break;
    }
}

void StationWorkspace::onFinished(const StationSummary &summary)
{
    setRunningUi(false);
    setStatus(tr("%1 passed, %2 failed in %3 s").arg(summary.passed).arg(summary.failed)
                  .arg(double(summary.elapsedMs) / 1000.0, 0, 'f', 1));
    refreshRecords();
    Q_EMIT finished(summary.passed, summary.failed);
}

RecordFilter StationWorkspace::currentFilter() const
{
    RecordFilter filter;
    filter.mac = m_filter->text().trimmed();
    filter.macPartial = true;
    filter.result = m_resultFilter->currentData().toString();
    filter.newestFirst = true;
    return filter;
}

void StationWorkspace::refreshRecords()
{
    if (!m_line->store() || !m_line->store()->hasRecords())
        return;
    // A shared line database holds years of attempts: the table shows the latest ones, the
    // export (and `forgeline-cli records`) has them all.
    RecordFilter filter = currentFilter();
    filter.limit = RecordsShown;
    const int request = ++m_recordsRequest;
    m_line->store()->listRecords(filter, this, [this, request](Result<QList<StationRecord>> list) {
        if (request != m_recordsRequest)
            return;  // the filter changed meanwhile: a newer answer is on its way
        if (!list) {
            setStatus(list.error().message);
            return;
        }
        m_recordsModel->setRecords(std::move(*list));
        // Fitting columns reads every row: worth it for a shift's worth, not for a year's.
        if (m_recordsModel->rowCount() <= 500) {
            m_records->resizeColumnsToContents();
            // Long error texts are elided (full text in the tooltip) so Error and Diagnosis stay in view.
            for (int c = 0; c < m_recordsModel->columnCount(); ++c)
                m_records->setColumnWidth(c, qMin(m_records->columnWidth(c), 220));
        }
        Q_EMIT recordsShown();
    });
}

int StationWorkspace::recordRows() const
{
    return m_recordsModel->rowCount();
}

QStringList StationWorkspace::boardLog(const QString &port) const
{
    return m_line->boardLog(port);
}

void StationWorkspace::showBoardLog(const QString &port)
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Board on %1").arg(port));
    dialog->resize(720, 420);
    auto *layout = new QVBoxLayout(dialog);
    auto *text = new QPlainTextEdit(dialog);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QStringList lines = boardLog(port);
    text->setPlainText(lines.isEmpty() ? tr("Nothing logged yet for this port.") : lines.join(QLatin1Char('\n')));
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    auto *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    // A failed board stays re-runnable (its pair, if any reached the flash, comes back to it).
    auto *again = buttons->addButton(tr("Run again"), QDialogButtonBox::ActionRole);
    again->setEnabled(m_line->acceptsAppearedPort(port, 0));
    connect(again, &QPushButton::clicked, dialog, [this, dialog, port] {
        dialog->close();
        rerunPort(port);
    });
    connect(copy, &QPushButton::clicked, dialog, [text] { QGuiApplication::clipboard()->setText(text->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    dialog->show();
}

QString StationWorkspace::tileResult(const QString &port) const
{
    const StationTile *t = m_tiles.value(port);
    return t ? t->result() : QString();
}

void StationWorkspace::exportRecords(const QString &path, const QString &format)
{
    if (!m_line->store() || !m_line->store()->hasRecords()) {
        Q_EMIT exportFinished(false, tr("Nothing to export yet."));
        return;
    }
    RecordFilter filter = currentFilter();
    filter.newestFirst = false; // an export reads in the order things happened
    m_line->store()->listRecords(filter, this, [this, path, format](Result<QList<StationRecord>> list) {
        if (!list) {
            Q_EMIT exportFinished(false, list.error().message);
            return;
        }
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) {
            Q_EMIT exportFinished(false, tr("Cannot write the export.") + QLatin1Char(' ') + path
                                             + QStringLiteral(": ") + f.errorString());
            return;
        }
        f.write(format == QStringLiteral("json") ? QJsonDocument(RecordStore::toJson(*list)).toJson()
                                                 : RecordStore::toCsv(*list).toUtf8());
        Q_EMIT exportFinished(true, path);
    });
}

} // namespace Forgeline::Ui
