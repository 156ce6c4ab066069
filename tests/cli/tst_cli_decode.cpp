// SPDX-License-Identifier: GPL-3.0-or-later
// The decode command end to end: the real forgeline-cli binary, its stdout, stderr and exit code.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &arguments)
{
    QProcess p;
    p.start(QStringLiteral(FORGELINE_CLI_PATH), arguments);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Run cli(const QStringList &arguments)
{
    return run(QStringList{QStringLiteral("decode")} + arguments);
}

QStringList args(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromLatin1(item);
    return out;
}

} // namespace

class TestCliDecode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exitCodes_data();
    void exitCodes();
    void jsonListsEveryReading();
    void pinnedVersionsChangeTheAnswer_data();
    void pinnedVersionsChangeTheAnswer();
    void textOutputIsReadable();
    void compositeSaysGenericFixOnce();
    void unknownCodeSaysSo();
    void resultsComeInTypedOrder_data();
    void resultsComeInTypedOrder();
    void optionAfterNegativeCodeStillApplies_data();
    void optionAfterNegativeCodeStillApplies();
    void negativeOptionValueReachesTheOption();
    void otherCommandsKeepNegativePositionals();
    void helpNamesTheCommandAsTyped();
};

// The usage line says what to type, not where the binary happens to live.
void TestCliDecode::helpNamesTheCommandAsTyped()
{
    Run r = cli(args({"--help"}));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("Usage: forgeline-cli decode [options]"), r.out.left(80).constData());
    r = run({QStringLiteral("image"), QStringLiteral("flash-encrypt"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("Usage: forgeline-cli image flash-encrypt [options]"),
             r.out.left(80).constData());
}

void TestCliDecode::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("stderrOneLine");
    QTest::newRow("negative hex positional") << args({"-0x7500"}) << 0 << false;
    QTest::newRow("negative decimal positional") << args({"-29952", "--json"}) << 0 << false;
    QTest::newRow("several known")
        << args({"-0x7280", "FFFF8B00", "64416", "0x801A"}) << 0 << false;
    QTest::newRow("one unknown") << args({"-0x7280", "-0x7501"}) << 1 << false;
    QTest::newRow("garbage") << args({"0xZZ"}) << 1 << false;
    QTest::newRow("no code") << QStringList() << 2 << true;
    QTest::newRow("bad mbedtls version") << args({"--mbedtls", "9.9", "-0x7500"}) << 2 << true;
    QTest::newRow("bad idf version") << args({"--idf", "banana", "-0x7500"}) << 2 << true;
    QTest::newRow("both pins") << args({"--idf", "5.2", "--mbedtls", "3.6", "-0x7500"}) << 2
                               << true;
    QTest::newRow("unknown option") << args({"--frobnicate", "-0x7500"}) << 2 << true;
    QTest::newRow("help") << args({"--help"}) << 0 << false;
}

void TestCliDecode::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(bool, stderrOneLine);
    const Run r = cli(arguments);
    QCOMPARE(r.exitCode, exitCode);
    if (stderrOneLine) {
        QVERIFY(r.err.startsWith("forgeline-cli: "));
        QCOMPARE(r.err.count('\n'), 1);
    }
}

