// SPDX-License-Identifier: GPL-3.0-or-later
// Decoder robustness: ambiguous and bad input, coverage of every value, knowledge-base
// consistency and concurrent use. Forms, seeds and versions are in tst_errordecoder.cpp.
#include "core/tls/decodereport.h"
#include "core/tls/errordecoder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace Forgeline::Tls;

namespace {

QStringList sl(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromLatin1(item);
    return out;
}

} // namespace

class TestErrorDecoderRobustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ambiguousInputsGetSeveralReadings_data();
    void ambiguousInputsGetSeveralReadings();
    void otherBaseIsMentioned();
    void badInput_data();
    void badInput();
    void everyReadingHasAdvice();
    void knowledgeBaseIsConsistent();
    void concurrentDecodesAgree();
};

void TestErrorDecoderRobustness::ambiguousInputsGetSeveralReadings_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("names"); // each must appear among the readings
    QTest::newRow("-0x7500 unpinned")
        << "-0x7500"
        << sl({"MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE", "MBEDTLS_ERR_SSL_UNSUPPORTED_EXTENSION"});
    QTest::newRow("0x8010 no IDF")
        << "0x8010"
        << sl({"ESP_ERR_MBEDTLS_CERT_PARTLY_OK", "ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED"});
    QTest::newRow("4224 hex or decimal")
        << "4224" << sl({"MBEDTLS_ERR_PEM_NO_HEADER_FOOTER_PRESENT"});
    QTest::newRow("0x7002 esp_err or mbedtls") << "0x7002" << sl({"ESP_ERR_HTTP_CONNECT"});
    QTest::newRow("-1") << "-1" << sl({"MBEDTLS_ERR_ERROR_GENERIC_ERROR", "ESP_FAIL"});
    QTest::newRow("FFFFFFFF") << "FFFFFFFF"
                              << sl({"MBEDTLS_ERR_ERROR_GENERIC_ERROR",
                                     "(verify result unavailable)"});
    QTest::newRow("ambiguous short name")
        << "SSL_HANDSHAKE_FAILED"
        << sl({"ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED", "ESP_ERR_WOLFSSL_SSL_HANDSHAKE_FAILED"});
}

void TestErrorDecoderRobustness::ambiguousInputsGetSeveralReadings()
{
    QFETCH(QString, input);
    QFETCH(QStringList, names);
    const DecodeResult r = ErrorDecoder::instance().decode(input);
    QVERIFY(r.known());
    QStringList got;
    for (int i = 0; i < r.readings.size(); ++i) {
        got << r.readings.at(i).name;
        if (i > 0)
            QVERIFY(r.readings.at(i - 1).score >= r.readings.at(i).score); // ranked
    }
    for (const QString &n : names)
        QVERIFY2(got.contains(n),
                 qPrintable(n + QStringLiteral(" not in ") + got.join(QLatin1Char(','))));
}

void TestErrorDecoderRobustness::otherBaseIsMentioned()
{
    // "7500" could be decimal; that reading explains nothing, and the answer says so.
    const DecodeResult r = ErrorDecoder::instance().decode(u"7500");
    QVERIFY(r.known());
    QVERIFY2(r.readings.first().interpretation.contains(
                 QStringLiteral("decimal 7500 it matches no known code")),
             qPrintable(r.readings.first().interpretation));
    // "9984" the other way round: only the decimal reading (-9984 = -0x2700) explains it.
    const DecodeResult both = ErrorDecoder::instance().decode(u"9984");
    QVERIFY(both.known());
    QCOMPARE(both.readings.first().canonical, QStringLiteral("-0x2700"));
}

void TestErrorDecoderRobustness::badInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expect"); // substring of the message
    QTest::addColumn<bool>("hasClosest");
    QTest::newRow("empty") << ""
                           << "Nothing to decode" << false;
    QTest::newRow("spaces") << "   "
                            << "Nothing to decode" << false;
    QTest::newRow("0xZZ") << "0xZZ"
                          << "not a hex number" << false;
    QTest::newRow("40 digits") << "1234567890123456789012345678901234567890"
                               << "too long" << false;
    QTest::newRow("40 hex digits") << "0x1234567890123456789012345678901234567890"
                                   << "too long" << false;
    QTest::newRow("undefined code") << "-0x7501"
                                    << "Not a known code" << true;
    QTest::newRow("undefined decimal") << "-30000"
                                       << "Not a known code" << true;
    QTest::newRow("unknown name") << "MBEDTLS_ERR_SSL_CONN_EOFF"
                                  << "Not a known code" << true;
    QTest::newRow("garbage") << "hello world!"
                             << "neither a number" << false;
    QTest::newRow("just 0x") << "0x"
                             << "not a hex number" << false;
    QTest::newRow("just minus") << "-"
                                << "Not a known code" << false;
    QTest::newRow("flags without value") << "flags"
                                         << "needs a value" << false;
    QTest::newRow("huge paste") << QString(5000, QLatin1Char('9')) << "single error code" << false;
    QTest::newRow("int64 overflow") << "-0xFFFFFFFFFFFFFFFF"
                                    << "too large" << false;
    QTest::newRow("esp-tls block gap") << "0x8020"
                                       << "Closest readings: 0x801D" << true;
}

