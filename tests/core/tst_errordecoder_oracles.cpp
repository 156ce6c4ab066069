// SPDX-License-Identifier: GPL-3.0-or-later
// The decoder's tables checked against sources it was not built from: the mbedTLS headers
// installed on this machine (Debian libmbedtls-dev, 2.28) and the per-version header dumps in
// tests/data/oracle/mbedtls-errors/ (2.16.12, 2.28.10, 3.0.0, 3.6.6, 4.0.0).
#include "core/tls/errordecoder.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Forgeline::Tls;

namespace {

QString headerDir()
{
    const QByteArray env = qgetenv("FORGELINE_MBEDTLS_INCLUDE");
    return env.isEmpty() ? QStringLiteral("/usr/include/mbedtls") : QString::fromLocal8Bit(env);
}

// name -> value for every numeric MBEDTLS_ERR_* define in the installed headers.
QList<QPair<QString, int>> scanHeaders()
{
    static const QRegularExpression define(
        QStringLiteral(
            "^\\s*#\\s*define\\s+(MBEDTLS_ERR_\\w+)\\s+(?:MBEDTLS_DEPRECATED_NUMERIC_CONSTANT\\s*\\(\\s*)?\\(?\\s*-0x([0-9A-Fa-f]+)"),
        QRegularExpression::MultilineOption);
    QList<QPair<QString, int>> out;
    const QDir dir(headerDir());
    for (const QString &file : dir.entryList({QStringLiteral("*.h")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(f.readAll());
        auto it = define.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            out.append({m.captured(1), -m.captured(2).toInt(nullptr, 16)});
        }
    }
    return out;
}

QString hex(int value)
{
    return QStringLiteral("-0x%1")
        .arg(-value, 4, 16, QLatin1Char('0'))
        .toUpper()
        .replace(QStringLiteral("-0X"), QStringLiteral("-0x"));
}

// True when `name` is among the best-ranked readings (ties allowed: deprecated aliases share a value).
bool topReadingsContain(const DecodeResult &r, const QString &name)
{
    if (r.readings.isEmpty())
        return false;
    const int best = r.readings.first().score;
    for (const Reading &reading : r.readings) {
        if (reading.score == best && reading.name == name)
            return true;
    }
    return false;
}

} // namespace

class TestErrorDecoderOracles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void installedHeadersAreThere();
    void installedHeaderMacroDecodesToItsName_data();
    void installedHeaderMacroDecodesToItsName();
    void versionOracle_data();
    void versionOracle();
};

void TestErrorDecoderOracles::installedHeadersAreThere()
{
    QVERIFY2(QDir(headerDir()).exists(), "install libmbedtls-dev (./dev.sh setup)");
    QVERIFY2(scanHeaders().size() >= 200, "expected the full 2.28 set of MBEDTLS_ERR_* macros");
}

void TestErrorDecoderOracles::installedHeaderMacroDecodesToItsName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("value");
    for (const auto &[name, value] : scanHeaders())
        QTest::newRow(qPrintable(name)) << name << value;
}

void TestErrorDecoderOracles::installedHeaderMacroDecodesToItsName()
{
    QFETCH(QString, name);
    QFETCH(int, value);
    DecodeOptions options;
    options.mbedtls = MbedtlsVersion::V2_28;
    for (const QString &form :
         {hex(value), QString::number(value),
          QStringLiteral("0x%1").arg(quint32(value), 8, 16, QLatin1Char('0')).toUpper()}) {
        const DecodeResult byValue = ErrorDecoder::instance().decode(form, options);
        QVERIFY2(topReadingsContain(byValue, name),
                 qPrintable(form + QStringLiteral(" -> ")
                            + (byValue.known() ? byValue.readings.first().name : byValue.message)));
    }
    const DecodeResult byName = ErrorDecoder::instance().decode(name, options);
    QVERIFY2(byName.known(), qPrintable(byName.message));
    QCOMPARE(byName.readings.first().value, qint64(value));
    QVERIFY(byName.readings.first().versions.contains(QStringLiteral("2.28")));
}

void TestErrorDecoderOracles::versionOracle_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("definition");
    const QDir dir(QStringLiteral(TESTDATA_DIR "/oracle/mbedtls-errors"));
    const QStringList files
        = dir.entryList({QStringLiteral("err_v*.tsv")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 5);
    for (const QString &file : files) {
        const auto version = parseMbedtlsVersion(file.mid(5, file.size() - 9)); // err_v2.28.10.tsv
        QVERIFY(version);
        QFile f(dir.filePath(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QList<QByteArray> cols = line.split('\t');
            if (cols.size() < 2)
                continue;
            const QString name = QString::fromLatin1(cols.at(0));
            if (!name.startsWith(QStringLiteral("MBEDTLS_ERR_"))
                && !name.startsWith(QStringLiteral("MBEDTLS_X509_BAD")))
                continue;
            QTest::addRow("%s %s", qPrintable(mbedtlsVersionName(*version)), qPrintable(name))
                << mbedtlsVersionName(*version) << name
                << QString::fromLatin1(cols.at(1)).trimmed();
        }
    }
}

void TestErrorDecoderOracles::versionOracle()
{
    QFETCH(QString, version);
    QFETCH(QString, name);
    QFETCH(QString, definition);
    DecodeOptions options;
    options.mbedtls = parseMbedtlsVersion(version);

    static const QRegularExpression number(
        QStringLiteral("^(?:MBEDTLS_DEPRECATED_NUMERIC_CONSTANT\\(\\s*)?(-?)0x([0-9A-Fa-f]+)"));
    static const QRegularExpression alias(QStringLiteral("^(PSA_ERROR_\\w+)"));
    if (const auto m = number.match(definition); m.hasMatch()) {
        const qint64 value
            = m.captured(2).toLongLong(nullptr, 16) * (m.captured(1).isEmpty() ? 1 : -1);
        if (name.startsWith(QStringLiteral("MBEDTLS_X509_"))) {
            const DecodeResult r = ErrorDecoder::instance().decode(
                QStringLiteral("flags 0x%1").arg(value, 0, 16), options);
            QVERIFY(r.known());
            QCOMPARE(r.readings.first().parts.size(), 1);
            QCOMPARE(r.readings.first().parts.first().name, name);
            return;
        }
        const DecodeResult r = ErrorDecoder::instance().decode(hex(int(value)), options);
        QVERIFY2(topReadingsContain(r, name),
                 qPrintable(r.known() ? r.readings.first().name : r.message));
        for (const Reading &reading : r.readings) {
            if (reading.name == name)
                QVERIFY2(reading.versions.contains(version),
                         qPrintable(reading.versions.join(QLatin1Char(','))));
        }
    } else if (const auto a = alias.match(definition); a.hasMatch()) {
        // mbedTLS 4.0 made these legacy names aliases of PSA status codes.
        const DecodeResult r = ErrorDecoder::instance().decode(name, options);
        QVERIFY2(r.known(), qPrintable(r.message));
        QCOMPARE(r.readings.first().name, a.captured(1));
        QCOMPARE(r.readings.first().kind, Reading::Kind::Psa);
    } else {
        QFAIL(qPrintable(QStringLiteral("unexpected definition: ") + definition));
    }
}

QTEST_GUILESS_MAIN(TestErrorDecoderOracles)
#include "tst_errordecoder_oracles.moc"
