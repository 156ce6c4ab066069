// SPDX-License-Identifier: GPL-3.0-or-later
// Every diagnosis the real mbedTLS 2.28 logs prove (tests/tlslogs) on the same cases made by a
// client built on mbedTLS 3.6.2 (tests/data/logs/mbedtls-3.6/README.md): each case held to
// TLS 1.2, plus TLS 1.3 runs where 1.3 fails along another path. 3.x tells some causes with
// other codes or lines; the root cause must still be the one 2.28 gets.
#include "core/tls/diagnosisengine.h"
#include "core/tls/diagnosisreport.h"
#include "core/tls/logreader.h"
#include "tests/tlslogs/tlslogfactory.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

using namespace Forgeline::Tls;
using Forgeline::TestSupport::TlsLogFactory;
using Forgeline::TestSupport::TlsScenario;

namespace {

QString data(const QString &name)
{
    return QStringLiteral(TESTDATA_DIR "/logs/mbedtls-3.6/") + name;
}

struct LogCase
{
    QString log;
    QString expected; // "" for a working handshake
};

// cases.tsv, written by make_tlslogs next to the logs: one row per log.
QList<LogCase> readCases()
{
    QList<LogCase> out;
    QFile f(data(QStringLiteral("cases.tsv")));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> cols = line.split('\t');
        if (cols.size() < 2)
            continue;
        out << LogCase{QString::fromUtf8(cols.at(0)),
                       cols.at(1) == "-" ? QString() : QString::fromUtf8(cols.at(1))};
    }
    return out;
}

TlsScenario scenario228(const QString &name)
{
    for (const TlsScenario &s : TlsLogFactory::scenarios()) {
        if (s.name == name)
            return s;
    }
    return {};
}

// Log names are <case>[-tls13|-usepsa][-debugN][-raw].log.
// "clientcertrequired-tls13-debug1.log" -> "clientcertrequired"
QString baseName(QString log)
{
    log.chop(4);
    log.remove(QRegularExpression(QStringLiteral("(-tls13|-usepsa)?(-debug[0-3])?(-raw)?$")));
    return log;
}

// The working log of the same TLS version, debug level and output format.
QString workingFor(const QString &log)
{
    static const QRegularExpression suffixes(
        QStringLiteral("(-tls13|-usepsa)?(-debug[0-3])?(-raw)?\\.log$"));
    const auto m = suffixes.match(log);
    return QStringLiteral("working") + m.captured(1) + m.captured(2) + m.captured(3)
           + QStringLiteral(".log");
}

// Where the first divergence is when it is not where the 2.28 case puts it.
QString divergenceFor(const QString &log)
{
    // Heap exhausted in the handshake, not in mbedtls_ssl_setup: no "alloc(" line.
    if (log == QLatin1String("outofmemory-tls13.log"))
        return QStringLiteral("psa_generate_key\\(\\) returned");
    if (log == QLatin1String("outofmemory-usepsa.log"))
        return QStringLiteral("update_checksum\\(\\) returned");
    // Below debug level 3 the lines the 2.28 regexes name are not printed.
    if (log.contains(QLatin1String("-debug")))
        return QStringLiteral(".");
    return scenario228(baseName(log)).divergenceText;
}

QString lineOf(const QString &path, qint64 number)
{
    QString found;
    const auto read = LogReader::readFile(path, [&](qint64 n, QByteArrayView line) {
        if (n == number)
            found = QString::fromUtf8(line);
    });
    return read ? found : QString();
}

QStringList ids(const DiagnosisReport &r)
{
    QStringList out;
    for (const Diagnosis &d : r.diagnoses)
        out << d.id;
    return out;
}

const HandshakeEvent *firstEvent(const HandshakeTrace &t, HandshakeEvent::Type type)
{
    for (const HandshakeEvent &e : t.events) {
        if (e.type == type)
            return &e;
    }
    return nullptr;
}

} // namespace

class TestDiagnosisMbedtls36 : public QObject
{
    Q_OBJECT

    static const QHash<QString, QString> &thinLogs()
    {
        static const QHash<QString, QString> logs{
            {QStringLiteral("clientcertrequired-debug2.log"), QStringLiteral("fatal-alert")},
        };
        return logs;
    }

private Q_SLOTS:
    // The 3.6 data set keeps up with tst_tlslogs: every id proven there has its 3.6 log here,
    // under the same case name and with the same expected id.
    void everyCaseProvenOn228HasA36Log()
    {
        const QList<LogCase> cases = readCases();
        QVERIFY(cases.size() >= 19);
        QHash<QString, QString> expected;
        for (const LogCase &c : cases) {
            QVERIFY2(QFile::exists(data(c.log)), qPrintable(c.log));
            expected.insert(c.log, c.expected);
        }
        for (const TlsScenario &s : TlsLogFactory::scenarios()) {
            const QString log = s.name + QStringLiteral(".log");
            QVERIFY2(expected.contains(log), qPrintable(log));
            QCOMPARE(expected.value(log), s.expectedId);
        }
        // TLS 1.3 and raw-format runs keep the id of the 2.28 case they repeat.
        for (const LogCase &c : cases) {
            const TlsScenario base = scenario228(baseName(c.log));
            QVERIFY2(!base.name.isEmpty(), qPrintable(c.log));
            QCOMPARE(c.expected, base.expectedId);
        }
    }

