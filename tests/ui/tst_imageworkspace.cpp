// SPDX-License-Identifier: GPL-3.0-or-later
// The Image workspace offscreen: a file the test builds is inspected in a worker thread and
// shown (kind, header, segments, checks); conversions run with key files set as the user would
// pick them. Saves the screenshots the issue asks for, at 1024x768.
#include "../core/imagewriter.h"

#include "ui/image/imagesegmentmodel.h"
#include "ui/image/imageworkspace.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Ui;
using Kind = Image::ConversionRequest::Kind;
using KeyKind = Image::ConversionRequest::KeyKind;

namespace {

QString screenshotPath(const QString &name)
{
    const QString dir = QStringLiteral(TEST_BUILD_DIR "/screenshots");
    QDir().mkpath(dir);
    return dir + u'/' + name;
}

QByteArray randomBytes(int n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray b(n, '\0');
    for (int i = 0; i < n; ++i)
        b[i] = char(rng.generate() & 0xFF);
    return b;
}

} // namespace

class TestImageWorkspace : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
        return f.fileName();
    }
    QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    bool openAndWait(ImageWorkspace &w, const QString &path)
    {
        QSignalSpy spy(&w, &ImageWorkspace::inspected);
        w.openFile(path);
        if (!spy.wait(30000))
            return false;
        // Widgets added to a shown layout appear on the next event-loop turn.
        QCoreApplication::processEvents();
        return true;
    }
    bool convertAndWait(ImageWorkspace &w, Kind kind, const QString &output, bool *ok)
    {
        QSignalSpy spy(&w, &ImageWorkspace::conversionFinished);
        if (!w.startConversion(kind, output) || !spy.wait(60000))
            return false;
        QCoreApplication::processEvents();
        *ok = spy.first().first().toBool();
        return true;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void showsAnAppAndScreenshot()
    {
        TestImages::AppDesc desc;
        desc.projectName = "sensor_node";
        desc.version = "1.8.2";
        const QString path = write(QStringLiteral("sensor_node.bin"),
                                   TestImages::buildImage(TestImages::c3App(desc)));
        ImageWorkspace w;
        w.resize(1024, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, path));
        QVERIFY(w.inspection().has_value());
        QCOMPARE(w.inspection()->kind, Image::ImageKind::App);
        QCOMPARE(w.segmentModel()->rowCount(), 4);
        QCOMPARE(w.segmentModel()->index(1, ImageSegmentModel::Region).data().toString(),
                 QStringLiteral("IROM (flash)"));
        QCOMPARE(w.segmentModel()->index(2, ImageSegmentModel::Load).data().toString(),
                 QStringLiteral("0x3fc88000"));
        auto *summary = w.findChild<QLabel *>(QStringLiteral("imageSummary"));
        QVERIFY(summary->text().contains(QStringLiteral("App image")));
        QVERIFY(summary->text().contains(QStringLiteral("ESP32-C3")));
        auto *checks = w.findChild<QListWidget *>(QStringLiteral("imageChecks"));
        QCOMPARE(checks->item(0)->text(), QStringLiteral("Every check passed."));
        QVERIFY(w.grab().save(screenshotPath(QStringLiteral("image-app.png"))));
    }

    void namesABrokenImage()
    {
        QByteArray bytes = TestImages::buildImage(TestImages::c3App());
        bytes[bytes.size() - 2] = char(bytes.at(bytes.size() - 2) ^ 1);
        ImageWorkspace w;
        QVERIFY(openAndWait(w, write(QStringLiteral("broken.bin"), bytes)));
        auto *checks = w.findChild<QListWidget *>(QStringLiteral("imageChecks"));
        QVERIFY(checks->count() >= 1);
        QVERIFY(checks->item(0)->text().contains(QStringLiteral("SHA-256 mismatch")));
    }

    void unreadableFileSaysSo()
    {
        ImageWorkspace w;
        QVERIFY(openAndWait(w, m_dir.filePath(QStringLiteral("nope.bin"))));
        QVERIFY(!w.inspection().has_value());
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("imageSummary"))
                    ->text()
                    .contains(QStringLiteral("cannot read")));
    }

    void flashEncryptThenFindOffset()
    {
        const QString plain
            = write(QStringLiteral("fw.bin"), TestImages::buildImage(TestImages::c3App()));
        const QString key = write(QStringLiteral("fe-key.bin"), randomBytes(32, 3));
        ImageWorkspace w;
        w.resize(1024, 768);
        w.show();
        QVERIFY(openAndWait(w, plain));
        w.setChip(QStringLiteral("esp32c3"));
        w.setKeyFile(key);
        w.setAddress(0x10000);
        bool ok = false;
        const QString enc = m_dir.filePath(QStringLiteral("fw-encrypted.bin"));
        QVERIFY(convertAndWait(w, Kind::FlashEncrypt, enc, &ok));
        QVERIFY2(ok, qPrintable(w.lastConversionMessage()));
        QVERIFY(read(enc) != read(plain));

        QVERIFY(openAndWait(w, enc));
        QCOMPARE(w.inspection()->kind, Image::ImageKind::EncryptedOrRandom);
        QVERIFY(convertAndWait(w, Kind::FindOffset, QString(), &ok));
        QVERIFY(ok);
        QVERIFY2(w.lastConversionMessage().contains(QStringLiteral("0x10000")),
                 qPrintable(w.lastConversionMessage()));
        QVERIFY(w.grab().save(screenshotPath(QStringLiteral("image-find-offset.png"))));

        // A key of the wrong length is refused with the reason, and the UI stays usable.
        w.setKeyFile(write(QStringLiteral("short.bin"), QByteArray(7, 'k')));
        QVERIFY(
            convertAndWait(w, Kind::FlashDecrypt, m_dir.filePath(QStringLiteral("x.bin")), &ok));
        QVERIFY(!ok);
        QVERIFY(w.lastConversionMessage().contains(QStringLiteral("7")));
    }

    void preEncryptedExplainedAndRoundTrip()
    {
        const QByteArray app = TestImages::buildImage(TestImages::c3App());
        const QString plain = write(QStringLiteral("ota-app.bin"), app);
        const QString hmac = write(QStringLiteral("hmac.bin"), randomBytes(32, 9));
        ImageWorkspace w;
        w.resize(1024, 768);
        w.show();
        QVERIFY(openAndWait(w, plain));
        w.setKeyFile(hmac);
        w.setPreKeyKind(KeyKind::DeviceHmac);
        bool ok = false;
        const QString ota = m_dir.filePath(QStringLiteral("ota-app-ota.bin"));
        QVERIFY(convertAndWait(w, Kind::PreEncrypt, ota, &ok));
        QVERIFY2(ok, qPrintable(w.lastConversionMessage()));

        QVERIFY(openAndWait(w, ota));
        QCOMPARE(w.inspection()->kind, Image::ImageKind::PreEncrypted);
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("imageExplanation"))
                    ->text()
                    .contains(QStringLiteral("0xE9")));
        QVERIFY(w.grab().save(screenshotPath(QStringLiteral("image-pre-encrypted.png"))));

        const QString back = m_dir.filePath(QStringLiteral("ota-back.bin"));
        QVERIFY(convertAndWait(w, Kind::PreDecrypt, back, &ok));
        QVERIFY2(ok, qPrintable(w.lastConversionMessage()));
        QCOMPARE(read(back), app);
    }
};

QTEST_MAIN(TestImageWorkspace)
#include "tst_imageworkspace.moc"
