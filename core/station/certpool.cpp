// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/certpool.h"

#include "core/station/poolmanifest.h"
#include "core/station/stationdatabase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

namespace Forgeline::Station {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Station::CertPool)
};

} // namespace

namespace {

const QString kComponent = QStringLiteral("certpool");

QString nowText() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

Result<QByteArray> readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("pool.read"), Tr::tr("Cannot read a pool file."),
                           path + QStringLiteral(": ") + f.errorString());
    return f.readAll();
}

} // namespace

Result<void> CertPool::prepare()
{
    // One station at a time creates or migrates the schema; the others then see it done.
    return m_db.runExclusive([this] { return prepareLocked(); });
}

Result<void> CertPool::prepareLocked()
{
    auto version = m_db.schemaVersion(kComponent);
    if (!version)
        return version.error();
    if (*version >= 1)
        return {};
    // UNIQUE (pool, mac): a board can hold one pair per pool, whatever a station does.
    if (auto r = m_db.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS cert_pool ("
            " pool VARCHAR(512) NOT NULL, id VARCHAR(255) NOT NULL,"
            " cert_path TEXT, key_path TEXT, cert_pem TEXT, key_pem TEXT,"
            " state VARCHAR(16) NOT NULL DEFAULT 'free', mac VARCHAR(32), station VARCHAR(255),"
            " claimed_at VARCHAR(40), used_at VARCHAR(40),"
            " PRIMARY KEY (pool, id), UNIQUE (pool, mac))"));
        !r)
        return r;
    return m_db.setSchemaVersion(kComponent, 1);
}

Result<int> CertPool::importFolder(const QString &dir)
{
    QDir d(dir);
    if (!d.exists())
        return Error::make(QStringLiteral("pool.folder"),
                           Tr::tr("The certificate pool folder does not exist."), dir);
    m_pool = d.absolutePath();

    struct Entry
    {
        QString id, cert, key;
    };
    QList<Entry> entries;
    const QString manifest = d.absoluteFilePath(QStringLiteral("manifest.csv"));
    if (QFileInfo::exists(manifest)) {
        auto text = readAll(manifest);
        if (!text)
            return text.error();
        auto parsed = parsePoolManifest(*text);
        if (!parsed)
            return parsed.error();
        for (const ManifestEntry &m : std::as_const(*parsed))
            entries.append({m.id, d.absoluteFilePath(m.cert), d.absoluteFilePath(m.key)});
    } else {
        const auto certs = d.entryInfoList({QStringLiteral("*.crt")}, QDir::Files, QDir::Name);
        for (const QFileInfo &fi : certs) {
            const QString key = d.absoluteFilePath(fi.completeBaseName() + QStringLiteral(".key"));
            if (!QFileInfo::exists(key))
                continue; // a certificate without its key cannot be handed out
            entries.append({fi.completeBaseName(), fi.absoluteFilePath(), key});
        }
    }

    int added = 0;
    auto imported = m_db.runExclusive([&]() -> Result<void> {
        for (const Entry &e : entries) {
            QSqlQuery q(m_db.db());
            if (auto r
                = m_db.exec(q, QStringLiteral("SELECT 1 FROM cert_pool WHERE pool = ? AND id = ?"),
                            {m_pool, e.id});
                !r)
                return r;
            if (q.next())
                continue;
            if (auto r = m_db.exec(
                    QStringLiteral(
                        "INSERT INTO cert_pool (pool, id, cert_path, key_path, state) VALUES (?, ?, ?, ?, 'free')"),
                    {m_pool, e.id, e.cert, e.key});
                !r)
                return r;
            ++added;
        }
        return {};
    });
    if (!imported)
        return imported.error();
    return added;
}

Result<void> CertPool::addPair(const QString &id, const QByteArray &certPem,
                               const QByteArray &keyPem)
{
    return m_db.exec(
        QStringLiteral(
            "INSERT INTO cert_pool (pool, id, cert_pem, key_pem, state) VALUES (?, ?, ?, ?, 'free')"),
        {m_pool, id, QString::fromLatin1(certPem), QString::fromLatin1(keyPem)});
}

