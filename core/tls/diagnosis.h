// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/tracebuilder.h"
#include "core/tls/tracediff.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Forgeline::Tls {

struct EvidenceLine
{
    QString file;    // the log it comes from, as the user named it
    qint64 line = 0; // 1-based
    QString text;    // what the line says, in words
    bool fromWorkingLog = false;
};

// One ranked conclusion, named by a stable id from resources/data/diagnoses/diagnoses.json.
struct Diagnosis
{
    QString id;
    QString title;
    QString explanation;
    double confidence = 0; // 0..1; the list is sorted by it
    QList<EvidenceLine> evidence;
    QStringList fixes;
};

struct FinalError
{
    int code = 0; // e.g. -0x7280
    QString name; // MBEDTLS_ERR_SSL_CONN_EOF
    QString meaning;
    qint64 line = 0;
};

struct DecodedError
{
    int code = 0;
    QString name;
    QString meaning;
    qint64 firstLine = 0;
};

// Everything the Diagnose workspace, the CLI and the HTML report show.
struct DiagnosisReport
{
    QString badFile;
    QString goodFile; // empty without a working log
    LogAnalysis bad;
    std::optional<LogAnalysis> good;
    int badTrace = -1;  // index into bad.traces of the diagnosed handshake, -1 if none
    int goodTrace = -1; // index into good->traces
    std::optional<FinalError> finalError; // unset when the handshake succeeded (or none was seen)
    QList<DecodedError> decodedErrors;    // every distinct error code in the diagnosed handshake
    std::optional<TraceDiffResult> diff;  // when a working log was given
    QList<Diagnosis> diagnoses;           // best first

    const HandshakeTrace *badHandshake() const
    {
        return badTrace >= 0 && badTrace < bad.traces.size() ? &bad.traces.at(badTrace) : nullptr;
    }
    const HandshakeTrace *goodHandshake() const
    {
        return good && goodTrace >= 0 && goodTrace < good->traces.size()
                   ? &good->traces.at(goodTrace)
                   : nullptr;
    }
};

} // namespace Forgeline::Tls
