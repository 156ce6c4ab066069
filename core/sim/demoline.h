// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace Forgeline::Sim {

class ProtocommVirtualBoard;
class RomSerialServer;

// A demo production line in this process: virtual boards (ROM loader on a pty with the real
// timing model, protocomm over HTTP on loopback), the demo certificate pool (demopool.h) and a
// recipe that writes, verifies and provisions them. Widget-free, so the Station workspace only
// shows it; the boards live as long as this object.
class DemoLine
{
public:
    DemoLine();
    ~DemoLine();

    // Writes (or keeps) the demo pool in `poolDir`, then starts `count` boards unless boards
    // already run, which are reused: a pool pair stays with its board across re-runs.
    Result<void> start(const QString &poolDir, int count);
    // The boards' serial ports, in board order.
    QStringList ports() const;
    // The station recipe for these boards: the pool pair into "cert" and "key", verified, and
    // Wi-Fi provisioning with the virtual world's network and each board's own address.
    QJsonObject recipe() const;

private:
    std::vector<std::unique_ptr<RomSerialServer>> m_roms;
    std::vector<std::unique_ptr<ProtocommVirtualBoard>> m_nets;
};

} // namespace Forgeline::Sim
