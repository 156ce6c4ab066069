// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/decodereport.h"
#include "core/tls/errordatabase.h"
#include "core/tls/errordecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Forgeline::Tls;

namespace {

DecodeOptions pinned(const char *version)
{
    DecodeOptions o;
    if (version && *version)
        o.mbedtls = parseMbedtlsVersion(QString::fromLatin1(version));
    return o;
}

QStringList sl(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromLatin1(item);
    return out;
}

// The sentence every mbedTLS reading without hand-written fixes gets.
const QString DebugLogAdvice = QStringLiteral("CONFIG_MBEDTLS_DEBUG_LEVEL_DEBUG");

// Every fix the reading shows, the composite's own and its parts'.
QStringList allFixes(const Reading &r)
{
    QStringList out = r.fixes;
    for (const Reading &p : r.parts)
        out += allFixes(p);
    return out;
}

DecodeOptions idf(const char *version)
{
    DecodeOptions o;
    o.idfVersion = QString::fromLatin1(version);
    return o;
}

} // namespace

class TestErrorDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pastedForms_data();
    void pastedForms();
    void seedCases_data();
    void seedCases();
    void versionDependentMeaning_data();
    void versionDependentMeaning();
    void idfNumbering_data();
    void idfNumbering();
    void composites_data();
    void composites();
    void compositeGivesGenericFixOnce();
    void compositeKeepsSpecificFixOfAHalf();
    void psaCheckedFirst_data();
    void psaCheckedFirst();
    void x509Flags_data();
    void x509Flags();
    void vendorCodes();
    void namesInReverse_data();
    void namesInReverse();
    void versionHelpers_data();
    void versionHelpers();
    void jsonAndTextReports();
};

// Every spelling of -0x7500 seen in logs decodes to the same code.
void TestErrorDecoder::pastedForms_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("negative hex") << "-0x7500"
                                  << "-0x7500";
    QTest::newRow("upper X") << "-0X7500"
                             << "-0x7500";
    QTest::newRow("sign lost") << "0x7500"
                               << "-0x7500";
    QTest::newRow("bare digits") << "7500"
                                 << "-0x7500";
    QTest::newRow("decimal") << "-29952"
                             << "-0x7500";
    QTest::newRow("uint32 hex") << "FFFF8B00"
                                << "-0x7500";
    QTest::newRow("uint32 0x") << "0xFFFF8B00"
                               << "-0x7500";
    QTest::newRow("uint32 decimal") << "4294937344"
                                    << "-0x7500";
    QTest::newRow("esp-idf (%04X)") << "(FFFFD900)"
                                    << "-0x2700";
    QTest::newRow("esp-idf with colon") << "(FFFFD900):"
                                        << "-0x2700";
    QTest::newRow("arduino decimal") << "-15488"
                                     << "-0x3C80";
    QTest::newRow("stack error positive") << "0x2700"
                                          << "-0x2700";
    QTest::newRow("lowercase hex") << "-0x7f00"
                                   << "-0x7F00";
    QTest::newRow("whitespace") << "  -0x7280 \t"
                                << "-0x7280";
    QTest::newRow("brackets") << "[-0x7780]"
                              << "-0x7780";
    QTest::newRow("debug hex") << "-0x004c"
                               << "-0x004C";
    QTest::newRow("sign then space") << "- 0x7280"
                                     << "-0x7280";
}

void TestErrorDecoder::pastedForms()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    const DecodeResult r = ErrorDecoder::instance().decode(input);
    QVERIFY2(r.known(), qPrintable(r.message));
    QCOMPARE(r.readings.first().canonical, canonical);
    QVERIFY(!r.readings.first().interpretation.isEmpty());
}

