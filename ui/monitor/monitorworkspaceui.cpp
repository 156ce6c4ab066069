// SPDX-License-Identifier: GPL-3.0-or-later
// The Monitor workspace's widgets and their wiring: the port row, the findings and server
// banners, the codes seen, the log table and its tools, and the send row.
#include "ui/monitor/monitorworkspace.h"

#include "ui/common/statusbanner.h"
#include "ui/monitor/monitorlogmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSerialPortInfo>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Forgeline::Ui {

namespace {

constexpr int FlushIntervalMs = 50;

} // namespace

MonitorWorkspace::MonitorWorkspace(QWidget *parent) : QWidget(parent)
{
    qRegisterMetaType<Monitor::MonitorEvent>();
    setObjectName(QStringLiteral("monitorWorkspace"));
    auto *layout = new QVBoxLayout(this);

    auto *portRow = new QHBoxLayout;
    m_port = new QComboBox(this);
    m_port->setObjectName(QStringLiteral("monitorPort"));
    m_port->setEditable(true);
    m_port->setMinimumWidth(260);
    for (const QSerialPortInfo &info : QSerialPortInfo::availablePorts())
        m_port->addItem(info.systemLocation());
    m_port->setToolTip(tr("A serial port, a pseudo-terminal or socket://HOST:PORT."));
    m_baud = new QComboBox(this);
    m_baud->setObjectName(QStringLiteral("monitorBaud"));
    m_baud->setEditable(true);
    for (int b : {115200, 74880, 230400, 460800, 921600, 2000000})
        m_baud->addItem(QString::number(b));
    m_reset = new QCheckBox(tr("Reset into firmware"), this);
    m_reset->setObjectName(QStringLiteral("monitorReset"));
    m_reset->setToolTip(tr("Pulse RTS (or send the ROM's reboot command where there are no modem "
                           "lines) after opening."));
    m_startStop = new QPushButton(tr("Start"), this);
    m_startStop->setObjectName(QStringLiteral("monitorStartStop"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("monitorState"));
    portRow->addWidget(new QLabel(tr("Port:"), this));
    portRow->addWidget(m_port, 1);
    portRow->addWidget(new QLabel(tr("Baud:"), this));
    portRow->addWidget(m_baud);
    portRow->addWidget(m_reset);
    portRow->addWidget(m_startStop);
    layout->addLayout(portRow);
    layout->addWidget(m_state);

    m_findings = new StatusBanner(this);
    m_findings->setObjectName(QStringLiteral("findingsStrip"));
    connect(m_findings, &QLabel::linkActivated, this, [this](const QString &link) {
        Q_EMIT decodeRequested(link.section(QLatin1Char(':'), 1));
    });
    layout->addWidget(m_findings);
    m_serverReport = new StatusBanner(this);
    m_serverReport->setObjectName(QStringLiteral("monitorServerReport"));
    layout->addWidget(m_serverReport);

    m_codes = new QLabel(this);
    m_codes->setObjectName(QStringLiteral("decodedCodes"));
    m_codes->setTextFormat(Qt::RichText);
    m_codes->setWordWrap(true);
    m_codes->setVisible(false);
    connect(m_codes, &QLabel::linkActivated, this, [this](const QString &link) {
        Q_EMIT decodeRequested(link.section(QLatin1Char(':'), 1));
    });
    layout->addWidget(m_codes);

    m_model = new MonitorLogModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // A table, not a list: QListView lays out every row again on each append (a pass over a
    // million rows per tick); a table with fixed-height rows only updates its header's count.
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("monitorLog"));
    m_view->setAccessibleName(tr("Board log"));
    // The proxy only while a filter is set: unfiltered, every batch of lines would cost the
    // proxy a pass over all rows it maps (a growing stall at a million lines).
    m_view->setModel(m_model);
    m_view->horizontalHeader()->hide();
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_view->setFont(mono);
    m_view->verticalHeader()->setDefaultSectionSize(QFontMetrics(mono).height() + 2);
    layout->addWidget(m_view, 1);

    auto *tools = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("monitorFilter"));
    m_filter->setPlaceholderText(tr("Filter lines…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &MonitorWorkspace::setFilter);
    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setObjectName(QStringLiteral("monitorPause"));
    m_pause->setCheckable(true);
    connect(m_pause, &QPushButton::toggled, this, &MonitorWorkspace::setPaused);
    auto *clearButton = new QPushButton(tr("Clear"), this);
    connect(clearButton, &QPushButton::clicked, this, &MonitorWorkspace::clear);
    auto *save = new QPushButton(tr("Save…"), this);
    save->setToolTip(tr("Save the log; keys, passphrases and PoPs are already removed."));
    connect(save, &QPushButton::clicked, this, [this] { saveTo(); });
    auto *diagnose = new QPushButton(tr("Diagnose this"), this);
    diagnose->setObjectName(QStringLiteral("monitorDiagnose"));
    diagnose->setToolTip(tr("Open the last TLS connection (or the whole log) in Diagnose."));
    connect(diagnose, &QPushButton::clicked, this, &MonitorWorkspace::diagnoseThis);
    auto *compare = new QPushButton(tr("Compare with working…"), this);
    compare->setObjectName(QStringLiteral("monitorCompare"));
    connect(compare, &QPushButton::clicked, this, [this] { compareWithWorking(); });
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_pause);
    tools->addWidget(clearButton);
    tools->addWidget(save);
    tools->addWidget(diagnose);
    tools->addWidget(compare);
    layout->addLayout(tools);

    auto *sendRow = new QHBoxLayout;
    m_send = new QLineEdit(this);
    m_send->setObjectName(QStringLiteral("monitorSend"));
    m_send->setPlaceholderText(tr("Send a line to the board…"));
    auto *sendButton = new QPushButton(tr("Send"), this);
    auto send = [this] {
        sendLine(m_send->text());
        m_send->clear();
    };
    connect(m_send, &QLineEdit::returnPressed, this, send);
    connect(sendButton, &QPushButton::clicked, this, send);
    sendRow->addWidget(m_send, 1);
    sendRow->addWidget(sendButton);
    layout->addLayout(sendRow);

    connect(m_startStop, &QPushButton::clicked, this, [this] { isRunning() ? stop() : start(); });
    m_flush = new QTimer(this);
    m_flush->setInterval(FlushIntervalMs);
    connect(m_flush, &QTimer::timeout, this, &MonitorWorkspace::drainInbox);
    updateButtons();
}

} // namespace Forgeline::Ui
