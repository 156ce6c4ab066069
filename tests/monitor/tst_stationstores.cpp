// SPDX-License-Identifier: GPL-3.0-or-later
// A station run whose recipe keeps the pair in a certificate store instead of raw partitions:
// an encrypted NVS partition built per board from a CSV template, or an esp_secure_cert
// partition. Two virtual boards per run; each must end up holding exactly its own pair (read
// back from its flash and parsed), its firmware must find the pair there and complete a real
// mbedTLS handshake with openssl s_server that demands a client certificate, and no private
// key may appear in any event, log line or record.
#include "../core/imagewriter.h"
#include "../station/stationtesthelpers.h"
#include "monitortesthelpers.h"

#include "core/image/nvskeys.h"
#include "core/image/nvsreader.h"
#include "core/image/partitiontable.h"
#include "core/image/securecert.h"
#include "core/sim/devicecredentials.h"
#include "core/sim/firmwareprofile.h"
#include "core/sim/romboardprofile.h"
#include "core/sim/romserialserver.h"
#include "core/simfirmware/mqttfirmware.h"
#include "core/station/certpool.h"
#include "core/station/records.h"
#include "core/station/stationdatabase.h"
#include "core/station/stationjob.h"

#include <QEventLoop>
#include <QSet>
#include <QTest>
#include <QTimer>

using namespace Forgeline;
using namespace Forgeline::Station;
using namespace Forgeline::TestSupport;

namespace {

const char *const StoreTable = "# Name,          Type, SubType,  Offset,   Size\n"
                               "nvs,             data, nvs,      0x9000,   0x6000\n"
                               "nvs_keys,        data, nvs_keys, 0xf000,   0x1000\n"
                               "factory,         app,  factory,  0x10000,  1M\n"
                               "esp_secure_cert, data, 0x3F,     0x110000, 0x2000\n"
                               "tiny,            data, nvs,      0x112000, 0x1000\n";

// One board: its ROM loader on a pty, its firmware looking for credentials in `store`.
struct StoreBoard
{
    std::unique_ptr<Sim::RomSerialServer> rom;
    std::unique_ptr<TlsServer> server;
    std::unique_ptr<SimFirmware::MqttFirmware> app;
    QString port;
    const QByteArray &flash() const { return rom->device().flash().contents(); }
};

} // namespace

