// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocomm/messages.h"

#include <QAbstractTableModel>

namespace Forgeline::Ui {

// The networks a board reported in its Wi-Fi scan, strongest first.
class ScanResultModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Ssid, Signal, Channel, Security, Bssid, ColumnCount };

    explicit ScanResultModel(QObject *parent = nullptr);

    void setNetworks(const QList<Protocomm::ScanEntry> &networks);
    const Protocomm::ScanEntry &network(int row) const { return m_networks.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Protocomm::ScanEntry> m_networks;
};

} // namespace Forgeline::Ui