void TestErrorDecoderRobustness::badInput()
{
    QFETCH(QString, input);
    QFETCH(QString, expect);
    QFETCH(bool, hasClosest);
    const DecodeResult r = ErrorDecoder::instance().decode(input);
    QVERIFY(!r.known());
    QVERIFY2(r.message.contains(expect, Qt::CaseInsensitive), qPrintable(r.message));
    QCOMPARE(!r.closest.isEmpty(), hasClosest);
    if (hasClosest)
        QVERIFY(r.message.contains(QStringLiteral("Closest readings")));
}

// Every value in the database gets at least module-level meaning, a fix and a reference.
void TestErrorDecoderRobustness::everyReadingHasAdvice()
{
    int checked = 0;
    for (int magnitude = 1; magnitude <= 0x7FFF; ++magnitude) {
        if ((magnitude & 0x7F) != 0 && magnitude > 0x7F)
            continue; // composites are covered by their parts
        const DecodeResult r
            = ErrorDecoder::instance().decode(QStringLiteral("-0x%1").arg(magnitude, 0, 16));
        for (const Reading &reading : r.readings) {
            if (reading.kind != Reading::Kind::Mbedtls)
                continue;
            ++checked;
            QVERIFY2(!reading.module.isEmpty(), qPrintable(reading.name));
            QVERIFY2(!reading.meaning.isEmpty(), qPrintable(reading.name));
            QVERIFY2(!reading.fixes.isEmpty(), qPrintable(reading.name));
            QVERIFY2(!reading.references.isEmpty(), qPrintable(reading.name));
            QVERIFY2(!reading.versions.isEmpty(), qPrintable(reading.name));
        }
    }
    QVERIFY(checked > 280); // the 2.16-4.0 union has ~290 names
}

// Every hand-written entry must attach to something the decoder can produce, and use only
// diagnosis ids from the shared vocabulary (resources/data/diagnoses/diagnoses.json), so a typo cannot silently drop advice.
void TestErrorDecoderRobustness::knowledgeBaseIsConsistent()
{
    const QStringList vocabulary = sl({"tx-buffer-too-small",
                                       "rx-buffer-too-small",
                                       "peer-closed-during-handshake",
                                       "connection-reset",
                                       "handshake-timeout",
                                       "untrusted-certificate",
                                       "certificate-expired",
                                       "certificate-not-yet-valid",
                                       "hostname-mismatch",
                                       "unsupported-key-algorithm",
                                       "key-parse-error",
                                       "certificate-parse-error",
                                       "out-of-memory",
                                       "no-shared-cipher",
                                       "client-certificate-required",
                                       "client-certificate-rejected",
                                       "protocol-version-mismatch",
                                       "fatal-alert",
                                       "secure-session-not-established",
                                       "misleading-certificate-verified"});
    QFile f(QStringLiteral(":/forgeline/data/errors/knowledge.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    QVERIFY(root.size() >= 40);
    int checked = 0;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString key = it.key();
        if (key.startsWith(QLatin1Char('_')))
            continue;
        const QJsonObject entry = it.value().toObject();
        QVERIFY2(!entry.value(QStringLiteral("fixes")).toArray().isEmpty(), qPrintable(key));
        QVERIFY2(!entry.value(QStringLiteral("causes")).toArray().isEmpty(), qPrintable(key));
        const QString id = entry.value(QStringLiteral("diagnosisId")).toString();
        QVERIFY2(id.isEmpty() || vocabulary.contains(id),
                 qPrintable(key + QStringLiteral(": ") + id));
        if (key == QStringLiteral("X509_FLAGS_UNAVAILABLE"))
            continue; // attached to the 0xFFFFFFFF reading, checked in ambiguousInputsGetSeveralReadings
        const DecodeResult r = ErrorDecoder::instance().decode(key);
        QVERIFY2(r.known(), qPrintable(key));
        bool attached = false;
        for (const Reading &reading : r.readings) {
            const QStringList names = sl({}) << reading.name << reading.canonical;
            attached = attached || names.contains(key)
                       || std::any_of(reading.parts.cbegin(), reading.parts.cend(),
                                      [&key](const Reading &p) { return p.name == key; });
        }
        QVERIFY2(attached, qPrintable(key));
        ++checked;
    }
    QVERIFY(checked >= 40);
}

// The GUI decodes off its main thread while the CLI or a worker may decode too.
void TestErrorDecoderRobustness::concurrentDecodesAgree()
{
    const QStringList inputs = sl(
        {"-0x7500", "64416", "0x8010", "-0x4290", "0x00000208", "CONN_EOF", "0xZZ", "-0x7501"});
    DecodeOptions options;
    options.idfVersion = QStringLiteral("4.3");
    QStringList expected;
    for (const QString &in : inputs)
        expected << decodeResultToText(ErrorDecoder::instance().decode(in, options));
    std::vector<std::thread> threads;
    std::atomic<int> mismatches{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int round = 0; round < 25; ++round) {
                for (int i = 0; i < inputs.size(); ++i) {
                    if (decodeResultToText(ErrorDecoder::instance().decode(inputs.at(i), options))
                        != expected.at(i))
                        ++mismatches;
                }
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(mismatches.load(), 0);
}

QTEST_GUILESS_MAIN(TestErrorDecoderRobustness)
#include "tst_errordecoder_robustness.moc"
