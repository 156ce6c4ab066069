// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/verdict.h"

#include <array>
#include <utility>

namespace Forgeline::Station {

namespace {

constexpr std::array<std::pair<Verdict, const char *>, 3> kVerdicts{{
    {Verdict::Pass, "pass"},
    {Verdict::Fail, "fail"},
    {Verdict::Cancelled, "cancelled"},
}};

} // namespace

QString verdictName(Verdict verdict)
{
    for (const auto &[v, name] : kVerdicts)
        if (v == verdict)
            return QLatin1String(name);
    return {};
}

Verdict verdictFromName(const QString &name)
{
    for (const auto &[v, text] : kVerdicts)
        if (name == QLatin1String(text))
            return v;
    return Verdict::None;
}

} // namespace Forgeline::Station
