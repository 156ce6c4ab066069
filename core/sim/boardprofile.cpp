// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/boardprofile.h"

#include "core/common/jsonstringlist.h"
#include "core/protocomm/srp6a.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace Forgeline::Sim {

namespace {

Error profileError(const QString &message, const QString &detail = {})
{
    return Error::make(QStringLiteral("sim.profile"), message, detail);
}

QByteArray parseMac(const QString &text)
{
    QByteArray hex = text.toLatin1();
    hex.replace(':', "").replace('-', "");
    const QByteArray bytes = QByteArray::fromHex(hex);
    return bytes.size() == 6 ? bytes : QByteArray();
}

int intOr(const QJsonObject &o, const char *key, int fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toInt() : fallback;
}

// A Security2 firmware is built with a salt and a verifier, never the password: make them
// here, once, from the label's username and password (or take them as given).
Result<void> loadSecurity2(const QJsonObject &pc, ProtocommProfile &c)
{
    // No default username: the label (or QR code) of a Security 2 board always names one.
    c.username = pc.value(QLatin1String("username")).toString();
    const QByteArray salt
        = QByteArray::fromHex(pc.value(QLatin1String("sec2Salt")).toString().toLatin1());
    const QByteArray verifier
        = QByteArray::fromHex(pc.value(QLatin1String("sec2Verifier")).toString().toLatin1());
    if (!verifier.isEmpty()) {
        if (salt.isEmpty())
            return profileError(
                QCoreApplication::translate("Sim", "sec2Verifier needs its sec2Salt."));
        c.sec2Salt = salt;
        c.sec2Verifier = verifier;
        return {};
    }
    if (c.username.isEmpty() || c.pop.isEmpty())
        return profileError(
            QCoreApplication::translate(
                "Sim", "A Security 2 board needs a username and a password (pop)."),
            QStringLiteral(
                "protocomm.username and protocomm.pop, or protocomm.sec2Salt and protocomm.sec2Verifier"));
    Result<Protocomm::Srp::Credentials> creds
        = Protocomm::Srp::makeCredentials(c.username.toUtf8(), c.pop.toUtf8(), salt);
    if (!creds)
        return creds.error();
    c.sec2Salt = creds->salt;
    c.sec2Verifier = creds->verifier;
    return {};
}

} // namespace

int authModeFromName(const QString &name, bool *ok)
{
    static const QStringList names{
        QStringLiteral("Open"),         QStringLiteral("WEP"),
        QStringLiteral("WPA_PSK"),      QStringLiteral("WPA2_PSK"),
        QStringLiteral("WPA_WPA2_PSK"), QStringLiteral("WPA2_ENTERPRISE"),
        QStringLiteral("WPA3_PSK"),     QStringLiteral("WPA2_WPA3_PSK")};
    for (int i = 0; i < names.size(); ++i) {
        if (names.at(i).compare(name, Qt::CaseInsensitive) == 0) {
            if (ok)
                *ok = true;
            return i;
        }
    }
    bool numeric = false;
    const int v = name.toInt(&numeric);
    if (ok)
        *ok = numeric && v >= 0;
    return numeric ? v : 0;
}

