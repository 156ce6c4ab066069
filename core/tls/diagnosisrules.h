// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/handshaketrace.h"
#include "core/tls/tracebuilder.h"
#include "core/tls/tracediff.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Forgeline::Tls {

// What one rule concluded, before the vocabulary turns it into words.
struct Finding
{
    QString id;
    double confidence = 0;
    QList<HandshakeEvent> evidence; // from the failing log
    QHash<QString, QString> values; // placeholders for the explanation and fixes
};

struct RuleInput
{
    const LogAnalysis &bad;
    const HandshakeTrace *trace = nullptr; // the failing handshake, may be null (session-only logs)
    const HandshakeTrace *workingTrace = nullptr; // from the working log, when given
    const TraceDiffResult *diff = nullptr;
};

// Every rule for every id of the vocabulary; findings come back unsorted.
// Cases that share a code are told apart by where in the handshake they happen.
QList<Finding> runDiagnosisRules(const RuleInput &input);

// X.509 verify flags named by the "! The certificate ..." texts of mbedtls_x509_crt_verify_info.
quint32 verifyFlagsFromText(QStringView text);

} // namespace Forgeline::Tls
