// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/tls/preflight.h"

#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QThread;
class QTreeWidget;

namespace Forgeline::Ui {

// One row per preflight check, green / amber / red, with the error the device would report, its
// decoded meaning and the fix. Runs the engine off the GUI thread whenever its inputs change;
// the Flash workspace embeds it and refuses to write while hasRed() (unless overridden).
class PreflightPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PreflightPanel(QWidget *parent = nullptr);
    ~PreflightPanel() override;

    // Empty cert/key with a p12 path uses the archive. The password stays in memory only.
    void setFiles(const QString &certFile, const QString &keyFile, const QString &chainFile = {},
                  const QStringList &caFiles = {}, const QString &p12File = {},
                  const QByteArray &password = {});
    void setTarget(const QString &targetId);
    void setDeviceClock(Tls::DeviceClock clock);
    void setOverrides(const QStringList &overrides);
    void setPartitionSizes(std::optional<qint64> certPartition,
                           std::optional<qint64> keyPartition = std::nullopt);

    QString target() const;
    bool isRunning() const;
    bool hasRed() const { return m_hasRed; }
    // The last finished run: a report, or the error that kept it from running.
    const std::optional<Result<Tls::PreflightReport>> &lastResult() const { return m_last; }

Q_SIGNALS:
    void resultChanged(bool hasRed); // after every finished run
    void runStarted();

private:
    void schedule();
    void startRun();
    void onRunFinished();
    void showResult();

    Tls::PreflightInputs m_inputs;
    bool m_pending = false;
    bool m_hasRed = false;
    std::optional<Result<Tls::PreflightReport>> m_last;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::optional<Result<Tls::PreflightReport>>> m_inFlight;

    QComboBox *m_targetBox = nullptr;
    QComboBox *m_clockBox = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace Forgeline::Ui
