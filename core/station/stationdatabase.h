// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <functional>

class QSqlQuery;

namespace Forgeline::Station {

// One QtSql connection opened from a URL: "sqlite:///abs/path.sqlite", a plain file path, or
// "postgresql://user:pass@host:port/dbname". Every object that talks to the database owns
// its own connection (a QSqlDatabase name is per thread), so two stores never share state.
class StationDatabase
{
public:
    enum class Kind { Sqlite, Postgres };

    StationDatabase() = default;
    ~StationDatabase();
    StationDatabase(const StationDatabase &) = delete;
    StationDatabase &operator=(const StationDatabase &) = delete;

    Result<void> open(const QString &url);
    void close();
    bool isOpen() const;
    Kind kind() const { return m_kind; }
    QString url() const { return m_url; }
    QSqlDatabase db() const;

    // The app data dir's station.sqlite (created on first use).
    static QString defaultUrl();

    // Runs one statement with positional bindings; errors carry the driver text as detail.
    Result<void> exec(const QString &sql, const QVariantList &bind = {});
    Result<void> exec(QSqlQuery &query, const QString &sql, const QVariantList &bind = {});
    // "BEGIN IMMEDIATE" on SQLite (takes the write lock now, so two stations serialise their
    // claims instead of failing at COMMIT), plain BEGIN on PostgreSQL.
    Result<void> beginWrite();
    // beginWrite, and on PostgreSQL also a transaction-scoped advisory lock: schema creation
    // and pool imports from several stations at once run one after the other.
    Result<void> beginExclusive();
    Result<void> commit();
    void rollback();
    // Runs work between beginExclusive and commit; rolls back when work fails.
    Result<void> runExclusive(const std::function<Result<void>()> &work);

    // Schema version bookkeeping shared by the pool and the records.
    Result<int> schemaVersion(const QString &component);
    Result<void> setSchemaVersion(const QString &component, int version);

private:
    Error sqlError(const QString &what, const QString &driverText) const;

    QString m_connection;
    QString m_url;
    Kind m_kind = Kind::Sqlite;
};

} // namespace Forgeline::Station
