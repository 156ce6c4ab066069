// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/flasher/flashjob.h"
#include "core/sim/romserialserver.h"
#include "ui/common/statusbanner.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;

namespace Forgeline::Ui {

class PartitionTableModel;
class PreflightPanel;

// Flashing certificates and keys into a board's partitions: pick a port (or the virtual
// board), connect to read chip, MAC, flash and partition table, choose a file and format
// (size against the partition shown), write with progress/ETA and cancel, verify, and
// restore any backup with one click. Every operation is a FlashJob on the event loop.
// The certificate/key preflight sits beside the write controls and gates Write: a red check
// disables it until the files are fixed or "Write anyway" is ticked (logged as an override).
class FlashWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit FlashWorkspace(QWidget *parent = nullptr);
    ~FlashWorkspace() override;

    // The virtual board paces bytes at the baud rate; tests switch that off.
    void setVirtualBoardTiming(bool on) { m_virtualTiming = on; }
    Sim::RomSerialServer *virtualBoard() const { return m_virtual; }
    void setBackupDirectory(const QString &dir);

    QString portText() const;
    void setPortText(const QString &port);
    void setPayloadFile(const QString &path);
    void selectPartition(const QString &name);
    void setFormat(const QString &name);
    // Target layout (flashstores.cpp): "raw" (the file as it is), "nvs" (an NVS partition built
    // from a CSV template whose {certificate}, {key}, {mac} placeholders take the chosen files
    // and the board's MAC) or "secure-cert" (an esp_secure_cert TLV partition).
    void setLayoutName(const QString &name);
    QString layoutName() const;
    void setStoreFiles(const QString &key, const QString &ca = {}, const QString &csv = {},
                       const QString &nvsKeys = {});
    QString inspectionText() const { return m_inspection; }
    void setFlashEncryptionKeyFile(const QString &path);
    QString bannerText() const;
    QString payloadSummary() const;
    bool isBusy() const { return m_job && m_job->running(); }
    const Flasher::BoardInfo &board() const { return m_board; }
    int partitionCount() const;
    int backupCount() const;
    QString newestBackup() const;

    // Preflight inputs (a PEM certificate may carry its chain; CAs separated by ';').
    void setPreflightFiles(const QString &cert, const QString &key, const QString &chain = {},
                           const QStringList &cas = {});
    PreflightPanel *preflightPanel() const { return m_preflight; }
    bool canWrite() const;
    QString writeGateText() const;
    void setWriteAnyway(bool on);
    // App writes into factory/ota_N of a table with otadata (flashbootswitch.cpp).
    bool makeBootPartition() const;
    void setMakeBootPartition(bool on);

public Q_SLOTS:
    void refreshPorts();
    void startVirtualBoard();
    void connectBoard();
    void write();
    void verify();
    void restoreSelected();
    void restoreBackup(const QString &path);
    void cancel();
    // Reads the chosen partition and says what it holds (NVS, esp_secure_cert: which
    // certificate; secrets summarised), in a window and the banner.
    void inspectPartition();

Q_SIGNALS:
    void jobFinished(bool ok);
    // "Monitor": watch this board's serial log in the Monitor workspace.
    void monitorRequested(const QString &port);
    // The in-process virtual board listens at `address` (again after it moved).
    void virtualBoardStarted(const QString &address);
    void statusMessage(const QString &text);

private:
    enum class Action { None, Connect, Write, Verify, Restore, Inspect };
    void buildUi();
    void run(Action action, Flasher::FlashJobRequest request);
    void onFinished(const Result<Flasher::FlashJobOutcome> &result);
    void onProgress(const QString &stage, qint64 done, qint64 total);
    void updatePayloadSummary();
    void updateButtons();
    void reloadBackups();
    void showBanner(bool ok, const QString &text);
    Flasher::FlashJobRequest baseRequest(Flasher::FlashJobRequest::Kind kind) const;
    Result<QByteArray> payloadBytes() const;
    // Certificate stores (flashstores.cpp).
    void buildStoreRows(QFormLayout *form, QWidget *box);
    void updateLayoutRows();
    Result<QByteArray> storeBytes() const;
    void showInspection(const Flasher::FlashJobOutcome &outcome);
    // Preflight wiring (flashpreflight.cpp).
    QWidget *buildPreflightBox();
    void adoptPayloadForPreflight();
    void updatePreflightInputs();
    void updatePreflightPartitions();
    bool preflightConfigured() const;
    bool preflightBlocksWrite() const;
    void updateWriteGate();
    QString failingChecksText() const;
    void buildBootSwitchRow(QFormLayout *form, QWidget *box);
    void updateBootSwitchRow();
    QString bootSwitchText(const Flasher::FlashJobOutcome &outcome) const;

    QComboBox *m_port = nullptr;
    QComboBox *m_baud = nullptr;
    QPushButton *m_connect = nullptr;
    QLabel *m_chip = nullptr;
    QLabel *m_mac = nullptr;
    QLabel *m_flash = nullptr;
    QLabel *m_security = nullptr;
    QTableView *m_tableView = nullptr;
    PartitionTableModel *m_table = nullptr;
    QComboBox *m_partition = nullptr;
    QLineEdit *m_file = nullptr;
    QComboBox *m_format = nullptr;
    QFormLayout *m_writeForm = nullptr;
    QComboBox *m_layout = nullptr;
    QLineEdit *m_storeKey = nullptr;
    QLineEdit *m_storeCa = nullptr;
    QLineEdit *m_storeCsv = nullptr;
    QLineEdit *m_storeKeys = nullptr;
    QList<QLayout *> m_storeRows;
    QLineEdit *m_flashKey = nullptr;  // shown when the board's flash encryption is on
    QLayout *m_flashKeyRow = nullptr; // key, CA, CSV, NVS keys: the form rows they sit in
    QPushButton *m_inspect = nullptr;
    QString m_inspection;
    QLabel *m_payloadInfo = nullptr;
    QPushButton *m_write = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_stage = nullptr;
    StatusBanner *m_banner = nullptr;
    QListWidget *m_backups = nullptr;
    QPushButton *m_restore = nullptr;
    PreflightPanel *m_preflight = nullptr;
    QLineEdit *m_pfCert = nullptr;
    QLineEdit *m_pfKey = nullptr;
    QLineEdit *m_pfChain = nullptr;
    QLineEdit *m_pfCa = nullptr;
    QCheckBox *m_writeAnyway = nullptr;
    QCheckBox *m_setBoot = nullptr;
    QLabel *m_writeGate = nullptr;
    QString m_autoCert; // what adoptPayloadForPreflight() filled in, so a new payload replaces it
    QString m_autoKey;
    QString m_certPartition; // where the certificate / key go, for the partition-size check
    QString m_keyPartition;
    std::optional<qint64> m_fedCertSize;
    std::optional<qint64> m_fedKeySize;
    QStringList m_fedFiles;

    Flasher::FlashJob *m_job = nullptr;
    Action m_action = Action::None;
    Flasher::BoardInfo m_board;
    QByteArray m_lastWritten;
    QString m_lastPartition;
    QString m_backupDir;
    QPointer<Sim::RomSerialServer> m_virtual;
    bool m_virtualTiming = true;
    QElapsedTimer m_phaseClock;
    QString m_phase;
};

} // namespace Forgeline::Ui
