// SPDX-License-Identifier: GPL-3.0-or-later
// manifest.csv as people really write it (spreadsheets: BOM, CRLF, a header), and the
// mistakes that must stop an import instead of handing out a pair under the wrong id.
#include "core/station/poolmanifest.h"

#include <QTest>

using namespace Forgeline::Station;

class TestPoolManifest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void spreadsheetExport()
    {
        const QByteArray csv = "\xEF\xBB\xBFid,cert,key\r\n"
                               "# line 3 batch\r\n"
                               "dev0001, certs/dev0001.pem , keys/dev0001.key\r\n"
                               "\r\n"
                               "dev0002,/abs/dev0002.crt,/abs/dev0002.key,extra column ignored\r\n";
        const auto r = parsePoolManifest(csv);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->size(), 2);
        QCOMPARE(r->at(0).id, QStringLiteral("dev0001"));
        QCOMPARE(r->at(0).cert, QStringLiteral("certs/dev0001.pem"));
        QCOMPARE(r->at(0).key, QStringLiteral("keys/dev0001.key"));
        QCOMPARE(r->at(1).cert, QStringLiteral("/abs/dev0002.crt"));
    }

    void mistakesNameTheLine_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("says");
        QTest::newRow("two columns") << QByteArray("id,cert,key\ndev1,dev1.crt\n")
                                     << QStringLiteral("line 2: a line needs id,cert,key");
        QTest::newRow("empty id") << QByteArray("dev1,a.crt,a.key\n,b.crt,b.key\n")
                                  << QStringLiteral("line 2: id, cert and key must all be given");
        QTest::newRow("same id twice") << QByteArray("dev1,a.crt,a.key\ndev1,b.crt,b.key\n")
                                       << QStringLiteral("line 2: the id \"dev1\" appears twice");
        QTest::newRow("quoted") << QByteArray("\"dev,1\",a.crt,a.key\n")
                                << QStringLiteral("line 1: quoted fields");
        QTest::newRow("cert is key")
            << QByteArray("dev1,a.pem,a.pem\n")
            << QStringLiteral("line 1: the certificate and the key are the same file");
        QTest::newRow("header later") << QByteArray("dev1,a.crt,a.key\nid,cert,key\n")
                                      << QStringLiteral("line 2: a header line");
    }
    void mistakesNameTheLine()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, says);
        const auto r = parsePoolManifest(csv);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(says), qPrintable(r.error().message));
        QCOMPARE(r.error().code, QStringLiteral("pool.manifest"));
    }

    void emptyManifestIsAnEmptyPool()
    {
        const auto r = parsePoolManifest("# nothing yet\n");
        QVERIFY(r);
        QVERIFY(r->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPoolManifest)
#include "tst_poolmanifest.moc"
