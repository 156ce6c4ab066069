// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Forgeline::Flasher {

struct PortEntry
{
    QString name;        // what to pass to --port: "/dev/ttyUSB0", "COM5"
    QString description; // driver's description
    QString label;       // "Silicon Labs CP210x" etc. from the VID/PID table
    quint16 vid = 0;
    quint16 pid = 0;
    bool hasUsbIds = false;
    bool usbJtag = false; // Espressif USB-Serial/JTAG: use its own reset
    QString serialNumber;
};

// Serial ports on this machine, USB-serial bridges ESP boards use first.
QList<PortEntry> discoverPorts();
// Whether `port` is Espressif's USB-Serial/JTAG (reset strategy choice).
bool isUsbJtagPort(const QString &port);

} // namespace Forgeline::Flasher
