// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/records/tlsrecord.h"

#include <QAbstractTableModel>

namespace Forgeline::Ui {

// The records of one stream, one row each, for the ladder view. The Framing column carries
// the record's handshake-message pieces (SegmentsRole) for RecordLadderDelegate to draw.
class RecordLadderModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Position, Direction, Type, Length, Framing, ColumnCount };
    enum Role { SegmentsRole = Qt::UserRole + 1, ClientToServerRole, EncryptedRole };

    explicit RecordLadderModel(QObject *parent = nullptr);

    void setStream(const Tls::TlsStream *stream, bool positionsAreLines);
    const Tls::TlsRecord *record(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const Tls::TlsStream *m_stream = nullptr;
    bool m_lines = false;
};

} // namespace Forgeline::Ui
