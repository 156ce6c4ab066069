// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/laddermodel.h"

#include "ui/common/statuspalette.h"

#include <QBrush>
#include <QColor>

namespace Forgeline::Ui {

using T = Tls::HandshakeEvent::Type;

namespace {

int directionOf(const Tls::HandshakeEvent &e, bool serverSide)
{
    int d = 0;
    switch (e.type) {
    case T::MessageWritten:
    case T::RecordOut:
    case T::Sent:
    case T::AlertSent: d = 1; break;
    case T::MessageParsed:
    case T::RecordIn:
    case T::Received:
    case T::AlertReceived:
    case T::HandshakeMessage: d = 2; break;
    default: break;
    }
    if (serverSide && d != 0)
        d = 3 - d;
    return d;
}

bool isProblem(const Tls::HandshakeEvent &e)
{
    return e.code != 0 || e.type == T::AlertReceived || e.type == T::AlertSent
           || (e.type == T::Received && e.a == 0) || e.type == T::Notice || e.type == T::BufferLimit
           || e.type == T::AllocFailed || e.type == T::AppVerifyFailed || e.type == T::Timeout
           || (e.type == T::VerifyFlags && e.a != 0);
}

} // namespace

LadderModel::LadderModel(QObject *parent) : QAbstractTableModel(parent) {}

void LadderModel::setReport(std::shared_ptr<const Tls::DiagnosisReport> report)
{
    beginResetModel();
    m_report = std::move(report);
    m_steps.clear();
    m_divergenceRow = -1;
    if (m_report) {
        if (m_report->diff) {
            m_steps = m_report->diff->steps;
            if (const Tls::Divergence *d = m_report->diff->first()) {
                for (int i = 0; i < m_steps.size(); ++i) {
                    const bool hit = d->badEvent >= 0 ? m_steps.at(i).badEvent == d->badEvent
                                                      : m_steps.at(i).goodEvent == d->goodEvent;
                    if (hit) {
                        m_divergenceRow = i;
                        break;
                    }
                }
            }
        } else if (const Tls::HandshakeTrace *bad = m_report->badHandshake()) {
            for (int e : Tls::TraceDiff::skeletonEvents(*bad))
                m_steps.append({-1, e});
        }
    }
    endResetModel();
}

bool LadderModel::hasWorkingLog() const { return m_report && m_report->goodHandshake(); }

int LadderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

int LadderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Tls::HandshakeEvent *LadderModel::stepEvent(int row, bool working) const
{
    if (!m_report || row < 0 || row >= m_steps.size())
        return nullptr;
    const Tls::HandshakeTrace *trace
        = working ? m_report->goodHandshake() : m_report->badHandshake();
    const int index = working ? m_steps.at(row).goodEvent : m_steps.at(row).badEvent;
    if (!trace || index < 0 || index >= trace->events.size())
        return nullptr;
    return &trace->events.at(index);
}

QVariant LadderModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool working = index.column() == WorkingLine || index.column() == Working;
    const Tls::HandshakeEvent *e = stepEvent(index.row(), working);
    const Tls::HandshakeTrace *trace = working ? (m_report ? m_report->goodHandshake() : nullptr)
                                               : (m_report ? m_report->badHandshake() : nullptr);
    switch (role) {
    case Qt::DisplayRole:
        if (!e)
            return index.column() == Working || index.column() == Failing ? tr("(no such step)")
                                                                          : QVariant();
        if (index.column() == WorkingLine || index.column() == FailingLine)
            return e->line;
        return Tls::describeEvent(*e, trace);
    case Qt::ToolTipRole:
        return e ? tr("Line %1: %2").arg(e->line).arg(Tls::describeEvent(*e, trace)) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == WorkingLine || index.column() == FailingLine)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole:
        if (index.row() == m_divergenceRow)
            return QBrush(StatusPalette::application().background(Tone::Warning));
        if (!e && (index.column() == Working || index.column() == Failing) && hasWorkingLog())
            return QBrush(StatusPalette::application().background(Tone::Muted));
        return {};
    case DirectionRole: return e ? directionOf(*e, trace && trace->serverSide) : 0;
    case ProblemRole: return e ? isProblem(*e) : false;
    case SourceLineRole: return e ? e->line : qint64(0);
    case DivergenceRole: return index.row() == m_divergenceRow;
    default: return {};
    }
}

QVariant LadderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WorkingLine: return tr("Line");
    case Working: return tr("Working: client ⇄ server");
    case FailingLine: return tr("Line");
    case Failing: return tr("Failing: client ⇄ server");
    default: return {};
    }
}

} // namespace Forgeline::Ui
