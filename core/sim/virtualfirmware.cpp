// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/virtualfirmware.h"

#include "core/sim/boardapplication.h"
#include "core/sim/demopool.h"
#include "core/sim/demotlsserver.h"
#include "core/sim/romserialserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QPointer>

namespace Forgeline::Sim {

namespace {

BoardApplicationFactory &factory()
{
    static BoardApplicationFactory f;
    return f;
}

Result<QByteArray> readPoolFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("sim.firmware"),
                           QCoreApplication::translate("Forgeline::Sim::VirtualFirmware",
                                                       "Could not read the demo certificate pool."),
                           path + QStringLiteral(": ") + f.errorString());
    return f.readAll();
}

} // namespace

void setBoardApplicationFactory(BoardApplicationFactory f) { factory() = std::move(f); }

bool boardApplicationAvailable() { return bool(factory()); }

VirtualFirmware::VirtualFirmware(QObject *parent) : QObject(parent) {}

VirtualFirmware *VirtualFirmware::instance()
{
    // Parented to the application so the server's thread ends before Qt shuts down.
    static QPointer<VirtualFirmware> one;
    if (!one)
        one = new VirtualFirmware(QCoreApplication::instance());
    return one;
}

DemoTlsServer *VirtualFirmware::server() const { return m_server; }

QString VirtualFirmware::serverAddress() const
{
    return m_server ? QStringLiteral("127.0.0.1:%1").arg(m_server->port()) : QString();
}

Result<void> VirtualFirmware::startServer()
{
    if (m_server)
        return {};
    const QString pool = defaultDemoPoolDirectory();
    if (auto ids = writeDemoPool(pool, DefaultDemoPoolSize); !ids)
        return ids.error();
    auto ca = readPoolFile(QDir(pool).filePath(QStringLiteral("ca.pem")));
    if (!ca)
        return ca.error();
    auto *server = new DemoTlsServer(this);
    if (auto port = server->start(*ca); !port) {
        delete server;
        Error e = port.error();
        if (e.detail.isEmpty())
            e.detail = pool; // the folder the fix talks about
        return e;
    }
    connect(server, &DemoTlsServer::handshakeFinished, this,
            [this](bool ok, const QString &summary) {
                Q_EMIT serverReport(ok, tr("TLS server %1: %2").arg(serverAddress(), summary));
            });
    m_server = server;
    return {};
}

Result<void> VirtualFirmware::attach(RomSerialServer &board, const QString &chip)
{
    if (!boardApplicationAvailable())
        return Error::make(QStringLiteral("sim.firmware"),
                           tr("This build has no virtual board firmware (built without mbedTLS): "
                              "the virtual board runs its ROM loader only."));
    if (auto r = startServer(); !r)
        return r;
    FirmwareProfile profile;
    profile.enabled = true;
    profile.serverHost = QStringLiteral("127.0.0.1");
    profile.serverPort = m_server->port();
    profile.hostname = QStringLiteral("localhost");
    profile.caPem = m_server->serverCaPem();
    BoardApplication *app = factory()(profile, chip, &board);
    if (!app)
        return Error::make(QStringLiteral("sim.firmware"),
                           tr("The virtual board's firmware did not start."));
    board.setApplication(app, profile.bootAfterReset);
    return {};
}

Result<void> addDemoCredentials(BoardProfile &profile, const QString &pairId)
{
    const QString pool = defaultDemoPoolDirectory();
    if (auto ids = writeDemoPool(pool, DefaultDemoPoolSize); !ids)
        return ids.error();
    auto cert = readPoolFile(QDir(pool).filePath(pairId + QStringLiteral(".crt")));
    if (!cert)
        return cert.error();
    auto key = readPoolFile(QDir(pool).filePath(pairId + QStringLiteral(".key")));
    if (!key)
        return key.error();
    QJsonObject flash = profile.json.value(QLatin1String("flash")).toObject();
    QJsonArray contents = flash.value(QLatin1String("contents")).toArray();
    contents.append(QJsonObject{{QStringLiteral("partition"), QStringLiteral("cert")},
                                {QStringLiteral("text"), QString::fromUtf8(*cert)}});
    contents.append(QJsonObject{{QStringLiteral("partition"), QStringLiteral("key")},
                                {QStringLiteral("text"), QString::fromUtf8(*key)}});
    flash.insert(QStringLiteral("contents"), contents);
    profile.json.insert(QStringLiteral("flash"), flash);
    return {};
}

} // namespace Forgeline::Sim
