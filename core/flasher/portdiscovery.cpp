// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/portdiscovery.h"

#include "core/flasher/chipdatabase.h"

#include <QCoreApplication>
#include <QSerialPortInfo>

#include <algorithm>

namespace Forgeline::Flasher {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Flasher::PortDiscovery)
};

} // namespace

QList<PortEntry> discoverPorts()
{
    QList<PortEntry> out;
    const auto ports = QSerialPortInfo::availablePorts();
    for (const QSerialPortInfo &info : ports) {
        PortEntry e;
        e.name = info.systemLocation();
        e.description = info.description();
        e.serialNumber = info.serialNumber();
        e.hasUsbIds = info.hasVendorIdentifier() && info.hasProductIdentifier();
        if (e.hasUsbIds) {
            e.vid = info.vendorIdentifier();
            e.pid = info.productIdentifier();
            if (const UsbBridge *b = ChipDatabase::instance().bridge(e.vid, e.pid)) {
                e.label = b->label;
                e.usbJtag = b->usbJtag;
            } else {
                e.label = Tr::tr("USB %1:%2")
                              .arg(e.vid, 4, 16, QLatin1Char('0'))
                              .arg(e.pid, 4, 16, QLatin1Char('0'));
            }
        } else {
            e.label = e.description.isEmpty() ? Tr::tr("serial port") : e.description;
        }
        out.append(e);
    }
    std::stable_sort(out.begin(), out.end(), [](const PortEntry &a, const PortEntry &b) {
        return a.hasUsbIds > b.hasUsbIds;
    });
    return out;
}

bool isUsbJtagPort(const QString &port)
{
    const auto ports = QSerialPortInfo::availablePorts();
    for (const QSerialPortInfo &info : ports) {
        if (info.systemLocation() == port || info.portName() == port)
            return info.hasVendorIdentifier() && info.vendorIdentifier() == 0x303A
                   && info.productIdentifier() == 0x1001;
    }
    return false;
}

} // namespace Forgeline::Flasher
