// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/monitor/monitorevents.h"

#include "core/tls/diagnosisreport.h"

#include <QJsonArray>

namespace Forgeline::Monitor {

QJsonObject LineEvent::toJson() const
{
    QJsonObject o{{QStringLiteral("event"), QStringLiteral("line")},
                  {QStringLiteral("line"), number},
                  {QStringLiteral("text"), text}};
    if (level)
        o.insert(QStringLiteral("level"), QString(QLatin1Char(level)));
    if (noise)
        o.insert(QStringLiteral("noise"), true);
    if (cut)
        o.insert(QStringLiteral("cut"), true);
    return o;
}

QJsonObject CodeEvent::toJson() const
{
    return QJsonObject{{QStringLiteral("event"), QStringLiteral("code")},
                       {QStringLiteral("line"), line},
                       {QStringLiteral("spelled"), spelled},
                       {QStringLiteral("code"), code},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("meaning"), meaning}};
}

QJsonObject TlsStartEvent::toJson() const
{
    return QJsonObject{{QStringLiteral("event"), QStringLiteral("tls_start")},
                       {QStringLiteral("line"), line}};
}

QJsonObject HandshakeResultEvent::toJson() const
{
    QJsonObject o{{QStringLiteral("event"), QStringLiteral("handshake")},
                  {QStringLiteral("result"), ok ? QStringLiteral("ok") : QStringLiteral("fail")},
                  {QStringLiteral("first_line"), firstLine},
                  {QStringLiteral("last_line"), lastLine}};
    if (report) {
        // Exactly the objects `diagnose --json` prints, from the same writer.
        const QJsonObject full = Tls::DiagnosisReportWriter::toJson(*report);
        o.insert(QStringLiteral("final_error"), full.value(QStringLiteral("final_error")));
        o.insert(QStringLiteral("diagnoses"),
                 ok ? QJsonArray() : full.value(QStringLiteral("diagnoses")).toArray());
    } else {
        o.insert(QStringLiteral("final_error"), QJsonValue());
        o.insert(QStringLiteral("diagnoses"), QJsonArray());
    }
    return o;
}

QJsonObject StatusEvent::toJson() const
{
    return QJsonObject{{QStringLiteral("event"), QStringLiteral("status")},
                       {QStringLiteral("status"), kind},
                       {QStringLiteral("message"), message}};
}

QJsonObject EndEvent::toJson() const
{
    return QJsonObject{{QStringLiteral("event"), QStringLiteral("end")},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("message"), message}};
}

QJsonObject eventToJson(const MonitorEvent &event)
{
    return std::visit([](const auto &e) { return e.toJson(); }, event);
}

} // namespace Forgeline::Monitor