void TestErrorDecoder::seedCases_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("diagnosisId");
    QTest::newRow("001 -0x7500 on 2.28") << "-0x7500"
                                         << "2.28"
                                         << "MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE"
                                         << "tx-buffer-too-small";
    QTest::newRow("001 -0x7280") << "-0x7280"
                                 << ""
                                 << "MBEDTLS_ERR_SSL_CONN_EOF"
                                 << "peer-closed-during-handshake";
    QTest::newRow("-29312 decimal") << "-29312"
                                    << ""
                                    << "MBEDTLS_ERR_SSL_CONN_EOF"
                                    << "peer-closed-during-handshake";
    QTest::newRow("004 -15488") << "-15488"
                                << ""
                                << "MBEDTLS_ERR_PK_UNKNOWN_PK_ALG"
                                << "unsupported-key-algorithm";
    QTest::newRow("004 -9984") << "-9984"
                               << ""
                               << "MBEDTLS_ERR_X509_CERT_VERIFY_FAILED"
                               << "untrusted-certificate";
    QTest::newRow("003 64416") << "64416"
                               << ""
                               << "TROPICSSL_ERR_RSA_VERIFY_FAILED"
                               << "client-certificate-rejected";
    QTest::newRow("-0x3D00") << "-0x3D00"
                             << ""
                             << "MBEDTLS_ERR_PK_KEY_INVALID_FORMAT"
                             << "key-parse-error";
    QTest::newRow("-0x7F00") << "-0x7F00"
                             << ""
                             << "MBEDTLS_ERR_SSL_ALLOC_FAILED"
                             << "out-of-memory";
}

void TestErrorDecoder::seedCases()
{
    QFETCH(QString, input);
    QFETCH(QString, version);
    QFETCH(QString, name);
    QFETCH(QString, diagnosisId);
    const DecodeResult r
        = ErrorDecoder::instance().decode(input, pinned(version.toLatin1().constData()));
    QVERIFY2(r.known(), qPrintable(r.message));
    const Reading &top = r.readings.first();
    QCOMPARE(top.name, name);
    QCOMPARE(top.diagnosisId, diagnosisId);
    QVERIFY(!top.causes.isEmpty());
    QVERIFY(!top.fixes.isEmpty());
    QVERIFY(!top.references.isEmpty());
}

void TestErrorDecoder::versionDependentMeaning_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("otherName"); // the other version's meaning, mentioned in the note
    QTest::newRow("-0x7500 2.16") << "-0x7500"
                                  << "2.16"
                                  << "MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE"
                                  << "UNSUPPORTED_EXTENSION";
    QTest::newRow("-0x7500 3.6") << "-0x7500"
                                 << "3.6"
                                 << "MBEDTLS_ERR_SSL_UNSUPPORTED_EXTENSION"
                                 << "CERTIFICATE_TOO_LARGE";
    QTest::newRow("-0x7800 2.28") << "-0x7800"
                                  << "2.28"
                                  << "MBEDTLS_ERR_SSL_PEER_VERIFY_FAILED"
                                  << "UNRECOGNIZED_NAME";
    QTest::newRow("-0x7800 3.0") << "-0x7800"
                                 << "3.0"
                                 << "MBEDTLS_ERR_SSL_UNRECOGNIZED_NAME"
                                 << "PEER_VERIFY_FAILED";
    QTest::newRow("-0x7580 3.6") << "-0x7580"
                                 << "3.6"
                                 << "MBEDTLS_ERR_SSL_NO_APPLICATION_PROTOCOL"
                                 << "CERTIFICATE_REQUIRED";
    QTest::newRow("-0x3880 2.28") << "-0x3880"
                                  << "2.28"
                                  << "MBEDTLS_ERR_PK_HW_ACCEL_FAILED"
                                  << "BUFFER_TOO_SMALL";
    QTest::newRow("-0x7C00 3.6") << "-0x7C00"
                                 << "3.6"
                                 << "MBEDTLS_ERR_SSL_RECEIVED_EARLY_DATA"
                                 << "BAD_HS_CLIENT_KEY_EXCHANGE";
    QTest::newRow("-0x0011 3.6") << "-0x0011"
                                 << "3.6"
                                 << "MBEDTLS_ERR_LMS_BAD_INPUT_DATA"
                                 << "CCM_HW_ACCEL_FAILED";
}

