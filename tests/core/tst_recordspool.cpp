// SPDX-License-Identifier: GPL-3.0-or-later
// The record spool: what a station keeps when its database is away, owner-only, sent later
// into a real SQLite database, with a torn line kept for a human instead of dropped.
#include "core/station/records.h"
#include "core/station/recordspool.h"
#include "core/station/stationdatabase.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Forgeline::Station;

namespace {

StationRecord sample(const QString &mac)
{
    StationRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.station = QStringLiteral("st-1");
    r.operatorName = QStringLiteral("dana");
    r.port = QStringLiteral("/dev/ttyUSB0");
    r.chip = QStringLiteral("ESP32");
    r.mac = mac;
    r.pairId = QStringLiteral("dev0007");
    r.certFingerprint = QStringLiteral("ab").repeated(32);
    r.certSerial = QStringLiteral("03f1");
    r.written = {WrittenRegion{QStringLiteral("cert"), 0x110000, 1200,
                               QStringLiteral("0123456789abcdef0123456789abcdef")}};
    r.provision = QStringLiteral("connected");
    r.result = Verdict::Pass;
    r.attempt = 2;
    r.elapsedMs = 812;
    return r;
}

bool openLine(StationDatabase &db, RecordStore &store, const QString &file)
{
    return db.open(QStringLiteral("sqlite://") + file) && store.prepare();
}

} // namespace

class TestRecordSpool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keptThenSent()
    {
        QTemporaryDir dir;
        RecordSpool spool(dir.filePath(QStringLiteral("spool/waiting.jsonl")));
        QCOMPARE(spool.pending(), 0);
        QVERIFY(spool.append(sample(QStringLiteral("24:0a:c4:00:00:01"))));
        QVERIFY(spool.append(sample(QStringLiteral("24:0a:c4:00:00:02"))));
        QCOMPARE(spool.pending(), 2);
        QCOMPARE(QFile::permissions(spool.path())
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        StationDatabase db;
        RecordStore store(db);
        QVERIFY(openLine(db, store, dir.filePath(QStringLiteral("line.sqlite"))));
        const auto sent = spool.flushInto(store);
        QVERIFY(sent);
        QCOMPARE(*sent, 2);
        QVERIFY(!QFile::exists(spool.path()));
        const auto list = store.list();
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        const StationRecord &r = list->at(1);
        QCOMPARE(r.mac, QStringLiteral("24:0a:c4:00:00:02"));
        QCOMPARE(r.certFingerprint, QStringLiteral("ab").repeated(32));
        QCOMPARE(r.attempt, 2);
        QCOMPARE(r.written.size(), 1);
        QCOMPARE(r.written.first().address, quint32(0x110000));
        QCOMPARE(r.written.first().md5, QStringLiteral("0123456789abcdef0123456789abcdef"));
    }

    void tornLineStays()
    {
        QTemporaryDir dir;
        RecordSpool spool(dir.filePath(QStringLiteral("waiting.jsonl")));
        QVERIFY(spool.append(sample(QStringLiteral("24:0a:c4:00:00:03"))));
        {
            QFile f(spool.path());
            QVERIFY(f.open(QIODevice::Append));
            f.write("{\"time\": \"2026-11-22T08:00:00Z\", \"mac\": \"24:0a"); // power cut mid-line
        }
        StationDatabase db;
        RecordStore store(db);
        QVERIFY(openLine(db, store, dir.filePath(QStringLiteral("line.sqlite"))));
        const auto sent = spool.flushInto(store);
        QVERIFY(sent);
        QCOMPARE(*sent, 1);
        QCOMPARE(spool.pending(), 1);
    }

    void spoolPerDatabase()
    {
        const QString a
            = RecordSpool::defaultPath(QStringLiteral("postgresql://line3:secret@db/forgeline"));
        QCOMPARE(a,
                 RecordSpool::defaultPath(QStringLiteral("postgresql://line3:other@db/forgeline")));
        QVERIFY(a != RecordSpool::defaultPath(QStringLiteral("sqlite:///tmp/demo.sqlite")));
        QVERIFY(!a.contains(QStringLiteral("secret")));
    }
};

QTEST_GUILESS_MAIN(TestRecordSpool)
#include "tst_recordspool.moc"
