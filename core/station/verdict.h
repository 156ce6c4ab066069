// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Forgeline::Station {

// How one board's attempt ended: in "result" events, in records (SQLite, PostgreSQL, spool,
// CSV and JSON exports) and on the GUI's tiles. Its spelling lives in verdictName() alone.
enum class Verdict { None, Pass, Fail, Cancelled };

// "pass", "fail", "cancelled"; "" for None (a board still running).
QString verdictName(Verdict verdict);
// The inverse; None for anything else (also "").
Verdict verdictFromName(const QString &name);

} // namespace Forgeline::Station
