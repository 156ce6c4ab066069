// SPDX-License-Identifier: GPL-3.0-or-later
// Every diagnosis id that a host can provoke, checked on real logs: tlsclient (Debian's
// mbedTLS 2.28, debug level 4) against openssl s_server or rawpeer on loopback.
#include "core/tls/diagnosisengine.h"
#include "core/tls/diagnosisreport.h"
#include "core/tls/logreader.h"
#include "tests/tlslogs/tlslogfactory.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <zlib.h>

using namespace Forgeline;
using namespace Forgeline::Tls;
using Forgeline::TestSupport::TlsLogFactory;
using Forgeline::TestSupport::TlsScenario;

class TestTlsLogs : public QObject
{
    Q_OBJECT

private:
    QString m_dir = QStringLiteral(TEST_BUILD_DIR "/tlslogs");
    TlsLogFactory m_factory{m_dir, QStringLiteral(OPENSSL_PATH), QStringLiteral(TLSCLIENT_PATH),
                            QStringLiteral(RAWPEER_PATH)};

    static QString lineOf(const QString &path, qint64 number)
    {
        QString found;
        const auto read = LogReader::readFile(path, [&](qint64 n, QByteArrayView line) {
            if (n == number)
                found = QString::fromUtf8(line);
        });
        return read ? found : QString();
    }

    static QStringList ids(const DiagnosisReport &r)
    {
        QStringList out;
        for (const Diagnosis &d : r.diagnoses)
            out << d.id;
        return out;
    }

    TlsScenario scenario(const QString &name)
    {
        for (const TlsScenario &s : TlsLogFactory::scenarios()) {
            if (s.name == name)
                return s;
        }
        return {};
    }

    QString makeLog(const QString &name, const QString &format)
    {
        const QString log = name + QLatin1Char('-') + format + QStringLiteral(".log");
        if (!QFile::exists(m_factory.path(log)) && !m_factory.run(scenario(name), log, format))
            return {};
        return m_factory.path(log);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QDir(m_dir).removeRecursively();
        QVERIFY2(m_factory.prepareCertificates(), qPrintable(m_factory.lastError()));
        QVERIFY2(!makeLog(QStringLiteral("working"), QStringLiteral("esp")).isEmpty(),
                 qPrintable(m_factory.lastError()));
        QVERIFY2(!makeLog(QStringLiteral("working"), QStringLiteral("raw")).isEmpty(),
                 qPrintable(m_factory.lastError()));
    }

    void workingHandshakeIsClean()
    {
        for (const QString &format : {QStringLiteral("esp"), QStringLiteral("raw")}) {
            const auto report = DiagnosisEngine::diagnoseFiles(
                m_factory.path(QStringLiteral("working-%1.log").arg(format)));
            QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
            const HandshakeTrace *t = report->badHandshake();
            QVERIFY(t);
            QVERIFY(t->succeeded());
            QVERIFY(!report->finalError);
            QVERIFY2(report->diagnoses.isEmpty(),
                     qPrintable(ids(report.value()).join(QLatin1Char(','))));
            QCOMPARE(t->generation,
                     MbedtlsGeneration::V2Modern); // 2.28 logs name ssl_cli.c and ssl_msg.c
            // The trace carries typed facts: the peer certificate, the chosen suite, states by name.
            QVERIFY(!t->certificates.isEmpty());
            QCOMPARE(t->certificates.first().subject, QStringLiteral("CN=localhost"));
            QCOMPARE(t->certificates.first().keyType, QStringLiteral("EC"));
            QCOMPARE(t->certificates.first().keyBits, 256);
            QVERIFY(t->certificates.first().sizeBytes > 300);
            QCOMPARE(t->stateAt(t->lastLine()),
                     QStringLiteral("HANDSHAKE_WRAPUP")); // 2.28 never logs state 16
        }
    }