Result<CertPair> CertPool::claim(const QString &mac, const QString &station, bool *reused)
{
    if (mac.isEmpty())
        return Error::make(QStringLiteral("pool.mac"),
                           Tr::tr("A pair can only be claimed for a known MAC."));
    if (auto r = m_db.beginWrite(); !r)
        return r.error();
    auto fail = [this](const Error &e) -> Result<CertPair> {
        m_db.rollback();
        return e;
    };

    QSqlQuery q(m_db.db());
    if (auto r = m_db.exec(q, QStringLiteral("SELECT id FROM cert_pool WHERE pool = ? AND mac = ?"),
                           {m_pool, mac});
        !r)
        return fail(r.error());
    QString id;
    if (q.next()) {
        id = q.value(0).toString();
        if (reused)
            *reused = true;
    } else {
        if (reused)
            *reused = false;
        const QString pick
            = m_db.kind() == StationDatabase::Kind::Postgres
                  ? QStringLiteral(
                      "SELECT id FROM cert_pool WHERE pool = ? AND state = 'free' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                  : QStringLiteral(
                      "SELECT id FROM cert_pool WHERE pool = ? AND state = 'free' ORDER BY id LIMIT 1");
        QSqlQuery p(m_db.db());
        if (auto r = m_db.exec(p, pick, {m_pool}); !r)
            return fail(r.error());
        if (!p.next())
            return fail(Error::make(QStringLiteral("pool.empty"),
                                    Tr::tr("The certificate pool has no free pair left."), m_pool,
                                    Tr::tr("Add certificate/key pairs to the pool.")));
        id = p.value(0).toString();
        QSqlQuery u(m_db.db());
        if (auto r = m_db.exec(
                u,
                QStringLiteral(
                    "UPDATE cert_pool SET state = 'claimed', mac = ?, station = ?, claimed_at = ? "
                    "WHERE pool = ? AND id = ? AND state = 'free'"),
                {mac, station, nowText(), m_pool, id});
            !r)
            return fail(r.error());
        if (u.numRowsAffected() != 1)
            return fail(Error::make(QStringLiteral("pool.race"),
                                    Tr::tr("Another station took the pair; try again."), id));
    }
    if (auto r = m_db.commit(); !r)
        return r.error();
    return load(id);
}

Result<CertPair> CertPool::load(const QString &id)
{
    QSqlQuery q(m_db.db());
    if (auto r = m_db.exec(
            q,
            QStringLiteral(
                "SELECT cert_path, key_path, cert_pem, key_pem FROM cert_pool WHERE pool = ? AND id = ?"),
            {m_pool, id});
        !r)
        return r.error();
    if (!q.next())
        return Error::make(QStringLiteral("pool.missing"),
                           Tr::tr("The pair vanished from the pool."), id);
    CertPair pair;
    pair.id = id;
    pair.certPath = q.value(0).toString();
    pair.keyPath = q.value(1).toString();
    if (pair.certPath.isEmpty()) {
        pair.cert = q.value(2).toString().toLatin1();
        pair.key = q.value(3).toString().toLatin1();
    } else {
        auto cert = readAll(pair.certPath);
        if (!cert)
            return cert.error();
        auto key = readAll(pair.keyPath);
        if (!key)
            return key.error();
        pair.cert = *cert;
        pair.key = *key;
    }
    return pair;
}

Result<void> CertPool::release(const QString &id, const QString &mac)
{
    // Only a claim that was never written goes back; a used pair stays with its board.
    return m_db.exec(
        QStringLiteral(
            "UPDATE cert_pool SET state = 'free', mac = NULL, station = NULL, claimed_at = NULL "
            "WHERE pool = ? AND id = ? AND mac = ? AND state = 'claimed'"),
        {m_pool, id, mac});
}

Result<void> CertPool::markUsed(const QString &id, const QString &mac)
{
    return m_db.exec(
        QStringLiteral(
            "UPDATE cert_pool SET state = 'used', used_at = ? WHERE pool = ? AND id = ? AND mac = ?"),
        {nowText(), m_pool, id, mac});
}

Result<PoolCounts> CertPool::counts()
{
    QSqlQuery q(m_db.db());
    if (auto r = m_db.exec(
            q,
            QStringLiteral("SELECT state, COUNT(*) FROM cert_pool WHERE pool = ? GROUP BY state"),
            {m_pool});
        !r)
        return r.error();
    PoolCounts c;
    while (q.next()) {
        const QString s = q.value(0).toString();
        const int n = q.value(1).toInt();
        if (s == QStringLiteral("free"))
            c.free = n;
        else if (s == QStringLiteral("claimed"))
            c.claimed = n;
        else if (s == QStringLiteral("used"))
            c.used = n;
    }
    return c;
}

Result<QString> CertPool::macOf(const QString &id)
{
    QSqlQuery q(m_db.db());
    if (auto r = m_db.exec(q, QStringLiteral("SELECT mac FROM cert_pool WHERE pool = ? AND id = ?"),
                           {m_pool, id});
        !r)
        return r.error();
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace Forgeline::Station