void TestCliDecode::jsonListsEveryReading()
{
    const Run r = cli(args({"--json", "-0x7500", "0x00000208", "-0x4290"}));
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray results = doc.object().value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    const QJsonObject first = results.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("input")).toString(), QStringLiteral("-0x7500"));
    const QJsonArray readings = first.value(QStringLiteral("readings")).toArray();
    QCOMPARE(readings.size(), 2); // 2.x and 3.x meanings
    QStringList names;
    for (const QJsonValue &v : readings) {
        const QJsonObject o = v.toObject();
        names << o.value(QStringLiteral("name")).toString();
        for (const char *key : {"name", "module", "meaning", "versions", "fixes"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QVERIFY(!o.value(QStringLiteral("versions")).toArray().isEmpty());
        QVERIFY(!o.value(QStringLiteral("fixes")).toArray().isEmpty());
    }
    QVERIFY(names.contains(QStringLiteral("MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE")));
    QVERIFY(names.contains(QStringLiteral("MBEDTLS_ERR_SSL_UNSUPPORTED_EXTENSION")));
    const QJsonObject flags
        = results.at(1).toObject().value(QStringLiteral("readings")).toArray().at(0).toObject();
    QCOMPARE(flags.value(QStringLiteral("kind")).toString(), QStringLiteral("x509-flags"));
    QCOMPARE(flags.value(QStringLiteral("parts")).toArray().size(), 2);
}

void TestCliDecode::pinnedVersionsChangeTheAnswer_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("topName");
    QTest::newRow("--mbedtls 2.28")
        << args({"--mbedtls", "2.28", "-0x7500"}) << "MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE";
    QTest::newRow("--mbedtls 3.6.2")
        << args({"--mbedtls", "3.6.2", "-0x7500"}) << "MBEDTLS_ERR_SSL_UNSUPPORTED_EXTENSION";
    QTest::newRow("--idf 4.3 0x8010")
        << args({"--idf", "4.3", "0x8010"}) << "ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED";
    QTest::newRow("--idf 5.2 0x8010")
        << args({"--idf", "5.2", "0x8010"}) << "ESP_ERR_MBEDTLS_CERT_PARTLY_OK";
    QTest::newRow("--idf=5.2 equals form")
        << args({"--idf=5.2", "-0x7500"}) << "MBEDTLS_ERR_SSL_UNSUPPORTED_EXTENSION";
}

void TestCliDecode::pinnedVersionsChangeTheAnswer()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, topName);
    const Run r = cli(arguments + args({"--json"}));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QVERIFY(root.contains(QStringLiteral("mbedtls")));
    const QJsonObject top = root.value(QStringLiteral("results"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QStringLiteral("readings"))
                                .toArray()
                                .at(0)
                                .toObject();
    QCOMPARE(top.value(QStringLiteral("name")).toString(), topName);
}

void TestCliDecode::textOutputIsReadable()
{
    const Run r = cli(args({"-9984"}));
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(QStringLiteral("MBEDTLS_ERR_X509_CERT_VERIFY_FAILED")));
    QVERIFY(text.contains(QStringLiteral("-0x2700")));
    QVERIFY(text.contains(QStringLiteral("fixes:")));
    QVERIFY(text.contains(QStringLiteral("esp_crt_bundle_attach")));
    QVERIFY(r.err.isEmpty());
}

// -0x22E4 = X509_INVALID_SERIAL + ASN1_INVALID_LENGTH, two halves without hand-written advice:
// the debug-log advice is printed once, in text and in JSON (where the parts keep a "fixes" array).
void TestCliDecode::compositeSaysGenericFixOnce()
{
    const QByteArray advice("CONFIG_MBEDTLS_DEBUG_LEVEL_DEBUG");
    const Run text = cli(args({"-0x22E4"}));
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("MBEDTLS_ERR_ASN1_INVALID_LENGTH"));
    QCOMPARE(text.out.count(advice), 1);

    const Run json = cli(args({"--json", "-0x22E4"}));
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.out.count(advice), 1);
    const QJsonObject top = QJsonDocument::fromJson(json.out)
                                .object()
                                .value(QStringLiteral("results"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QStringLiteral("readings"))
                                .toArray()
                                .at(0)
                                .toObject();
    QCOMPARE(top.value(QStringLiteral("kind")).toString(), QStringLiteral("mbedtls-composite"));
    QCOMPARE(top.value(QStringLiteral("fixes")).toArray().size(), 1);
    const QJsonArray parts = top.value(QStringLiteral("parts")).toArray();
    QCOMPARE(parts.size(), 2);
    for (const QJsonValue &p : parts)
        QVERIFY(p.toObject().value(QStringLiteral("fixes")).isArray());
}

void TestCliDecode::unknownCodeSaysSo()
{
    const Run r = cli(args({"-0x7501"}));
    QCOMPARE(r.exitCode, 1);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(QStringLiteral("Not a known code")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("closest readings")));
    QVERIFY(text.contains(QStringLiteral("-0x7500")));
}

