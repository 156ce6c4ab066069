// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/tls/records/dissectreport.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTextBrowser;
class QThread;
class QTreeWidget;

namespace Forgeline::Ui {

class RecordLadderModel;

// Records: open or drop a capture (pcap, pcapng), a device log or paste a hex dump; pick a
// stream; see its records as a ladder with the handshake messages inside each record, the
// fields and bytes of the selected record, and what the framing means for an embedded peer.
class RecordsWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit RecordsWorkspace(QWidget *parent = nullptr);
    ~RecordsWorkspace() override;

    void openFile(const QString &path);
    void openText(const QByteArray &text);

    // For tests and the docs' screenshots.
    RecordLadderModel *ladderModel() const { return m_ladder; }
    QTableView *ladderView() const { return m_ladderView; }
    QListView *streamsView() const { return m_streamsView; }
    QTreeWidget *detailsTree() const { return m_details; }
    QPlainTextEdit *hexView() const { return m_hex; }
    QTextBrowser *findingsView() const { return m_findings; }
    const Tls::DissectReport *report() const { return m_report.get(); }

Q_SIGNALS:
    void dissected(bool ok);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void start(
        const QString &title,
        std::function<Result<Tls::DissectReport>(const std::function<bool(qint64, qint64)> &)> job);
    void finished(Result<Tls::DissectReport> result);
    void showStream(int row);
    void showRecord(int row);
    void showFindings(int streamId);
    void askForFile();
    void askForText();

    std::unique_ptr<Tls::DissectReport> m_report;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QStandardItemModel *m_streams = nullptr;
    QListView *m_streamsView = nullptr;
    RecordLadderModel *m_ladder = nullptr;
    QTableView *m_ladderView = nullptr;
    QTreeWidget *m_details = nullptr;
    QPlainTextEdit *m_hex = nullptr;
    QTextBrowser *m_findings = nullptr;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
};

} // namespace Forgeline::Ui
