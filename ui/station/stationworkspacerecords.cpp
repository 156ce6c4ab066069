// SPDX-License-Identifier: GPL-3.0-or-later
// The Station workspace's records: listing the latest attempts the filters select for the
// records panel, and exporting all of them, both answered by the store's thread.
#include "ui/station/stationworkspace.h"

#include "ui/station/stationrecordspanel.h"

#include <QFile>
#include <QJsonDocument>

namespace Forgeline::Ui {

using namespace Station;

void StationWorkspace::refreshRecords()
{
    if (!m_line->store() || !m_line->store()->hasRecords())
        return;
    // A shared line database holds years of attempts: the table shows the latest ones, the
    // export (and `forgeline-cli records`) has them all.
    RecordFilter filter = m_recordsPanel->filter();
    filter.limit = RecordsShown;
    const int request = ++m_recordsRequest;
    m_line->store()->listRecords(filter, this, [this, request](Result<QList<StationRecord>> list) {
        if (request != m_recordsRequest)
            return; // the filter changed meanwhile: a newer answer is on its way
        if (!list) {
            setStatus(list.error().message);
            return;
        }
        m_recordsPanel->setRecords(std::move(*list));
        Q_EMIT recordsShown();
    });
}

int StationWorkspace::recordRows() const { return m_recordsPanel->rowCount(); }

void StationWorkspace::exportRecords(const QString &path, const QString &format)
{
    if (!m_line->store() || !m_line->store()->hasRecords()) {
        Q_EMIT exportFinished(false, tr("Nothing to export yet."));
        return;
    }
    RecordFilter filter = m_recordsPanel->filter();
    filter.newestFirst = false; // an export reads in the order things happened
    m_line->store()->listRecords(
        filter, this, [this, path, format](Result<QList<StationRecord>> list) {
            if (!list) {
                Q_EMIT exportFinished(false, list.error().message);
                return;
            }
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly)) {
                Q_EMIT exportFinished(false, tr("Cannot write the export.") + QLatin1Char(' ')
                                                 + path + QStringLiteral(": ") + f.errorString());
                return;
            }
            f.write(format == QStringLiteral("json")
                        ? QJsonDocument(RecordStore::toJson(*list)).toJson()
                        : RecordStore::toCsv(*list).toUtf8());
            Q_EMIT exportFinished(true, path);
        });
}

} // namespace Forgeline::Ui
