// SPDX-License-Identifier: GPL-3.0-or-later
// The Station workspace's widgets and their wiring: the operator row with start, stop and
// auto-start, the setup form and recipe, the board tiles' grid and the records panel; and the
// setup fields' setters, with the database password kept out of the address.
#include "ui/station/stationworkspace.h"

#include "core/common/redactor.h"

#include "ui/station/recipeeditor.h"
#include "ui/station/stationrecordspanel.h"
#include "ui/station/stationtile.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace Forgeline::Ui {

using namespace Station;

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
    m_autoStart->setToolTip(
        tr("Watch the serial ports and run the recipe on every board plugged in"));
    top->addWidget(new QLabel(tr("Operator:"), this));
    top->addWidget(m_operator, 1);
    top->addWidget(m_start);
    top->addWidget(m_stop);
    m_watchPattern = new QLineEdit(this);
    m_watchPattern->setPlaceholderText(tr("any serial port"));
    m_watchPattern->setToolTip(
        tr("Only ports whose path matches start by themselves, for example\n"
           "/dev/serial/by-id/usb-Silicon_Labs* (the line's USB bridges, not the PC's own ports)"));
    m_watchPattern->setClearButtonEnabled(true);
    top->addWidget(m_autoStart);
    top->addWidget(m_watchPattern, 1);
    auto *virtualBoards = new QPushButton(tr("Virtual boards"), this);
    virtualBoards->setToolTip(
        tr("Try the station on four simulated boards in this window (no hardware)"));
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

    m_recordsPanel = new StationRecordsPanel(splitter);
    connect(m_recordsPanel, &StationRecordsPanel::exportRequested, this,
            &StationWorkspace::exportRecords);
    splitter->addWidget(m_recordsPanel);
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
    connect(m_recordsPanel, &StationRecordsPanel::filterChanged, this,
            &StationWorkspace::refreshRecords);
    connect(m_autoStart, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            m_watcher.start(); // the ports present now are the baseline: only new ones start
            rememberSettings();
        } else
            m_watcher.stop();
    });
    connect(m_watchPattern, &QLineEdit::editingFinished, this,
            [this] { m_watcher.setPattern(m_watchPattern->text()); });
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
void StationWorkspace::setPorts(const QStringList &ports)
{
    m_ports->setText(ports.join(QLatin1Char(',')));
}
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
        || !(url.scheme() == QStringLiteral("postgresql")
             || url.scheme() == QStringLiteral("postgres")))
        return text;
    url.setPassword(m_dbPassword->text());
    return url.toString();
}

} // namespace Forgeline::Ui
