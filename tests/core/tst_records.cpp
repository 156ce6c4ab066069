// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/records.h"
#include "core/station/stationdatabase.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Station;

class TestRecords : public QObject
{
    Q_OBJECT

    static StationRecord sample(const QString &mac, const QString &result)
    {
        StationRecord r;
        r.station = QStringLiteral("st1");
        r.operatorName = QStringLiteral("Zoë, \"night\" shift");
        r.port = QStringLiteral("/dev/ttyUSB0");
        r.chip = QStringLiteral("ESP32-C3");
        r.mac = mac;
        r.pairId = QStringLiteral("dev0001");
        r.certFingerprint = QStringLiteral("ab:cd");
        r.certSerial = QStringLiteral("3e8");
        r.written = {{QStringLiteral("cert"), 0x110000, 700,
                      QStringLiteral("00112233445566778899aabbccddeeff")}};
        r.provision = QStringLiteral("connected");
        r.result = verdictFromName(result);
        r.error = result == QStringLiteral("fail") ? QStringLiteral("The board did not join Wi-Fi.")
                                                   : QString();
        r.diagnosisId
            = result == QStringLiteral("fail") ? QStringLiteral("provision.auth") : QString();
        r.elapsedMs = 1234;
        return r;
    }

private Q_SLOTS:
    void roundTripAndFilter()
    {
        QTemporaryDir tmp;
        StationDatabase db;
        QVERIFY(db.open(QStringLiteral("sqlite://") + tmp.filePath(QStringLiteral("r.sqlite"))));
        RecordStore store(db);
        QVERIFY(store.prepare());
        QVERIFY(store.prepare()); // second start: nothing to migrate
        auto id1 = store.add(sample(QStringLiteral("24:0a:c4:00:00:01"), QStringLiteral("pass")));
        auto id2 = store.add(sample(QStringLiteral("24:0a:c4:00:00:02"), QStringLiteral("fail")));
        QVERIFY(id1);
        QVERIFY(id2);
        QVERIFY(*id2 > *id1);

        auto all = store.list();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        const StationRecord &r = all->at(0);
        QCOMPARE(r.operatorName, QStringLiteral("Zoë, \"night\" shift"));
        QCOMPARE(r.written.size(), 1);
        QCOMPARE(r.written[0].address, 0x110000u);
        QCOMPARE(r.written[0].md5, QStringLiteral("00112233445566778899aabbccddeeff"));
        QCOMPARE(r.elapsedMs, 1234);
        QVERIFY(r.time.isValid());

        RecordFilter f;
        f.mac = QStringLiteral("24:0A:C4:00:00:02"); // case does not matter
        auto one = store.list(f);
        QCOMPARE(one->size(), 1);
        QCOMPARE(one->at(0).result, Verdict::Fail);
        f = {};
        f.result = Verdict::Pass;
        QCOMPARE(store.list(f)->size(), 1);

        const QString csv = RecordStore::toCsv(*all);
        const QStringList lines = csv.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith(QStringLiteral("id,time,station,operator")));
        QVERIFY(lines[1].contains(QStringLiteral("\"Zoë, \"\"night\"\" shift\"")));
        QVERIFY(lines[1].contains(
            QStringLiteral("cert@0x110000:700:00112233445566778899aabbccddeeff")));

        const QJsonArray json = RecordStore::toJson(*all);
        QCOMPARE(json.size(), 2);
        QCOMPARE(json[1].toObject().value(QStringLiteral("diagnosisId")).toString(),
                 QStringLiteral("provision.auth"));
        QCOMPARE(json[0]
                     .toObject()
                     .value(QStringLiteral("written"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("address"))
                     .toString(),
                 QStringLiteral("0x110000"));

        // The verdict is typed in memory and spelled as always in the database and the exports.
        QSqlQuery raw(db.db());
        QVERIFY(raw.exec(QStringLiteral("SELECT result FROM station_records ORDER BY id")));
        QVERIFY(raw.next());
        QCOMPARE(raw.value(0).toString(), QStringLiteral("pass"));
        QVERIFY(raw.next());
        QCOMPARE(raw.value(0).toString(), QStringLiteral("fail"));
        QCOMPARE(json[0].toObject().value(QStringLiteral("result")).toString(),
                 QStringLiteral("pass"));
        QVERIFY(lines[2].contains(QStringLiteral(",fail,")));
        const StationRecord stopped
            = sample(QStringLiteral("24:0a:c4:00:00:03"), QStringLiteral("cancelled"));
        QCOMPARE(stopped.result, Verdict::Cancelled);
        QCOMPARE(stopped.toJson().value(QStringLiteral("result")).toString(),
                 QStringLiteral("cancelled"));
        QCOMPARE(StationRecord::fromJson(stopped.toJson()).result, Verdict::Cancelled);
        f = {};
        f.result = Verdict::Cancelled;
        QCOMPARE(store.list(f)->size(), 0);
        f.result = Verdict::None; // an unknown spelling asked for finds nothing
        QCOMPARE(store.list(f)->size(), 0);
    }

