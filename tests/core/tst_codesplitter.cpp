// SPDX-License-Identifier: GPL-3.0-or-later
// How a paste of several codes becomes the inputs the decoder sees one by one; the Decode workspace
// and `forgeline-cli decode` both read pastes through Tls::splitCodes.
#include "core/tls/codesplitter.h"
#include "core/tls/errordecoder.h"

#include <QRegularExpression>
#include <QTest>

using namespace Forgeline::Tls;

class TestCodeSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splits_data();
    void splits();
    void everyTokenSurvives();
    void pairedFlagsDecodeAsFlags();
};

void TestCodeSplitter::splits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("codes");
    const auto l = [](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *item : items)
            out << QString::fromLatin1(item);
        return out;
    };
    QTest::newRow("one") << QStringLiteral("-0x7500") << l({"-0x7500"});
    QTest::newRow("padded") << QStringLiteral("  7500 \n") << l({"7500"});
    QTest::newRow("commas") << QStringLiteral("-0x7500,-29312, 64416")
                            << l({"-0x7500", "-29312", "64416"});
    QTest::newRow("semicolons") << QStringLiteral("-0x7500;-29312 ;0x801A;")
                                << l({"-0x7500", "-29312", "0x801A"});
    QTest::newRow("spaces and tabs")
        << QStringLiteral("-0x7500 \t -29312\t64416") << l({"-0x7500", "-29312", "64416"});
    QTest::newRow("lines") << QStringLiteral("(FFFFD900)\r\nMBEDTLS_ERR_SSL_CONN_EOF\t0x801A;")
                           << l({"(FFFFD900)", "MBEDTLS_ERR_SSL_CONN_EOF", "0x801A"});
    QTest::newRow("runs of separators")
        << QStringLiteral(",,-0x7500;;\n\n, ;64416,,") << l({"-0x7500", "64416"});
    QTest::newRow("order kept") << QStringLiteral("64416 -0x7500 -15488 64416")
                                << l({"64416", "-0x7500", "-15488", "64416"});
    QTest::newRow("empty") << QString() << QStringList{};
    QTest::newRow("only separators") << QStringLiteral(" ,; \n\t\r") << QStringList{};
    // Brackets and trailing colons stay: the decoder strips them, and shows the input as pasted.
    QTest::newRow("decorations kept") << QStringLiteral("(FFFF8B00): [0x8006] '-0x7500'")
                                      << l({"(FFFF8B00):", "[0x8006]", "'-0x7500'"});
    QTest::newRow("flags word") << QStringLiteral("flags 0x208, -0x2700 Flags: 8 flags=0x4")
                                << l({"flags 0x208", "-0x2700", "Flags: 8", "flags=0x4"});
    QTest::newRow("flags= then value")
        << QStringLiteral("FLAGS= 0x00000208") << l({"FLAGS= 0x00000208"});
    QTest::newRow("flags across a newline") << QStringLiteral("flags\n0x208") << l({"flags 0x208"});
    QTest::newRow("flags last") << QStringLiteral("-0x2700 flags") << l({"-0x2700", "flags"});
    QTest::newRow("flagsx is a word") << QStringLiteral("flagsx 0x208") << l({"flagsx", "0x208"});
    // A whole log line is not mined for its code: each word is an input of its own, and the
    // decoder reports the words it cannot read. Pinned so a change here is deliberate.
    QTest::newRow("log line words")
        << QStringLiteral("E (1234) esp-tls: mbedtls_ssl_handshake returned -0x7280")
        << l({"E", "(1234)", "esp-tls:", "mbedtls_ssl_handshake", "returned", "-0x7280"});
}

void TestCodeSplitter::splits()
{
    QFETCH(QString, text);
    QFETCH(QStringList, codes);
    QCOMPARE(splitCodes(text), codes);
}

void TestCodeSplitter::everyTokenSurvives()
{
    // Nothing is dropped or invented: the inputs, glued back with single spaces, are the paste
    // with its separator runs collapsed.
    const QString paste = QStringLiteral(
        "-0x7500,\t(FFFFD900):;flags=0x4\n\nflags 0x208 ; 64416 MBEDTLS_ERR_SSL_CONN_EOF");
    QString collapsed = paste;
    collapsed.replace(QRegularExpression(QStringLiteral("[\\s,;]+")), QStringLiteral(" "));
    QCOMPARE(splitCodes(paste).join(u' '), collapsed.trimmed());
    QCOMPARE(splitCodes(paste).size(), 6);
}

void TestCodeSplitter::pairedFlagsDecodeAsFlags()
{
    // The point of keeping "flags 0x208" together: the decoder then reads an X.509 bit set.
    const QStringList codes = splitCodes(QStringLiteral("-0x2700, flags 0x208"));
    QCOMPARE(codes.size(), 2);
    const DecodeResult flags = ErrorDecoder::instance().decode(codes.at(1));
    QVERIFY(flags.known());
    QCOMPARE(flags.readings.constFirst().kind, Reading::Kind::X509Flags);
}

QTEST_GUILESS_MAIN(TestCodeSplitter)
#include "tst_codesplitter.moc"
