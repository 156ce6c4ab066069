// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/tls/diagnosis.h"
#include "core/tls/logreader.h"

#include <QString>

#include <optional>

namespace Forgeline::Tls {

// Log(s) in, ranked diagnosis out. Reads a failing log and, when given, a working one (both
// streamed, in parallel), picks the failing and the working handshake, diffs them and runs
// the rules. Used identically by the GUI (on a worker thread), the CLI and the tests.
class DiagnosisEngine
{
public:
    // progress may be called from two worker threads at once; return false to cancel.
    static Result<DiagnosisReport> diagnoseFiles(const QString &badPath,
                                                 const QString &goodPath = {},
                                                 const LogReader::Progress &progress = {});
    static Result<DiagnosisReport> diagnoseBytes(QByteArrayView bad, QByteArrayView good = {});

    // From logs already analysed.
    static DiagnosisReport diagnose(LogAnalysis bad, std::optional<LogAnalysis> good);

    // "-0x7280" -> MBEDTLS_ERR_SSL_CONN_EOF via the error decoder, with the version the log implies.
    static DecodedError nameError(int code, MbedtlsGeneration generation);
};

} // namespace Forgeline::Tls
