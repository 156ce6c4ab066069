// SPDX-License-Identifier: GPL-3.0-or-later
// The station's `connect` step on a virtual board running its real mbedTLS firmware: the
// recipe flashes a pair, then watches the board until MQTT_EVENT_CONNECTED or a failed
// handshake, whose diagnosis id lands in the board's record.
#include "monitortesthelpers.h"

#include "core/sim/firmwareprofile.h"
#include "core/sim/romboardprofile.h"
#include "core/sim/romserialserver.h"
#include "core/simfirmware/mqttfirmware.h"
#include "core/station/boardrun.h"
#include "core/station/records.h"
#include "core/station/stationdatabase.h"
#include "core/station/stationstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Station;
using namespace Forgeline::TestSupport;

class TestStationConnect : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TlsLogFactory> m_certs;

    QString cert(const QString &name) const { return m_certs->path(name); }

    // Runs one board through flash + verify + connect; returns its record.
    std::optional<StationRecord> runBoard(const QString &clientCert, const QString &dbName,
                                          QStringList *log = nullptr)
    {
        TlsServer server;
        QString error;
        if (!server.start({QStringLiteral("-cert"), cert(QStringLiteral("server.crt")),
                           QStringLiteral("-key"), cert(QStringLiteral("server.key")),
                           QStringLiteral("-CAfile"), cert(QStringLiteral("ca.crt")),
                           QStringLiteral("-Verify"), QStringLiteral("1"),
                           QStringLiteral("-verify_return_error")},
                          &error)) {
            qWarning("%s", qPrintable(error));
            return std::nullopt;
        }
        FirmwareSetup setup;
        setup.port = server.port();
        setup.caPem = readAll(cert(QStringLiteral("ca.crt")));
        setup.retryMs = 1000;
        auto board = Sim::BoardProfile::fromJson(QJsonDocument(boardProfileJson(setup)).toJson());
        auto rom = Sim::romBoardConfigFromProfile(*board);
        auto firmware = Sim::FirmwareProfile::fromJson(
            board->json.value(QLatin1String("firmware")).toObject());
        if (!board || !rom || !firmware)
            return std::nullopt;
        rom->timing = false;
        Sim::RomSerialServer sim(*rom);
        SimFirmware::MqttFirmware app(*firmware, QStringLiteral("esp32"));
        sim.setApplication(&app, true);
        const auto port = sim.listenPty();
        if (!port)
            return std::nullopt;

        const QJsonObject recipeJson{
            {QStringLiteral("name"), QStringLiteral("cert + connect")},
            {QStringLiteral("baud"), 115200},
            {QStringLiteral("flash"),
             QJsonArray{QJsonObject{{QStringLiteral("file"), clientCert},
                                    {QStringLiteral("partition"), QStringLiteral("cert")},
                                    {QStringLiteral("format"), QStringLiteral("pem-nul")}},
                        QJsonObject{{QStringLiteral("file"), cert(QStringLiteral("client.key"))},
                                    {QStringLiteral("partition"), QStringLiteral("key")},
                                    {QStringLiteral("format"), QStringLiteral("pem-nul")}}}},
            {QStringLiteral("connect"),
             QJsonObject{{QStringLiteral("timeoutMs"), 60000},
                         {QStringLiteral("success"), QStringLiteral("MQTT_EVENT_CONNECTED")}}}};
        auto recipe = Recipe::fromJson(QJsonDocument(recipeJson).toJson());
        if (!recipe) {
            qWarning("%s", qPrintable(recipe.error().message));
            return std::nullopt;
        }
        StationDatabase db;
        if (!db.open(QStringLiteral("sqlite://") + m_dir.filePath(dbName)))
            return std::nullopt;
        RecordStore records(db);
        if (!records.prepare())
            return std::nullopt;
        // A lone BoardRun talks to the database only through a store (StationJob makes one).
        StationStore store(nullptr, &records, nullptr);
        StationContext context{QStringLiteral("st-M"), QStringLiteral("mia"), nullptr, &records};
        context.store = &store;
        BoardRun run(*recipe, *port, context);
        QSignalSpy finished(&run, &BoardRun::finished);
        run.start();
        if (!finished.wait(120000))
            return std::nullopt;
        if (log)
            *log = run.log();
        auto list = records.list();
        if (!list || list->isEmpty())
            return std::nullopt;
        return list->last();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_certs = std::make_unique<TlsLogFactory>(m_dir.path(), QStringLiteral(OPENSSL_PATH),
                                                  QString(), QString());
        QVERIFY2(m_certs->prepareCertificates(), qPrintable(m_certs->lastError()));
    }

    void recipeReadsTheConnectStep()
    {
        auto r = Recipe::fromJson("{\"name\": \"x\", \"connect\": {\"timeoutMs\": 30000, "
                                  "\"success\": \"MQTT_EVENT_CONNECTED\"}}");
        QVERIFY(r);
        QVERIFY(r->connect);
        QCOMPARE(r->connect->timeoutMs, 30000);
        QVERIFY(r->steps().contains(Recipe::Step::Connect));
        QCOMPARE(r->steps().at(r->steps().size() - 2), Recipe::Step::Connect);
        const QByteArray badPattern = "{\"name\": \"x\", \"connect\": {\"success\": \"[\"}}";
        QVERIFY(!Recipe::fromJson(badPattern));
        QVERIFY(!Recipe::fromJson("{\"name\": \"x\", \"connect\": {\"timeoutMs\": 0}}"));
        QVERIFY(!Recipe::fromJson("{\"name\": \"x\"}")->connect);
    }

    void aGoodPairConnects()
    {
        QStringList log;
        const auto record
            = runBoard(cert(QStringLiteral("client.crt")), QStringLiteral("good.sqlite"), &log);
        QVERIFY(record);
        QVERIFY2(record->result == Verdict::Pass,
                 qPrintable(record->error + QLatin1Char('\n') + log.join(QLatin1Char('\n'))));
        QVERIFY(record->diagnosisId.isEmpty());
        QVERIFY(log.join(QLatin1Char('\n')).contains(QStringLiteral("MQTT_EVENT_CONNECTED")));
    }

    void anUntrustedPairFailsAtConnectWithItsDiagnosis()
    {
        QStringList log;
        const auto record = runBoard(cert(QStringLiteral("client-untrusted.crt")),
                                     QStringLiteral("bad.sqlite"), &log);
        QVERIFY(record);
        QCOMPARE(record->result, Verdict::Fail);
        QCOMPARE(record->failedStep, QStringLiteral("connect"));
        QCOMPARE(record->diagnosisId, QStringLiteral("client-certificate-rejected"));
        QVERIFY2(record->error.contains(QStringLiteral("-0x7780")), qPrintable(record->error));
    }
};

QTEST_GUILESS_MAIN(TestStationConnect)
#include "tst_stationconnect.moc"
