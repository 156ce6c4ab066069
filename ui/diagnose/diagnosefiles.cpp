// SPDX-License-Identifier: GPL-3.0-or-later
// The Diagnose workspace's files: logs chosen or dropped (the working one told apart by its
// name), and the report and redacted copies exported.
#include "ui/diagnose/diagnoseworkspace.h"

#include "core/tls/diagnosisreport.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QRegularExpression>
#include <QThread>

namespace Forgeline::Ui {

void DiagnoseWorkspace::chooseFailingLog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open the log of the failing handshake"), QDir::homePath(),
        tr("Logs (*.log *.txt *.gz);;All files (*)"));
    if (!path.isEmpty())
        loadLogs(path, m_goodPath);
}

void DiagnoseWorkspace::chooseWorkingLog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open the log of a working handshake"), QDir::homePath(),
        tr("Logs (*.log *.txt *.gz);;All files (*)"));
    if (path.isEmpty())
        return;
    if (m_badPath.isEmpty())
        m_goodPath = path;
    else
        loadLogs(m_badPath, path);
}

void DiagnoseWorkspace::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void DiagnoseWorkspace::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    if (files.isEmpty() || m_thread)
        return;
    event->acceptProposedAction();
    if (files.size() == 1) {
        loadLogs(files.first(), m_goodPath);
        return;
    }
    // Two files: the one named like a working run is the reference.
    static const QRegularExpression working(QStringLiteral("good|ok|work|succe|pass"),
                                            QRegularExpression::CaseInsensitiveOption);
    const bool firstIsWorking = working.match(QFileInfo(files.at(0)).fileName()).hasMatch()
                                && !working.match(QFileInfo(files.at(1)).fileName()).hasMatch();
    loadLogs(firstIsWorking ? files.at(1) : files.at(0),
             firstIsWorking ? files.at(0) : files.at(1));
}

void DiagnoseWorkspace::exportReport()
{
    if (!m_report)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the diagnosis as HTML"),
        QDir::home().filePath(QStringLiteral("tls-diagnosis.html")), tr("HTML (*.html)"));
    if (path.isEmpty())
        return;
    const auto written = Tls::DiagnosisReportWriter::writeHtml(*m_report, path);
    m_status->setText(written ? tr("Report saved") : written.error().message);
    m_status->setToolTip(m_status->text());
}

void DiagnoseWorkspace::exportRedactedLogs()
{
    if (!m_report || m_thread)
        return;
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Folder for the redacted copies"), QDir::homePath());
    if (dir.isEmpty())
        return;
    QStringList sources{m_badPath};
    if (!m_goodPath.isEmpty())
        sources << m_goodPath;
    auto *thread = QThread::create([sources, dir] {
        for (const QString &source : sources) {
            const QString target = QDir(dir).filePath(QFileInfo(source).completeBaseName()
                                                      + QStringLiteral(".redacted.log"));
            (void)Tls::DiagnosisReportWriter::writeRedactedLog(source, target);
        }
    });
    m_status->setText(tr("Writing redacted copies…"));
    connect(thread, &QThread::finished, this, [this, thread] {
        thread->deleteLater();
        m_status->setText(tr("Redacted copies written"));
    });
    connect(this, &QObject::destroyed, thread, [thread] { thread->wait(); });
    thread->start();
}

} // namespace Forgeline::Ui
