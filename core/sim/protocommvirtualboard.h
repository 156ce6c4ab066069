// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/sim/boardprofile.h"

#include <QObject>
#include <QStringList>

namespace Forgeline::Sim {

class ProtocommDevice;
class ProtocommHttpServer;

// The network side of a virtual board in this process, on this thread's event loop: what
// the GUI's "Start a virtual board", the tests and the benchmark use. forgeline-sim wires the
// same two parts by hand.
class ProtocommVirtualBoard : public QObject
{
    Q_OBJECT
public:
    explicit ProtocommVirtualBoard(const BoardProfile &profile, QObject *parent = nullptr);
    ~ProtocommVirtualBoard() override;

    Result<quint16> start(quint16 port = 0);
    quint16 port() const;
    QString address() const; // "127.0.0.1:PORT"
    ProtocommDevice *device() const { return m_device; }
    ProtocommHttpServer *server() const { return m_server; }
    const QStringList &deviceLog() const { return m_log; }

Q_SIGNALS:
    void logLine(const QString &line);

private:
    ProtocommDevice *m_device;
    ProtocommHttpServer *m_server;
    QStringList m_log;
};

} // namespace Forgeline::Sim