void TestErrorDecoder::versionDependentMeaning()
{
    QFETCH(QString, input);
    QFETCH(QString, version);
    QFETCH(QString, name);
    QFETCH(QString, otherName);
    const DecodeResult r
        = ErrorDecoder::instance().decode(input, pinned(version.toLatin1().constData()));
    QVERIFY(r.readings.size() >= 2);
    QCOMPARE(r.readings.first().name, name);
    QVERIFY(r.readings.first().versions.contains(version));
    QVERIFY2(r.readings.first().versionNote.contains(otherName),
             qPrintable(r.readings.first().versionNote));
    QVERIFY(r.readings.first().score > r.readings.at(1).score);
}

void TestErrorDecoder::idfNumbering_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("idfVersion");
    QTest::addColumn<QString>("name");
    QTest::newRow("0x8010 IDF 4.3") << "0x8010"
                                    << "4.3"
                                    << "ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED";
    QTest::newRow("0x8010 IDF 4.0") << "0x8010"
                                    << "v4.0"
                                    << "ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED";
    QTest::newRow("0x8010 IDF 4.4") << "0x8010"
                                    << "4.4"
                                    << "ESP_ERR_MBEDTLS_CERT_PARTLY_OK";
    QTest::newRow("0x801A IDF 5.2") << "0x801A"
                                    << "5.2"
                                    << "ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED";
    QTest::newRow("0x801A IDF 4.3") << "0x801A"
                                    << "4.3"
                                    << "ESP_ERR_WOLFSSL_SSL_WRITE_FAILED";
    QTest::newRow("0x8006 IDF 4.2") << "0x8006"
                                    << "4.2"
                                    << "ESP_ERR_MBEDTLS_CERT_PARTLY_OK";
    QTest::newRow("0x8006 IDF 5.0") << "0x8006"
                                    << "5.0"
                                    << "ESP_ERR_ESP_TLS_CONNECTION_TIMEOUT";
    QTest::newRow("-0x7500 IDF 4.4.1") << "-0x7500"
                                       << "4.4.1"
                                       << "MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE";
    QTest::newRow("-0x7500 IDF 5.1") << "-0x7500"
                                     << "5.1"
                                     << "MBEDTLS_ERR_SSL_UNSUPPORTED_EXTENSION";
    QTest::newRow("-0x7F00 IDF 6.0 alias") << "MBEDTLS_ERR_SSL_ALLOC_FAILED"
                                           << "6.0"
                                           << "PSA_ERROR_INSUFFICIENT_MEMORY";
}

void TestErrorDecoder::idfNumbering()
{
    QFETCH(QString, input);
    QFETCH(QString, idfVersion);
    QFETCH(QString, name);
    const DecodeResult r
        = ErrorDecoder::instance().decode(input, idf(idfVersion.toLatin1().constData()));
    QVERIFY2(r.known(), qPrintable(r.message));
    QCOMPARE(r.readings.first().name, name);
}

void TestErrorDecoder::composites_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("high");
    QTest::addColumn<QString>("low");
    QTest::newRow("-0x262E") << "-0x262E"
                             << "MBEDTLS_ERR_X509_UNKNOWN_SIG_ALG"
                             << "MBEDTLS_ERR_OID_NOT_FOUND";
    QTest::newRow("-0x4290") << "-0x4290"
                             << "MBEDTLS_ERR_RSA_PUBLIC_FAILED"
                             << "MBEDTLS_ERR_MPI_ALLOC_FAILED";
    QTest::newRow("-0x428E") << "-0x428E"
                             << "MBEDTLS_ERR_RSA_PUBLIC_FAILED"
                             << "MBEDTLS_ERR_MPI_NOT_ACCEPTABLE";
    QTest::newRow("-0x4310") << "-0x4310"
                             << "MBEDTLS_ERR_RSA_PRIVATE_FAILED"
                             << "MBEDTLS_ERR_MPI_ALLOC_FAILED";
    QTest::newRow("decimal -17040") << "-17040"
                                    << "MBEDTLS_ERR_RSA_PUBLIC_FAILED"
                                    << "MBEDTLS_ERR_MPI_ALLOC_FAILED";
}

