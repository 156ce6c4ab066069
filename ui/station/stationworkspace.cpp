// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/station/stationworkspace.h"

#include "ui/station/stationtile.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Forgeline::Ui {

using namespace Station;

StationWorkspace::StationWorkspace(QWidget *parent) : QWidget(parent)
{
    buildUi();
}

StationWorkspace::~StationWorkspace()
{
    // Boards first: they hold the pool and the records store by reference.
    delete m_job;
    m_job = nullptr;
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
    top->addWidget(new QLabel(tr("Operator:"), this));
    top->addWidget(m_operator, 1);
    top->addWidget(m_start);
    top->addWidget(m_stop);
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
    setupLayout->addLayout(form, 1);
    m_recipe = new QPlainTextEdit(setup);
    m_recipe->setPlaceholderText(tr("Recipe (JSON): flash, verify, provision..."));
    setupLayout->addWidget(m_recipe, 1);
    splitter->addWidget(setup);

    auto *scroll = new QScrollArea(splitter);
    auto *gridHost = new QWidget(scroll);
    m_grid = new QGridLayout(gridHost);
    scroll->setWidget(gridHost);
    scroll->setWidgetResizable(true);
    splitter->addWidget(scroll);

    auto *recordsHost = new QWidget(splitter);
    auto *recordsLayout = new QVBoxLayout(recordsHost);
    auto *filterRow = new QHBoxLayout;
    m_filter = new QLineEdit(recordsHost);
    m_filter->setPlaceholderText(tr("Filter by MAC"));
    filterRow->addWidget(new QLabel(tr("Records"), recordsHost));
    filterRow->addWidget(m_filter, 1);
    recordsLayout->addLayout(filterRow);
    m_records = new QTableWidget(recordsHost);
    m_records->setColumnCount(8);
    m_records->setHorizontalHeaderLabels({tr("Time"), tr("Port"), tr("Chip"), tr("MAC"), tr("Certificate"), tr("Result"),
                                          tr("Provisioning"), tr("Error")});
    m_records->horizontalHeader()->setStretchLastSection(true);
    m_records->setEditTriggers(QAbstractItemView::NoEditTriggers);
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
        const auto result = exportRecords(path, json ? QStringLiteral("json") : QStringLiteral("csv"));
        if (!result)
            m_status->setText(result.error().message);
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
    connect(m_stop, &QPushButton::clicked, this, &StationWorkspace::stop);
    connect(m_filter, &QLineEdit::textChanged, this, &StationWorkspace::refreshRecords);
}

void StationWorkspace::setOperatorName(const QString &name) { m_operator->setText(name); }
void StationWorkspace::setRecipeText(const QString &json) { m_recipe->setPlainText(json); }
void StationWorkspace::setPorts(const QStringList &ports) { m_ports->setText(ports.join(QLatin1Char(','))); }
void StationWorkspace::setPoolDirectory(const QString &dir) { m_pool->setText(dir); }
void StationWorkspace::setDatabaseUrl(const QString &url) { m_db->setText(url); }
bool StationWorkspace::running() const { return m_job && m_job->running(); }
QString StationWorkspace::statusText() const { return m_status->text(); }

void StationWorkspace::setStatus(const QString &text)
{
    m_status->setText(text);
}

Result<void> StationWorkspace::openDatabase()
{
    m_certPool.reset();
    m_store.reset();
    m_database = std::make_unique<StationDatabase>();
    if (auto r = m_database->open(m_db->text().trimmed()); !r)
        return r;
    m_store.emplace(*m_database);
    if (auto r = m_store->prepare(); !r)
        return r;
    if (!m_pool->text().trimmed().isEmpty() || !m_db->text().trimmed().isEmpty()) {
        const QString poolDir = m_pool->text().trimmed();
        const QString url = !m_db->text().trimmed().isEmpty()
            ? m_db->text().trimmed()
            : QStringLiteral("sqlite://") + QDir(poolDir).absoluteFilePath(QStringLiteral(".forgeline-pool.sqlite"));
        m_poolDatabase = std::make_unique<StationDatabase>();
        if (auto r = m_poolDatabase->open(url); !r)
            return r;
        m_certPool.emplace(*m_poolDatabase);
        if (auto r = m_certPool->prepare(); !r)
            return r;
        if (!poolDir.isEmpty())
            if (auto r = m_certPool->importFolder(poolDir); !r)
                return r.error();
    }
    return {};
}

