// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/monitorworkspace.h"

#include "core/monitor/serialmonitor.h"
#include "ui/monitor/monitorlogmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMutexLocker>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSerialPortInfo>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace Forgeline::Ui {

namespace {

constexpr int FlushIntervalMs = 50;
constexpr int MaxPendingLines = 200'000; // while paused: the newest are kept
constexpr int CodesShown = 8;

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

    m_findings = new QLabel(this);
    m_findings->setObjectName(QStringLiteral("findingsStrip"));
    m_findings->setWordWrap(true);
    m_findings->setTextFormat(Qt::RichText);
    m_findings->setMargin(8);
    m_findings->setVisible(false);
    connect(m_findings, &QLabel::linkActivated, this, [this](const QString &link) {
        Q_EMIT decodeRequested(link.section(QLatin1Char(':'), 1));
    });
    layout->addWidget(m_findings);
    m_serverReport = new QLabel(this);
    m_serverReport->setObjectName(QStringLiteral("monitorServerReport"));
    m_serverReport->setWordWrap(true);
    m_serverReport->setVisible(false);
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

MonitorWorkspace::~MonitorWorkspace()
{
    stop();
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

void MonitorWorkspace::setPort(const QString &port)
{
    const int known = m_port->findData(port);
    if (known >= 0)
        m_port->setCurrentIndex(known);
    else
        m_port->setCurrentText(port);
}

void MonitorWorkspace::offerPort(const QString &label, const QString &address)
{
    const bool userChose = m_port->currentIndex() > 0
                           || m_port->currentText() != m_port->itemText(m_port->currentIndex());
    // Only offered entries carry data: the board's previous address goes.
    for (int i = m_port->count() - 1; i >= 0; --i)
        if (!m_port->itemData(i).toString().isEmpty())
            m_port->removeItem(i);
    m_port->insertItem(0, label, address);
    if (!userChose || m_port->count() == 1)
        m_port->setCurrentIndex(0);
}

QString MonitorWorkspace::port() const
{
    // A named entry stands for its address; anything typed is taken as written.
    const int i = m_port->currentIndex();
    if (i >= 0 && m_port->currentText() == m_port->itemText(i)
        && !m_port->itemData(i).toString().isEmpty())
        return m_port->itemData(i).toString();
    return m_port->currentText().trimmed();
}

void MonitorWorkspace::setBaud(int baud) { m_baud->setCurrentText(QString::number(baud)); }

void MonitorWorkspace::setResetIntoFirmware(bool on) { m_reset->setChecked(on); }

void MonitorWorkspace::showServerReport(bool ok, const QString &text)
{
    m_serverReport->setText(tr("Server side: %1").arg(text));
    m_serverReport->setStyleSheet(ok ? QStringLiteral("QLabel { color: #1b5e20; }")
                                     : QStringLiteral("QLabel { color: #8e1c1c; }"));
    m_serverReport->setVisible(true);
}

void MonitorWorkspace::start()
{
    if (m_monitor || port().isEmpty())
        return;
    Monitor::MonitorOptions options;
    options.port = port();
    options.baud = m_baud->currentText().toInt();
    if (options.baud <= 0)
        options.baud = 115200;
    options.reset = m_reset->isChecked();
    options.tailLines = 1000;
    options.successPattern.setPattern(QStringLiteral("MQTT_EVENT_CONNECTED"));
    if (!m_thread) {
        m_thread = new QThread(this);
        m_thread->setObjectName(QStringLiteral("monitor"));
        m_thread->start();
    }
    auto *monitor = new Monitor::SerialMonitor(options);
    monitor->moveToThread(m_thread);
    m_monitor = monitor;
    // Events wait in the inbox on the monitor's thread and the GUI takes them in one batch per
    // tick: one queued call per line would flood the event loop (a second-long stall at
    // 2 Mbaud, measured by bench_gui_monitorscroll).
    connect(
        monitor, &Monitor::SerialMonitor::monitorEvent, monitor,
        [inbox = m_inbox](const Monitor::MonitorEvent &e) {
            QMutexLocker lock(&inbox->mutex);
            inbox->events.append(e);
        },
        Qt::DirectConnection);
    connect(monitor, &Monitor::SerialMonitor::finished, monitor, &QObject::deleteLater);
    connect(monitor, &QObject::destroyed, this, [this] { updateButtons(); });
    QMetaObject::invokeMethod(monitor, &Monitor::SerialMonitor::start, Qt::QueuedConnection);
    m_flush->start();
    m_state->setText(tr("Opening %1…").arg(options.port));
    updateButtons();
}

void MonitorWorkspace::stop()
{
    if (!m_monitor)
        return;
    Monitor::SerialMonitor *monitor = m_monitor;
    m_monitor = nullptr;
    // Stopped on its own thread; it deletes itself when finished.
    QMetaObject::invokeMethod(
        monitor, [monitor] { monitor->stop(); }, Qt::BlockingQueuedConnection);
    drainInbox();
    updateButtons();
}

void MonitorWorkspace::onEvent(const Monitor::MonitorEvent &event)
{
    if (const auto *line = std::get_if<Monitor::LineEvent>(&event)) {
        m_pending.append(*line);
        if (m_pending.size()
            > MaxPendingLines + MaxPendingLines / 10) // in chunks: removal is linear
            m_pending.remove(0, m_pending.size() - MaxPendingLines);
    } else if (const auto *code = std::get_if<Monitor::CodeEvent>(&event)) {
        const QString link
            = QStringLiteral("<a href=\"decode:%1\">%1</a> %2")
                  .arg(code->code.isEmpty() ? code->name : code->code, code->name.toHtmlEscaped());
        m_recentCodes.removeAll(link);
        m_recentCodes.prepend(link);
        while (m_recentCodes.size() > CodesShown)
            m_recentCodes.removeLast();
        m_codesChanged = true;
    } else if (const auto *hs = std::get_if<Monitor::HandshakeResultEvent>(&event)) {
        // Shown once per drain: a log with thousands of handshakes a second would otherwise
        // restyle the strip thousands of times (the stall bench_gui_monitorscroll measured).
        m_lastHandshake = *hs;
        m_handshakeChanged = true;
        Q_EMIT handshakeSeen(hs->ok);
    } else if (const auto *status = std::get_if<Monitor::StatusEvent>(&event)) {
        m_state->setText(status->message);
        Q_EMIT statusMessage(status->message);
    } else if (const auto *end = std::get_if<Monitor::EndEvent>(&event)) {
        m_state->setText(end->message.isEmpty() ? tr("Stopped.") : end->message);
        m_monitor = nullptr;
        showChanges();
        flushPending();
        updateButtons();
    }
}

void MonitorWorkspace::drainInbox()
{
    QList<Monitor::MonitorEvent> events;
    {
        QMutexLocker lock(&m_inbox->mutex);
        events.swap(m_inbox->events);
    }
    for (const Monitor::MonitorEvent &e : std::as_const(events))
        onEvent(e);
    showChanges();
    flushPending();
}

void MonitorWorkspace::showChanges()
{
    if (m_codesChanged) {
        m_codesChanged = false;
        m_codes->setText(
            tr("Codes seen: %1").arg(m_recentCodes.join(QStringLiteral(" &nbsp;·&nbsp; "))));
        m_codes->setVisible(true);
    }
    if (m_handshakeChanged && m_lastHandshake) {
        m_handshakeChanged = false;
        showHandshake(*m_lastHandshake);
    }
}

void MonitorWorkspace::flushPending()
{
    if (m_paused || m_pending.isEmpty())
        return;
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    m_model->append(m_pending);
    m_pending.clear();
    if (atBottom)
        m_view->scrollToBottom();
}

void MonitorWorkspace::showHandshake(const Monitor::HandshakeResultEvent &e)
{
    QString html;
    const bool restyle = m_findingsOk != std::optional<bool>(e.ok);
    m_findingsOk = e.ok;
    if (e.ok) {
        html = tr("<b>TLS handshake succeeded</b> (lines %1–%2).").arg(e.firstLine).arg(e.lastLine);
        if (restyle)
            m_findings->setStyleSheet(
                QStringLiteral("QLabel { background: #e3f4e1; color: #1b5e20; border: 1px solid "
                               "#66bb6a; border-radius: 4px; }"));
    } else {
        html = tr("<b>TLS handshake failed</b> (lines %1–%2)").arg(e.firstLine).arg(e.lastLine);
        if (e.finalError)
            html += QStringLiteral(": <a href=\"decode:%1\">%1</a> %2")
                        .arg(Tls::formatCode(e.finalError->code),
                             e.finalError->name.toHtmlEscaped());
        if (!e.diagnoses.isEmpty()) {
            const Tls::Diagnosis &d = e.diagnoses.first();
            html += QStringLiteral("<br><b>%1</b> <code>%2</code> — %3")
                        .arg(d.title.toHtmlEscaped(), d.id, d.explanation.toHtmlEscaped());
            if (!d.fixes.isEmpty())
                html
                    += QStringLiteral("<br>%1 %2").arg(tr("Fix:"), d.fixes.first().toHtmlEscaped());
        }
        if (restyle)
            m_findings->setStyleSheet(
                QStringLiteral("QLabel { background: #fdecea; color: #8e1c1c; border: 1px solid "
                               "#e57373; border-radius: 4px; }"));
    }
    m_findings->setText(html);
    m_findings->setVisible(true);
}

void MonitorWorkspace::setPaused(bool paused)
{
    m_paused = paused;
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused)
        flushPending();
}

void MonitorWorkspace::clear()
{
    m_model->clear();
    m_pending.clear();
    m_findings->setVisible(false);
    m_codes->setVisible(false);
    m_recentCodes.clear();
    m_lastHandshake.reset();
    m_handshakeChanged = false;
}

void MonitorWorkspace::setFilter(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
    QAbstractItemModel *wanted
        = text.isEmpty() ? static_cast<QAbstractItemModel *>(m_model) : m_proxy;
    if (m_view->model() != wanted) {
        m_view->setModel(wanted);
        m_view->scrollToBottom();
    }
}

void MonitorWorkspace::sendLine(const QString &text)
{
    if (!m_monitor || text.isEmpty())
        return;
    QMetaObject::invokeMethod(
        m_monitor,
        [m = m_monitor, text] {
            if (m)
                m->sendLine(text);
        },
        Qt::QueuedConnection);
}

QString MonitorWorkspace::writeCapture(bool lastConnectionOnly) const
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    const QString path = QDir(dir).filePath(
        QStringLiteral("forgeline-monitor-%1.log")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss-zzz"))));
    const qint64 from = lastConnectionOnly && m_lastHandshake ? m_lastHandshake->firstLine : 0;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    for (const QString &line : m_model->texts(from)) {
        f.write(line.toUtf8());
        f.write("\n");
    }
    return f.commit() ? path : QString();
}

void MonitorWorkspace::diagnoseThis()
{
    flushPending();
    const QString path = writeCapture(m_lastHandshake && !m_lastHandshake->ok);
    if (!path.isEmpty())
        Q_EMIT diagnoseRequested(path, QString());
}

void MonitorWorkspace::compareWithWorking(const QString &workingCapture)
{
    QString working = workingCapture;
    if (working.isEmpty())
        working = QFileDialog::getOpenFileName(this, tr("A capture of a board that connects"), {},
                                               tr("Logs (*.log *.txt *.gz);;All files (*)"));
    if (working.isEmpty())
        return;
    flushPending();
    const QString path = writeCapture(m_lastHandshake && !m_lastHandshake->ok);
    if (!path.isEmpty())
        Q_EMIT diagnoseRequested(path, working);
}

void MonitorWorkspace::saveTo(const QString &target)
{
    QString path = target;
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Save the log"), QStringLiteral("board.log"),
                                            tr("Logs (*.log)"));
    if (path.isEmpty())
        return;
    flushPending();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return;
    for (const QString &line : m_model->texts()) {
        f.write(line.toUtf8());
        f.write("\n");
    }
    if (f.commit())
        Q_EMIT statusMessage(
            tr("Saved %1 lines to %2 (secrets removed).").arg(m_model->rowCount()).arg(path));
}

void MonitorWorkspace::updateButtons()
{
    const bool running = m_monitor != nullptr;
    m_startStop->setText(running ? tr("Stop") : tr("Start"));
    m_port->setEnabled(!running);
    m_baud->setEnabled(!running);
    m_reset->setEnabled(!running);
}

} // namespace Forgeline::Ui
