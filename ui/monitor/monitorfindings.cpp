// SPDX-License-Identifier: GPL-3.0-or-later
// What the Monitor workspace makes of the log as it streams: the codes seen, the last TLS
// handshake in the findings banner, and the virtual board's server-side report.
#include "ui/monitor/monitorworkspace.h"

#include "ui/common/statusbanner.h"

#include <QLabel>

namespace Forgeline::Ui {

void MonitorWorkspace::showServerReport(bool ok, const QString &text)
{
    m_serverReport->showMessage(ok ? Tone::Success : Tone::Error, tr("Server side: %1").arg(text));
}

void MonitorWorkspace::showChanges()
{
    if (m_codesChanged) {
        m_codesChanged = false;
        m_codes->setText(
            tr("Codes seen: %1").arg(m_recentCodes.join(QStringLiteral(" &nbsp;·&nbsp; "))));
        m_codes->setVisible(true);
    }
    if (m_handshakeChanged && m_lastHandshake) {
        m_handshakeChanged = false;
        showHandshake(*m_lastHandshake);
    }
}

void MonitorWorkspace::showHandshake(const Monitor::HandshakeResultEvent &e)
{
    QString html;
    if (e.ok) {
        html = tr("<b>TLS handshake succeeded</b> (lines %1–%2).").arg(e.firstLine).arg(e.lastLine);
    } else {
        html = tr("<b>TLS handshake failed</b> (lines %1–%2)").arg(e.firstLine).arg(e.lastLine);
        if (e.finalError)
            html += QStringLiteral(": <a href=\"decode:%1\">%1</a> %2")
                        .arg(Tls::formatCode(e.finalError->code),
                             e.finalError->name.toHtmlEscaped());
        if (!e.diagnoses.isEmpty()) {
            const Tls::Diagnosis &d = e.diagnoses.first();
            html += QStringLiteral("<br><b>%1</b> <code>%2</code> — %3")
                        .arg(d.title.toHtmlEscaped(), d.id, d.explanation.toHtmlEscaped());
            if (!d.fixes.isEmpty())
                html
                    += QStringLiteral("<br>%1 %2").arg(tr("Fix:"), d.fixes.first().toHtmlEscaped());
        }
    }
    // The banner recolours only when the outcome changes (see StatusBanner::showMessage).
    m_findings->showMessage(e.ok ? Tone::Success : Tone::Error, html, Qt::RichText);
}

} // namespace Forgeline::Ui
