// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/sim/boardprofile.h"
#include "core/sim/firmwareprofile.h"

#include <QObject>
#include <QString>

#include <functional>

namespace Forgeline::Sim {

class BoardApplication;
class DemoTlsServer;
class RomSerialServer;

// Makes the application firmware for a board. The firmware (core/simfirmware) links mbedTLS,
// which core/sim may not, so whoever links it (forgeline's main(), forgeline-sim, the tests)
// registers it here and the in-process virtual boards find it.
using BoardApplicationFactory = std::function<BoardApplication *(
    const FirmwareProfile &profile, const QString &chip, QObject *parent)>;
void setBoardApplicationFactory(BoardApplicationFactory factory);
bool boardApplicationAvailable();

// The firmware of the GUI's in-process virtual boards and the one TLS server they all connect
// to (started at the first board, on 127.0.0.1). The server trusts the demo pool's CA
// (demopool.h), so a board flashed with a demo pair connects and any other certificate is
// refused; its reports say which, next to what the board's own log says.
class VirtualFirmware : public QObject
{
    Q_OBJECT
public:
    // One per process, owned by the application object.
    static VirtualFirmware *instance();

    // Gives `board` the firmware (booted by a reset into the app, as forgeline-sim does).
    // Without a registered firmware the board stays a ROM loader and this says why.
    Result<void> attach(RomSerialServer &board, const QString &chip);
    DemoTlsServer *server() const; // null until the first board
    QString serverAddress() const;

Q_SIGNALS:
    void serverReport(bool ok, const QString &text);

private:
    explicit VirtualFirmware(QObject *parent);
    Result<void> startServer();

    DemoTlsServer *m_server = nullptr; // a child
};

// The demo pool's pair `pairId` placed in the board's raw "cert" and "key" partitions, so a
// fresh virtual board already holds a demo certificate (flashing another one replaces it).
Result<void> addDemoCredentials(BoardProfile &profile, const QString &pairId);

} // namespace Forgeline::Sim
