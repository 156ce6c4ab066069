// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/stationevent.h"

#include <array>
#include <utility>

namespace Forgeline::Station {

namespace {

using Kind = StationEvent::Kind;

constexpr std::array<std::pair<Kind, const char *>, 10> kKinds{{
    {Kind::Step, "step"},
    {Kind::Progress, "progress"},
    {Kind::Log, "log"},
    {Kind::Retry, "retry"},
    {Kind::Identified, "identified"},
    {Kind::Claimed, "claimed"},
    {Kind::Result, "result"},
    {Kind::Appeared, "appeared"},
    {Kind::Watching, "watching"},
    {Kind::Summary, "summary"},
}};

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

qint64 num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInteger();
}

} // namespace

QString StationEvent::kindName(Kind kind)
{
    for (const auto &[k, name] : kKinds)
        if (k == kind)
            return QLatin1String(name);
    return {};
}

StationEvent::Kind StationEvent::kindFromName(const QString &name)
{
    for (const auto &[k, text] : kKinds)
        if (name == QLatin1String(text))
            return k;
    return Kind::Unknown;
}

QJsonObject StationEvent::toJson() const
{
    QJsonObject o{{QStringLiteral("event"), kindName(kind)}};
    const auto boardFields = [&] {
        o.insert(QStringLiteral("port"), port);
        o.insert(QStringLiteral("ms"), ms);
    };
    switch (kind) {
    case Kind::Unknown: break;
    case Kind::Step:
        boardFields();
        o.insert(QStringLiteral("step"), step);
        o.insert(QStringLiteral("attempt"), attempt);
        o.insert(QStringLiteral("percent"), percent);
        break;
    case Kind::Progress:
        boardFields();
        o.insert(QStringLiteral("step"), step);
        o.insert(QStringLiteral("stage"), stage);
        o.insert(QStringLiteral("done"), done);
        o.insert(QStringLiteral("total"), total);
        break;
    case Kind::Log:
        boardFields();
        o.insert(QStringLiteral("text"), text);
        break;
    case Kind::Retry:
        boardFields();
        o.insert(QStringLiteral("step"), step);
        o.insert(QStringLiteral("attempt"), attempt);
        o.insert(QStringLiteral("reason"), reason);
        break;
    case Kind::Identified:
        boardFields();
        o.insert(QStringLiteral("chip"), chip);
        o.insert(QStringLiteral("revision"), revision);
        o.insert(QStringLiteral("description"), description);
        o.insert(QStringLiteral("mac"), mac);
        break;
    case Kind::Claimed:
        boardFields();
        o.insert(QStringLiteral("pair"), pair);
        o.insert(QStringLiteral("reused"), reused);
        o.insert(QStringLiteral("fingerprint"), fingerprint);
        break;
    case Kind::Result:
        boardFields();
        o.insert(QStringLiteral("result"), verdictName(verdict));
        o.insert(QStringLiteral("chip"), chip);
        o.insert(QStringLiteral("mac"), mac);
        o.insert(QStringLiteral("pair"), pair);
        o.insert(QStringLiteral("fingerprint"), fingerprint);
        o.insert(QStringLiteral("elapsedMs"), elapsedMs);
        if (verdict != Verdict::Pass) {
            o.insert(QStringLiteral("failedStep"), failedStep);
            o.insert(QStringLiteral("error"), error);
            o.insert(QStringLiteral("code"), code);
            if (!fix.isEmpty())
                o.insert(QStringLiteral("fix"), fix);
        }
        break;
    case Kind::Appeared: o.insert(QStringLiteral("port"), port); break;
    case Kind::Watching: o.insert(QStringLiteral("pattern"), pattern); break;
    case Kind::Summary:
        o.insert(QStringLiteral("passed"), passed);
        o.insert(QStringLiteral("failed"), failed);
        o.insert(QStringLiteral("cancelled"), cancelled);
        o.insert(QStringLiteral("elapsedMs"), elapsedMs);
        o.insert(QStringLiteral("boardsPerHour"), boardsPerHour);
        break;
    }
    return o;
}

StationEvent StationEvent::fromJson(const QJsonObject &o)
{
    StationEvent e;
    e.kind = kindFromName(str(o, "event"));
    e.port = str(o, "port");
    e.ms = num(o, "ms");
    e.step = str(o, "step");
    e.attempt = int(num(o, "attempt"));
    e.percent = int(num(o, "percent"));
    e.stage = str(o, "stage");
    e.done = num(o, "done");
    e.total = num(o, "total");
    e.text = str(o, "text");
    e.reason = str(o, "reason");
    e.chip = str(o, "chip");
    e.revision = str(o, "revision");
    e.description = str(o, "description");
    e.mac = str(o, "mac");
    e.pair = str(o, "pair");
    e.reused = o.value(QStringLiteral("reused")).toBool();
    e.fingerprint = str(o, "fingerprint");
    e.verdict = verdictFromName(str(o, "result"));
    e.elapsedMs = num(o, "elapsedMs");
    e.failedStep = str(o, "failedStep");
    e.error = str(o, "error");
    e.code = str(o, "code");
    e.fix = str(o, "fix");
    e.pattern = str(o, "pattern");
    e.passed = int(num(o, "passed"));
    e.failed = int(num(o, "failed"));
    e.cancelled = int(num(o, "cancelled"));
    e.boardsPerHour = o.value(QStringLiteral("boardsPerHour")).toDouble();
    return e;
}

} // namespace Forgeline::Station