    void diagnosis_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("divergence");
        for (const TlsScenario &s : TlsLogFactory::scenarios()) {
            if (!s.expectedId.isEmpty())
                QTest::newRow(qPrintable(s.name)) << s.name << s.expectedId << s.divergenceText;
        }
    }

    void diagnosis()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QFETCH(QString, divergence);
        const QString bad = makeLog(name, QStringLiteral("esp"));
        QVERIFY2(!bad.isEmpty(), qPrintable(m_factory.lastError()));
        const QString good = m_factory.path(QStringLiteral("working-esp.log"));

        // The failing log alone is enough for the right conclusion.
        const auto alone = DiagnosisEngine::diagnoseFiles(bad);
        QVERIFY2(alone.ok(), qPrintable(alone.ok() ? QString() : alone.error().message));
        QVERIFY2(!alone->diagnoses.isEmpty(), "no diagnosis");
        QCOMPARE(alone->diagnoses.first().id, expected);
        QVERIFY(!alone->diagnoses.first().evidence.isEmpty());
        QVERIFY(!alone->diagnoses.first().fixes.isEmpty());
        QVERIFY(alone->finalError.has_value());

        // With the working log: same conclusion, and the first divergence is where it should be.
        const auto pair = DiagnosisEngine::diagnoseFiles(bad, good);
        QVERIFY(pair.ok());
        QCOMPARE(pair->diagnoses.first().id, expected);
        QVERIFY(pair->diff.has_value());
        const Divergence *first = pair->diff->first();
        QVERIFY2(first, "no divergence found");
        QVERIFY(first->goodLine > 0);
        QVERIFY(!first->summary.isEmpty());
        const QString badLine = lineOf(bad, first->badLine);
        QVERIFY2(badLine.contains(QRegularExpression(divergence)),
                 qPrintable(QStringLiteral("line %1: %2 | %3")
                                .arg(first->badLine)
                                .arg(badLine, first->summary)));
    }

    void rawFormatGivesTheSameAnswers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("peerclose")
            << QStringLiteral("peerclose") << QStringLiteral("peer-closed-during-handshake");
        QTest::newRow("untrusted")
            << QStringLiteral("untrusted") << QStringLiteral("untrusted-certificate");
        QTest::newRow("nocipher") << QStringLiteral("nocipher")
                                  << QStringLiteral("no-shared-cipher");
        QTest::newRow("clientcertrequired") << QStringLiteral("clientcertrequired")
                                            << QStringLiteral("client-certificate-required");
    }

    void rawFormatGivesTheSameAnswers()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const QString bad = makeLog(name, QStringLiteral("raw"));
        QVERIFY2(!bad.isEmpty(), qPrintable(m_factory.lastError()));
        const auto report = DiagnosisEngine::diagnoseFiles(
            bad, m_factory.path(QStringLiteral("working-raw.log")));
        QVERIFY(report.ok());
        QCOMPARE(report->diagnoses.first().id, expected);
    }

    // Alert 40 means two different things depending on where it arrives.
    void alert40IsToldApartByPosition()
    {
        const auto cipher = DiagnosisEngine::diagnoseFiles(
            makeLog(QStringLiteral("nocipher"), QStringLiteral("esp")));
        const auto cert = DiagnosisEngine::diagnoseFiles(
            makeLog(QStringLiteral("clientcertrequired"), QStringLiteral("esp")));
        QVERIFY(cipher.ok() && cert.ok());
        auto alertOf = [](const DiagnosisReport &r) {
            for (const HandshakeEvent &e : r.badHandshake()->events) {
                if (e.type == HandshakeEvent::Type::AlertReceived)
                    return int(e.b);
            }
            return -1;
        };
        QCOMPARE(alertOf(cipher.value()), 40);
        QCOMPARE(alertOf(cert.value()), 40);
        QCOMPARE(cipher->diagnoses.first().id, QStringLiteral("no-shared-cipher"));
        QCOMPARE(cert->diagnoses.first().id, QStringLiteral("client-certificate-required"));
        QCOMPARE(cipher->finalError->code, -0x7780);
        QCOMPARE(cipher->finalError->name, QStringLiteral("MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE"));
    }

    void certificateVerifiedAfterErrorIsFlagged()
    {
        const auto report = DiagnosisEngine::diagnoseFiles(
            makeLog(QStringLiteral("peerclose"), QStringLiteral("esp")));
        QVERIFY(report.ok());
        QVERIFY(ids(report.value()).contains(QStringLiteral("misleading-certificate-verified")));
        // ...but never when the verification really failed.
        const auto untrusted = DiagnosisEngine::diagnoseFiles(
            makeLog(QStringLiteral("untrusted"), QStringLiteral("esp")));
        QVERIFY(
            !ids(untrusted.value()).contains(QStringLiteral("misleading-certificate-verified")));
    }

    void severalConnectionsBecomeSeveralTraces()
    {
        QByteArray joined;
        for (const QString &name :
             {QStringLiteral("working"), QStringLiteral("untrusted"), QStringLiteral("working")}) {
            QFile f(makeLog(name, QStringLiteral("esp")));
            QVERIFY(f.open(QIODevice::ReadOnly));
            joined += f.readAll();
        }
        const QString path = m_factory.path(QStringLiteral("three-connections.log"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(joined);
        out.close();
        const auto report = DiagnosisEngine::diagnoseFiles(path);
        QVERIFY(report.ok());
        QCOMPARE(report->bad.traces.size(), 3);
        QVERIFY(report->bad.traces.at(0).succeeded());
        QVERIFY(!report->bad.traces.at(1).succeeded());
        QVERIFY(report->bad.traces.at(2).succeeded());
        QCOMPARE(report->badTrace, 1);
        QCOMPARE(report->diagnoses.first().id, QStringLiteral("untrusted-certificate"));
    }

    // The same real log as a serial monitor shows it: colours, CRLF, other tasks' lines in
    // between and in front, gzip, and a last line cut off.
    void noisyCaptureGivesTheSameAnswer()
    {
        const QString clean = makeLog(QStringLiteral("clientcertrequired"), QStringLiteral("esp"));
        QFile in(clean);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = in.readAll().split('\n');
        QByteArray noisy;
        for (int i = 0; i < lines.size(); ++i) {
            QByteArray line = lines.at(i);
            if (line.startsWith("E ") || line.startsWith("W "))
                line = "\x1b[0;31m" + line + "\x1b[0m";
            if (i % 97 == 5)
                noisy += "I (4242) wifi: sta ip: 192.168.1.7, mask: 255.255.255.0\r\n";
            if (i % 211 == 3)
                line.prepend("Waiting for time...");
            noisy += line + "\r\n";
        }
        noisy += "I (99999) mbedtls: ssl_tls.c:6751 0x1234: => fr"; // cut by the reset
        const QString path = m_factory.path(QStringLiteral("noisy.log.gz"));
        gzFile gz = gzopen(QFile::encodeName(path).constData(), "wb");
        QVERIFY(gz);
        gzwrite(gz, noisy.constData(), unsigned(noisy.size()));
        gzclose(gz);
        const auto expected = DiagnosisEngine::diagnoseFiles(clean);
        const auto report = DiagnosisEngine::diagnoseFiles(
            path, m_factory.path(QStringLiteral("working-esp.log")));
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        QCOMPARE(report->diagnoses.first().id, expected->diagnoses.first().id);
        QCOMPARE(report->finalError->code, expected->finalError->code);
        QVERIFY(report->bad.stats.compressed);
        QVERIFY(report->bad.stats.truncatedLastLine);
        QVERIFY(report->diff && report->diff->first());
        // Lines still number the same way a text editor counts them in the decompressed file.
        QVERIFY(report->diff->first()->badLine > report->diff->first()->goodLine);
    }

    void cliJsonAndReport()
    {
        const QString bad = makeLog(QStringLiteral("peerclose"), QStringLiteral("esp"));
        const QString html = m_factory.path(QStringLiteral("peerclose.html"));
        QProcess cli;
        cli.start(QStringLiteral(FORGELINE_CLI_PATH),
                  {QStringLiteral("diagnose"), QStringLiteral("--good"),
                   m_factory.path(QStringLiteral("working-esp.log")), bad, QStringLiteral("--json"),
                   QStringLiteral("--report"), html});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(o.value(QStringLiteral("final_error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("-0x7280"));
        QCOMPARE(o.value(QStringLiteral("final_error"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("MBEDTLS_ERR_SSL_CONN_EOF"));
        const QJsonObject top = o.value(QStringLiteral("diagnoses")).toArray().first().toObject();
        QCOMPARE(top.value(QStringLiteral("id")).toString(),
                 QStringLiteral("peer-closed-during-handshake"));
        QVERIFY(top.value(QStringLiteral("confidence")).toDouble() > 0.5);
        QVERIFY(!top.value(QStringLiteral("evidence")).toArray().isEmpty());
        QVERIFY(top.value(QStringLiteral("evidence"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QStringLiteral("line"))
                    .toInt()
                > 0);
        const QJsonObject div = o.value(QStringLiteral("divergence")).toObject();
        QVERIFY(lineOf(bad, div.value(QStringLiteral("bad_line")).toInt())
                    .contains(QStringLiteral("returned 0")));
        QVERIFY(QFile::exists(html));

        // A working handshake: final_error is null.
        cli.start(QStringLiteral(FORGELINE_CLI_PATH),
                  {QStringLiteral("diagnose"), m_factory.path(QStringLiteral("working-esp.log")),
                   QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY(QJsonDocument::fromJson(cli.readAllStandardOutput())
                    .object()
                    .value(QStringLiteral("final_error"))
                    .isNull());

        // Missing file: one line on stderr, I/O exit code.
        cli.start(QStringLiteral(FORGELINE_CLI_PATH),
                  {QStringLiteral("diagnose"), m_factory.path(QStringLiteral("nope.log"))});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 3);
        QCOMPARE(cli.readAllStandardError().count('\n'), 1);
    }

    // Reports and shared copies never carry the key material a level-4 log prints.
    void secretsAreRedacted()
    {
        const QString log = m_factory.path(QStringLiteral("working-esp.log"));
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QByteArray secretRow;
        for (int i = 0; i + 2 < lines.size() && secretRow.isEmpty(); ++i) {
            if (!lines.at(i).contains("dumping 'master secret'"))
                continue;
            for (int j = i + 1; j < lines.size();
                 ++j) { // ESP-IDF leaves a blank line after each entry
                if (lines.at(j).contains("0000:")) {
                    secretRow = lines.at(j).mid(lines.at(j).indexOf("0000:"));
                    break;
                }
            }
        }
        QVERIFY2(secretRow.size() > 20, "the level-4 log should dump the master secret");
        const QString copy = m_factory.path(QStringLiteral("working-redacted.log"));
        const auto written = DiagnosisReportWriter::writeRedactedLog(log, copy);
        QVERIFY(written.ok());
        QFile r(copy);
        QVERIFY(r.open(QIODevice::ReadOnly));
        const QByteArray redacted = r.readAll();
        QVERIFY(!redacted.contains(secretRow));
        QVERIFY(redacted.contains("dumping 'master secret'"));
        QVERIFY(redacted.contains("[redacted]"));
        QVERIFY(redacted.contains("client state: 2")); // everything else stays
    }
};

QTEST_GUILESS_MAIN(TestTlsLogs)
#include "tst_tlslogs.moc"
