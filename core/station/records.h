// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/station/verdict.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Forgeline::Station {

class StationDatabase;

struct WrittenRegion
{
    QString name; // partition name, or "" when written by address
    quint32 address = 0;
    quint32 length = 0;
    QString md5; // hex, as the chip computed it
};

// One attempt at one board. Never the private key: the certificate is identified by its
// SHA-256 fingerprint and serial number.
struct StationRecord
{
    qint64 id = 0;
    QDateTime time;
    QString station;
    QString operatorName;
    QString port;
    QString chip;
    QString mac;
    QString pairId;
    QString certFingerprint; // SHA-256, hex
    QString certSerial;      // hex
    QList<WrittenRegion> written;
    QString provision; // "connected", "failed: ...", "skipped", "not reached"
    // Pass, Fail, or Cancelled (stopped by the operator: an attempt too). Stored, exported and
    // shown as verdictName()'s spelling.
    Verdict result = Verdict::None;
    QString failedStep;
    QString error;
    QString diagnosisId;
    int attempt = 1;
    qint64 elapsedMs = 0;

    QJsonObject toJson() const;
    // The inverse of toJson() (the id is not kept: a re-imported record gets a new one).
    static StationRecord fromJson(const QJsonObject &object);
};

struct RecordFilter
{
    QString mac;
    bool macPartial = false; // "f1:00:01" finds 24:0a:c4:f1:00:01 (the GUI filter box)
    QString station;
    // Unset: any. None matches no record (an unknown --result spelling finds nothing).
    std::optional<Verdict> result;
    bool newestFirst = false; // with `limit`: the latest N attempts
    int limit = 0;            // 0 = all
};

// Every attempt, in the station database (schema created and migrated here).
class RecordStore
{
public:
    explicit RecordStore(StationDatabase &db) : m_db(db) {}

    Result<void> prepare();
    Result<qint64> add(const StationRecord &record);
    Result<QList<StationRecord>> list(const RecordFilter &filter = {});

    static QString toCsv(const QList<StationRecord> &records);
    static QJsonArray toJson(const QList<StationRecord> &records);

private:
    Result<void> prepareLocked();
    StationDatabase &m_db;
};

} // namespace Forgeline::Station