void TestErrorDecoder::composites()
{
    QFETCH(QString, input);
    QFETCH(QString, high);
    QFETCH(QString, low);
    const DecodeResult r = ErrorDecoder::instance().decode(input);
    QVERIFY2(r.known(), qPrintable(r.message));
    const Reading &top = r.readings.first();
    QCOMPARE(top.kind, Reading::Kind::MbedtlsComposite);
    QCOMPARE(top.parts.size(), 2);
    QCOMPARE(top.parts.at(0).name, high);
    QCOMPARE(top.parts.at(1).name, low);
    QCOMPARE(top.parts.at(0).value + top.parts.at(1).value, top.value);
    QVERIFY(!top.fixes.isEmpty());
}

// -0x22E4 = X509_INVALID_SERIAL (-0x2280) + ASN1_INVALID_LENGTH (-0x0064): neither half has a
// hand-written entry, so both would get the debug-log advice; the composite says it once.
void TestErrorDecoder::compositeGivesGenericFixOnce()
{
    const ErrorDatabase db;
    QVERIFY(!db.knowledge(QStringLiteral("MBEDTLS_ERR_X509_INVALID_SERIAL")));
    QVERIFY(!db.knowledge(QStringLiteral("MBEDTLS_ERR_ASN1_INVALID_LENGTH")));
    QVERIFY(!db.knowledge(QStringLiteral("-0x22E4")));

    const DecodeResult r = ErrorDecoder::instance().decode(u"-0x22E4");
    QVERIFY2(r.known(), qPrintable(r.message));
    const Reading &top = r.readings.first();
    QCOMPARE(top.kind, Reading::Kind::MbedtlsComposite);
    QCOMPARE(top.parts.at(0).name, QStringLiteral("MBEDTLS_ERR_X509_INVALID_SERIAL"));
    QCOMPARE(top.parts.at(1).name, QStringLiteral("MBEDTLS_ERR_ASN1_INVALID_LENGTH"));

    const QStringList fixes = allFixes(top);
    QCOMPARE(fixes.filter(DebugLogAdvice).size(), 1);
    QCOMPARE(top.fixes.filter(DebugLogAdvice).size(),
             1); // on the composite, where text and GUI show advice
    const QString advice = top.fixes.filter(DebugLogAdvice).constFirst();
    QVERIFY2(advice.contains(QStringLiteral("X509")) && advice.contains(QStringLiteral("ASN1")),
             qPrintable(advice));
    for (const Reading &part : top.parts)
        QVERIFY2(part.fixes.isEmpty(), qPrintable(part.fixes.join(u'|')));

    const QString text = decodeResultToText(r);
    QCOMPARE(text.count(DebugLogAdvice), 1);
    const QByteArray json = QJsonDocument(decodeResultToJson(r)).toJson();
    QCOMPARE(json.count(DebugLogAdvice.toUtf8()), 1);
    // The JSON keeps its shape: each part still has its (now empty) fixes array.
    const QJsonArray parts = decodeResultToJson(r)
                                 .value(QStringLiteral("readings"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QStringLiteral("parts"))
                                 .toArray();
    QCOMPARE(parts.size(), 2);
    for (const QJsonValue &p : parts)
        QVERIFY(p.toObject().value(QStringLiteral("fixes")).isArray());

    // A plain code without hand-written fixes still gets the advice.
    const Reading single = ErrorDecoder::instance().decode(u"-0x2280").readings.first();
    QCOMPARE(single.fixes.filter(DebugLogAdvice).size(), 1);
}

// -0x22E2 = X509_INVALID_SERIAL (generic only) + ASN1_UNEXPECTED_TAG (hand-written fixes): the
// specific fixes stay, on the composite and on their half; the generic one is for X509 alone.
void TestErrorDecoder::compositeKeepsSpecificFixOfAHalf()
{
    const ErrorDatabase db;
    const Knowledge *tag = db.knowledge(QStringLiteral("MBEDTLS_ERR_ASN1_UNEXPECTED_TAG"));
    QVERIFY(tag && !tag->fixes.isEmpty());
    QVERIFY(!db.knowledge(QStringLiteral("-0x22E2")));

    const Reading top = ErrorDecoder::instance().decode(u"-0x22E2").readings.first();
    QCOMPARE(top.kind, Reading::Kind::MbedtlsComposite);
    QCOMPARE(top.parts.at(1).name, QStringLiteral("MBEDTLS_ERR_ASN1_UNEXPECTED_TAG"));
    for (const QString &fix : tag->fixes) {
        QVERIFY2(top.fixes.contains(fix), qPrintable(fix));
        QVERIFY2(top.parts.at(1).fixes.contains(fix), qPrintable(fix));
    }
    const QStringList generic = allFixes(top).filter(DebugLogAdvice);
    QCOMPARE(generic.size(), 1);
    QVERIFY2(generic.constFirst().contains(QStringLiteral("X509")),
             qPrintable(generic.constFirst()));
    QVERIFY2(!generic.constFirst().contains(QStringLiteral("ASN1")),
             qPrintable(generic.constFirst()));
}

void TestErrorDecoder::psaCheckedFirst_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("name");
    QTest::newRow("-0x87") << "-0x87"
                           << "PSA_ERROR_INVALID_ARGUMENT";
    QTest::newRow("-135") << "-135"
                          << "PSA_ERROR_INVALID_ARGUMENT";
    QTest::newRow("-141") << "-141"
                          << "PSA_ERROR_INSUFFICIENT_MEMORY";
    QTest::newRow("-0x0097 corruption") << "-0x0097"
                                        << "PSA_ERROR_CORRUPTION_DETECTED";
    QTest::newRow("-129 PSA-FF") << "-129"
                                 << "PSA_ERROR_PROGRAMMER_ERROR";
}

