// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/provision/scanresultmodel.h"

namespace Forgeline::Ui {

ScanResultModel::ScanResultModel(QObject *parent) : QAbstractTableModel(parent) {}

void ScanResultModel::setNetworks(const QList<Protocomm::ScanEntry> &networks)
{
    beginResetModel();
    m_networks = networks;
    endResetModel();
}

int ScanResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_networks.size());
}

int ScanResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScanResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_networks.size())
        return {};
    const Protocomm::ScanEntry &e = m_networks.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Ssid: return e.ssid.isEmpty() ? tr("(hidden)") : QString::fromUtf8(e.ssid);
        case Signal: return tr("%1 dBm").arg(e.rssi);
        case Channel: return int(e.channel);
        case Security: return Protocomm::authModeName(e.authMode);
        case Bssid: return QString::fromLatin1(e.bssid.toHex(':'));
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Signal || index.column() == Channel))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Signal) {
        const QString quality = e.rssi >= -55   ? tr("strong")
                                : e.rssi >= -70 ? tr("usable")
                                                : tr("weak");
        return tr("%1 dBm (%2)").arg(e.rssi).arg(quality);
    }
    if (role == Qt::UserRole)
        return QString::fromUtf8(e.ssid);
    return {};
}

QVariant ScanResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Ssid: return tr("Network (SSID)");
    case Signal: return tr("Signal");
    case Channel: return tr("Channel");
    case Security: return tr("Security");
    case Bssid: return tr("BSSID");
    default: return {};
    }
}

} // namespace Forgeline::Ui
