// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QStringList>

namespace Forgeline::Sim {

// A certificate pool for demos and training on virtual boards: a throwaway CA ("Forgeline demo
// CA, not for production") and `count` per-device EC P-256 pairs signed by it, written as
// `<prefix>NNNN.crt` + `<prefix>NNNN.key` (keys owner-only) plus `ca.pem`. Pairs already in the
// folder are kept, so a demo pool's claims stay valid across runs. Returns the pair ids.
Result<QStringList> writeDemoPool(const QString &dir, int count,
                                  const QString &prefix = QStringLiteral("demo"));

// Where the GUI keeps its demo pool (the application's data folder): the Station's virtual
// line claims pairs from it and the virtual boards' TLS server trusts its CA.
QString defaultDemoPoolDirectory();
// Pairs the GUI's demo pool holds: enough for a long station demo.
constexpr int DefaultDemoPoolSize = 32;

} // namespace Forgeline::Sim
