// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/firmwareprofile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStringList>

namespace Forgeline::Sim {

namespace {

Error profileError(const QString &what)
{
    return Error::make(QStringLiteral("sim.firmware"),
                       QCoreApplication::translate("Forgeline::Sim::FirmwareProfile",
                                                   "Board profile, firmware: %1")
                           .arg(what));
}

} // namespace

Result<FirmwareProfile> FirmwareProfile::fromJson(const QJsonObject &s, const QString &baseDir)
{
    FirmwareProfile p;
    if (s.isEmpty())
        return p;
    p.enabled = s.value(QLatin1String("enabled")).toBool(true);
    const QJsonObject server = s.value(QLatin1String("server")).toObject();
    p.serverHost = server.value(QLatin1String("host")).toString(p.serverHost);
    const int port = server.value(QLatin1String("port")).toInt(p.serverPort);
    if (port <= 0 || port > 65535)
        return profileError(QStringLiteral("server.port %1 is not a TCP port").arg(port));
    p.serverPort = quint16(port);
    p.hostname = server.value(QLatin1String("hostname")).toString(p.hostname);
    if (s.contains(QLatin1String("ca")))
        p.caPem = s.value(QLatin1String("ca")).toString().toUtf8();
    if (s.contains(QLatin1String("caFile"))) {
        const QString name = s.value(QLatin1String("caFile")).toString();
        QFile f(QDir::isRelativePath(name) && !baseDir.isEmpty() ? QDir(baseDir).filePath(name)
                                                                 : name);
        if (!f.open(QIODevice::ReadOnly))
            return profileError(
                QStringLiteral("cannot read caFile %1: %2").arg(f.fileName(), f.errorString()));
        p.caPem = f.readAll();
    }
    p.sendClientCertificate = s.value(QLatin1String("sendClientCertificate")).toBool(true);
    p.debugLevel = s.value(QLatin1String("debugLevel")).toInt(p.debugLevel);
    if (p.debugLevel < 0 || p.debugLevel > 4)
        return profileError(QStringLiteral("debugLevel is 0..4"));
    const QString level = s.value(QLatin1String("logLevel")).toString(QStringLiteral("I"));
    if (level.size() != 1 || !QStringLiteral("EWIDV").contains(level))
        return profileError(QStringLiteral("logLevel is one of E W I D V"));
    p.logLevel = level.at(0).toLatin1();
    p.colours = s.value(QLatin1String("colours")).toBool(true);
    p.ssid = s.value(QLatin1String("ssid")).toString(p.ssid);
    p.bootDelayMs = s.value(QLatin1String("bootDelayMs")).toInt(p.bootDelayMs);
    p.wifiDelayMs = s.value(QLatin1String("wifiDelayMs")).toInt(p.wifiDelayMs);
    p.retryMs = s.value(QLatin1String("retryMs")).toInt(p.retryMs);
    p.maxAttempts = s.value(QLatin1String("maxAttempts")).toInt(0);
    p.handshakeTimeoutMs = s.value(QLatin1String("handshakeTimeoutMs")).toInt(p.handshakeTimeoutMs);
    p.bootAfterReset = s.value(QLatin1String("bootAfterReset")).toBool(true);
    const QJsonObject c = s.value(QLatin1String("credentials")).toObject();
    const auto text = [&c](const char *name, const QString &fallback) {
        return c.value(QLatin1String(name)).toString(fallback);
    };
    p.credentials.store = text("store", p.credentials.store);
    if (!QStringList{QStringLiteral("auto"), QStringLiteral("secure-cert"), QStringLiteral("nvs"),
                     QStringLiteral("raw")}
             .contains(p.credentials.store))
        return profileError(
            QStringLiteral("credentials.store is one of auto, secure-cert, nvs, raw"));
    p.credentials.secureCertPartition
        = text("secureCertPartition", p.credentials.secureCertPartition);
    p.credentials.nvsPartition = text("nvsPartition", p.credentials.nvsPartition);
    p.credentials.nvsNamespace = text("nvsNamespace", p.credentials.nvsNamespace);
    p.credentials.certKey = text("certKey", p.credentials.certKey);
    p.credentials.keyKey = text("keyKey", p.credentials.keyKey);
    p.credentials.certPartition = text("certPartition", p.credentials.certPartition);
    p.credentials.keyPartition = text("keyPartition", p.credentials.keyPartition);
    return p;
}

} // namespace Forgeline::Sim