    // Texts from devices and networks end up in cells: none may run as a spreadsheet formula,
    // while an error number stays a number.
    void csvDefusesFormulas()
    {
        StationRecord evil = sample(QStringLiteral("24:0a:c4:00:00:09"), QStringLiteral("fail"));
        evil.error = QStringLiteral("=HYPERLINK(\"http://x\",\"y\")");
        evil.provision = QStringLiteral("@SUM(1)");
        evil.failedStep = QStringLiteral("-cmd");
        evil.diagnosisId = QStringLiteral("-0x7500");
        const QString line = RecordStore::toCsv({evil}).trimmed().split(QLatin1Char('\n')).at(1);
        QVERIFY2(line.contains(QStringLiteral("\"'=HYPERLINK(")), qPrintable(line));
        QVERIFY(line.contains(QStringLiteral(",'@SUM(1),")));
        QVERIFY(line.contains(QStringLiteral(",'-cmd,")));
        QVERIFY(line.contains(QStringLiteral(",-0x7500")));
        QVERIFY(!line.contains(QStringLiteral(",=")));
    }

    // Nothing listens on port 1: the connection is refused at once. The URL's own libpq
    // keywords pass through, and the password never reaches the error text.
    void postgresUnreachableIsAClearError()
    {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            QSKIP("Qt's PostgreSQL driver not installed (Debian package libqt6sql6-psql)");
        StationDatabase db;
        const auto r = db.open(QStringLiteral(
            "postgresql://line3:Zq-not-shown@127.0.0.1:1/forgeline?connect_timeout=2&application_name=forgeline-test"));
        QVERIFY(!r);
        QVERIFY(!r.error().message.isEmpty());
        QVERIFY(!r.error().message.contains(QStringLiteral("Zq-not-shown")));
        QVERIFY(!r.error().detail.contains(QStringLiteral("Zq-not-shown")));
    }

    void migratesVersionOne()
    {
        // A database written by the first schema (no attempt/elapsed columns) keeps its rows.
        QTemporaryDir tmp;
        StationDatabase db;
        QVERIFY(db.open(tmp.filePath(QStringLiteral("old.sqlite"))));
        QVERIFY(db.exec(QStringLiteral(
            "CREATE TABLE station_records (id INTEGER PRIMARY KEY AUTOINCREMENT, time VARCHAR(40) NOT NULL, station VARCHAR(255),"
            " operator VARCHAR(255), port VARCHAR(512), chip VARCHAR(64), mac VARCHAR(32), pair_id VARCHAR(255),"
            " cert_fingerprint VARCHAR(128), cert_serial VARCHAR(128), written TEXT, provision TEXT, result VARCHAR(16),"
            " failed_step VARCHAR(64), error TEXT, diagnosis_id VARCHAR(128))")));
        QVERIFY(db.exec(QStringLiteral(
            "INSERT INTO station_records (time, mac, result) VALUES ('2026-01-01T00:00:00.000Z', 'old', 'pass')")));
        QVERIFY(db.setSchemaVersion(QStringLiteral("records"), 1));
        RecordStore store(db);
        QVERIFY(store.prepare());
        QCOMPARE(*db.schemaVersion(QStringLiteral("records")), 2);
        QVERIFY(store.add(sample(QStringLiteral("new"), QStringLiteral("pass"))));
        auto all = store.list();
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).mac, QStringLiteral("old"));
        QCOMPARE(all->at(0).attempt, 1);
        QCOMPARE(all->at(1).elapsedMs, 1234);
    }
};

QTEST_GUILESS_MAIN(TestRecords)
#include "tst_records.moc"
