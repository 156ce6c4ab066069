// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/stationdatabase.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

namespace Forgeline::Station {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Station::StationDatabase)
};

} // namespace

namespace {
QAtomicInt g_connectionCounter;

bool isBusy(const QSqlError &error)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6).
    const QString code = error.nativeErrorCode();
    return code == QStringLiteral("5") || code == QStringLiteral("6")
           || error.text().contains(QStringLiteral("locked"));
}
} // namespace

StationDatabase::~StationDatabase() { close(); }

QString StationDatabase::defaultUrl()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QStringLiteral("sqlite://")
           + QDir(dir).absoluteFilePath(QStringLiteral("station.sqlite"));
}

Result<void> StationDatabase::open(const QString &url)
{
    close();
    m_url = url.isEmpty() ? defaultUrl() : url;
    m_connection
        = QStringLiteral("forgeline-station-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));

    const bool postgres = m_url.startsWith(QStringLiteral("postgres://"))
                          || m_url.startsWith(QStringLiteral("postgresql://"));
    if (postgres) {
        m_kind = Kind::Postgres;
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return Error::make(
                QStringLiteral("db.driver"),
                Tr::tr("PostgreSQL is not available in this build (Qt driver QPSQL missing)."),
                QStringLiteral("drivers: ") + QSqlDatabase::drivers().join(QLatin1Char(',')),
                Tr::tr("Install libqt6sql6-psql, or use an SQLite file."));
        const QUrl u(m_url);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
        db.setHostName(u.host());
        if (u.port() > 0)
            db.setPort(u.port());
        db.setUserName(u.userName());
        db.setPassword(u.password());
        db.setDatabaseName(u.path().mid(1));
        // libpq waits for the OS TCP timeout (minutes) on a dead server, and the GUI opens the
        // database on its thread: bound it. URL query items (sslmode, connect_timeout,
        // application_name, ...) are libpq's own connection keywords and pass through.
        QStringList options;
        const QUrlQuery query(u);
        bool hasTimeout = false;
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (key.isEmpty() || key.contains(QLatin1Char(';')) || value.contains(QLatin1Char(';')))
                continue; // QPSQL splits options on ';'
            options << key + QLatin1Char('=') + value;
            hasTimeout = hasTimeout || key == QStringLiteral("connect_timeout");
        }
        if (!hasTimeout)
            options << QStringLiteral("connect_timeout=5");
        db.setConnectOptions(options.join(QLatin1Char(';')));
        if (!db.open())
            return sqlError(QStringLiteral("open"), db.lastError().text());
        return {};
    }

    m_kind = Kind::Sqlite;
    QString path = m_url;
    if (path.startsWith(QStringLiteral("sqlite://")))
        path = path.mid(9);
    else if (path.startsWith(QStringLiteral("sqlite:")))
        path = path.mid(7);
    if (path.isEmpty())
        return Error::make(QStringLiteral("db.url"), Tr::tr("The database address names no file."),
                           m_url);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    // Other stations hold the write lock for a few milliseconds per claim: wait, do not fail.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    if (!db.open())
        return sqlError(QStringLiteral("open"), db.lastError().text());
    // WAL lets readers (records export, the GUI table) run while a station writes.
    if (auto r = exec(QStringLiteral("PRAGMA journal_mode=WAL")); !r)
        return r;
    return exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
}

void StationDatabase::close()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

bool StationDatabase::isOpen() const { return !m_connection.isEmpty() && db().isOpen(); }

QSqlDatabase StationDatabase::db() const { return QSqlDatabase::database(m_connection, false); }

Error StationDatabase::sqlError(const QString &what, const QString &driverText) const
{
    QString where = m_url;
    const QUrl u(m_url);
    if (!u.password().isEmpty())
        where = u.toString(QUrl::RemovePassword);
    return Error::make(QStringLiteral("db.") + what,
                       Tr::tr("The station database failed (%1).").arg(what),
                       where + QStringLiteral(": ") + driverText);
}

Result<void> StationDatabase::exec(const QString &sql, const QVariantList &bind)
{
    QSqlQuery q(db());
    return exec(q, sql, bind);
}

Result<void> StationDatabase::exec(QSqlQuery &query, const QString &sql, const QVariantList &bind)
{
    // Another station creating the schema or switching the journal can make SQLite answer
    // "locked" even with a busy timeout (statement preparation does not wait): retry briefly.
    for (int attempt = 0;; ++attempt) {
        // PostgreSQL cannot PREPARE DDL or BEGIN: statements without parameters run directly.
        const bool prepared = bind.isEmpty() || query.prepare(sql);
        if (bind.isEmpty()) {
            if (query.exec(sql))
                return {};
        } else if (prepared) {
            for (const QVariant &v : bind)
                query.addBindValue(v);
            if (query.exec())
                return {};
        }
        if (attempt < 200 && isBusy(query.lastError())) {
            QThread::msleep(25);
            continue;
        }
        return sqlError(prepared ? QStringLiteral("query") : QStringLiteral("prepare"),
                        query.lastError().text() + QStringLiteral(" [") + sql + QLatin1Char(']'));
    }
}

Result<void> StationDatabase::beginWrite()
{
    QSqlQuery q(db());
    const QString sql
        = m_kind == Kind::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    for (int attempt = 0;; ++attempt) {
        if (q.exec(sql))
            return {};
        if (attempt < 200 && isBusy(q.lastError())) {
            QThread::msleep(25);
            continue;
        }
        return sqlError(QStringLiteral("begin"), q.lastError().text());
    }
}

Result<void> StationDatabase::beginExclusive()
{
    if (auto r = beginWrite(); !r)
        return r;
    if (m_kind != Kind::Postgres)
        return {}; // BEGIN IMMEDIATE already excludes every other writer
    if (auto r = exec(QStringLiteral("SELECT pg_advisory_xact_lock(4606817)")); !r) {
        rollback();
        return r;
    }
    return {};
}

Result<void> StationDatabase::commit()
{
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const QString text = q.lastError().text();
        rollback();
        return sqlError(QStringLiteral("commit"), text);
    }
    return {};
}

void StationDatabase::rollback()
{
    QSqlQuery q(db());
    q.exec(QStringLiteral("ROLLBACK"));
}

Result<void> StationDatabase::runExclusive(const std::function<Result<void>()> &work)
{
    if (auto r = beginExclusive(); !r)
        return r;
    if (auto r = work(); !r) {
        rollback();
        return r;
    }
    return commit();
}

Result<int> StationDatabase::schemaVersion(const QString &component)
{
    if (auto r = exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS forgeline_schema (component VARCHAR(64) PRIMARY KEY, "
            "version INTEGER NOT NULL)"));
        !r)
        return r.error();
    QSqlQuery q(db());
    if (auto r = exec(q, QStringLiteral("SELECT version FROM forgeline_schema WHERE component = ?"),
                      {component});
        !r)
        return r.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Result<void> StationDatabase::setSchemaVersion(const QString &component, int version)
{
    if (auto r = schemaVersion(component); !r)
        return r.error(); // creates the bookkeeping table on a fresh database
    if (auto r
        = exec(QStringLiteral("DELETE FROM forgeline_schema WHERE component = ?"), {component});
        !r)
        return r;
    return exec(QStringLiteral("INSERT INTO forgeline_schema (component, version) VALUES (?, ?)"),
                {component, version});
}

} // namespace Forgeline::Station
