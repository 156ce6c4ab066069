// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/simfirmware/mqttfirmware.h"

#include "core/sim/devicecredentials.h"

#include <QMetaObject>
#include <QTimer>

namespace Forgeline::SimFirmware {

namespace {

// CONFIG_LOG_COLORS: ESP-IDF's LOG_COLOR_E/W/I (31 red, 33 yellow, 32 green); D and V plain.
QByteArray colourFor(char level)
{
    switch (level) {
    case 'E': return QByteArrayLiteral("\033[0;31m");
    case 'W': return QByteArrayLiteral("\033[0;33m");
    case 'I': return QByteArrayLiteral("\033[0;32m");
    default: return {};
    }
}

int levelRank(char level)
{
    switch (level) {
    case 'E': return 1;
    case 'W': return 2;
    case 'I': return 3;
    case 'D': return 4;
    default: return 5;
    }
}

} // namespace

MqttFirmware::MqttFirmware(Sim::FirmwareProfile profile, QString chip, QObject *parent)
    : BoardApplication(parent), m_profile(std::move(profile)), m_chip(std::move(chip))
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
}

MqttFirmware::~MqttFirmware() { halt(); }

void MqttFirmware::printNow(char level, const QByteArray &tag, const QByteArray &text)
{
    if (levelRank(level) > levelRank(m_profile.logLevel) && tag != "mbedtls")
        return;
    const QByteArray colour = m_profile.colours ? colourFor(level) : QByteArray();
    // The Wi-Fi driver logs as "wifi:text", everything else as "tag: text".
    const QByteArray separator = tag.endsWith(':') ? QByteArray() : QByteArrayLiteral(": ");
    QByteArray line = colour + level + " (" + QByteArray::number(m_clock.elapsed()) + ") " + tag
                      + separator + text;
    if (!colour.isEmpty())
        line += "\033[0m";
    line += '\n';
    Q_EMIT consoleOutput(line);
}

void MqttFirmware::print(char level, const char *tag, const QByteArray &text)
{
    printNow(level, QByteArray(tag), text);
}

void MqttFirmware::boot(const QByteArray &flash)
{
    halt();
    m_flash = flash;
    m_running = true;
    m_attempts = 0;
    m_clock.start();
    const int generation = ++m_generation;
    m_timer->disconnect();
    connect(m_timer, &QTimer::timeout, this, [this, generation] {
        if (generation == m_generation)
            bootLog();
    });
    m_timer->start(m_profile.bootDelayMs);
}

void MqttFirmware::bootLog()
{
    // The ROM's line for a reset into SPI flash, then the 2nd stage bootloader and app start.
    Q_EMIT consoleOutput("rst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n");
    print('I', "boot", "ESP-IDF v4.4.8 2nd stage bootloader");
    print('I', "boot", "chip revision: v3.0");
    print('I', "boot", "Partition Table:");
    print('I', "boot", "Loaded app from partition at offset 0x10000");
    print('I', "cpu_start", "Pro cpu up.");
    print('I', "cpu_start", "Pro cpu start user code");
    print('I', "app_init", "Project name:     mqtt_ssl");
    print('I', "app_init", "ESP-IDF:          v4.4.8");
    print('I', "MQTTS_EXAMPLE", "[APP] Startup..");
    print('I', "MQTTS_EXAMPLE", "[APP] IDF version: v4.4.8");
    print('I', "wifi:", "mode : sta");
    const int generation = m_generation;
    m_timer->disconnect();
    connect(m_timer, &QTimer::timeout, this, [this, generation] {
        if (generation == m_generation)
            joinWifi();
    });
    m_timer->start(m_profile.wifiDelayMs);
}

void MqttFirmware::joinWifi()
{
    print('I', "wifi:",
          "connected with " + m_profile.ssid.toUtf8()
              + ", aid = 1, channel 6, BW20, bssid = a4:2b:b0:11:22:33");
    print('I', "esp_netif_handlers",
          "example_connect: sta ip: 192.168.1.50, mask: 255.255.255.0, gw: 192.168.1.1");
    print('I', "example_connect", "Connected to example_connect: sta");
    connectServer();
}

