// SPDX-License-Identifier: GPL-3.0-or-later
// The Monitor workspace's captures: the kept log written to a file to save, or to open in
// Diagnose (alone or against a working board's capture).
#include "ui/monitor/monitorworkspace.h"

#include "ui/monitor/monitorlogmodel.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QSaveFile>
#include <QStandardPaths>

namespace Forgeline::Ui {

QString MonitorWorkspace::writeCapture(bool lastConnectionOnly) const
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    const QString path = QDir(dir).filePath(
        QStringLiteral("forgeline-monitor-%1.log")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss-zzz"))));
    const qint64 from = lastConnectionOnly && m_lastHandshake ? m_lastHandshake->firstLine : 0;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    for (const QString &line : m_model->texts(from)) {
        f.write(line.toUtf8());
        f.write("\n");
    }
    return f.commit() ? path : QString();
}

void MonitorWorkspace::diagnoseThis()
{
    flushPending();
    const QString path = writeCapture(m_lastHandshake && !m_lastHandshake->ok);
    if (!path.isEmpty())
        Q_EMIT diagnoseRequested(path, QString());
}

void MonitorWorkspace::compareWithWorking(const QString &workingCapture)
{
    QString working = workingCapture;
    if (working.isEmpty())
        working = QFileDialog::getOpenFileName(this, tr("A capture of a board that connects"), {},
                                               tr("Logs (*.log *.txt *.gz);;All files (*)"));
    if (working.isEmpty())
        return;
    flushPending();
    const QString path = writeCapture(m_lastHandshake && !m_lastHandshake->ok);
    if (!path.isEmpty())
        Q_EMIT diagnoseRequested(path, working);
}

void MonitorWorkspace::saveTo(const QString &target)
{
    QString path = target;
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Save the log"), QStringLiteral("board.log"),
                                            tr("Logs (*.log)"));
    if (path.isEmpty())
        return;
    flushPending();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return;
    for (const QString &line : m_model->texts()) {
        f.write(line.toUtf8());
        f.write("\n");
    }
    if (f.commit())
        Q_EMIT statusMessage(
            tr("Saved %1 lines to %2 (secrets removed).").arg(m_model->rowCount()).arg(path));
}

} // namespace Forgeline::Ui
