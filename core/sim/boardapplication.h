// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>

namespace Forgeline::Sim {

// The firmware a virtual board runs after a reset into its application. The serial server
// hands it the flash contents at boot and carries its console output; implementations
// (the MQTT-over-TLS client in core/simfirmware) live outside the core library so only the
// programs that run them (forgeline-sim, the GUI's in-process boards through
// virtualfirmware.h, the tests) link the TLS library they use.
class BoardApplication : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Boots from `flash` (the whole chip) as after a reset.
    virtual void boot(const QByteArray &flash) = 0;
    // Power off or a reset back into the ROM loader: everything stops, nothing more is printed.
    virtual void halt() = 0;
    virtual bool running() const = 0;
    // Bytes typed on the console.
    virtual void consoleInput(const QByteArray &bytes) { Q_UNUSED(bytes); }

Q_SIGNALS:
    void consoleOutput(const QByteArray &bytes);
};

} // namespace Forgeline::Sim
