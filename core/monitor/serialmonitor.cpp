// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/monitor/serialmonitor.h"

#include "core/flasher/resetstrategy.h"
#include "core/flasher/romprotocol.h"
#include "core/flasher/seriallink.h"
#include "core/flasher/slip.h"
#include "core/tls/logline.h"

#include <QFileInfo>
#include <QTimer>

namespace Forgeline::Monitor {

namespace {

constexpr int NoiseLinesBeforeWarning = 4;

char levelLetter(QByteArrayView line)
{
    // "I (1234) tag: ..." — the ESP_LOG prefix; other tasks' output may come first.
    if (line.size() >= 4 && line[1] == ' ' && line[2] == '(') {
        const char c = line[0];
        if (c == 'E' || c == 'W' || c == 'I' || c == 'D' || c == 'V')
            return c;
    }
    return 0;
}

} // namespace

SerialMonitor::SerialMonitor(MonitorOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)),
      m_splitter([this](qint64 n, QByteArrayView line, bool cut) { onLine(n, line, cut); }),
      m_watcher(m_options.capturePath.isEmpty() ? m_options.port : m_options.capturePath)
{
    m_watcher.setSuccessPattern(m_options.successPattern);
    m_reset = new Flasher::ResetRunner(this);
    m_idle = new QTimer(this);
    m_idle->setSingleShot(true);
    connect(m_idle, &QTimer::timeout, this, [this] {
        publish(m_watcher.idle());
        if (m_capture.isOpen() && !m_capture.flush())
            captureFailed();
    });
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &SerialMonitor::openLink);
    // Not every driver reports an unplugged port as an error on the open descriptor (a pty
    // whose other end closed reads EOF); the device node going away is the sure sign.
    m_presence = new QTimer(this);
    connect(m_presence, &QTimer::timeout, this, [this] {
        if (m_running && !m_lost && m_everOpened && !QFileInfo::exists(m_options.port))
            onFailed(Error::make(
                QStringLiteral("serial.lost"),
                tr("%1 went away (cable unplugged or board lost power).").arg(m_options.port)));
    });
}

SerialMonitor::~SerialMonitor()
{
    if (m_capture.isOpen())
        m_capture.close();
}

void SerialMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    if (!m_options.capturePath.isEmpty()) {
        m_capture.setFileName(m_options.capturePath);
        if (!m_capture.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            stop(QStringLiteral("error"), tr("Cannot write the capture to %1: %2")
                                              .arg(m_options.capturePath, m_capture.errorString()));
            return;
        }
    }
    openLink();
}

void SerialMonitor::openLink()
{
    if (!m_running)
        return;
    // A USB port that re-enumerates is absent for a while; do not hammer open() meanwhile.
    if (m_lost && !Flasher::SerialLink::isSocketAddress(m_options.port)
        && !QFileInfo::exists(m_options.port)) {
        scheduleReconnect();
        return;
    }
    if (m_link)
        m_link->deleteLater();
    m_link = new Flasher::SerialLink(this);
    connect(m_link, &Flasher::SerialLink::opened, this, &SerialMonitor::onOpened);
    connect(m_link, &Flasher::SerialLink::failed, this, &SerialMonitor::onFailed);
    connect(m_link, &Flasher::SerialLink::dataReceived, this, &SerialMonitor::onData);
    m_link->open(m_options.port, m_options.baud);
}

void SerialMonitor::onOpened()
{
    if (m_lost) {
        m_lost = false;
        status(QStringLiteral("reopened"), tr("%1 is back.").arg(m_options.port));
    } else {
        status(QStringLiteral("opened"),
               tr("Watching %1 at %2 baud.").arg(m_options.port).arg(m_options.baud));
    }
    m_everOpened = true;
    if (!Flasher::SerialLink::isSocketAddress(m_options.port))
        m_presence->start(qMax(100, m_options.reconnectIntervalMs));
    if (m_options.reset && !m_resetDone)
        resetBoard();
}

void SerialMonitor::resetBoard()
{
    m_resetDone = true;
    if (m_link->hasModemLines()) {
        // EN low with GPIO0 released: the board restarts into its firmware, not the ROM loader.
        m_reset->run(m_link, Flasher::hardResetSequence(), [this] {
            status(QStringLiteral("reset"), tr("Board reset into its firmware (RTS)."));
        });
        return;
    }
    // No RTS to pulse: the ROM loader's own reboot (FLASH_BEGIN 0 bytes, FLASH_END "reboot"),
    // what the flasher does on such links. A board already running its firmware ignores it.
    QByteArray begin;
    for (quint32 w : {0u, 0u, quint32(Flasher::Rom::FlashWriteSize), 0u})
        Flasher::appendU32(begin, w);
    QByteArray end;
    Flasher::appendU32(end, 0);
    m_link->write(Flasher::Slip::encode(Flasher::encodeCommand(Flasher::Op::FlashBegin, begin)));
    m_link->write(Flasher::Slip::encode(Flasher::encodeCommand(Flasher::Op::FlashEnd, end)));
    status(
        QStringLiteral("no-reset"),
        tr("%1 has no modem lines: sent the ROM loader's reboot command instead of an RTS reset.")
            .arg(m_options.port));
}

