// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image/partitiontable.h"

#include <QGroupBox>
#include <QStringList>

#include <optional>

class QLineEdit;

namespace Forgeline::Ui {

class PreflightPanel;

// The Flash workspace's certificate/key preflight: the certificate, key, chain and CA fields
// above a PreflightPanel, what fills them on their own (the payload chosen for writing, the
// store's key) and the partition sizes it checks against. It answers whether Write must wait
// or is refused; the workspace shows that beside its Write button.
class FlashPreflightFields : public QGroupBox
{
    Q_OBJECT
public:
    explicit FlashPreflightFields(QWidget *parent = nullptr);

    PreflightPanel *panel() const { return m_panel; }
    void setFiles(const QString &cert, const QString &key, const QString &chain,
                  const QStringList &cas);
    // The file chosen for writing into `partition` ("" when none): a certificate or a key is
    // checked too, unless the user typed another one into its field.
    void adoptPayload(const QString &path, const QString &partition);
    // The store's private key, with the same rule.
    void adoptKey(const QString &path);
    // The table read from the board: sizes for the partition-size check.
    void setPartitionTable(const Image::PartitionTable &table);

    bool configured() const; // a certificate and a key to check
    // True while the answer is on its way, or when it is red and not overridden.
    bool blocksWrite(bool overridden) const;
    bool predictsFailure() const; // a finished run with a red check
    QString failingChecksText() const;
    // What the Write button's gate says ("" when nothing to say).
    QString gateText(bool overridden) const;

Q_SIGNALS:
    // A new run started: an override answered the last result only.
    void runStarted();
    // Inputs fed to the panel or its answer changed: whether Write is allowed may differ.
    void changed();

private:
    void updateInputs();
    void updatePartitions();

    PreflightPanel *m_panel = nullptr;
    QLineEdit *m_cert = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_chain = nullptr;
    QLineEdit *m_ca = nullptr;
    QString m_autoCert; // what adoptPayload() filled in, so a new payload replaces it
    QString m_autoKey;
    QString m_certPartition; // where the certificate / key go, for the partition-size check
    QString m_keyPartition;
    Image::PartitionTable m_table;
    std::optional<qint64> m_fedCertSize;
    std::optional<qint64> m_fedKeySize;
    QStringList m_fedFiles;
};

} // namespace Forgeline::Ui
