// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocomm/qrpayload.h"

#include "core/common/redactor.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

namespace Forgeline::Protocomm {

namespace {

Error qrError(const QString &message, const QString &detail = {})
{
    return Error::make(QStringLiteral("protocomm.qr"), message, detail,
                       QCoreApplication::translate(
                           "Protocomm", "Scan the code again or paste the JSON it contains."));
}

QString unwrap(const QString &text)
{
    QString t = text.trimmed();
    const int data = t.indexOf(QLatin1String("data="));
    if (!t.startsWith(QLatin1Char('{')) && data >= 0) {
        const QUrl url(t);
        const QString fromQuery
            = QUrlQuery(url).queryItemValue(QStringLiteral("data"), QUrl::FullyDecoded);
        t = fromQuery.isEmpty() ? QUrl::fromPercentEncoding(t.mid(data + 5).toUtf8()) : fromQuery;
    }
    return t.trimmed();
}

QString stringField(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

} // namespace

bool looksLikeQrPayload(const QString &text)
{
    const QString t = unwrap(text);
    return t.startsWith(QLatin1Char('{')) && t.contains(QLatin1String("\"name\""))
           && t.contains(QLatin1String("\"transport\""));
}

Result<QrPayload> parseQrPayload(const QString &text)
{
    const QString t = unwrap(text);
    if (t.size() > 4096)
        return qrError(QCoreApplication::translate(
            "Protocomm", "The QR payload is too long to be a provisioning code."));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return qrError(QCoreApplication::translate("Protocomm", "The QR payload is not JSON."),
                       err.errorString());
    const QJsonObject o = doc.object();

    QrPayload p;
    p.pop = stringField(o, "pop");
    p.password = stringField(o, "password");
    // Register before anything below can put them into an error message or a log line.
    Redactor::registerSecret(p.pop);
    Redactor::registerSecret(p.password);
    p.version = stringField(o, "ver");
    p.name = stringField(o, "name");
    p.transport = stringField(o, "transport").toLower();
    p.username = stringField(o, "username");
    p.network = stringField(o, "network");
    const QJsonValue sec = o.value(QLatin1String("security"));
    if (sec.isDouble()) {
        const double v = sec.toDouble();
        if (v != 0 && v != 1 && v != 2)
            return qrError(QCoreApplication::translate(
                               "Protocomm", "The QR payload names an unknown security level."),
                           QStringLiteral("security=%1").arg(v));
        p.security = int(v);
    } else if (sec.isString()) {
        bool ok = false;
        const int v = sec.toString().toInt(&ok);
        if (!ok || v < 0 || v > 2)
            return qrError(QCoreApplication::translate(
                "Protocomm", "The QR payload names an unknown security level."));
        p.security = v;
    }
    if (p.name.isEmpty())
        return qrError(
            QCoreApplication::translate("Protocomm", "The QR payload has no device name."));
    if (p.transport.isEmpty())
        return qrError(QCoreApplication::translate(
            "Protocomm", "The QR payload does not say which transport the device uses."));
    if (p.transport != QLatin1String("softap") && p.transport != QLatin1String("ble"))
        return qrError(
            QCoreApplication::translate("Protocomm", "The QR payload names an unknown transport."),
            QStringLiteral("transport=%1").arg(p.transport));
    return p;
}

} // namespace Forgeline::Protocomm
