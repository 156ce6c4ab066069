// SPDX-License-Identifier: GPL-3.0-or-later
// The Monitor workspace's feed: the SerialMonitor on its thread, its events taken from the
// inbox in batches, the log's pause, filter and clear, and lines sent to the board.
#include "ui/monitor/monitorworkspace.h"

#include "core/monitor/serialmonitor.h"
#include "ui/monitor/monitorlogmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMutexLocker>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QThread>
#include <QTimer>

namespace Forgeline::Ui {

namespace {

constexpr int MaxPendingLines = 200'000; // while paused: the newest are kept
constexpr int CodesShown = 8;

} // namespace

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

void MonitorWorkspace::updateButtons()
{
    const bool running = m_monitor != nullptr;
    m_startStop->setText(running ? tr("Stop") : tr("Start"));
    m_port->setEnabled(!running);
    m_baud->setEnabled(!running);
    m_reset->setEnabled(!running);
}

} // namespace Forgeline::Ui