Result<BoardProfile> BoardProfile::fromJson(const QByteArray &json)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return profileError(
            QCoreApplication::translate("Sim", "The board profile is not a JSON object."),
            err.errorString());
    BoardProfile p;
    p.json = doc.object();
    p.name = p.json.value(QLatin1String("name")).toString();
    p.chip = p.json.value(QLatin1String("chip")).toString(p.chip);
    p.mac = parseMac(p.json.value(QLatin1String("mac")).toString());
    if (p.mac.isEmpty())
        p.mac = QByteArray::fromHex("240ac4f10001");

    const QJsonObject pc = p.json.value(QLatin1String("protocomm")).toObject();
    ProtocommProfile &c = p.protocomm;
    c.deviceName = pc.value(QLatin1String("deviceName")).toString(c.deviceName);
    c.security = intOr(pc, "security", c.security);
    if (c.security != 0 && c.security != 1 && c.security != 2)
        return profileError(
            QCoreApplication::translate("Sim", "The virtual board supports Security 0, 1 and 2."),
            QStringLiteral("security=%1").arg(c.security));
    c.pop = pc.value(QLatin1String("pop")).toString(c.pop);
    c.securityPatch = intOr(pc, "secPatchVer", c.security == 2 ? 1 : 0);
    if (c.securityPatch != 0 && c.securityPatch != 1)
        return profileError(QCoreApplication::translate("Sim", "secPatchVer must be 0 or 1."));
    if (c.security == 2) {
        Result<void> sec2 = loadSecurity2(pc, c);
        if (!sec2)
            return sec2.error();
    }
    c.sessionMode = pc.value(QLatin1String("sessionMode")).toString(c.sessionMode);
    if (c.sessionMode != QLatin1String("cookie") && c.sessionMode != QLatin1String("socket"))
        return profileError(
            QCoreApplication::translate("Sim", "sessionMode must be \"cookie\" or \"socket\"."));
    if (pc.contains(QLatin1String("customEndpoints"))) {
        c.customEndpoints = jsonStringList(pc.value(QLatin1String("customEndpoints")));
    }
    c.autoStop = pc.value(QLatin1String("autoStop")).toBool(c.autoStop);
    c.autoStopDelayMs = intOr(pc, "autoStopDelayMs", c.autoStopDelayMs);
    c.scanMaxEntries = qBound(1, intOr(pc, "scanMaxEntries", c.scanMaxEntries), 255);
    const QJsonObject d = pc.value(QLatin1String("delays")).toObject();
    c.responseDelayMs = intOr(d, "responseMs", c.responseDelayMs);
    c.scanDelayMs = intOr(d, "scanMs", c.scanDelayMs);
    c.applyDelayMs = intOr(d, "applyMs", c.applyDelayMs);
    c.restartDelayMs = intOr(d, "restartMs", c.restartDelayMs);

    const QJsonObject wifi = p.json.value(QLatin1String("wifi")).toObject();
    p.wifi.connectDelayMs = intOr(wifi, "connectDelayMs", p.wifi.connectDelayMs);
    p.wifi.ip = wifi.value(QLatin1String("ip")).toString(p.wifi.ip);
    int index = 0;
    for (const QJsonValue &v : wifi.value(QLatin1String("networks")).toArray()) {
        const QJsonObject n = v.toObject();
        WifiNetwork net;
        net.ssid = n.value(QLatin1String("ssid")).toString();
        if (net.ssid.isEmpty() || net.ssid.toUtf8().size() > 32)
            return profileError(QCoreApplication::translate(
                "Sim", "Every network needs an SSID of 1 to 32 bytes."));
        bool ok = false;
        const QJsonValue auth = n.value(QLatin1String("auth"));
        net.authMode = auth.isDouble()
                           ? auth.toInt()
                           : authModeFromName(auth.toString(QStringLiteral("WPA2_PSK")), &ok);
        if (!auth.isDouble() && !ok)
            return profileError(
                QCoreApplication::translate("Sim", "Unknown auth mode '%1'.").arg(auth.toString()));
        net.passphrase = n.value(QLatin1String("passphrase")).toString();
        net.rssi = intOr(n, "rssi", net.rssi);
        net.channel = intOr(n, "channel", net.channel);
        net.bssid = parseMac(n.value(QLatin1String("bssid")).toString());
        if (net.bssid.isEmpty())
            net.bssid = QByteArray::fromHex("0200000000") + char(index + 1);
        p.wifi.networks << net;
        ++index;
    }

    const QJsonObject faults
        = p.json.value(QLatin1String("faults")).toObject().value(QLatin1String("http")).toObject();
    p.httpFaults.closeBetween = faults.value(QLatin1String("closeBetween")).toBool(false);
    p.httpFaults.closeAfter = intOr(faults, "closeAfter", 0);
    p.httpFaults.dropResponse = intOr(faults, "dropResponse", 0);
    p.httpFaults.restartAt = intOr(faults, "restartAt", 0);
    p.httpFaults.corruptResponse = intOr(faults, "corruptResponse", 0);
    p.httpFaults.slowMs = intOr(faults, "slowMs", 0);
    return p;
}

Result<BoardProfile> BoardProfile::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(
            QStringLiteral("sim.profile"),
            QCoreApplication::translate("Sim", "Cannot read the board profile %1.").arg(path),
            f.errorString());
    auto profile = fromJson(f.readAll());
    if (profile)
        profile->baseDir = QFileInfo(path).absolutePath();
    return profile;
}

BoardProfile BoardProfile::defaultProfile()
{
    QFile f(QStringLiteral(":/forgeline/data/boards/default.json"));
    if (f.open(QIODevice::ReadOnly)) {
        Result<BoardProfile> p = fromJson(f.readAll());
        if (p)
            return p.value();
    }
    return fromJson(QByteArrayLiteral("{}")).value();
}

QStringList BoardProfile::faultNames()
{
    return {QStringLiteral("close-between"),   QStringLiteral("close-after:N"),
            QStringLiteral("drop-response:N"), QStringLiteral("corrupt-response:N"),
            QStringLiteral("restart-at:N"),    QStringLiteral("slow:MS")};
}

Result<void> BoardProfile::applyFault(const QString &spec)
{
    const QString name = spec.section(QLatin1Char(':'), 0, 0).trimmed();
    const QString arg = spec.section(QLatin1Char(':'), 1);
    bool ok = true;
    const int n = arg.isEmpty() ? 0 : arg.toInt(&ok);
    const bool needsN = name != QLatin1String("close-between");
    if (!ok || (needsN && n <= 0))
        return Error::make(
            QStringLiteral("usage"),
            QCoreApplication::translate("Sim", "Fault '%1' needs a positive number.").arg(spec));
    if (name == QLatin1String("close-between"))
        httpFaults.closeBetween = true;
    else if (name == QLatin1String("close-after"))
        httpFaults.closeAfter = n;
    else if (name == QLatin1String("drop-response"))
        httpFaults.dropResponse = n;
    else if (name == QLatin1String("corrupt-response"))
        httpFaults.corruptResponse = n;
    else if (name == QLatin1String("restart-at"))
        httpFaults.restartAt = n;
    else if (name == QLatin1String("slow"))
        httpFaults.slowMs = n;
    else
        return Error::make(QStringLiteral("usage"),
                           QCoreApplication::translate("Sim", "Unknown fault '%1'; known: %2")
                               .arg(spec, faultNames().join(QStringLiteral(", "))));
    return {};
}

void BoardProfile::removeDelays()
{
    protocomm.responseDelayMs = 0;
    protocomm.scanDelayMs = 0;
    protocomm.applyDelayMs = 0;
    protocomm.restartDelayMs = 0;
    wifi.connectDelayMs = 0;
}

} // namespace Forgeline::Sim