void TestErrorDecoder::psaCheckedFirst()
{
    QFETCH(QString, input);
    QFETCH(QString, name);
    const DecodeResult r = ErrorDecoder::instance().decode(input);
    QVERIFY2(r.known(), qPrintable(r.message));
    QCOMPARE(r.readings.first().kind, Reading::Kind::Psa);
    QCOMPARE(r.readings.first().name, name);
    for (const Reading &reading : r.readings)
        QVERIFY(reading.kind != Reading::Kind::MbedtlsComposite); // never split as high+low
}

void TestErrorDecoder::x509Flags_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("bits");
    QTest::newRow("zero-padded") << "0x00000208"
                                 << sl({"MBEDTLS_X509_BADCERT_NOT_TRUSTED",
                                        "MBEDTLS_X509_BADCERT_FUTURE"});
    QTest::newRow("padded no 0x") << "00000208"
                                  << sl({"MBEDTLS_X509_BADCERT_NOT_TRUSTED",
                                         "MBEDTLS_X509_BADCERT_FUTURE"});
    QTest::newRow("hint") << "flags 0x8" << sl({"MBEDTLS_X509_BADCERT_NOT_TRUSTED"});
    QTest::newRow("hint =") << "flags=0x4" << sl({"MBEDTLS_X509_BADCERT_CN_MISMATCH"});
    QTest::newRow("log form") << "flags 00010000" << sl({"MBEDTLS_X509_BADCERT_BAD_KEY"});
    QTest::newRow("name") << "MBEDTLS_X509_BADCERT_EXPIRED" << sl({"MBEDTLS_X509_BADCERT_EXPIRED"});
}

