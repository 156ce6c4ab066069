// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/tls/diagnosis.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Forgeline::Tls {

// Turns a DiagnosisReport into what leaves the program: JSON for scripts (docs/cli.md),
// a self-contained HTML page for sharing, and redacted copies of the logs. Nothing written
// here carries key material, PoPs or passphrases.
class DiagnosisReportWriter
{
public:
    static QJsonObject toJson(const DiagnosisReport &report);
    static QString toText(const DiagnosisReport &report);
    static QString toHtml(const DiagnosisReport &report);
    static Result<void> writeHtml(const DiagnosisReport &report, const QString &path);

    // Copies a log with secrets removed: key/secret hex dumps, private MPI values, and
    // whatever the Redactor knows (PoP, passphrases, PEM private keys). Returns lines written.
    static Result<qint64> writeRedactedLog(const QString &inputPath, const QString &outputPath);
    // One line at a time; `inSecretDump` carries the state between lines.
    static QString redactLine(const QString &line, bool &inSecretDump);
};

} // namespace Forgeline::Tls