void MqttFirmware::connectServer()
{
    ++m_attempts;
    joinWorker();
    TlsAttempt attempt;
    attempt.host = m_profile.serverHost;
    attempt.port = m_profile.serverPort;
    attempt.hostname = m_profile.hostname;
    attempt.caPem = m_profile.caPem;
    attempt.debugLevel = m_profile.debugLevel;
    attempt.debugLogs = levelRank(m_profile.logLevel) >= levelRank('D');
    attempt.timeoutMs = m_profile.handshakeTimeoutMs;
    const auto credentials = Sim::findDeviceCredentials(m_flash, m_profile.credentials);
    if (!credentials) {
        print('E', "MQTTS_EXAMPLE",
              "Reading the device certificate failed: " + credentials.error().message.toUtf8());
    } else if (m_profile.sendClientCertificate && credentials->present()) {
        attempt.clientCertificate = credentials->certificate;
        attempt.clientKey = credentials->privateKey;
        print('I', "MQTTS_EXAMPLE", "Client certificate from " + credentials->source.toUtf8());
    } else {
        print('W', "MQTTS_EXAMPLE", "No client certificate: connecting without one");
    }
    print('I', "MQTTS_EXAMPLE", "[APP] Free memory: 236512 bytes");
    print('I', "MQTTS_EXAMPLE", "Other event id:7"); // MQTT_EVENT_BEFORE_CONNECT

    auto abort = std::make_shared<std::atomic<bool>>(false);
    m_abort = abort;
    const int generation = m_generation;
    QPointer<MqttFirmware> self(this);
    // The console sink runs on the worker; lines are handed to the event loop in order.
    m_worker = std::thread([self, attempt, abort, generation] {
        const ConsoleSink sink = [&](char level, const char *tag, const QByteArray &text) {
            const QByteArray tagBytes(tag);
            QMetaObject::invokeMethod(
                self.data(),
                [self, level, tagBytes, text, generation] {
                    if (self && self->m_generation == generation)
                        self->printNow(level, tagBytes, text);
                },
                Qt::QueuedConnection);
        };
        const TlsOutcome outcome = runTlsAttempt(attempt, sink, *abort);
        if (abort->load())
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, outcome] {
                if (self)
                    self->attemptFinished(generation, outcome);
            },
            Qt::QueuedConnection);
    });
}

void MqttFirmware::attemptFinished(int generation, const TlsOutcome &o)
{
    if (generation != m_generation || !m_running)
        return;
    if (o.connected) {
        print('I', "MQTTS_EXAMPLE", "MQTT_EVENT_CONNECTED");
        print('I', "MQTTS_EXAMPLE", "sent subscribe successful, msg_id=1");
        return;
    }
    print('E', "esp-tls", "Failed to open new connection");
    print('E', "TRANSPORT_BASE", "Failed to open a new connection");
    print('E', "MQTT_CLIENT", "Error transport connect");
    print('I', "MQTTS_EXAMPLE", "MQTT_EVENT_ERROR");
    print('I', "MQTTS_EXAMPLE",
          "Last error code reported from esp-tls: 0x" + QByteArray::number(o.espTlsCode, 16));
    print('I', "MQTTS_EXAMPLE",
          "Last tls stack error number: 0x" + QByteArray::number(-o.mbedtlsError, 16));
    print('I', "MQTTS_EXAMPLE", "MQTT_EVENT_DISCONNECTED");
    if (m_profile.maxAttempts > 0 && m_attempts >= m_profile.maxAttempts)
        return;
    m_timer->disconnect();
    connect(m_timer, &QTimer::timeout, this, [this, generation] {
        if (generation == m_generation)
            connectServer();
    });
    m_timer->start(m_profile.retryMs);
}

void MqttFirmware::consoleInput(const QByteArray &bytes)
{
    if (!m_running)
        return;
    const QByteArray text = bytes.trimmed();
    if (!text.isEmpty())
        print('I', "console", "received: " + text.left(120));
}

void MqttFirmware::joinWorker()
{
    if (m_worker.joinable())
        m_worker.join();
}

void MqttFirmware::halt()
{
    ++m_generation;
    m_running = false;
    if (m_timer)
        m_timer->stop();
    if (m_abort)
        m_abort->store(true);
    joinWorker();
    m_abort.reset();
}

} // namespace Forgeline::SimFirmware