void TestErrorDecoder::x509Flags()
{
    QFETCH(QString, input);
    QFETCH(QStringList, bits);
    const DecodeResult r = ErrorDecoder::instance().decode(input);
    QVERIFY2(r.known(), qPrintable(r.message));
    const Reading &top = r.readings.first();
    QCOMPARE(top.kind, Reading::Kind::X509Flags);
    QStringList names;
    for (const Reading &p : top.parts)
        names << p.name;
    QCOMPARE(names, bits);
}

void TestErrorDecoder::vendorCodes()
{
    const DecodeResult wiced = ErrorDecoder::instance().decode(u"5023");
    QVERIFY(wiced.known());
    QCOMPARE(wiced.readings.first().name, QStringLiteral("TLS_ERROR_BAD_HS_CERTIFICATE"));
    QCOMPARE(wiced.readings.first().module, QStringLiteral("WICED"));

    // mbedtls_ssl_get_verify_result() without a session (docs/dev/tls.md, "X.509 verification flags").
    const DecodeResult unavailable = ErrorDecoder::instance().decode(u"flags 0xFFFFFFFF");
    QVERIFY(unavailable.known());
    QCOMPARE(unavailable.readings.first().kind, Reading::Kind::X509Flags);
    QVERIFY(unavailable.readings.first().meaning.contains(QStringLiteral("no session")));

    for (const QString &form : {QStringLiteral("64416"), QStringLiteral("0xFBA0"),
                                QStringLiteral("-1120"), QStringLiteral("-0x0460")}) {
        const DecodeResult r = ErrorDecoder::instance().decode(form);
        QVERIFY2(r.known(), qPrintable(form));
        const Reading &top = r.readings.first();
        QCOMPARE(top.name, QStringLiteral("TROPICSSL_ERR_RSA_VERIFY_FAILED"));
        QCOMPARE(top.kind, Reading::Kind::LegacyNumbering);
        QVERIFY(top.inference);
        QVERIFY(top.versionNote.contains(QStringLiteral("Inference")));
        QCOMPARE(top.value, -0x0460);
    }
}

void TestErrorDecoder::namesInReverse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("name");
    QTest::newRow("full mbedtls") << "MBEDTLS_ERR_SSL_CONN_EOF"
                                  << "-0x7280"
                                  << "MBEDTLS_ERR_SSL_CONN_EOF";
    QTest::newRow("lower case") << "mbedtls_err_ssl_conn_eof"
                                << "-0x7280"
                                << "MBEDTLS_ERR_SSL_CONN_EOF";
    QTest::newRow("short") << "SSL_CONN_EOF"
                           << "-0x7280"
                           << "MBEDTLS_ERR_SSL_CONN_EOF";
    QTest::newRow("shorter") << "CONN_EOF"
                             << "-0x7280"
                             << "MBEDTLS_ERR_SSL_CONN_EOF";
    QTest::newRow("esp-tls") << "ESP_ERR_ESP_TLS_CANNOT_RESOLVE_HOSTNAME"
                             << "0x8001"
                             << "ESP_ERR_ESP_TLS_CANNOT_RESOLVE_HOSTNAME";
    QTest::newRow("esp-tls renumbered") << "ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED"
                                        << "0x801A"
                                        << "ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED";
    QTest::newRow("psa") << "PSA_ERROR_INVALID_SIGNATURE"
                         << "-149"
                         << "PSA_ERROR_INVALID_SIGNATURE";
    QTest::newRow("wiced prefix") << "WICED_TLS_ERROR_BAD_HS_CERTIFICATE"
                                  << "5023"
                                  << "TLS_ERROR_BAD_HS_CERTIFICATE";
    QTest::newRow("http") << "ESP_ERR_HTTP_CONNECT"
                          << "0x7002"
                          << "ESP_ERR_HTTP_CONNECT";
}