class TestStationStores : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TlsLogFactory> m_certs;
    QString m_pool;

    QString cert(const QString &name) const { return m_certs->path(name); }
    QByteArray keyBody(const QString &pair) const
    {
        const QByteArray key
            = StationTest::readFile(m_pool + QLatin1Char('/') + pair + QStringLiteral(".key"));
        return key.split('\n').value(1);
    }

    std::unique_ptr<StoreBoard> makeBoard(int index, const QString &store)
    {
        auto b = std::make_unique<StoreBoard>();
        b->server = std::make_unique<TlsServer>();
        QString error;
        // The server trusts only the pool's CA: without the board's pair, no handshake.
        if (!b->server->start({QStringLiteral("-cert"), cert(QStringLiteral("server.crt")),
                               QStringLiteral("-key"), cert(QStringLiteral("server.key")),
                               QStringLiteral("-CAfile"), m_pool + QStringLiteral("/ca.pem"),
                               QStringLiteral("-Verify"), QStringLiteral("1"),
                               QStringLiteral("-verify_return_error")},
                              &error)) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        FirmwareSetup setup;
        setup.port = b->server->port();
        setup.caPem = readAll(cert(QStringLiteral("ca.crt")));
        setup.retryMs = 1000;
        QJsonObject json = boardProfileJson(setup);
        QJsonObject firmware = json.value(QStringLiteral("firmware")).toObject();
        firmware.insert(QStringLiteral("credentials"),
                        QJsonObject{{QStringLiteral("store"), store}});
        json.insert(QStringLiteral("firmware"), firmware);
        json.insert(QStringLiteral("mac"),
                    QString::fromLatin1(StationTest::macFor(index).toHex(':')));
        json.insert(QStringLiteral("flash"),
                    QJsonObject{{QStringLiteral("partitionCsv"), QString::fromLatin1(StoreTable)}});
        auto profile = Sim::BoardProfile::fromJson(QJsonDocument(json).toJson());
        if (!profile)
            return nullptr;
        auto rom = Sim::romBoardConfigFromProfile(*profile);
        auto fw = Sim::FirmwareProfile::fromJson(
            profile->json.value(QLatin1String("firmware")).toObject());
        if (!rom || !fw) {
            qWarning("profile: %s", qPrintable(!rom ? rom.error().message : fw.error().message));
            return nullptr;
        }
        rom->timing = false;
        b->rom = std::make_unique<Sim::RomSerialServer>(*rom);
        b->app = std::make_unique<SimFirmware::MqttFirmware>(*fw, QStringLiteral("esp32"));
        b->rom->setApplication(b->app.get(), true);
        const auto port = b->rom->listenPty();
        if (!port)
            return nullptr;
        b->port = *port;
        return b;
    }

    struct Run
    {
        std::optional<StationSummary> summary;
        QList<QJsonObject> events;
        QList<StationRecord> records;
        QByteArray everything; // events, logs and the database file, for the secrets check
    };

    Run runStation(const QByteArray &recipeJson, const QList<StoreBoard *> &boards,
                   const QString &dbName)
    {
        Run run;
        auto recipe = Recipe::fromJson(recipeJson, m_dir.path());
        if (!recipe) {
            qWarning("recipe: %s", qPrintable(recipe.error().message));
            return run;
        }
        StationDatabase db;
        CertPool pool(db);
        RecordStore records(db);
        if (!db.open(QStringLiteral("sqlite://") + m_dir.filePath(dbName)) || !pool.prepare()
            || !pool.importFolder(m_pool) || !records.prepare())
            return run;
        StationJob job(*recipe, StationContext{QStringLiteral("st-stores"), QStringLiteral("sam"),
                                               &pool, &records});
        QEventLoop loop;
        connect(&job, &StationJob::stationEvent, &loop,
                [&run](const StationEvent &e) { run.events.append(e.toJson()); });
        connect(&job, &StationJob::boardFinished, &loop, [&run](BoardRun *board) {
            run.everything += board->log().join(QLatin1Char('\n')).toUtf8();
        });
        connect(&job, &StationJob::finished, &loop, [&](const StationSummary &s) {
            run.summary = s;
            loop.quit();
        });
        QStringList ports;
        for (StoreBoard *b : boards)
            ports << b->port;
        job.start(ports);
        QTimer::singleShot(180000, &loop, &QEventLoop::quit);
        if (!run.summary)
            loop.exec();
        if (auto list = records.list())
            run.records = *list;
        for (const QJsonObject &e : std::as_const(run.events))
            run.everything += QJsonDocument(e).toJson(QJsonDocument::Compact);
        db.close();
        run.everything += StationTest::readFile(m_dir.filePath(dbName))
                          + StationTest::readFile(m_dir.filePath(dbName + QStringLiteral("-wal")));
        return run;
    }

    const StoreBoard *boardOf(const QList<StoreBoard *> &boards, const QString &port)
    {
        for (StoreBoard *b : boards)
            if (b->port == port)
                return b;
        return nullptr;
    }

    void checkPassedAndSecret(const Run &run, int boards)
    {
        QVERIFY(run.summary);
        QCOMPARE(run.records.size(), boards);
        QSet<QString> pairs;
        for (const StationRecord &rec : run.records) {
            QVERIFY2(rec.result == Verdict::Pass,
                     qPrintable(rec.failedStep + QStringLiteral(": ") + rec.error));
            pairs.insert(rec.pairId);
            QVERIFY(!keyBody(rec.pairId).isEmpty());
            QVERIFY2(!run.everything.contains(keyBody(rec.pairId)),
                     "a private key leaked into the output");
        }
        QCOMPARE(pairs.size(), boards);
        // The firmware found its pair in the store and the server accepted it.
        QVERIFY(run.everything.contains("MQTT_EVENT_CONNECTED"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_certs = std::make_unique<TlsLogFactory>(m_dir.path(), QStringLiteral(OPENSSL_PATH),
                                                  QString(), QString());
        QVERIFY2(m_certs->prepareCertificates(), qPrintable(m_certs->lastError()));
        m_pool = m_dir.filePath(QStringLiteral("pool"));
        QVERIFY(StationTest::makePool(m_pool, 8, QStringLiteral("st")));
        QFile csv(m_dir.filePath(QStringLiteral("certs.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("key,type,encoding,value\n"
                  "certs,namespace,,\n"
                  "client_cert,data,string,{certificate}\n"
                  "client_key,data,binary,{key}\n"
                  "serial,data,string,{mac}\n");
    }

    void encryptedNvsRecipe()
    {
        std::vector<std::unique_ptr<StoreBoard>> owned;
        QList<StoreBoard *> boards;
        for (int i = 0; i < 2; ++i) {
            owned.push_back(makeBoard(10 + i, QStringLiteral("nvs")));
            QVERIFY(owned.back());
            boards << owned.back().get();
        }
        const QByteArray recipe = R"({"name": "nvs line", "baud": 460800,
            "flash": [{"nvs": "certs.csv", "partition": "nvs", "encrypt": {"keysPartition": "nvs_keys"}}],
            "connect": {"timeoutMs": 60000, "success": "MQTT_EVENT_CONNECTED"}})";
        const Run run = runStation(recipe, boards, QStringLiteral("nvs.sqlite"));
        checkPassedAndSecret(run, 2);
        QSet<QByteArray> keysSeen;
        for (const StationRecord &rec : run.records) {
            const StoreBoard *board = boardOf(boards, rec.port);
            QVERIFY(board);
            // Read back as the firmware would: keys from nvs_keys, then the encrypted entries.
            auto keys = Image::Nvs::Keys::fromPartitionImage(board->flash().mid(0xf000, 0x1000));
            QVERIFY(keys);
            keysSeen.insert(keys->xtsKey());
            const QByteArray nvs = board->flash().mid(0x9000, 0x6000);
            const Image::Nvs::Dump plain = Image::Nvs::readImage(nvs);
            QVERIFY(plain.find(QStringLiteral("certs"), QStringLiteral("client_cert"))
                    == nullptr); // unreadable without keys
            const Image::Nvs::Dump dump = Image::Nvs::readImage(nvs, *keys);
            QVERIFY2(!dump.hasProblems(), qPrintable(dump.problems.join(QLatin1Char('\n'))));
            const auto *certEntry
                = dump.find(QStringLiteral("certs"), QStringLiteral("client_cert"));
            const auto *keyEntry = dump.find(QStringLiteral("certs"), QStringLiteral("client_key"));
            const auto *serial = dump.find(QStringLiteral("certs"), QStringLiteral("serial"));
            QVERIFY(certEntry && keyEntry && serial);
            QCOMPARE(certEntry->value, StationTest::readFile(m_pool + QLatin1Char('/') + rec.pairId
                                                             + QStringLiteral(".crt")));
            QCOMPARE(keyEntry->value, StationTest::readFile(m_pool + QLatin1Char('/') + rec.pairId
                                                            + QStringLiteral(".key")));
            QCOMPARE(QString::fromUtf8(serial->value), rec.mac);
            // The keys partition is named in the record, its digest is not.
            bool keysRecorded = false;
            for (const WrittenRegion &w : rec.written)
                if (w.name == QLatin1String("nvs_keys")) {
                    keysRecorded = true;
                    QCOMPARE(w.md5, QStringLiteral("secret"));
                }
            QVERIFY(keysRecorded);
            // The simulated firmware's own lookup agrees.
            Sim::CredentialLookup lookup;
            lookup.store = QStringLiteral("nvs");
            auto found = Sim::findDeviceCredentials(board->flash(), lookup);
            QVERIFY(found && found->present());
            QVERIFY(found->source.contains(QStringLiteral("encrypted")));
        }
        QCOMPARE(keysSeen.size(), 2); // fresh keys per board
    }

    void secureCertRecipe()
    {
        std::vector<std::unique_ptr<StoreBoard>> owned;
        QList<StoreBoard *> boards;
        for (int i = 0; i < 2; ++i) {
            owned.push_back(makeBoard(20 + i, QStringLiteral("secure-cert")));
            QVERIFY(owned.back());
            boards << owned.back().get();
        }
        // Before the station runs, the firmware finds no store and says so.
        auto none = Sim::findDeviceCredentials(boards.first()->flash());
        QVERIFY(none && !none->present());
        QFile::copy(m_pool + QStringLiteral("/ca.pem"),
                    m_dir.filePath(QStringLiteral("pool-ca.pem")));
        const QByteArray recipe = R"({"name": "secure cert line", "baud": 460800,
            "flash": [{"secureCert": {"ca": "pool-ca.pem"}, "partition": "esp_secure_cert"}],
            "connect": {"timeoutMs": 60000, "success": "MQTT_EVENT_CONNECTED"}})";
        const Run run = runStation(recipe, boards, QStringLiteral("sc.sqlite"));
        checkPassedAndSecret(run, 2);
        for (const StationRecord &rec : run.records) {
            const StoreBoard *board = boardOf(boards, rec.port);
            QVERIFY(board);
            const auto parsed = Image::SecureCert::parse(board->flash().mid(0x110000, 0x2000));
            QVERIFY2(!parsed.hasProblems(), qPrintable(parsed.problems.join(QLatin1Char('\n'))));
            QCOMPARE(parsed.layout, QStringLiteral("tlv"));
            const auto *dev = parsed.find(Image::SecureCert::DevCert);
            const auto *ca = parsed.find(Image::SecureCert::CaCert);
            const auto *key = parsed.find(Image::SecureCert::PrivKey);
            QVERIFY(dev && ca && key);
            const QByteArray pem = StationTest::readFile(m_pool + QLatin1Char('/') + rec.pairId
                                                         + QStringLiteral(".crt"));
            QVERIFY(dev->data.startsWith(pem.left(pem.indexOf('\n'))));
            const QByteArray certBody = pem.split('\n').value(1);
            QVERIFY(dev->data.contains(certBody));
            // The key is re-encoded ("EC PRIVATE KEY") as Espressif's tool does: compare the key
            // the firmware finds with the pool's by what mbedTLS would use, its public half.
            auto found = Sim::findDeviceCredentials(board->flash());
            QVERIFY(found && found->present());
            QVERIFY(found->source.startsWith(QStringLiteral("esp_secure_cert")));
            QVERIFY(
                Image::SecureCert::summary(*key, false).contains(QStringLiteral("private key")));
        }
    }

    void tooSmallPartitionWritesNothing()
    {
        auto owned = makeBoard(30, QStringLiteral("nvs"));
        QVERIFY(owned);
        // 4 KiB holds one page (4000 bytes of entries): eight copies of the certificate need
        // more, so the board fails at flash.
        QFile big(m_dir.filePath(QStringLiteral("big.csv")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write("key,type,encoding,value\ncerts,namespace,,\n");
        for (int i = 0; i < 8; ++i)
            big.write(QStringLiteral("cert%1,data,string,{certificate}\n").arg(i).toUtf8());
        big.write("client_key,data,binary,{key}\n");
        big.close();
        const QByteArray recipe = R"({"name": "too small", "baud": 460800,
            "flash": [{"nvs": "big.csv", "partition": "tiny"}]})";
        const QByteArray before = owned->flash().mid(0x112000, 0x1000);
        const Run run = runStation(recipe, {owned.get()}, QStringLiteral("small.sqlite"));
        QCOMPARE(run.records.size(), 1);
        QCOMPARE(run.records.first().result, Verdict::Fail);
        QCOMPARE(run.records.first().failedStep, QStringLiteral("flash"));
        QVERIFY2(run.records.first().error.contains(QStringLiteral("page")),
                 qPrintable(run.records.first().error));
        QCOMPARE(owned->flash().mid(0x112000, 0x1000), before);
        // The pair was claimed, then handed back untouched: no key of the pool is in any output.
        for (const QString &name : QDir(m_pool).entryList({QStringLiteral("*.key")})) {
            const QByteArray body = keyBody(name.chopped(4));
            QVERIFY(body.size() > 20);
            QVERIFY2(!run.everything.contains(body), qPrintable(name));
        }
    }

    // The firmware step of a recipe: an app for the board's chip goes into "factory" in whole
    // sectors next to the store; an app for another chip fails the board before anything is
    // written and hands its pair back.
    void appItemBesideTheStore()
    {
        TestImages::ImageSpec spec = TestImages::c3App();
        spec.chipId = 0; // ESP32
        spec.minRev = 0;
        spec.maxRev = 399;
        spec.segments = {{0x3F400020, TestImages::appDescBytes({}) + TestImages::pattern(740, 1)},
                         {0x400D0020, TestImages::pattern(2048, 2)},
                         {0x3FFB0000, TestImages::pattern(512, 3)},
                         {0x40080000, TestImages::pattern(1024, 4)}};
        const QByteArray app = TestImages::buildImage(spec);
        QFile good(m_dir.filePath(QStringLiteral("app-esp32.bin")));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write(app);
        good.close();
        spec.chipId = 5;
        QFile wrong(m_dir.filePath(QStringLiteral("app-c3.bin")));
        QVERIFY(wrong.open(QIODevice::WriteOnly));
        wrong.write(TestImages::buildImage(spec));
        wrong.close();

        auto owned = makeBoard(40, QStringLiteral("nvs"));
        QVERIFY(owned);
        Run run = runStation(R"({"name": "app + nvs", "baud": 460800,
            "flash": [{"file": "app-esp32.bin", "partition": "factory"},
                      {"nvs": "certs.csv", "partition": "nvs"}]})",
                             {owned.get()}, QStringLiteral("app.sqlite"));
        QCOMPARE(run.records.size(), 1);
        QVERIFY2(run.records.first().result == Verdict::Pass,
                 qPrintable(run.records.first().error));
        QCOMPARE(owned->flash().mid(0x10000, app.size()), app);
        QCOMPARE(run.records.first().written.first().length % 0x1000, 0u);

        auto other = makeBoard(41, QStringLiteral("nvs"));
        QVERIFY(other);
        const QByteArray before = other->flash();
        run = runStation(R"({"name": "wrong app", "baud": 460800,
            "flash": [{"nvs": "certs.csv", "partition": "nvs"}, {"file": "app-c3.bin", "partition": "factory"}]})",
                         {other.get()}, QStringLiteral("app2.sqlite"));
        QCOMPARE(run.records.size(), 1);
        QCOMPARE(run.records.first().result, Verdict::Fail);
        QVERIFY2(run.records.first().failedStep == QLatin1String("flash"),
                 qPrintable(run.records.first().failedStep + QLatin1String(": ")
                            + run.records.first().error));
        QVERIFY2(run.records.first().error.contains(QStringLiteral("Wrong chip")),
                 qPrintable(run.records.first().error));
        QCOMPARE(other->flash(), before);
    }

    void recipeChecksTheTemplateEarly()
    {
        QFile bad(m_dir.filePath(QStringLiteral("bad.csv")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("key,type,encoding,value\ncerts,namespace,,\ncount,data,u8,300\n");
        bad.close();
        auto r = Recipe::fromJson(R"({"flash": [{"nvs": "bad.csv", "partition": "nvs"}]})",
                                  m_dir.path());
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QStringLiteral("line 3")),
                 qPrintable(r.error().message));
        QFile unknown(m_dir.filePath(QStringLiteral("unknown.csv")));
        QVERIFY(unknown.open(QIODevice::WriteOnly));
        unknown.write("key,type,encoding,value\ncerts,namespace,,\nx,data,string,{serial}\n");
        unknown.close();
        r = Recipe::fromJson(R"({"flash": [{"nvs": "unknown.csv", "partition": "nvs"}]})",
                             m_dir.path());
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("{serial}")));
        r = Recipe::fromJson(R"({"flash": [{"secureCert": {}}]})", m_dir.path());
        QVERIFY(!r);
        r = Recipe::fromJson(
            R"({"flash": [{"nvs": "certs.csv", "partition": "nvs", "encrypt": {}}]})",
            m_dir.path());
        QVERIFY(!r);
        r = Recipe::fromJson(R"({"flash": [{"nvs": "certs.csv", "partition": "nvs"}]})",
                             m_dir.path());
        QVERIFY(r);
        QVERIFY(r->needsPair());
    }
};

QTEST_GUILESS_MAIN(TestStationStores)
#include "tst_stationstores.moc"