    void workingHandshakesAreClean_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<QString>("version");
        QTest::newRow("tls12") << QStringLiteral("working.log") << QStringLiteral("TLSv1.2");
        QTest::newRow("tls13") << QStringLiteral("working-tls13.log") << QStringLiteral("TLSv1.3");
        QTest::newRow("tls12-raw")
            << QStringLiteral("working-raw.log") << QStringLiteral("TLSv1.2");
        QTest::newRow("tls13-raw")
            << QStringLiteral("working-tls13-raw.log") << QStringLiteral("TLSv1.3");
        QTest::newRow("usepsa") << QStringLiteral("working-usepsa.log")
                                << QStringLiteral("TLSv1.2");
    }

    void workingHandshakesAreClean()
    {
        QFETCH(QString, log);
        QFETCH(QString, version);
        const auto report = DiagnosisEngine::diagnoseFiles(data(log));
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        const HandshakeTrace *t = report->badHandshake();
        QVERIFY(t);
        QVERIFY(t->succeeded());
        QVERIFY(!report->finalError);
        QVERIFY2(report->diagnoses.isEmpty(),
                 qPrintable(ids(report.value()).join(QLatin1Char(','))));
        QCOMPARE(t->generation,
                 MbedtlsGeneration::V3); // 3.6 names ssl_client.c, ssl_tls12_*/ssl_tls13_*
        QVERIFY(!t->certificates.isEmpty());
        QCOMPARE(t->certificates.first().subject, QStringLiteral("CN=localhost"));
        QCOMPARE(t->certificates.first().keyType, QStringLiteral("EC"));
        QVERIFY(lineOf(data(log), t->lastLine()).size() > 0);
        QFile f(data(log));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains(
            QString(QStringLiteral("handshake succeeded: ") + version).toUtf8()));
    }

    void diagnosis_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<QString>("expected");
        for (const LogCase &c : readCases()) {
            if (!c.expected.isEmpty() && !thinLogs().contains(c.log))
                QTest::newRow(qPrintable(c.log)) << c.log << c.expected;
        }
    }

    // Logs at a debug level too low for the root cause, in 2.28 as in 3.6 (a TLS 1.2
    // CertificateRequest only shows at level 3): the generic finding, never a wrong one.
    void thinLogsGetTheGenericFinding()
    {
        for (auto it = thinLogs().cbegin(); it != thinLogs().cend(); ++it) {
            const auto report = DiagnosisEngine::diagnoseFiles(data(it.key()));
            QVERIFY(report.ok());
            QCOMPARE(report->diagnoses.first().id, it.value());
            QVERIFY(!ids(report.value()).contains(QStringLiteral("no-shared-cipher")));
        }
    }

    void diagnosis()
    {
        QFETCH(QString, log);
        QFETCH(QString, expected);
        const QString bad = data(log);

        // The failing log alone is enough for the right conclusion.
        const auto alone = DiagnosisEngine::diagnoseFiles(bad);
        QVERIFY2(alone.ok(), qPrintable(alone.ok() ? QString() : alone.error().message));
        QVERIFY2(!alone->diagnoses.isEmpty(), "no diagnosis");
        QCOMPARE(alone->diagnoses.first().id, expected);
        QVERIFY(!alone->diagnoses.first().evidence.isEmpty());
        QVERIFY(!alone->diagnoses.first().fixes.isEmpty());
        QVERIFY(alone->finalError.has_value());
        QVERIFY(!alone->finalError->name.isEmpty());
        if (firstEvent(*alone->badHandshake(),
                       HandshakeEvent::Type::HandshakeStart)) // not a setup failure
            QCOMPARE(alone->badHandshake()->generation, MbedtlsGeneration::V3);

        // With the working log of the same TLS version: same conclusion, and the first
        // divergence is where the 2.28 case puts it.
        const auto pair = DiagnosisEngine::diagnoseFiles(bad, data(workingFor(log)));
        QVERIFY(pair.ok());
        QCOMPARE(pair->diagnoses.first().id, expected);
        QVERIFY(pair->diff.has_value());
        const Divergence *first = pair->diff->first();
        QVERIFY2(first, "no divergence found");
        QVERIFY(first->goodLine > 0);
        const QString badLine = lineOf(bad, first->badLine);
        const QString divergence = divergenceFor(log);
        QVERIFY2(badLine.contains(QRegularExpression(divergence)),
                 qPrintable(QStringLiteral("line %1: %2 | %3")
                                .arg(first->badLine)
                                .arg(badLine, first->summary)));
    }

    // The codes 3.6 ends with, named as 3.x names them; where 2.28 used another code for the
    // same cause the comment says which.
    void finalErrorsCarry3xNames_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("name");
        // 2.28: -0x7500 CERTIFICATE_TOO_LARGE, a value 3.x reuses for UNSUPPORTED_EXTENSION.
        QTest::newRow("certtoolarge") << QStringLiteral("certtoolarge.log") << -0x6A00
                                      << QStringLiteral("MBEDTLS_ERR_SSL_BUFFER_TOO_SMALL");
        QTest::newRow("certtoolarge-tls13") << QStringLiteral("certtoolarge-tls13.log") << -0x6A00
                                            << QStringLiteral("MBEDTLS_ERR_SSL_BUFFER_TOO_SMALL");
        QTest::newRow("oversize") << QStringLiteral("oversize.log") << -0x7100
                                  << QStringLiteral("MBEDTLS_ERR_SSL_BAD_INPUT_DATA");
        QTest::newRow("nocipher-tls13") << QStringLiteral("nocipher-tls13.log") << -0x7780
                                        << QStringLiteral("MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE");
        QTest::newRow("untrusted-tls13") << QStringLiteral("untrusted-tls13.log") << -0x2700
                                         << QStringLiteral("MBEDTLS_ERR_X509_CERT_VERIFY_FAILED");
        QTest::newRow("outofmemory") << QStringLiteral("outofmemory.log") << -0x7F00
                                     << QStringLiteral("MBEDTLS_ERR_SSL_ALLOC_FAILED");
        // PSA_ERROR_INSUFFICIENT_MEMORY from the TLS 1.3 key share and the PSA handshake hash.
        QTest::newRow("outofmemory-tls13") << QStringLiteral("outofmemory-tls13.log") << -0x7F00
                                           << QStringLiteral("MBEDTLS_ERR_SSL_ALLOC_FAILED");
        QTest::newRow("outofmemory-usepsa") << QStringLiteral("outofmemory-usepsa.log") << -0x5180
                                            << QStringLiteral("MBEDTLS_ERR_MD_ALLOC_FAILED");
        QTest::newRow("keyparse")
            << QStringLiteral("keyparse.log") << -0x3D60
            << QStringLiteral("MBEDTLS_ERR_PK_KEY_INVALID_FORMAT + MBEDTLS_ERR_ASN1_OUT_OF_DATA");
    }

    void finalErrorsCarry3xNames()
    {
        QFETCH(QString, log);
        QFETCH(int, code);
        QFETCH(QString, name);
        const auto report = DiagnosisEngine::diagnoseFiles(data(log));
        QVERIFY(report.ok());
        QVERIFY(report->finalError);
        QCOMPARE(report->finalError->code, code);
        QCOMPARE(report->finalError->name, name);
    }

    // TLS 1.3: the server judges the client certificate after the client's Finished, so the
    // handshake completes on the device and the verdict is an alert on the first read.
    void tls13ClientCertificateVerdictComesAfterTheHandshake_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<int>("alert");
        QTest::newRow("required") << QStringLiteral("clientcertrequired-tls13.log")
                                  << 116; // certificate_required
        QTest::newRow("required-raw") << QStringLiteral("clientcertrequired-tls13-raw.log") << 116;
        QTest::newRow("rejected") << QStringLiteral("clientcertrejected-tls13.log")
                                  << 48; // unknown_ca
    }

    void tls13ClientCertificateVerdictComesAfterTheHandshake()
    {
        QFETCH(QString, log);
        QFETCH(int, alert);
        const auto report = DiagnosisEngine::diagnoseFiles(data(log));
        QVERIFY(report.ok());
        const HandshakeTrace *t = report->badHandshake();
        QVERIFY(t && !t->succeeded());
        const HandshakeEvent *done = firstEvent(*t, HandshakeEvent::Type::HandshakeDone);
        const HandshakeEvent *received = firstEvent(*t, HandshakeEvent::Type::AlertReceived);
        QVERIFY(done && received);
        QVERIFY(done->line < received->line);
        QCOMPARE(int(received->b), alert);
        QVERIFY(!firstEvent(*t, HandshakeEvent::Type::HandshakeReturned));
        QCOMPARE(report->finalError->code, -0x7780);
    }

    // 3.6 writes a TLS 1.3 Certificate with a bounds check that logs no sizes: the bare
    // -0x6A00 right after "=> write certificate" still means the chain does not fit.
    void tls13CertificateTooLargeLogsNoSize()
    {
        const auto report
            = DiagnosisEngine::diagnoseFiles(data(QStringLiteral("certtoolarge-tls13.log")));
        QVERIFY(report.ok());
        QVERIFY(!firstEvent(*report->badHandshake(), HandshakeEvent::Type::BufferLimit));
        const Diagnosis &d = report->diagnoses.first();
        QCOMPARE(d.id, QStringLiteral("tx-buffer-too-small"));
        QVERIFY(d.confidence >= 0.9); // the own certificate is in the log
        bool writeLine = false;
        for (const EvidenceLine &e : d.evidence)
            writeLine = writeLine
                        || lineOf(data(QStringLiteral("certtoolarge-tls13.log")), e.line)
                               .contains(QLatin1String("=> write certificate"));
        QVERIFY(writeLine);
        QVERIFY(d.explanation.contains(QLatin1String("CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN")));
        // The TLS 1.2 path of the same library still prints the sizes.
        const auto tls12 = DiagnosisEngine::diagnoseFiles(data(QStringLiteral("certtoolarge.log")));
        QVERIFY(tls12.ok());
        QVERIFY(firstEvent(*tls12->badHandshake(), HandshakeEvent::Type::BufferLimit));
        QCOMPARE(tls12->diagnoses.first().id, QStringLiteral("tx-buffer-too-small"));
    }

    // A TLS 1.3 exchange read to its end stops at the server's close_notify, which 3.6 logs
    // as mbedtls_ssl_read_record() returned -0x7880: that is no failure.
    void closeNotifyAfterTheExchangeIsNoFailure()
    {
        const auto report
            = DiagnosisEngine::diagnoseFiles(data(QStringLiteral("working-tls13.log")));
        QVERIFY(report.ok());
        bool sawCloseNotify = false;
        for (const HandshakeEvent &e : report->badHandshake()->events)
            sawCloseNotify = sawCloseNotify || e.code == -0x7880;
        QVERIFY(sawCloseNotify);
        QVERIFY(report->badHandshake()->succeeded());
    }

    // Heap exhausted while a TLS 1.3 handshake makes its key share through PSA: the PSA
    // status comes back converted, as SSL_ALLOC_FAILED from psa_generate_key.
    void outOfMemoryInsideTheTls13Handshake()
    {
        const QString log = data(QStringLiteral("outofmemory-tls13.log"));
        const auto report = DiagnosisEngine::diagnoseFiles(log);
        QVERIFY(report.ok());
        QCOMPARE(report->diagnoses.first().id, QStringLiteral("out-of-memory"));
        QCOMPARE(report->finalError->code, -0x7F00);
        bool psaLine = false;
        for (const EvidenceLine &e : report->diagnoses.first().evidence)
            psaLine = psaLine || lineOf(log, e.line).contains(QLatin1String("psa_generate_key()"));
        QVERIFY(psaLine);
        QVERIFY(!firstEvent(*report->badHandshake(), HandshakeEvent::Type::AllocFailed));
    }

    // Alert 40 means two different things depending on where it arrives, in 3.6 as in 2.28.
    void alert40IsToldApartByPosition()
    {
        const auto cipher = DiagnosisEngine::diagnoseFiles(data(QStringLiteral("nocipher.log")));
        const auto cert
            = DiagnosisEngine::diagnoseFiles(data(QStringLiteral("clientcertrequired.log")));
        QVERIFY(cipher.ok() && cert.ok());
        QCOMPARE(int(firstEvent(*cipher->badHandshake(), HandshakeEvent::Type::AlertReceived)->b),
                 40);
        QCOMPARE(int(firstEvent(*cert->badHandshake(), HandshakeEvent::Type::AlertReceived)->b),
                 40);
        QCOMPARE(cipher->diagnoses.first().id, QStringLiteral("no-shared-cipher"));
        QCOMPARE(cert->diagnoses.first().id, QStringLiteral("client-certificate-required"));
    }

    void certificateVerifiedAfterErrorIsFlagged()
    {
        const auto report = DiagnosisEngine::diagnoseFiles(data(QStringLiteral("peerclose.log")));
        QVERIFY(report.ok());
        QVERIFY(ids(report.value()).contains(QStringLiteral("misleading-certificate-verified")));
        const auto untrusted
            = DiagnosisEngine::diagnoseFiles(data(QStringLiteral("untrusted-tls13.log")));
        QVERIFY(untrusted.ok());
        QVERIFY(
            !ids(untrusted.value()).contains(QStringLiteral("misleading-certificate-verified")));
    }
};

QTEST_GUILESS_MAIN(TestDiagnosisMbedtls36)
#include "tst_diagnosis_mbedtls36.moc"
