// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnoses only a device produces, checked on the seed excerpts in tests/data/logs; the
// others are checked on real logs in tests/tlslogs.
#include "core/tls/diagnosisengine.h"
#include "core/tls/diagnosisreport.h"
#include "core/tls/diagnosisvocabulary.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Forgeline::Tls;

namespace {

QString data(const QString &name) { return QStringLiteral(TESTDATA_DIR "/logs/") + name; }

QStringList ids(const DiagnosisReport &r)
{
    QStringList out;
    for (const Diagnosis &d : r.diagnoses)
        out << d.id;
    return out;
}

} // namespace

class TestDiagnosis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // resources/data/diagnoses/diagnoses.json: every id has words and fixes.
    void vocabularyCoversTheDesign()
    {
        const QStringList design = {
            QStringLiteral("tx-buffer-too-small"),
            QStringLiteral("rx-buffer-too-small"),
            QStringLiteral("peer-closed-during-handshake"),
            QStringLiteral("connection-reset"),
            QStringLiteral("handshake-timeout"),
            QStringLiteral("untrusted-certificate"),
            QStringLiteral("certificate-expired"),
            QStringLiteral("certificate-not-yet-valid"),
            QStringLiteral("hostname-mismatch"),
            QStringLiteral("unsupported-key-algorithm"),
            QStringLiteral("key-parse-error"),
            QStringLiteral("certificate-parse-error"),
            QStringLiteral("out-of-memory"),
            QStringLiteral("no-shared-cipher"),
            QStringLiteral("client-certificate-required"),
            QStringLiteral("client-certificate-rejected"),
            QStringLiteral("protocol-version-mismatch"),
            QStringLiteral("fatal-alert"),
            QStringLiteral("secure-session-not-established"),
            QStringLiteral("misleading-certificate-verified"),
            // Record framing, proved by the record dissector (captures, hex dumps, level-4 logs).
            QStringLiteral("coalesced-handshake-messages"),
            QStringLiteral("handshake-fragmentation-unsupported"),
            QStringLiteral("record-too-large"),
            QStringLiteral("max-fragment-length-ignored"),
        };
        for (const QString &id : design) {
            const DiagnosisVocabulary::Entry *e = DiagnosisVocabulary::instance().find(id);
            QVERIFY2(e, qPrintable(id));
            QVERIFY(!e->title.isEmpty());
            QVERIFY(e->explanation.size() > 60);
            QVERIFY(!e->fixes.isEmpty());
        }
        QCOMPARE(DiagnosisVocabulary::instance().ids().size(), design.size());
    }

    void seed000ProtocommSessionLost()
    {
        const auto r = DiagnosisEngine::diagnoseFiles(
            data(QStringLiteral("seed000_protocomm_session_lost.log")));
        QVERIFY(r.ok());
        QCOMPARE(r->diagnoses.first().id, QStringLiteral("secure-session-not-established"));
        QCOMPARE(r->diagnoses.first().evidence.first().line, 1);
        QVERIFY(!r->finalError);
    }

    void seed001PairDivergesAtTheZeroByteRead()
    {
        const auto r
            = DiagnosisEngine::diagnoseFiles(data(QStringLiteral("seed001_fails_excerpt.log")),
                                             data(QStringLiteral("seed001_succeeds_excerpt.log")));
        QVERIFY(r.ok());
        QCOMPARE(r->diagnoses.first().id, QStringLiteral("peer-closed-during-handshake"));
        QCOMPARE(r->finalError->code, -0x7280);
        QCOMPARE(r->finalError->name, QStringLiteral("MBEDTLS_ERR_SSL_CONN_EOF"));
        QVERIFY(r->diff && r->diff->first());
        QCOMPARE(r->diff->first()->badLine, 2); // "ssl->f_recv(_timeout)() returned 0 (-0x0000)"
        QCOMPARE(r->diff->first()->goodLine, 2);
        const QJsonObject json = DiagnosisReportWriter::toJson(r.value());
        QCOMPARE(json.value(QStringLiteral("divergence"))
                     .toObject()
                     .value(QStringLiteral("bad_line"))
                     .toInt(),
                 2);
        QCOMPARE(json.value(QStringLiteral("final_error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("-0x7280"));
        QCOMPARE(json.value(QStringLiteral("diagnoses"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 QStringLiteral("peer-closed-during-handshake"));
    }

    void seed001Console0x7500()
    {
        const auto r
            = DiagnosisEngine::diagnoseFiles(data(QStringLiteral("seed001_console_0x7500.log")));
        QVERIFY(r.ok());
        QCOMPARE(r->diagnoses.first().id, QStringLiteral("tx-buffer-too-small"));
        QVERIFY(ids(r.value()).contains(QStringLiteral("misleading-certificate-verified")));
        QCOMPARE(r->finalError->line, 29);
    }

    void seed001Console0x7280()
    {
        const auto r
            = DiagnosisEngine::diagnoseFiles(data(QStringLiteral("seed001_console_0x7280.log")));
        QVERIFY(r.ok());
        QCOMPARE(r->diagnoses.first().id, QStringLiteral("peer-closed-during-handshake"));
        const int misleading
            = int(ids(r.value()).indexOf(QStringLiteral("misleading-certificate-verified")));
        QVERIFY(misleading > 0);
        QCOMPARE(r->diagnoses.at(misleading).evidence.last().line,
                 30); // "Certificate verified." right after the error
    }

    // -0x7500 means CERTIFICATE_TOO_LARGE only in 2.x; a 3.x log must not blame the buffer.
    void codesAreReadWithTheLibraryVersion()
    {
        const auto v3 = DiagnosisEngine::diagnoseBytes(
            "ssl_tls12_client.c:100: |2| client state: 2\n"
            "ssl_tls.c:4000: |1| mbedtls_ssl_handshake_client_step() returned -29952 (-0x7500)\n");
        QVERIFY(v3.ok());
        QVERIFY(!ids(v3.value()).contains(QStringLiteral("tx-buffer-too-small")));
        QCOMPARE(v3->finalError->name, QStringLiteral("MBEDTLS_ERR_SSL_UNSUPPORTED_EXTENSION"));
        const auto sized = DiagnosisEngine::diagnoseBytes(
            "ssl_tls.c:2240: |1| certificate too large, 5203 > 4096\n"
            "ssl_tls.c:7000: |1| mbedtls_ssl_handshake_client_step() returned -29952 (-0x7500)\n");
        QCOMPARE(sized->diagnoses.first().id, QStringLiteral("tx-buffer-too-small"));
        QVERIFY(sized->diagnoses.first().explanation.contains(QStringLiteral("5203 bytes")));
        QVERIFY(sized->diagnoses.first().fixes.first().contains(QStringLiteral("6144")));
    }

    void reportsAreSelfContainedAndRedacted()
    {
        const auto r
            = DiagnosisEngine::diagnoseFiles(data(QStringLiteral("seed001_fails_excerpt.log")),
                                             data(QStringLiteral("seed001_succeeds_excerpt.log")));
        const QString html = DiagnosisReportWriter::toHtml(r.value());
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("peer-closed-during-handshake")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("src=")));
        bool inDump = false;
        QCOMPARE(
            DiagnosisReportWriter::redactLine(
                QStringLiteral("D (1) mbedtls: ssl_tls.c:1078 dumping 'master secret' (48 bytes)"),
                inDump),
            QStringLiteral("D (1) mbedtls: ssl_tls.c:1078 dumping 'master secret' (48 bytes)"));
        QVERIFY(inDump);
        QCOMPARE(
            DiagnosisReportWriter::redactLine(
                QStringLiteral(
                    "D (1) mbedtls: ssl_tls.c:1078 0000:  aa bb cc dd ee ff 00 11 22 33 44 55 66 77 88 99  ................"),
                inDump),
            QStringLiteral("D (1) mbedtls: ssl_tls.c:1078 [redacted]"));
        QVERIFY(
            DiagnosisReportWriter::redactLine(
                QStringLiteral(
                    "D (1) mbedtls: ssl_tls.c:1078 dumping 'client hello, random bytes' (32 bytes)"),
                inDump)
                .contains(QStringLiteral("random")));
        QVERIFY(!inDump);
    }
};

QTEST_GUILESS_MAIN(TestDiagnosis)
#include "tst_diagnosis.moc"
