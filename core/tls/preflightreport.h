// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/preflight.h"

#include <QJsonObject>
#include <QString>

namespace Forgeline::Tls::PreflightReportWriter {

// {"target": {...}, "result": "fail", "checks": [{"check", "status", "predicted_error", ...}]}
QJsonObject toJson(const PreflightReport &report);
QString toText(const PreflightReport &report);

} // namespace Forgeline::Tls::PreflightReportWriter