void SerialMonitor::onFailed(const Error &error)
{
    if (!m_running)
        return;
    m_splitter.flush();
    if (!m_everOpened && !m_lost) {
        stop(QStringLiteral("error"), error.message);
        return;
    }
    if (!m_lost) {
        m_lost = true;
        m_presence->stop();
        if (m_link) {
            m_link->close();
            m_link->deleteLater();
        }
        status(QStringLiteral("lost"), error.message);
    }
    if (!m_options.reconnect) {
        stop(QStringLiteral("port-lost"), error.message);
        return;
    }
    scheduleReconnect();
}

void SerialMonitor::scheduleReconnect()
{
    if (m_running)
        m_retry->start(m_options.reconnectIntervalMs);
}

void SerialMonitor::onData(const QByteArray &bytes)
{
    m_bytes += bytes.size();
    m_splitter.push(bytes);
    m_idle->start(m_options.idleMs);
}

void SerialMonitor::onLine(qint64 number, QByteArrayView raw, bool cut)
{
    if (!m_running || m_stopping)
        return;
    const QByteArrayView cleaned = Tls::cleanLogLine(raw, m_scratch);
    LineEvent line;
    line.number = number;
    line.cut = cut;
    line.noise = noiseRatio(raw) > 0.3;
    line.level = line.noise ? 0 : levelLetter(cleaned);
    line.text = m_redactor.redact(QString::fromUtf8(cleaned));
    if (m_capture.isOpen() && !cut) {
        const QByteArray bytes = line.text.toUtf8() + '\n';
        if (m_capture.write(bytes) != bytes.size())
            captureFailed();
        else
            m_captureBytes += bytes.size();
    }
    m_tail.push_back(line);
    while (int(m_tail.size()) > m_options.tailLines)
        m_tail.pop_front();

    if (line.noise) {
        if (++m_noiseRun >= NoiseLinesBeforeWarning && !m_noiseReported) {
            m_noiseReported = true;
            Q_EMIT monitorEvent(line);
            status(QStringLiteral("noise"),
                   tr("The output is mostly not text: is %1 baud the firmware's console rate?")
                       .arg(m_options.baud));
            return;
        }
    } else if (!cleaned.isEmpty()) {
        m_noiseRun = 0;
        m_noiseReported = false;
    }
    Q_EMIT monitorEvent(line);
    if (!line.noise && !cut)
        publish(m_watcher.addLine(number, cleaned));
}

void SerialMonitor::publish(QList<MonitorEvent> events)
{
    for (const MonitorEvent &e : events) {
        if (!m_running)
            return;
        // A handler stopping the monitor (--until-handshake) ends the list here.
        Q_EMIT monitorEvent(e);
    }
}

void SerialMonitor::captureFailed()
{
    // A full disk ends the capture, not the watch: the board's log still matters more than the
    // file, and the tail still holds the newest lines.
    // Not only a full disk: a file system's largest file (FAT32: 4 GiB) or a file size limit
    // ends a long capture the same way, so the status says how far it got.
    const QString why = m_capture.errorString();
    m_capture.close();
    status(QStringLiteral("capture-failed"),
           tr("Stopped writing the capture to %1 after %2 MB: %3 (the disk is full, or the file "
              "is as large as its file system or your limits allow). Still watching; the "
              "newest %4 lines stay in memory.")
               .arg(m_options.capturePath)
               .arg(double(m_captureBytes) / 1e6, 0, 'f', 1)
               .arg(why)
               .arg(m_options.tailLines));
}

void SerialMonitor::status(const QString &kind, const QString &message)
{
    Q_EMIT monitorEvent(StatusEvent{kind, message});
}

void SerialMonitor::sendLine(const QString &text)
{
    if (!m_link || !m_link->isOpen())
        return;
    QByteArray bytes = text.toUtf8();
    if (!bytes.endsWith('\n'))
        bytes.append('\n');
    m_link->write(bytes);
}

void SerialMonitor::stop(const QString &reason, const QString &message)
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true; // handlers of the last events may call stop() again
    m_splitter.flush();
    publish(m_watcher.finish());
    m_running = false;
    m_stopping = false;
    m_idle->stop();
    m_retry->stop();
    m_presence->stop();
    m_reset->stop();
    if (m_link) {
        m_link->close();
        m_link->deleteLater();
    }
    if (m_capture.isOpen())
        m_capture.close();
    Q_EMIT monitorEvent(EndEvent{reason, message});
    Q_EMIT finished(reason);
}

} // namespace Forgeline::Monitor
