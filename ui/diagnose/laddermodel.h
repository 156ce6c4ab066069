// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/diagnosis.h"

#include <QAbstractTableModel>

#include <memory>

namespace Forgeline::Ui {

// The handshake(s) of a DiagnosisReport as rows of a sequence diagram: one row per step of
// the aligned skeletons, the working run on the left and the failing run on the right.
class LadderModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { WorkingLine, Working, FailingLine, Failing, ColumnCount };
    enum Role {
        DirectionRole = Qt::UserRole + 1, // int: 0 local, 1 client -> server, 2 server -> client
        ProblemRole,                      // bool: alert, error or peer close
        SourceLineRole, // qint64 line in that log (0 when the run has no such step)
        DivergenceRole, // bool: the first divergence row
    };

    explicit LadderModel(QObject *parent = nullptr);

    void setReport(std::shared_ptr<const Tls::DiagnosisReport> report);
    bool hasWorkingLog() const;
    int divergenceRow() const { return m_divergenceRow; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const Tls::HandshakeEvent *stepEvent(int row, bool working) const;

    std::shared_ptr<const Tls::DiagnosisReport> m_report;
    QList<Tls::AlignedStep> m_steps;
    int m_divergenceRow = -1;
};

} // namespace Forgeline::Ui
