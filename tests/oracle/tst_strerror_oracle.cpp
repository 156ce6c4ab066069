// SPDX-License-Identifier: GPL-3.0-or-later
// For every MBEDTLS_ERR_* value in the installed headers (plus composite codes seen in the
// field) the module we name must be the module mbedtls_strerror() of the real library prints.
#include "core/tls/errordecoder.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Forgeline::Tls;

namespace {

QList<int> headerCodes()
{
    static const QRegularExpression define(
        QStringLiteral(
            "^\\s*#\\s*define\\s+MBEDTLS_ERR_\\w+\\s+(?:MBEDTLS_DEPRECATED_NUMERIC_CONSTANT\\s*\\(\\s*)?\\(?\\s*-0x([0-9A-Fa-f]+)"),
        QRegularExpression::MultilineOption);
    QList<int> codes;
    const QDir dir(QStringLiteral(MBEDTLS_HEADER_DIR));
    for (const QString &file : dir.entryList({QStringLiteral("*.h")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        auto it = define.globalMatch(QString::fromUtf8(f.readAll()));
        while (it.hasNext()) {
            const int code = -it.next().captured(1).toInt(nullptr, 16);
            if (!codes.contains(code))
                codes << code;
        }
    }
    return codes;
}

// mbedtls_strerror says BIGNUM where the macros say MPI; everything else is spelled the same.
QString strerrorModuleName(const QString &ourModule)
{
    return ourModule == QStringLiteral("MPI") ? QStringLiteral("BIGNUM") : ourModule;
}

QString prefixOf(const QString &strerrorPart)
{
    const int dash = int(strerrorPart.indexOf(QStringLiteral(" - ")));
    return dash < 0 ? QString() : strerrorPart.left(dash).trimmed();
}

} // namespace

class TestStrerrorOracle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void moduleMatchesStrerror_data();
    void moduleMatchesStrerror();

private:
    QHash<int, QString> m_strerror;
    QString m_version;
};

void TestStrerrorOracle::initTestCase()
{
    QList<int> codes = headerCodes();
    QVERIFY2(codes.size() >= 200, "expected the installed 2.28 headers");
    codes << -0x262E << -0x4290 << -0x428E
          << -0x4310; // composites from docs/dev/tls.md, "Error code layout"

    QByteArray input;
    for (int code : std::as_const(codes))
        input += QByteArray::number(code) + '\n';
    QProcess dump;
    dump.start(QStringLiteral(STRERROR_DUMP_PATH), {});
    QVERIFY2(dump.waitForStarted(), qPrintable(dump.errorString()));
    dump.write(input);
    dump.closeWriteChannel();
    QVERIFY(dump.waitForFinished(30000));
    QCOMPARE(dump.exitCode(), 0);
    for (const QByteArray &line : dump.readAllStandardOutput().split('\n')) {
        const int tab = int(line.indexOf('\t'));
        if (tab < 0)
            continue;
        if (line.startsWith("#\t")) {
            m_version = QString::fromLatin1(line.mid(2));
            continue;
        }
        m_strerror.insert(line.left(tab).toInt(), QString::fromUtf8(line.mid(tab + 1)));
    }
    QCOMPARE(m_strerror.size(), codes.size());
    QVERIFY2(m_version.startsWith(QStringLiteral("2.28")), qPrintable(m_version));
    int unknown = 0;
    for (const QString &text : std::as_const(m_strerror))
        unknown += text.startsWith(QStringLiteral("UNKNOWN ERROR CODE")) ? 1 : 0;
    QVERIFY2(unknown <= 10,
             "mbedtls_strerror knows almost none of the codes: is MBEDTLS_ERROR_C off?");
}

void TestStrerrorOracle::moduleMatchesStrerror_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("strerror");
    for (auto it = m_strerror.cbegin(); it != m_strerror.cend(); ++it)
        QTest::addRow("-0x%04X", -it.key()) << it.key() << it.value();
}

void TestStrerrorOracle::moduleMatchesStrerror()
{
    QFETCH(int, code);
    QFETCH(QString, strerror);
    DecodeOptions options;
    options.mbedtls = MbedtlsVersion::V2_28;
    const DecodeResult r = ErrorDecoder::instance().decode(QString::number(code), options);
    QVERIFY2(r.known(), qPrintable(r.message));
    const Reading &top = r.readings.first();
    if (strerror.startsWith(QStringLiteral("UNKNOWN ERROR CODE"))) {
        // The distribution compiled this module out (Debian 2.28 has no ARIA or HKDF), so
        // error.c has no text for it; the header still defines the value, and we decode it.
        QVERIFY(top.versions.contains(QStringLiteral("2.28")));
        QSKIP("module not compiled into the installed libmbedcrypto");
    }

    // "HIGH - text : LOW - text" for composites, "MODULE - text" otherwise.
    const QStringList halves = strerror.split(QStringLiteral(" : "));
    if (top.kind == Reading::Kind::MbedtlsComposite) {
        QCOMPARE(halves.size(), 2);
        QCOMPARE(top.parts.size(), 2);
        QCOMPARE(strerrorModuleName(top.parts.at(0).module), prefixOf(halves.at(0)));
        QCOMPARE(strerrorModuleName(top.parts.at(1).module), prefixOf(halves.at(1)));
    } else {
        QCOMPARE(top.kind, Reading::Kind::Mbedtls);
        QCOMPARE(strerrorModuleName(top.module), prefixOf(strerror));
    }
}

QTEST_GUILESS_MAIN(TestStrerrorOracle)
#include "tst_strerror_oracle.moc"
