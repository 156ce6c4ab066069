// SPDX-License-Identifier: GPL-3.0-or-later
// The Decode workspace as a support engineer uses it: type a code, read the card, pin a
// version, copy the answer. Saves the screenshot the issue asks for.
#include "core/common/logger.h"
#include "core/common/settings.h"
#include "core/tls/decodereport.h"
#include "ui/decode/decodeworkspace.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>

using Forgeline::Ui::DecodeWorkspace;

namespace {

// What the result cards show, as text.
QString shown(const DecodeWorkspace &w) { return w.resultView()->toPlainText(); }

// Names of the top-level readings, best first, as the cards present them.
QStringList cardNames(const DecodeWorkspace &w)
{
    QStringList names;
    for (const auto &result : w.results()) {
        for (const auto &reading : result.readings) {
            if (shown(w).contains(reading.name))
                names.append(reading.name);
        }
    }
    return names;
}

QString screenshotPath(const QString &name)
{
    const QString dir = QStringLiteral(TEST_BUILD_DIR "/screenshots");
    QDir().mkpath(dir);
    return dir + u'/' + name;
}

} // namespace

class TestDecodeWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Forgeline"));
        QCoreApplication::setApplicationName(QStringLiteral("forgeline"));
    }

    void init()
    {
        QSettings store(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Forgeline"),
                        QStringLiteral("forgeline"));
        store.clear();
        store.sync();
    }

    void typedCodeShowsCardAndScreenshot()
    {
        DecodeWorkspace w;
        w.resize(900, 760);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *input = w.findChild<QPlainTextEdit *>(QStringLiteral("decodeInput"));
        QVERIFY(input);
        input->setFocus();
        QTest::keyClicks(input, QStringLiteral("-0x7500"));
        QTRY_VERIFY2(cardNames(w).contains(QStringLiteral("MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE")),
                     qPrintable(cardNames(w).join(u' ')));
        QCOMPARE(w.results().size(), 1);
        QVERIFY(w.results().constFirst().known());

        // Cards carry the meaning, the fixes and the versions, not just the name.
        const Forgeline::Tls::Reading &first = w.results().constFirst().readings.constFirst();
        QCOMPARE(first.name, QStringLiteral("MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE"));
        QVERIFY(!first.meaning.isEmpty());
        QVERIFY(shown(w).contains(first.meaning));
        QVERIFY(!first.fixes.isEmpty());
        QVERIFY(shown(w).contains(first.fixes.constFirst()));
        QVERIFY(shown(w).contains(first.versions.join(QStringLiteral(", "))));
        QVERIFY(shown(w).indexOf(QStringLiteral("MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE"))
                < shown(w).indexOf(QStringLiteral("MBEDTLS_ERR_SSL_UNSUPPORTED_EXTENSION")));

        const QString path = screenshotPath(QStringLiteral("decode.png"));
        QFile::remove(path);
        QVERIFY(w.grab().save(path));
        QVERIFY(QFileInfo(path).size() > 0);

        // Pinning mbedTLS 3.6 changes the meaning of the same number: its reading comes first.
        auto *version = w.findChild<QComboBox *>(QStringLiteral("decodeMbedtlsVersion"));
        QVERIFY(version);
        const int v36 = version->findData(QStringLiteral("3.6"));
        QVERIFY(v36 > 0);
        version->setCurrentIndex(v36);
        QTRY_COMPARE(cardNames(w).value(0),
                     QStringLiteral("MBEDTLS_ERR_SSL_UNSUPPORTED_EXTENSION"));
        QVERIFY(shown(w).indexOf(QStringLiteral("MBEDTLS_ERR_SSL_UNSUPPORTED_EXTENSION"))
                < shown(w).indexOf(QStringLiteral("MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE")));
        QVERIFY(w.grab().save(screenshotPath(QStringLiteral("decode-mbedtls-3.6.png"))));

        version->setCurrentIndex(version->findData(QStringLiteral("2.28")));
        QTRY_COMPARE(cardNames(w).value(0),
                     QStringLiteral("MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE"));
    }

    void enterDecodesAtOnce()
    {
        DecodeWorkspace w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *input = w.findChild<QPlainTextEdit *>(QStringLiteral("decodeInput"));
        QTest::keyClicks(input, QStringLiteral("-0x7280"));
        QTest::keyClick(input, Qt::Key_Return);
        // No waiting: Enter skips the debounce, and does not add a line.
        QCOMPARE(w.results().size(), 1);
        QCOMPARE(w.results().constFirst().input, QStringLiteral("-0x7280"));
        QVERIFY(!w.input().contains(u'\n'));
        QVERIFY(cardNames(w).contains(QStringLiteral("MBEDTLS_ERR_SSL_CONN_EOF")));
        // An explicit decode leaves a trail in the activity log.
        const QList<Forgeline::LogEntry> log = Forgeline::Logger::instance().recent();
        QVERIFY(!log.isEmpty());
        QCOMPARE(log.constLast().category, QStringLiteral("decode"));
        QVERIFY2(log.constLast().message.contains(QStringLiteral("MBEDTLS_ERR_SSL_CONN_EOF")),
                 qPrintable(log.constLast().message));
    }

    void manyCodesAndUnknownInput()
    {
        DecodeWorkspace w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setInput(QStringLiteral(
            "-0x7500, 0x801A\n-15488;0xZZ 1234567890123456789012345678901234567890"));
        QCOMPARE(w.results().size(), 5);
        QVERIFY(w.results().at(0).known());
        QVERIFY(w.results().at(1).known());
        QVERIFY(w.results().at(2).known());
        QVERIFY(!w.results().at(3).known());
        QVERIFY(!w.results().at(4).known());

        for (int i : {3, 4}) {
            const QString message = w.results().at(i).message;
            QVERIFY2(message.contains(QStringLiteral("not a known code"), Qt::CaseInsensitive),
                     qPrintable(message));
            QVERIFY(shown(w).contains(message));
        }
        QCOMPARE(shown(w).count(QStringLiteral("not a known code"), Qt::CaseInsensitive), 2);
        QVERIFY(w.grab().save(screenshotPath(QStringLiteral("decode-many.png"))));

        w.setInput(QString());
        QVERIFY(w.results().isEmpty());
        QVERIFY(shown(w).trimmed().isEmpty());
        QVERIFY(!w.findChild<QPushButton *>(QStringLiteral("decodeCopy"))->isEnabled());

        // The empty page offers examples; following one decodes it.
        auto *summary = w.findChild<QLabel *>(QStringLiteral("decodeSummary"));
        QVERIFY(summary->text().contains(QStringLiteral("href=\"-29312\"")));
        Q_EMIT summary->linkActivated(QStringLiteral("-29312"));
        QCOMPARE(w.input(), QStringLiteral("-29312"));
        QCOMPARE(cardNames(w).value(0),
                 QStringLiteral("MBEDTLS_ERR_SSL_CONN_EOF")); // -29312 == -0x7280
    }

    void compositeAndFlagsListTheirParts()
    {
        DecodeWorkspace w;
        w.resize(900, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setInput(QStringLiteral("-0x262E 0x00000208"));
        QCOMPARE(w.results().size(), 2);
        for (const auto &result : w.results()) {
            QVERIFY2(result.known(), qPrintable(result.input));
            bool sawParts = false;
            for (const auto &reading : result.readings) {
                for (const auto &part : reading.parts) {
                    sawParts = true;
                    QVERIFY2(shown(w).contains(part.name.isEmpty() ? part.canonical : part.name),
                             qPrintable(part.name));
                }
            }
            QVERIFY2(sawParts, qPrintable(result.input));
        }
        // 0x208 = NOT_TRUSTED (0x08) + FUTURE (0x200).
        QVERIFY(shown(w).contains(QStringLiteral("MBEDTLS_X509_BADCERT_NOT_TRUSTED")));
        QVERIFY(shown(w).contains(QStringLiteral("MBEDTLS_X509_BADCERT_FUTURE")));
        QVERIFY(w.grab().save(screenshotPath(QStringLiteral("decode-composite.png"))));
    }

    void inferenceIsMarked()
    {
        DecodeWorkspace w;
        w.setInput(QStringLiteral("64416"));
        QVERIFY(w.results().value(0).known());
        int inferences = 0;
        for (const auto &reading : w.results().constFirst().readings)
            inferences += reading.inference ? 1 : 0;
        QVERIFY2(inferences > 0,
                 "64416 has the XySSL/TropicSSL-era reading, which is an inference");
        // The badge, and the sentence saying what it means, once per inferred reading.
        QCOMPARE(shown(w).count(QStringLiteral("This is an inference")), inferences);
    }

    void longPasteRendersInSlices()
    {
        DecodeWorkspace w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList codes;
        for (int i = 0; i < 30; ++i)
            codes.append(i == 29 ? QStringLiteral("-0x2700") : QStringLiteral("-0x7280"));
        w.setInput(codes.join(u' '));
        QCOMPARE(w.results().size(), 30);
        QVERIFY(!w.renderingComplete()); // only the first slice is on screen yet
        QVERIFY(!shown(w).contains(QStringLiteral("MBEDTLS_ERR_X509_CERT_VERIFY_FAILED")));
        QTRY_VERIFY(w.renderingComplete());
        QVERIFY(shown(w).contains(QStringLiteral("MBEDTLS_ERR_X509_CERT_VERIFY_FAILED")));
        QVERIFY(shown(w).count(QStringLiteral("MBEDTLS_ERR_SSL_CONN_EOF")) >= 29);
        w.resultView()->moveCursor(QTextCursor::End); // the appended slices look like the first
        QVERIFY(w.grab().save(screenshotPath(QStringLiteral("decode-long-paste.png"))));

        // A new decode abandons the slices still pending from the old one.
        w.setInput(codes.join(u' '));
        w.setInput(QStringLiteral("-0x7500"));
        QVERIFY(w.renderingComplete());
        QTest::qWait(50); // let any stale slice timer fire; none may touch the page
        QVERIFY(!shown(w).contains(QStringLiteral("MBEDTLS_ERR_SSL_CONN_EOF")));
        QVERIFY(shown(w).contains(QStringLiteral("MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE")));
    }

    void copyAsTextUsesTheReport()
    {
        DecodeWorkspace w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setInput(QStringLiteral("-0x2700"));
        auto *copy = w.findChild<QPushButton *>(QStringLiteral("decodeCopy"));
        QVERIFY(copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        const QString expected = Forgeline::Tls::decodeResultToText(w.results().constFirst());
        QCOMPARE(QApplication::clipboard()->text(), expected);
        QVERIFY(expected.contains(QStringLiteral("MBEDTLS_ERR_X509_CERT_VERIFY_FAILED")));
    }

    void versionChoicesPersist()
    {
        {
            DecodeWorkspace w;
            auto *version = w.findChild<QComboBox *>(QStringLiteral("decodeMbedtlsVersion"));
            QCOMPARE(version->currentData().toString(), QString()); // "All versions" by default
            version->setCurrentIndex(version->findData(QStringLiteral("2.16")));
            auto *idf = w.findChild<QLineEdit *>(QStringLiteral("decodeIdfVersion"));
            idf->setText(QStringLiteral("4.3"));
            QVERIFY(w.findChild<QLabel *>(QStringLiteral("decodeVersionHint"))
                        ->text()
                        .contains(QStringLiteral("2.16")));
        }
        const Forgeline::Settings s = Forgeline::Settings::load();
        QCOMPARE(s.decodeMbedtlsVersion, QStringLiteral("2.16"));
        QCOMPARE(s.decodeIdfVersion, QStringLiteral("4.3"));

        DecodeWorkspace again;
        QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("decodeMbedtlsVersion"))
                     ->currentData()
                     .toString(),
                 QStringLiteral("2.16"));
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("decodeIdfVersion"))->text(),
                 QStringLiteral("4.3"));
        QVERIFY(again.options().mbedtls.has_value());
        QCOMPARE(again.options().idfVersion, QStringLiteral("4.3"));
    }

    void splitInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("one") << QStringLiteral("-0x7500") << QStringList{QStringLiteral("-0x7500")};
        QTest::newRow("padded") << QStringLiteral("  7500 \n")
                                << QStringList{QStringLiteral("7500")};
        QTest::newRow("commas") << QStringLiteral("-0x7500,-29312, 64416")
                                << QStringList{QStringLiteral("-0x7500"), QStringLiteral("-29312"),
                                               QStringLiteral("64416")};
        QTest::newRow("lines") << QStringLiteral("(FFFFD900)\r\nMBEDTLS_ERR_SSL_CONN_EOF\t0x801A;")
                               << QStringList{QStringLiteral("(FFFFD900)"),
                                              QStringLiteral("MBEDTLS_ERR_SSL_CONN_EOF"),
                                              QStringLiteral("0x801A")};
        QTest::newRow("empty") << QStringLiteral(" ,; \n") << QStringList{};
        QTest::newRow("flags word")
            << QStringLiteral("flags 0x208, -0x2700 Flags: 8 flags=0x4")
            << QStringList{QStringLiteral("flags 0x208"), QStringLiteral("-0x2700"),
                           QStringLiteral("Flags: 8"), QStringLiteral("flags=0x4")};
        QTest::newRow("flags last")
            << QStringLiteral("-0x2700 flags")
            << QStringList{QStringLiteral("-0x2700"), QStringLiteral("flags")};
    }

    void splitInput()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, codes);
        QCOMPARE(DecodeWorkspace::splitInput(text), codes);
    }
};

QTEST_MAIN(TestDecodeWorkspace)
#include "tst_decodeworkspace.moc"
