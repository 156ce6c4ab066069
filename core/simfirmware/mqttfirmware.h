// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sim/boardapplication.h"
#include "core/sim/boardprofile.h"
#include "core/sim/firmwareprofile.h"
#include "core/simfirmware/tlsattempt.h"

#include <QElapsedTimer>
#include <QPointer>

#include <atomic>
#include <memory>
#include <thread>

class QTimer;

namespace Forgeline::SimFirmware {

// The virtual board's application: an ESP-IDF v4.4 "MQTT over TLS" firmware. On boot it
// prints the second-stage bootloader and app start-up log, joins the Wi-Fi of its profile,
// loads its client certificate and key from its own flash, and connects to its server with
// a real mbedTLS handshake (tlsattempt.h), retrying after a failure as esp-mqtt does. The
// success line is the example's MQTT_EVENT_CONNECTED. Console output is ESP_LOG formatted
// ("I (1234) tag: text", with colours unless the profile turns them off).
class MqttFirmware : public Sim::BoardApplication
{
    Q_OBJECT
public:
    MqttFirmware(Sim::FirmwareProfile profile, QString chip, QObject *parent = nullptr);
    ~MqttFirmware() override;

    void boot(const QByteArray &flash) override;
    void halt() override;
    bool running() const override { return m_running; }
    void consoleInput(const QByteArray &bytes) override;

    int attempts() const { return m_attempts; }

private:
    void print(char level, const char *tag, const QByteArray &text);
    void printNow(char level, const QByteArray &tag, const QByteArray &text);
    void bootLog();
    void joinWifi();
    void connectServer();
    void attemptFinished(int generation, const TlsOutcome &outcome);
    void joinWorker();

    Sim::FirmwareProfile m_profile;
    QString m_chip;
    QByteArray m_flash;
    QElapsedTimer m_clock;
    QTimer *m_timer = nullptr;
    std::thread m_worker;
    std::shared_ptr<std::atomic<bool>> m_abort;
    int m_generation = 0; // output of a halted boot is dropped
    int m_attempts = 0;
    bool m_running = false;
};

} // namespace Forgeline::SimFirmware
