// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/protocommvirtualboard.h"

#include "core/sim/protocommdevice.h"
#include "core/sim/protocommhttpserver.h"

namespace Forgeline::Sim {

ProtocommVirtualBoard::ProtocommVirtualBoard(const BoardProfile &profile, QObject *parent)
    : QObject(parent), m_device(new ProtocommDevice(profile, this)),
      m_server(new ProtocommHttpServer(m_device, profile.httpFaults, this))
{
    connect(m_device, &ProtocommDevice::logLine, this, [this](const QString &line) {
        m_log << line;
        Q_EMIT logLine(line);
    });
}

ProtocommVirtualBoard::~ProtocommVirtualBoard()
{
    delete m_server; // before the device it serves
}

Result<quint16> ProtocommVirtualBoard::start(quint16 port)
{
    Result<quint16> bound = m_server->listen(port);
    if (bound)
        m_device->printBootLog();
    return bound;
}

quint16 ProtocommVirtualBoard::port() const { return m_server->port(); }

QString ProtocommVirtualBoard::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_server->port());
}

} // namespace Forgeline::Sim
