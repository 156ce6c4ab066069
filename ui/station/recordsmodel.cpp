// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/station/recordsmodel.h"

#include "ui/common/statuspalette.h"

#include <QBrush>
#include <QColor>

namespace Forgeline::Ui {

void RecordsModel::setRecords(QList<Station::StationRecord> records)
{
    beginResetModel();
    m_records = std::move(records);
    endResetModel();
}

int RecordsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RecordsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const Station::StationRecord &r = m_records.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == Result)
        return QBrush(StatusPalette::application().text(
            r.result == Station::Verdict::Pass        ? Tone::Success
            : r.result == Station::Verdict::Cancelled ? Tone::Warning
                                                      : Tone::Error));
    if (role == Qt::ToolTipRole && index.column() == Certificate && !r.certFingerprint.isEmpty())
        return tr("SHA-256 %1\nserial %2").arg(r.certFingerprint, r.certSerial);
    if (role == Qt::ToolTipRole && (index.column() == Error || index.column() == Provisioning))
        return data(index, Qt::DisplayRole);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time: return r.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Station: return r.station;
    case Operator: return r.operatorName;
    case Port: return r.port;
    case Chip: return r.chip;
    case Mac: return r.mac;
    case Certificate: return r.pairId;
    case Result: return Station::verdictName(r.result);
    case Provisioning: return r.provision;
    case Error:
        return r.failedStep.isEmpty() ? r.error : r.failedStep + QStringLiteral(": ") + r.error;
    case Diagnosis: return r.diagnosisId;
    default: return {};
    }
}

QVariant RecordsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Station: return tr("Station");
    case Operator: return tr("Operator");
    case Port: return tr("Port");
    case Chip: return tr("Chip");
    case Mac: return tr("MAC");
    case Certificate: return tr("Certificate");
    case Result: return tr("Result");
    case Provisioning: return tr("Provisioning");
    case Error: return tr("Error");
    case Diagnosis: return tr("Diagnosis");
    default: return {};
    }
}

} // namespace Forgeline::Ui
