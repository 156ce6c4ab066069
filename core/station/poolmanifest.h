// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>

namespace Forgeline::Station {

struct ManifestEntry
{
    QString id;
    QString cert; // as written: relative to the pool folder, or absolute
    QString key;
};

// A pool's manifest.csv: "id,cert,key" per line, an optional header line starting with "id",
// '#' comments, blank lines, CRLF and a UTF-8 byte-order mark (spreadsheets write both).
// Quoted fields are refused rather than half-understood: a pair handed out under a wrong id is
// worse than a manifest that must be fixed. Errors name the line.
Result<QList<ManifestEntry>> parsePoolManifest(const QByteArray &bytes);

} // namespace Forgeline::Station
