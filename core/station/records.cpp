// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/records.h"

#include "core/station/stationdatabase.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace Forgeline::Station {

namespace {

const QString kComponent = QStringLiteral("records");

QJsonArray writtenToJson(const QList<WrittenRegion> &written)
{
    QJsonArray a;
    for (const WrittenRegion &w : written)
        a.append(
            QJsonObject{{QStringLiteral("partition"), w.name},
                        {QStringLiteral("address"), QStringLiteral("0x%1").arg(w.address, 0, 16)},
                        {QStringLiteral("length"), qint64(w.length)},
                        {QStringLiteral("md5"), w.md5}});
    return a;
}

QList<WrittenRegion> writtenFromJson(const QString &text)
{
    QList<WrittenRegion> out;
    const QJsonArray a = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const auto &v : a) {
        const QJsonObject o = v.toObject();
        WrittenRegion w;
        w.name = o.value(QStringLiteral("partition")).toString();
        w.address = o.value(QStringLiteral("address")).toString().toUInt(nullptr, 0);
        w.length = quint32(o.value(QStringLiteral("length")).toInteger());
        w.md5 = o.value(QStringLiteral("md5")).toString();
        out.append(w);
    }
    return out;
}

// A spreadsheet runs a cell that starts with = + - @ as a formula, and some of these texts come
// from devices and networks (error texts, SSIDs): defuse them with a leading apostrophe, which
// spreadsheets show as text. Negative numbers ("-0x7500", "-29952") are left as they are.
QString defuseFormula(const QString &s)
{
    if (s.isEmpty())
        return s;
    const QChar c = s.front();
    const bool negativeNumber = c == QLatin1Char('-') && s.size() > 1 && s.at(1).isDigit();
    if ((c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('@')
         || c == QLatin1Char('-') || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
        && !negativeNumber)
        return QLatin1Char('\'') + s;
    return s;
}

QString csvField(const QString &raw)
{
    const QString s = defuseFormula(raw);
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"'))
        && !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

} // namespace

StationRecord StationRecord::fromJson(const QJsonObject &o)
{
    StationRecord r;
    r.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    r.station = o.value(QStringLiteral("station")).toString();
    r.operatorName = o.value(QStringLiteral("operator")).toString();
    r.port = o.value(QStringLiteral("port")).toString();
    r.chip = o.value(QStringLiteral("chip")).toString();
    r.mac = o.value(QStringLiteral("mac")).toString();
    r.pairId = o.value(QStringLiteral("pairId")).toString();
    r.certFingerprint = o.value(QStringLiteral("certFingerprint")).toString();
    r.certSerial = o.value(QStringLiteral("certSerial")).toString();
    r.written = writtenFromJson(
        QString::fromUtf8(QJsonDocument(o.value(QStringLiteral("written")).toArray()).toJson()));
    r.provision = o.value(QStringLiteral("provision")).toString();
    r.result = verdictFromName(o.value(QStringLiteral("result")).toString());
    r.failedStep = o.value(QStringLiteral("failedStep")).toString();
    r.error = o.value(QStringLiteral("error")).toString();
    r.diagnosisId = o.value(QStringLiteral("diagnosisId")).toString();
    r.attempt = o.value(QStringLiteral("attempt")).toInt(1);
    r.elapsedMs = o.value(QStringLiteral("elapsedMs")).toInteger();
    return r;
}

QJsonObject StationRecord::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("station"), station},
        {QStringLiteral("operator"), operatorName},
        {QStringLiteral("port"), port},
        {QStringLiteral("chip"), chip},
        {QStringLiteral("mac"), mac},
        {QStringLiteral("pairId"), pairId},
        {QStringLiteral("certFingerprint"), certFingerprint},
        {QStringLiteral("certSerial"), certSerial},
        {QStringLiteral("written"), writtenToJson(written)},
        {QStringLiteral("provision"), provision},
        {QStringLiteral("result"), verdictName(result)},
        {QStringLiteral("failedStep"), failedStep},
        {QStringLiteral("error"), error},
        {QStringLiteral("diagnosisId"), diagnosisId},
        {QStringLiteral("attempt"), attempt},
        {QStringLiteral("elapsedMs"), elapsedMs},
    };
}

Result<void> RecordStore::prepare()
{
    // One station at a time creates or migrates the schema; the others then see it done.
    return m_db.runExclusive([this] { return prepareLocked(); });
}

Result<void> RecordStore::prepareLocked()
{
    auto version = m_db.schemaVersion(kComponent);
    if (!version)
        return version.error();
    // Each step migrates one version forward, so an older database catches up in order.
    if (*version < 1) {
        const QString idColumn = m_db.kind() == StationDatabase::Kind::Postgres
                                     ? QStringLiteral("id BIGSERIAL PRIMARY KEY")
                                     : QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT");
        if (auto r = m_db.exec(
                QStringLiteral("CREATE TABLE IF NOT EXISTS station_records (") + idColumn
                + QStringLiteral(
                    ", time VARCHAR(40) NOT NULL, station VARCHAR(255), operator VARCHAR(255),"
                    " port VARCHAR(512), chip VARCHAR(64), mac VARCHAR(32), pair_id VARCHAR(255),"
                    " cert_fingerprint VARCHAR(128), cert_serial VARCHAR(128), written TEXT,"
                    " provision TEXT, result VARCHAR(16), failed_step VARCHAR(64), error TEXT,"
                    " diagnosis_id VARCHAR(128))"));
            !r)
            return r;
        if (auto r = m_db.exec(QStringLiteral(
                "CREATE INDEX IF NOT EXISTS station_records_mac ON station_records (mac)"));
            !r)
            return r;
        if (auto r = m_db.setSchemaVersion(kComponent, 1); !r)
            return r;
        version = 1;
    }
    if (*version < 2) {
        if (auto r = m_db.exec(
                QStringLiteral("ALTER TABLE station_records ADD COLUMN attempt INTEGER DEFAULT 1"));
            !r)
            return r;
        if (auto r = m_db.exec(QStringLiteral(
                "ALTER TABLE station_records ADD COLUMN elapsed_ms BIGINT DEFAULT 0"));
            !r)
            return r;
        if (auto r = m_db.setSchemaVersion(kComponent, 2); !r)
            return r;
    }
    return {};
}

