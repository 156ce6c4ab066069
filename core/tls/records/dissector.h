// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/tls/records/dissectreport.h"
#include "core/tls/records/recorddissector.h"

#include <QByteArrayView>
#include <QString>

#include <functional>
#include <optional>

namespace Forgeline::Tls {

struct DissectOptions
{
    QString targetId; // a target profile ("idf-4.4") whose input buffer sizes record-too-large
    std::optional<int> stream; // keep only this stream
    DissectLimits limits;
};

// One entry point for every input the Records view, `forgeline-cli dissect` and the log
// diagnosis accept: the form is detected from the content, never from the file name.
class Dissector
{
public:
    using Progress = std::function<bool(qint64 done, qint64 total)>; // false cancels

    static Result<DissectReport> dissectFile(const QString &path,
                                             const DissectOptions &options = {},
                                             const Progress &progress = {});
    static Result<DissectReport> dissectBytes(QByteArrayView data, const QString &sourceName,
                                              const DissectOptions &options = {});

    // Runs the framing rules over every stream of a report (already done by the two above).
    static Result<void> addFindings(DissectReport &report, const QString &targetId);
};

} // namespace Forgeline::Tls