void TestCliDecode::resultsComeInTypedOrder_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("inputs");
    QTest::newRow("positive first")
        << args({"64416", "-0x7500", "-15488"}) << args({"64416", "-0x7500", "-15488"});
    QTest::newRow("interleaved") << args({"-0x7500", "64416", "-15488", "0x801A", "-29312"})
                                 << args({"-0x7500", "64416", "-15488", "0x801A", "-29312"});
    QTest::newRow("same code twice")
        << args({"-0x7500", "64416", "-0x7500"}) << args({"-0x7500", "64416", "-0x7500"});
    QTest::newRow("option in between") << args({"-15488", "--mbedtls", "2.28", "64416", "-0x7500"})
                                       << args({"-15488", "64416", "-0x7500"});
    QTest::newRow("after --") << args({"64416", "--", "-0x7500", "-15488"})
                              << args({"64416", "-0x7500", "-15488"});
    QTest::newRow("one pasted argument") << args({"-0x7500, 64416; -15488\n0x801A"})
                                         << args({"-0x7500", "64416", "-15488", "0x801A"});
    QTest::newRow("paste among codes") << args({"0x801A", "-0x7500,-15488", "64416"})
                                       << args({"0x801A", "-0x7500", "-15488", "64416"});
    QTest::newRow("flags word") << args({"-0x2700", "flags", "0x208", "-9984"})
                                << args({"-0x2700", "flags 0x208", "-9984"});
}

void TestCliDecode::resultsComeInTypedOrder()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, inputs);
    const Run r = cli(args({"--json"}) + arguments); // first: after "--" it would be a code
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.constData());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QStringList seen;
    const QJsonArray results = doc.object().value(QStringLiteral("results")).toArray();
    for (const QJsonValue &v : results)
        seen << v.toObject().value(QStringLiteral("input")).toString();
    QCOMPARE(seen, inputs);
}

void TestCliDecode::optionAfterNegativeCodeStillApplies_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("pinned");
    QTest::addColumn<QString>("topName");
    QTest::newRow("--mbedtls 2.28 last")
        << args({"-0x7500", "--mbedtls", "2.28", "--json"}) << "2.28"
        << "MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE";
    QTest::newRow("--mbedtls 3.6 between")
        << args({"-29952", "--mbedtls", "3.6", "-0x7500", "--json"}) << "3.6"
        << "MBEDTLS_ERR_SSL_UNSUPPORTED_EXTENSION";
    QTest::newRow("--idf=5.2 last") << args({"-0x7500", "--json", "--idf=5.2"}) << "3.6"
                                    << "MBEDTLS_ERR_SSL_UNSUPPORTED_EXTENSION";
}

void TestCliDecode::optionAfterNegativeCodeStillApplies()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, pinned);
    QFETCH(QString, topName);
    const Run r = cli(arguments);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root.value(QStringLiteral("mbedtls")).toString(), pinned);
    const QJsonArray results = root.value(QStringLiteral("results")).toArray();
    const QJsonObject last = results.last().toObject();
    QCOMPARE(last.value(QStringLiteral("input")).toString(), QStringLiteral("-0x7500"));
    QCOMPARE(last.value(QStringLiteral("readings"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             topName);

    // Text output obeys the trailing option too (the pinned version ranks first).
    QStringList text = arguments;
    text.removeAll(QStringLiteral("--json"));
    const Run t = cli(text);
    QCOMPARE(t.exitCode, 0);
    QVERIFY2(QString::fromUtf8(t.out).contains(topName), t.out.constData());
    QVERIFY(!t.out.startsWith('{'));
}

void TestCliDecode::negativeOptionValueReachesTheOption()
{
    // "--mbedtls -1": the option takes "-1" as its value, as typed, and the code is still a code.
    const Run r = cli(args({"--mbedtls", "-1", "-0x7500"}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("\"-1\""), r.err.constData());
    QVERIFY(!r.err.contains('\x01'));
    QCOMPARE(r.err.count('\n'), 1);

    const Run idf = cli(args({"-0x7500", "--idf", "-4.4"}));
    QCOMPARE(idf.exitCode, 2);
    QVERIFY2(idf.err.contains("\"-4.4\""), idf.err.constData());
}

void TestCliDecode::otherCommandsKeepNegativePositionals()
{
    // The protection is in the shared parser, not in decode: diagnose gets "-404.log" as its file.
    const QString missing = QStringLiteral("-404.log");
    const Run r = run(QStringList{QStringLiteral("diagnose"), missing});
    QCOMPARE(r.exitCode, 3); // I/O: the file does not exist (not 2, an unknown option)
    QVERIFY2(r.err.contains(missing.toUtf8()), r.err.constData());
    QVERIFY(!r.err.contains('\x01'));
}

QTEST_GUILESS_MAIN(TestCliDecode)
#include "tst_cli_decode.moc"