Result<qint64> RecordStore::add(const StationRecord &r)
{
    QSqlQuery q(m_db.db());
    const QString returning = m_db.kind() == StationDatabase::Kind::Postgres
                                  ? QStringLiteral(" RETURNING id")
                                  : QString();
    const QDateTime time = r.time.isValid() ? r.time : QDateTime::currentDateTimeUtc();
    if (auto e = m_db.exec(
            q,
            QStringLiteral(
                "INSERT INTO station_records (time, station, operator, port, chip, mac, pair_id, "
                "cert_fingerprint, cert_serial, written, provision, result, failed_step, error, "
                "diagnosis_id, attempt, elapsed_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                + returning,
            {time.toUTC().toString(Qt::ISODateWithMs), r.station, r.operatorName, r.port, r.chip,
             r.mac, r.pairId, r.certFingerprint, r.certSerial,
             QString::fromUtf8(
                 QJsonDocument(writtenToJson(r.written)).toJson(QJsonDocument::Compact)),
             r.provision, verdictName(r.result), r.failedStep, r.error, r.diagnosisId, r.attempt,
             r.elapsedMs});
        !e)
        return e.error();
    if (!returning.isEmpty())
        return q.next() ? q.value(0).toLongLong() : 0;
    return q.lastInsertId().toLongLong();
}

Result<QList<StationRecord>> RecordStore::list(const RecordFilter &filter)
{
    QString sql = QStringLiteral(
        "SELECT id, time, station, operator, port, chip, mac, pair_id, cert_fingerprint, cert_serial, "
        "written, provision, result, failed_step, error, diagnosis_id, attempt, elapsed_ms "
        "FROM station_records WHERE 1 = 1");
    QVariantList bind;
    if (!filter.mac.isEmpty() && filter.macPartial) {
        // Operators type the last bytes printed on the label; '%' and '_' are not MAC characters.
        QString part = filter.mac;
        part.remove(QLatin1Char('%')).remove(QLatin1Char('_'));
        sql += QStringLiteral(" AND LOWER(mac) LIKE LOWER(?)");
        bind << QString(QLatin1Char('%') + part + QLatin1Char('%'));
    } else if (!filter.mac.isEmpty()) {
        sql += QStringLiteral(" AND LOWER(mac) = LOWER(?)");
        bind << filter.mac;
    }
    if (!filter.station.isEmpty()) {
        sql += QStringLiteral(" AND station = ?");
        bind << filter.station;
    }
    if (filter.result) {
        sql += QStringLiteral(" AND result = ?");
        bind << verdictName(*filter.result);
    }
    sql += filter.newestFirst ? QStringLiteral(" ORDER BY id DESC")
                              : QStringLiteral(" ORDER BY id");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery q(m_db.db());
    if (auto e = m_db.exec(q, sql, bind); !e)
        return e.error();
    QList<StationRecord> out;
    while (q.next()) {
        StationRecord r;
        r.id = q.value(0).toLongLong();
        r.time = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        r.station = q.value(2).toString();
        r.operatorName = q.value(3).toString();
        r.port = q.value(4).toString();
        r.chip = q.value(5).toString();
        r.mac = q.value(6).toString();
        r.pairId = q.value(7).toString();
        r.certFingerprint = q.value(8).toString();
        r.certSerial = q.value(9).toString();
        r.written = writtenFromJson(q.value(10).toString());
        r.provision = q.value(11).toString();
        r.result = verdictFromName(q.value(12).toString());
        r.failedStep = q.value(13).toString();
        r.error = q.value(14).toString();
        r.diagnosisId = q.value(15).toString();
        r.attempt = q.value(16).toInt();
        r.elapsedMs = q.value(17).toLongLong();
        out.append(r);
    }
    return out;
}

QString RecordStore::toCsv(const QList<StationRecord> &records)
{
    QString out = QStringLiteral(
        "id,time,station,operator,port,chip,mac,pair_id,cert_fingerprint,cert_serial,written,"
        "provision,result,failed_step,error,diagnosis_id,attempt,elapsed_ms\n");
    for (const StationRecord &r : records) {
        QStringList written;
        for (const WrittenRegion &w : r.written)
            written << QStringLiteral("%1@0x%2:%3:%4")
                           .arg(w.name)
                           .arg(w.address, 0, 16)
                           .arg(w.length)
                           .arg(w.md5);
        const QStringList cols{QString::number(r.id),
                               r.time.toUTC().toString(Qt::ISODateWithMs),
                               r.station,
                               r.operatorName,
                               r.port,
                               r.chip,
                               r.mac,
                               r.pairId,
                               r.certFingerprint,
                               r.certSerial,
                               written.join(QLatin1Char(' ')),
                               r.provision,
                               verdictName(r.result),
                               r.failedStep,
                               r.error,
                               r.diagnosisId,
                               QString::number(r.attempt),
                               QString::number(r.elapsedMs)};
        QStringList quoted;
        for (const QString &c : cols)
            quoted << csvField(c);
        out += quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

QJsonArray RecordStore::toJson(const QList<StationRecord> &records)
{
    QJsonArray a;
    for (const StationRecord &r : records)
        a.append(r.toJson());
    return a;
}

} // namespace Forgeline::Station
