// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/monitor/lineredactor.h"

#include "core/common/redactor.h"
#include "core/tls/diagnosisreport.h"

namespace Forgeline::Monitor {

QString LineRedactor::redact(const QString &line)
{
    if (line.contains(QLatin1String("-----BEGIN")) && line.contains(QLatin1String("PRIVATE KEY")))
        m_inPemKey = true;
    if (m_inPemKey) {
        if (line.contains(QLatin1String("-----END")))
            m_inPemKey = false;
        return Redactor::placeholder();
    }
    return Tls::DiagnosisReportWriter::redactLine(line, m_inSecretDump);
}

} // namespace Forgeline::Monitor
