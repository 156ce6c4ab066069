// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/redactor.h"
#include "core/station/recipe.h"

#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Station;

class TestRecipe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void full()
    {
        const QByteArray json = R"({
            "name": "line 3", "baud": 460800, "tableOffset": "0x9000",
            "retries": {"identify": 2, "provision": 1},
            "preflight": {"target": "esp-idf-5.1", "ca": ["ca.pem"]},
            "flash": [{"source": "certificate", "partition": "cert"},
                      {"source": "key", "partition": "key", "format": "der"},
                      {"file": "app.bin", "address": "0x10000"}],
            "provision": {"ssid": "FactoryNet", "passphrase": "s3cret-wifi-pass", "pop": "pop-9911",
                          "addresses": {"/dev/ttyUSB0": "10.0.0.5:8080"}, "address": "192.168.4.1:80",
                          "customData": {"endpoint": "custom-data", "data": "id={mac}"}}
        })";
        auto r = Recipe::fromJson(json, QStringLiteral("/base"));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->baud, 460800);
        QCOMPARE(r->tableOffset, 0x9000u);
        QCOMPARE(r->retriesFor(Recipe::Step::Identify), 2);
        QCOMPARE(r->retriesFor(Recipe::Step::Flash), 0);
        QVERIFY(r->needsPair());
        QCOMPARE(r->flash.size(), 3);
        QCOMPARE(r->flash[0].format, Image::PayloadFormat::PemNul);
        QCOMPARE(r->flash[1].format, Image::PayloadFormat::Der);
        QCOMPARE(r->flash[2].format, Image::PayloadFormat::Raw);
        QCOMPARE(r->flash[2].file, QStringLiteral("/base/app.bin"));
        QCOMPARE(*r->flash[2].address, 0x10000u);
        QCOMPARE(r->preflightCa, QStringList{QStringLiteral("/base/ca.pem")});
        const QList<Recipe::Step> expected{Recipe::Step::Identify,  Recipe::Step::Claim,
                                           Recipe::Step::Preflight, Recipe::Step::Flash,
                                           Recipe::Step::Verify,    Recipe::Step::Provision,
                                           Recipe::Step::Record};
        QCOMPARE(r->steps(), expected);
        QCOMPARE(r->provisionAddressFor(QStringLiteral("/dev/ttyUSB0")),
                 QStringLiteral("10.0.0.5:8080"));
        QCOMPARE(r->provisionAddressFor(QStringLiteral("/dev/ttyUSB1")),
                 QStringLiteral("192.168.4.1:80"));
        // Secrets from the recipe never reach a log line.
        const QString line = Redactor::redact(QStringLiteral("sent s3cret-wifi-pass and pop-9911"));
        QVERIFY(!line.contains(QStringLiteral("s3cret-wifi-pass")));
        QVERIFY(!line.contains(QStringLiteral("pop-9911")));
    }

    void minimal()
    {
        auto r = Recipe::fromJson(
            R"({"flash": [{"file": "x.bin", "partition": "storage"}], "verify": false})");
        QVERIFY(r);
        QVERIFY(!r->needsPair());
        const QList<Recipe::Step> expected{Recipe::Step::Identify, Recipe::Step::Flash,
                                           Recipe::Step::Record};
        QCOMPARE(r->steps(), expected);
        QCOMPARE(r->baud, 921600);
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("{");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("no target") << QByteArray(R"({"flash": [{"source": "certificate"}]})");
        QTest::newRow("bad source")
            << QByteArray(R"({"flash": [{"source": "cake", "partition": "p"}]})");
        QTest::newRow("file without name") << QByteArray(R"({"flash": [{"partition": "p"}]})");
        QTest::newRow("bad address")
            << QByteArray(R"({"flash": [{"file": "a", "address": "zz"}]})");
        QTest::newRow("bad format")
            << QByteArray(R"({"flash": [{"file": "a", "address": 0, "format": "gif"}]})");
        QTest::newRow("no ssid") << QByteArray(R"({"provision": {"address": "1.2.3.4:80"}})");
        QTest::newRow("no address") << QByteArray(R"({"provision": {"ssid": "x"}})");
        QTest::newRow("baud") << QByteArray(R"({"baud": 0})");
    }

    void invalid()
    {
        QFETCH(QByteArray, json);
        auto r = Recipe::fromJson(json);
        QVERIFY(!r);
        QVERIFY(!r.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecipe)
#include "tst_recipe.moc"