void TestErrorDecoder::namesInReverse()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QFETCH(QString, name);
    const DecodeResult r = ErrorDecoder::instance().decode(input);
    QVERIFY2(r.known(), qPrintable(r.message));
    QCOMPARE(r.readings.first().name, name);
    QCOMPARE(r.readings.first().canonical, canonical);
}

void TestErrorDecoder::versionHelpers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isIdf");
    QTest::addColumn<QString>("expected"); // "" = no version
    QTest::newRow("2.28.10") << "2.28.10" << false << "2.28";
    QTest::newRow("v3.6.2") << "v3.6.2" << false << "3.6";
    QTest::newRow("3.0") << "3.0" << false << "3.0";
    QTest::newRow("4.0.0") << "4.0.0" << false << "4.0";
    QTest::newRow("junk") << "latest" << false << "";
    QTest::newRow("idf 4.3") << "4.3" << true << "2.16";
    QTest::newRow("idf 4.4 (.0)") << "4.4" << true << "2.16";
    QTest::newRow("idf 4.4.1") << "v4.4.1" << true << "2.28";
    QTest::newRow("idf 5.2") << "5.2" << true << "3.6";
    QTest::newRow("idf 6.0") << "6.0" << true << "4.0";
    QTest::newRow("idf junk") << "master" << true << "";
    QTest::newRow("idf suffix") << "v5.2-dev" << true << "3.6";
    QTest::newRow("idf trailing junk") << "5.2x" << true << "";
    QTest::newRow("idf empty") << "" << true << "";
    QTest::newRow("huge component") << "99999999999.1" << false << "";
}

void TestErrorDecoder::versionHelpers()
{
    QFETCH(QString, text);
    QFETCH(bool, isIdf);
    QFETCH(QString, expected);
    const auto v = isIdf ? mbedtlsForIdf(text) : parseMbedtlsVersion(text);
    QCOMPARE(v.has_value(), !expected.isEmpty());
    if (v)
        QCOMPARE(mbedtlsVersionName(*v), expected);
    QCOMPARE(allMbedtlsVersions().size(), 5);
}

void TestErrorDecoder::jsonAndTextReports()
{
    const DecodeResult r = ErrorDecoder::instance().decode(u"-0x4290");
    const QJsonObject o = decodeResultToJson(r);
    QCOMPARE(o.value(QStringLiteral("input")).toString(), QStringLiteral("-0x4290"));
    QVERIFY(o.value(QStringLiteral("known")).toBool());
    const QJsonObject first = o.value(QStringLiteral("readings")).toArray().first().toObject();
    for (const char *key : {"name", "module", "meaning", "versions", "fixes", "causes",
                            "references", "code", "kind", "parts"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QCOMPARE(first.value(QStringLiteral("parts")).toArray().size(), 2);
    QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("mbedtls-composite"));

    const QString text = decodeResultToText(r);
    QVERIFY(text.contains(QStringLiteral("MBEDTLS_ERR_RSA_PUBLIC_FAILED")));
    QVERIFY(text.contains(QStringLiteral("MBEDTLS_ERR_MPI_ALLOC_FAILED")));
    QVERIFY(text.contains(QStringLiteral("CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI")));

    const DecodeResult bad = ErrorDecoder::instance().decode(u"-0x7501");
    const QJsonObject b = decodeResultToJson(bad);
    QVERIFY(!b.value(QStringLiteral("known")).toBool());
    QVERIFY(
        b.value(QStringLiteral("message")).toString().contains(QStringLiteral("Not a known code")));
    QVERIFY(!b.value(QStringLiteral("closest")).toArray().isEmpty());
    QVERIFY(decodeResultToText(bad).contains(QStringLiteral("closest readings")));
}

QTEST_GUILESS_MAIN(TestErrorDecoder)
#include "tst_errordecoder.moc"
