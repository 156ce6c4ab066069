// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/redactor.h"
#include "core/protocomm/qrpayload.h"

#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Protocomm;

class TestQrPayload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void issueExample()
    {
        auto p = parseQrPayload(QStringLiteral(
            R"({"ver":"v1","name":"PROV_1234","pop":"abcd1234","transport":"softap","security":1})"));
        QVERIFY(p.ok());
        QCOMPARE(p->name, QStringLiteral("PROV_1234"));
        QCOMPARE(p->pop, QStringLiteral("abcd1234"));
        QCOMPARE(p->transport, QStringLiteral("softap"));
        QCOMPARE(p->security.value_or(-1), 1);
        // Registered on the way in: a log line carrying it is redacted.
        QVERIFY(!Redactor::redact(QStringLiteral("pop is abcd1234"))
                     .contains(QStringLiteral("abcd1234")));
    }

    void scannerTyping()
    {
        // A USB barcode scanner types the text and ends with Enter; some add spaces.
        auto p = parseQrPayload(QStringLiteral(
            "  {\"ver\":\"v1\",\"name\":\"PROV_9\",\"transport\":\"softap\",\"password\":\"apkey-5678\"}\r\n"));
        QVERIFY(p.ok());
        QCOMPARE(p->name, QStringLiteral("PROV_9"));
        QVERIFY(!p->security.has_value());
        QCOMPARE(p->password, QStringLiteral("apkey-5678"));
        QVERIFY(looksLikeQrPayload(QStringLiteral(" {\"name\":\"x\",\"transport\":\"ble\"}\n")));
        QVERIFY(!looksLikeQrPayload(QStringLiteral("192.168.4.1:80")));
        QVERIFY(!looksLikeQrPayload(QStringLiteral("abcd1234")));
    }

    void jumpstartLink()
    {
        auto p = parseQrPayload(QStringLiteral(
            "https://espressif.github.io/esp-jumpstart/qrcode.html?data=%7B%22ver%22%3A%22v1%22%2C%22name%22%3A%22PROV_77%22%2C%22pop%22%3A%22pop-7777%22%2C%22transport%22%3A%22ble%22%7D"));
        QVERIFY(p.ok());
        QCOMPARE(p->name, QStringLiteral("PROV_77"));
        QCOMPARE(p->transport, QStringLiteral("ble"));
        QCOMPARE(p->pop, QStringLiteral("pop-7777"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("not json") << QStringLiteral("PROV_1234");
        QTest::newRow("array") << QStringLiteral("[1,2]");
        QTest::newRow("no name") << QStringLiteral(R"({"transport":"softap"})");
        QTest::newRow("no transport") << QStringLiteral(R"({"name":"PROV_1"})");
        QTest::newRow("bad transport")
            << QStringLiteral(R"({"name":"PROV_1","transport":"zigbee"})");
        QTest::newRow("bad security")
            << QStringLiteral(R"({"name":"PROV_1","transport":"softap","security":7})");
    }

    void errors()
    {
        QFETCH(QString, text);
        auto p = parseQrPayload(text);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, QStringLiteral("protocomm.qr"));
        QVERIFY(!p.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQrPayload)
#include "tst_qrpayload.moc"
