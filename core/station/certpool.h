// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace Forgeline::Station {

class StationDatabase;

// A per-device certificate/key pair from the pool. The key bytes live only in memory here.
struct CertPair
{
    QString id;
    QString certPath; // empty when the pair lives in the database rows
    QString keyPath;
    QByteArray cert;
    QByteArray key;
};

struct PoolCounts
{
    int free = 0;
    int claimed = 0;
    int used = 0;
};

// Per-device pairs handed out to boards. Whatever holds the files (a folder of <id>.crt +
// <id>.key, a CSV manifest, or the rows themselves), the database is the single source of
// truth for who holds which pair: a claim is one write transaction (SQLite BEGIN IMMEDIATE,
// PostgreSQL FOR UPDATE SKIP LOCKED) and a MAC is unique per pool, so two stations sharing
// the database can never hand out the same pair.
class CertPool
{
public:
    explicit CertPool(StationDatabase &db) : m_db(db) {}

    // Creates or migrates the pool table.
    Result<void> prepare();
    // A folder pool: its name is the folder's absolute path. Adds pairs not seen before
    // (from manifest.csv "id,cert,key" when present, else every <id>.crt with its <id>.key);
    // returns how many were added. Safe to run from every station at start.
    Result<int> importFolder(const QString &dir);
    // A database-only pool: rows carry the PEM text.
    Result<void> addPair(const QString &id, const QByteArray &certPem, const QByteArray &keyPem);
    void usePool(const QString &name) { m_pool = name; }
    QString poolName() const { return m_pool; }

    // The board's pair: the one it already holds (claimed or used) or a free one, atomically.
    Result<CertPair> claim(const QString &mac, const QString &station, bool *reused = nullptr);
    // Back to the pool; only while nothing of the pair was written to the board.
    Result<void> release(const QString &id, const QString &mac);
    // Written to the board: the pair now belongs to that MAC for good.
    Result<void> markUsed(const QString &id, const QString &mac);
    Result<PoolCounts> counts();
    // The holder of a pair ("" when free).
    Result<QString> macOf(const QString &id);

private:
    Result<void> prepareLocked();
    Result<CertPair> load(const QString &id);

    StationDatabase &m_db;
    QString m_pool = QStringLiteral("default");
};

} // namespace Forgeline::Station
