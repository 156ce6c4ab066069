// SPDX-License-Identifier: GPL-3.0-or-later
// The recipe's `connect` step: the board, freshly flashed and provisioned, is reset into its
// firmware and watched until the application says it is connected, or a TLS handshake fails.
// A failure carries the diagnosis id into the board's record, so the records can be
// filtered by cause ("12 boards failed with tx-buffer-too-small").
#include "core/monitor/serialmonitor.h"
#include "core/station/boardrun.h"
#include "core/tls/handshaketrace.h"

#include <QTimer>

namespace Forgeline::Station {

void BoardRun::stopConnectMonitor()
{
    if (!m_connectMonitor)
        return;
    Monitor::SerialMonitor *monitor = m_connectMonitor;
    m_connectMonitor = nullptr;
    monitor->disconnect(this);
    monitor->stop();
    monitor->deleteLater();
}

void BoardRun::doConnect()
{
    const ConnectSettings settings = *m_recipe.connect;
    // The loader session holds the port; the firmware's console needs it now.
    dropSession();
    m_record.diagnosisId.clear(); // a retry that connects must not keep the previous cause

    Monitor::MonitorOptions options;
    options.port = m_port;
    options.baud = settings.baud;
    options.reset = true;
    options.reconnect = true; // native-USB boards re-enumerate on reset
    options.tailLines = 200;
    options.successPattern.setPattern(settings.success);
    auto *monitor = new Monitor::SerialMonitor(options, this);
    m_connectMonitor = monitor;
    const QRegularExpression success(settings.success);

    auto *deadline = new QTimer(monitor);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, settings] {
        stopConnectMonitor();
        stepFailed(Error::make(QStringLiteral("connect.timeout"),
                               tr("The board did not print \"%1\" within %2 s.")
                                   .arg(settings.success)
                                   .arg(settings.timeoutMs / 1000.0),
                               {},
                               tr("Check the board's log in the Monitor workspace; is the server "
                                  "reachable from the line?")));
    });
    connect(monitor, &Monitor::SerialMonitor::monitorEvent, this,
            [this, success](const Monitor::MonitorEvent &event) {
                if (const auto *line = std::get_if<Monitor::LineEvent>(&event)) {
                    if (!line->noise && success.match(line->text).hasMatch()) {
                        addLog(tr("connected: %1").arg(line->text));
                        stopConnectMonitor();
                        nextStep();
                    }
                } else if (const auto *hs = std::get_if<Monitor::HandshakeResultEvent>(&event);
                           hs && !hs->ok) {
                    const QString id = hs->topDiagnosisId();
                    const QString code
                        = hs->finalError ? Tls::formatCode(hs->finalError->code) : QString();
                    const QString name = hs->finalError ? hs->finalError->name : QString();
                    m_record.diagnosisId = id;
                    QStringList fixes;
                    if (!hs->diagnoses.isEmpty())
                        fixes = hs->diagnoses.first().fixes;
                    stopConnectMonitor();
                    stepFailed(
                        Error::make(QStringLiteral("connect.tls"),
                                    tr("The board's TLS handshake failed: %1 %2 (%3).")
                                        .arg(code, name, id.isEmpty() ? tr("no diagnosis") : id),
                                    tr("log lines %1-%2").arg(hs->firstLine).arg(hs->lastLine),
                                    fixes.value(0)));
                } else if (const auto *end = std::get_if<Monitor::EndEvent>(&event);
                           end && end->reason == QLatin1String("error")) {
                    stopConnectMonitor();
                    stepFailed(Error::make(QStringLiteral("connect.port"), end->message));
                }
            });
    deadline->start(settings.timeoutMs);
    monitor->start();
}

} // namespace Forgeline::Station
