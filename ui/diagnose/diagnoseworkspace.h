// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QThread;
class QTimer;

namespace Forgeline::Tls {
struct DiagnosisReport;
}

namespace Forgeline::Ui {

class FindingsPanel;
class LadderModel;
class LogFileModel;

// Diagnose: open or drop a failing log (and optionally a working one); they are indexed and
// diagnosed on a worker thread (progress, cancel); the handshakes appear as a ladder with the
// first divergence highlighted, the raw logs follow clicks, the findings list the ranked
// diagnoses with evidence and fixes; the report and redacted logs can be exported.
// Files: diagnoseworkspaceui.cpp (widgets), diagnoseworkspace.cpp (the run), diagnosefiles.cpp
// (open, drop, export). Its 22 members are one screen's widgets and one run's state.
class DiagnoseWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit DiagnoseWorkspace(QWidget *parent = nullptr);
    ~DiagnoseWorkspace() override;

    // Starts reading and diagnosing; returns at once. diagnosisFinished() tells when done.
    void loadLogs(const QString &failingLog, const QString &workingLog = {});
    void cancel();
    bool isBusy() const;

    LadderModel *ladderModel() const { return m_ladder; }
    QTableView *ladderView() const { return m_ladderView; }
    FindingsPanel *findingsPanel() const { return m_findings; }
    LogFileModel *failingLogModel() const { return m_badLog; }
    const Tls::DiagnosisReport *report() const { return m_report.get(); }

Q_SIGNALS:
    void diagnosisFinished(bool ok);
    // "Show records": the failing log's dumped TLS records, in the Records workspace.
    void recordsRequested(const QString &logPath);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct Job;
    void chooseFailingLog();
    void chooseWorkingLog();
    void jobFinished();
    void showStep(const QModelIndex &index);
    void showLine(bool working, qint64 line);
    void exportReport();
    void exportRedactedLogs();
    void setBusy(bool busy);
    void showProgress();

    QString m_badPath;
    QString m_goodPath;
    std::shared_ptr<Job> m_job;
    QThread *m_thread = nullptr;
    QTimer *m_progressTimer = nullptr;
    std::shared_ptr<const Tls::DiagnosisReport> m_report;

    QPushButton *m_openBad = nullptr;
    QPushButton *m_openGood = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_exportReport = nullptr;
    QPushButton *m_exportLogs = nullptr;
    QPushButton *m_showRecords = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_files = nullptr;
    QLabel *m_status = nullptr;
    LadderModel *m_ladder = nullptr;
    QTableView *m_ladderView = nullptr;
    FindingsPanel *m_findings = nullptr;
    LogFileModel *m_goodLog = nullptr;
    LogFileModel *m_badLog = nullptr;
    QTableView *m_goodLogView = nullptr;
    QTableView *m_badLogView = nullptr;
};

} // namespace Forgeline::Ui
