// SPDX-License-Identifier: GPL-3.0-or-later
// The Records view on a real capture: an openssl client with a certificate whose flight the
// relay packs into one record (what the .NET client did to the WICED server). The ladder, the
// details and the hex pane follow the selection; the finding and its fixes are shown.
#include "tests/records/capturewriter.h"
#include "tests/records/opensslexchange.h"
#include "tests/tlslogs/tlslogfactory.h"
#include "ui/records/recordladdermodel.h"
#include "ui/records/recordsworkspace.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QListView>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Forgeline;
using namespace Forgeline::TestSupport;
using namespace Forgeline::Ui;

class TestRecordsWorkspace : public QObject
{
    Q_OBJECT

private:
    QString m_dir = QStringLiteral(TEST_BUILD_DIR "/records-workspace");

private Q_SLOTS:
    void coalescedClientFlightIsShownAndExplained()
    {
        QDir(m_dir).removeRecursively();
        TlsLogFactory certs(m_dir, QStringLiteral(OPENSSL_PATH), {}, {});
        QVERIFY2(certs.prepareCertificates(), qPrintable(certs.lastError()));
        const Exchange ex
            = runOpensslExchange(QStringLiteral(OPENSSL_PATH), m_dir,
                                 ReframingRelay::Mode::Coalesce, 0, {u"-Verify"_s, u"1"_s},
                                 {u"-tls1_2"_s, u"-cert"_s, certs.path(u"client.crt"_s), u"-key"_s,
                                  certs.path(u"client.key"_s)},
                                 1);
        QVERIFY2(ex.established, qPrintable(ex.error + ex.clientOutput));
        const QString capture = certs.path(u"client-flight.pcapng"_s);
        QVERIFY(writePcapng(capture, captureFrames(ex.writes)));

        RecordsWorkspace w;
        w.resize(1024, 768);
        w.show();
        // The model contract is checked on every change the real capture causes.
        QAbstractItemModelTester ladderTester(
            w.ladderModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester streamsTester(
            w.streamsView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy done(&w, &RecordsWorkspace::dissected);
        w.openFile(capture);
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().first().toBool(), true);

        QCOMPARE(w.streamsView()->model()->rowCount(), 1);
        QCOMPARE(w.ladderModel()->rowCount(), ex.records.size());
        // The finding's record is selected: the client flight, three messages in one record.
        const int row = w.ladderView()->currentIndex().row();
        const auto *record = w.ladderModel()->record(row);
        QVERIFY(record);
        QCOMPARE(record->pieces.size(), 3);
        QCOMPARE(w.ladderModel()->index(row, RecordLadderModel::Framing).data().toString(),
                 u"Certificate, ClientKeyExchange, CertificateVerify"_s);
        QCOMPARE(w.ladderModel()
                     ->index(row, RecordLadderModel::Framing)
                     .data(RecordLadderModel::SegmentsRole)
                     .toList()
                     .size(),
                 3);

        // Details: the client certificate, decoded by OpenSSL; hex: the record's bytes.
        QTreeWidgetItem *certificate = w.detailsTree()->topLevelItem(1);
        QVERIFY(certificate);
        QCOMPARE(certificate->text(0), u"Certificate"_s);
        QVERIFY(certificate->childCount() > 0);
        QCOMPARE(certificate->child(2)->text(1),
                 u"CN=device-0001"_s); // certificate #1's value is its subject
        QVERIFY(w.hexView()->toPlainText().startsWith(u"0000  16 03 03"_s));
        QVERIFY(w.findingsView()->toPlainText().contains(
            u"Several handshake messages share one TLS record"_s));
        QVERIFY(w.findingsView()->toPlainText().contains(u"WICED"_s));

        // Selecting another record moves the details and hex with it.
        w.ladderView()->setCurrentIndex(w.ladderModel()->index(0, 0));
        QCOMPARE(w.detailsTree()->topLevelItem(1)->text(0), u"ClientHello"_s);
        w.ladderView()->setCurrentIndex(w.ladderModel()->index(row, 0));

        QTest::qWait(200);
        QDir().mkpath(QStringLiteral(TEST_BUILD_DIR "/screenshots"));
        QVERIFY(w.grab().save(QStringLiteral(TEST_BUILD_DIR "/screenshots/records.png")));
    }

    void pastedTextThatIsNotADumpSaysSo()
    {
        RecordsWorkspace w;
        QSignalSpy done(&w, &RecordsWorkspace::dissected);
        w.openText("just some words\n");
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().first().toBool(), false);
        QCOMPARE(w.ladderModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestRecordsWorkspace)
#include "tst_recordsworkspace.moc"
