// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/records/recordladdermodel.h"

#include "core/tls/handshaketrace.h"
#include "core/tls/records/dissectreport.h"
#include "core/tls/records/tlsnames.h"

#include <QVariantMap>

namespace Forgeline::Ui {

RecordLadderModel::RecordLadderModel(QObject *parent) : QAbstractTableModel(parent) {}

void RecordLadderModel::setStream(const Tls::TlsStream *stream, bool positionsAreLines)
{
    beginResetModel();
    m_stream = stream;
    m_lines = positionsAreLines;
    endResetModel();
}

const Tls::TlsRecord *RecordLadderModel::record(int row) const
{
    return m_stream && row >= 0 && row < m_stream->records.size() ? &m_stream->records.at(row)
                                                                  : nullptr;
}

int RecordLadderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_stream ? 0 : int(m_stream->records.size());
}

int RecordLadderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordLadderModel::data(const QModelIndex &index, int role) const
{
    const Tls::TlsRecord *r = record(index.row());
    if (!r)
        return {};
    const bool c2s = r->dir == Tls::RecordDirection::ClientToServer;
    if (role == ClientToServerRole)
        return c2s;
    if (role == EncryptedRole)
        return r->encrypted;
    if (role == SegmentsRole) {
        QVariantList segments;
        for (const Tls::MessagePiece &p : r->pieces) {
            segments << QVariantMap{{QStringLiteral("name"), p.name},
                                    {QStringLiteral("type"), p.type},
                                    {QStringLiteral("fragment"), Tls::fragmentId(p.fragment)},
                                    {QStringLiteral("offset"), p.offset},
                                    {QStringLiteral("size"), p.size}};
        }
        return segments;
    }
    if (role == Qt::ToolTipRole)
        return Tls::DissectReportWriter::recordSummary(*r);
    if (role == Qt::TextAlignmentRole && index.column() == Length)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Position: return r->position;
    case Direction: return c2s ? tr("client → server") : tr("server → client");
    case Type: {
        QString type = r->sslv2 ? tr("SSLv2 hello") : Tls::contentTypeName(r->type);
        if (r->encrypted)
            type += tr(" (encrypted)");
        if (r->alertLevel >= 0)
            type += QStringLiteral(": %1").arg(Tls::alertDescriptionName(r->alertDescription));
        return type;
    }
    case Length: return qint64(r->length);
    case Framing: {
        QStringList names;
        for (const Tls::MessagePiece &p : r->pieces)
            names << p.name;
        return names.join(QStringLiteral(", "));
    }
    default: return {};
    }
}

QVariant RecordLadderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Position: return m_lines ? tr("Line") : tr("Frame");
    case Direction: return tr("Direction");
    case Type: return tr("Record");
    case Length: return tr("Length");
    case Framing: return tr("Handshake messages in the record");
    default: return {};
    }
}

} // namespace Forgeline::Ui