bool StationWorkspace::start()
{
    if (running())
        return false;
    auto recipe = Recipe::fromJson(m_recipe->toPlainText().toUtf8());
    if (!recipe) {
        setStatus(recipe.error().message);
        return false;
    }
    const QStringList ports = m_ports->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (ports.isEmpty()) {
        setStatus(tr("Name at least one port."));
        return false;
    }
    delete m_job;
    m_job = nullptr;
    if (auto r = openDatabase(); !r) {
        setStatus(r.error().message + QLatin1Char(' ') + r.error().detail);
        return false;
    }
    if (recipe->needsPair() && !m_certPool) {
        setStatus(tr("The recipe writes a certificate: choose a certificate pool."));
        return false;
    }
    qDeleteAll(m_tiles);
    m_tiles.clear();
    const int columns = 4;
    for (int i = 0; i < ports.size(); ++i) {
        auto *tile = new StationTile(ports[i].trimmed(), this);
        m_tiles.insert(ports[i].trimmed(), tile);
        m_grid->addWidget(tile, i / columns, i % columns);
    }
    StationContext context;
    context.station = QHostInfo::localHostName();
    context.operatorName = m_operator->text().trimmed();
    context.pool = m_certPool ? &*m_certPool : nullptr;
    context.records = &*m_store;
    m_job = new StationJob(*recipe, context, this);
    connect(m_job, &StationJob::stationEvent, this, &StationWorkspace::onEvent);
    connect(m_job, &StationJob::finished, this, &StationWorkspace::onFinished);
    m_start->setEnabled(false);
    m_stop->setEnabled(true);
    setStatus(tr("Running %n board(s)", nullptr, int(ports.size())));
    m_tick->start();
    QStringList trimmed;
    for (const QString &p : ports)
        trimmed << p.trimmed();
    m_job->start(trimmed);
    return true;
}

void StationWorkspace::stop()
{
    if (m_job)
        m_job->cancel();
}

void StationWorkspace::onEvent(const QJsonObject &e)
{
    StationTile *tile = m_tiles.value(e.value(QStringLiteral("port")).toString());
    if (!tile)
        return;
    const QString kind = e.value(QStringLiteral("event")).toString();
    if (kind == QStringLiteral("identified"))
        tile->setBoard(e.value(QStringLiteral("chip")).toString(), e.value(QStringLiteral("mac")).toString());
    else if (kind == QStringLiteral("step"))
        tile->setStep(e.value(QStringLiteral("step")).toString(), e.value(QStringLiteral("percent")).toInt());
    else if (kind == QStringLiteral("progress"))
        tile->setProgress(e.value(QStringLiteral("done")).toInteger(), e.value(QStringLiteral("total")).toInteger());
    else if (kind == QStringLiteral("result")) {
        const QString result = e.value(QStringLiteral("result")).toString();
        tile->setResult(result, result == QStringLiteral("pass")
                                    ? e.value(QStringLiteral("pair")).toString()
                                    : e.value(QStringLiteral("failedStep")).toString() + QStringLiteral(": ")
                                          + e.value(QStringLiteral("error")).toString());
        refreshRecords();
    }
}

void StationWorkspace::onFinished(const StationSummary &summary)
{
    m_tick->stop();
    m_start->setEnabled(true);
    m_stop->setEnabled(false);
    setStatus(tr("%1 passed, %2 failed in %3 s").arg(summary.passed).arg(summary.failed)
                  .arg(double(summary.elapsedMs) / 1000.0, 0, 'f', 1));
    refreshRecords();
    Q_EMIT finished(summary.passed, summary.failed);
}

void StationWorkspace::refreshRecords()
{
    if (!m_store)
        return;
    RecordFilter filter;
    filter.mac = m_filter->text().trimmed();
    auto list = m_store->list(filter);
    if (!list)
        return;
    m_records->setRowCount(int(list->size()));
    for (int row = 0; row < list->size(); ++row) {
        const StationRecord &r = list->at(row);
        const QStringList cols{r.time.toLocalTime().toString(Qt::ISODate), r.port, r.chip, r.mac,
                               r.pairId, r.result, r.provision, r.error};
        for (int c = 0; c < cols.size(); ++c)
            m_records->setItem(row, c, new QTableWidgetItem(cols[c]));
    }
}

int StationWorkspace::recordRows() const
{
    return m_records->rowCount();
}

QString StationWorkspace::tileResult(const QString &port) const
{
    const StationTile *t = m_tiles.value(port);
    return t ? t->result() : QString();
}

Result<void> StationWorkspace::exportRecords(const QString &path, const QString &format)
{
    if (!m_store)
        return Error::make(QStringLiteral("station.export"), tr("Nothing to export yet."));
    RecordFilter filter;
    filter.mac = m_filter->text().trimmed();
    auto list = m_store->list(filter);
    if (!list)
        return list.error();
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::make(QStringLiteral("station.export"), tr("Cannot write the export."), path + QStringLiteral(": ") + f.errorString());
    f.write(format == QStringLiteral("json") ? QJsonDocument(RecordStore::toJson(*list)).toJson() : RecordStore::toCsv(*list).toUtf8());
    return {};
}

} // namespace Forgeline::Ui
