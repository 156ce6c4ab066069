// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/certpool.h"
#include "core/station/stationdatabase.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Station;

class TestCertPool : public QObject
{
    Q_OBJECT

    static void write(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

    static QString makeFolder(const QTemporaryDir &tmp, const QString &name, int count)
    {
        const QString dir = tmp.filePath(name);
        QDir().mkpath(dir);
        for (int i = 0; i < count; ++i) {
            const QString id = QStringLiteral("dev%1").arg(i, 3, 10, QLatin1Char('0'));
            write(dir + QLatin1Char('/') + id + QStringLiteral(".crt"), "CERT " + id.toLatin1());
            write(dir + QLatin1Char('/') + id + QStringLiteral(".key"), "KEY " + id.toLatin1());
        }
        return dir;
    }

private Q_SLOTS:
    void claimReleaseUse()
    {
        QTemporaryDir tmp;
        const QString dir = makeFolder(tmp, QStringLiteral("pool"), 3);
        write(dir + QStringLiteral("/orphan.crt"),
              "no key"); // a certificate alone is never handed out
        StationDatabase db;
        QVERIFY(db.open(tmp.filePath(QStringLiteral("p.sqlite"))));
        CertPool pool(db);
        QVERIFY(pool.prepare());
        auto added = pool.importFolder(dir);
        QVERIFY(added);
        QCOMPARE(*added, 3);
        added = pool.importFolder(dir);
        QCOMPARE(*added, 0); // idempotent: every station imports at start

        bool reused = true;
        auto a = pool.claim(QStringLiteral("aa:00"), QStringLiteral("s"), &reused);
        QVERIFY(a);
        QVERIFY(!reused);
        QCOMPARE(a->cert, QByteArray("CERT ") + a->id.toLatin1());
        QCOMPARE(a->key, QByteArray("KEY ") + a->id.toLatin1());
        auto again = pool.claim(QStringLiteral("aa:00"), QStringLiteral("s"), &reused);
        QVERIFY(again);
        QVERIFY(reused);
        QCOMPARE(again->id, a->id);
        auto b = pool.claim(QStringLiteral("bb:00"), QStringLiteral("s"));
        QVERIFY(b);
        QVERIFY(b->id != a->id);

        // Released while unwritten: back in the pool, and the MAC no longer holds it.
        QVERIFY(pool.release(b->id, QStringLiteral("bb:00")));
        QCOMPARE(pool.counts()->free, 2);
        QCOMPARE(*pool.macOf(b->id), QString());

        // Used: a release (wrong call) cannot take it back.
        QVERIFY(pool.markUsed(a->id, QStringLiteral("aa:00")));
        QVERIFY(pool.release(a->id, QStringLiteral("aa:00")));
        QCOMPARE(*pool.macOf(a->id), QStringLiteral("aa:00"));
        auto c = pool.counts();
        QCOMPARE(c->used, 1);
        QCOMPARE(c->claimed, 0);
        QCOMPARE(c->free, 2);
        // A used pair still comes back to its board on a re-run.
        auto rerun = pool.claim(QStringLiteral("aa:00"), QStringLiteral("s"), &reused);
        QCOMPARE(rerun->id, a->id);
        QVERIFY(reused);

        QVERIFY(pool.claim(QStringLiteral("cc"), QStringLiteral("s")));
        QVERIFY(pool.claim(QStringLiteral("dd"), QStringLiteral("s")));
        auto none = pool.claim(QStringLiteral("ee"), QStringLiteral("s"));
        QVERIFY(!none);
        QCOMPARE(none.error().code, QStringLiteral("pool.empty"));
        QVERIFY(!pool.claim(QString(), QStringLiteral("s")));
    }

    void macIsUniqueInTheDatabase()
    {
        QTemporaryDir tmp;
        StationDatabase db;
        QVERIFY(db.open(tmp.filePath(QStringLiteral("u.sqlite"))));
        CertPool pool(db);
        QVERIFY(pool.prepare());
        pool.usePool(QStringLiteral("rows"));
        QVERIFY(pool.addPair(QStringLiteral("x1"), "C1", "K1"));
        QVERIFY(pool.addPair(QStringLiteral("x2"), "C2", "K2"));
        QVERIFY(!pool.addPair(QStringLiteral("x2"), "C2", "K2"));
        QVERIFY(db.exec(QStringLiteral("UPDATE cert_pool SET mac = 'm' WHERE id = 'x1'")));
        // Even a buggy writer cannot give one board two pairs.
        QVERIFY(!db.exec(QStringLiteral("UPDATE cert_pool SET mac = 'm' WHERE id = 'x2'")));
        auto p = pool.claim(QStringLiteral("m"), QStringLiteral("s"));
        QVERIFY(p);
        QCOMPARE(p->id, QStringLiteral("x1"));
        QCOMPARE(p->key, QByteArray("K1"));
    }

    void manifest()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("m"));
        QDir().mkpath(dir + QStringLiteral("/certs"));
        write(dir + QStringLiteral("/certs/a.pem"), "CA");
        write(dir + QStringLiteral("/certs/a-key.pem"), "KA");
        write(dir + QStringLiteral("/manifest.csv"),
              "id,cert,key\n# comment\nunit-a,certs/a.pem,certs/a-key.pem\n");
        StationDatabase db;
        QVERIFY(db.open(tmp.filePath(QStringLiteral("m.sqlite"))));
        CertPool pool(db);
        QVERIFY(pool.prepare());
        QCOMPARE(*pool.importFolder(dir), 1);
        auto p = pool.claim(QStringLiteral("m1"), QStringLiteral("s"));
        QVERIFY(p);
        QCOMPARE(p->id, QStringLiteral("unit-a"));
        QCOMPARE(p->cert, QByteArray("CA"));
        write(dir + QStringLiteral("/manifest.csv"), "broken line\n");
        QVERIFY(!pool.importFolder(dir));
    }

    void twoConnectionsNeverShareAPair()
    {
        // Two stations = two connections to one file, claiming alternately.
        QTemporaryDir tmp;
        const QString dir = makeFolder(tmp, QStringLiteral("pool"), 40);
        const QString file = tmp.filePath(QStringLiteral("shared.sqlite"));
        StationDatabase db1, db2;
        QVERIFY(db1.open(file));
        QVERIFY(db2.open(file));
        CertPool p1(db1), p2(db2);
        QVERIFY(p1.prepare());
        QVERIFY(p2.prepare());
        QVERIFY(p1.importFolder(dir));
        QVERIFY(p2.importFolder(dir));
        QSet<QString> ids;
        for (int i = 0; i < 20; ++i) {
            auto a = p1.claim(QStringLiteral("a%1").arg(i), QStringLiteral("s1"));
            auto b = p2.claim(QStringLiteral("b%1").arg(i), QStringLiteral("s2"));
            QVERIFY(a);
            QVERIFY(b);
            ids.insert(a->id);
            ids.insert(b->id);
        }
        QCOMPARE(ids.size(), 40);
        QVERIFY(!p1.claim(QStringLiteral("late"), QStringLiteral("s1")));
    }

    void badUrl()
    {
        StationDatabase db;
        auto r = db.open(QStringLiteral("postgresql://u@127.0.0.1:1/none"));
        QVERIFY(!r); // either no driver or no server: an error either way, not a crash
        QVERIFY(!r.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCertPool)
#include "tst_certpool.moc"
