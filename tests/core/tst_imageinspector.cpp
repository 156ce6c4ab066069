// SPDX-License-Identifier: GPL-3.0-or-later
// The image inspector on images the test builds itself: every header field, the segments and
// their regions, checksum, SHA-256, descriptors; and each way an image can be wrong, named.
#include "imagewriter.h"

#include "core/image/appimage.h"
#include "core/image/imageinspector.h"
#include "core/image/partitioncsv.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <zlib.h>

using namespace Forgeline::Image;
using namespace TestImages;

namespace {

bool anyContains(const QStringList &list, const QString &needle)
{
    for (const QString &s : list) {
        if (s.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
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

class TestImageInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appEveryField()
    {
        AppDesc desc;
        desc.projectName = "factory_fw";
        desc.version = "2.4.0-rc1";
        desc.idfVersion = "v5.2.2";
        desc.date = "Nov 30 2026";
        desc.time = "08:15:00";
        desc.elfSha256 = QByteArray::fromHex(
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        const ImageSpec spec = c3App(desc);
        const QByteArray bytes = buildImage(spec);
        QCOMPARE(bytes.size() % 16, 0); // 16-byte line + 32-byte hash

        const ImageInspection r = inspectImage(bytes);
        QCOMPARE(r.kind, ImageKind::App);
        QVERIFY2(r.ok(), qPrintable(r.failures.join(QLatin1Char('|'))));
        QVERIFY(r.image.has_value());
        const AppImage &img = *r.image;
        QCOMPARE(img.chipId, quint16(5));
        QCOMPARE(r.chipKey(), QStringLiteral("esp32c3"));
        QCOMPARE(img.entry, 0x40380000u);
        QCOMPARE(img.flashModeName(), QStringLiteral("DIO"));
        QCOMPARE(img.flashSizeName(), QStringLiteral("4MB"));
        QCOMPARE(img.flashFreqCode, quint8(0xF));
        QCOMPARE(img.minRevisionFull, quint16(3));
        QCOMPARE(img.maxRevisionFull, quint16(199));
        QVERIFY(img.hashAppended());
        QCOMPARE(img.segments.size(), 4);
        QCOMPARE(img.segments.at(0).load, 0x3C000020u);
        QCOMPARE(img.segments.at(0).length, 996u);
        QCOMPARE(img.segments.at(0).region, QStringLiteral("DROM (flash)"));
        QCOMPARE(img.segments.at(1).region, QStringLiteral("IROM (flash)"));
        QCOMPARE(img.segments.at(2).region, QStringLiteral("DRAM"));
        QCOMPARE(img.segments.at(3).region, QStringLiteral("IRAM"));
        QCOMPARE(img.segments.at(1).fileOffset, 24u + 8u + 996u);
        QVERIFY(img.checksumValid);
        QVERIFY(img.sha256Valid.value_or(false));
        QCOMPARE(img.length, bytes.size());
        QVERIFY(img.appDesc.has_value());
        QCOMPARE(img.appDesc->projectName, QStringLiteral("factory_fw"));
        QCOMPARE(img.appDesc->version, QStringLiteral("2.4.0-rc1"));
        QCOMPARE(img.appDesc->idfVersion, QStringLiteral("v5.2.2"));
        QCOMPARE(img.appDesc->date, QStringLiteral("Nov 30 2026"));
        QCOMPARE(img.appDesc->time, QStringLiteral("08:15:00"));
        QCOMPARE(img.appDesc->elfSha256, desc.elfSha256);

        const QJsonObject o = inspectionToJson(r);
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("app"));
        QCOMPARE(o.value(QStringLiteral("chip")).toString(), QStringLiteral("esp32c3"));
        QCOMPARE(o.value(QStringLiteral("entry")).toString(), QStringLiteral("0x40380000"));
        const QJsonArray segs = o.value(QStringLiteral("segments")).toArray();
        QCOMPARE(segs.size(), 4);
        QCOMPARE(segs.at(2).toObject().value(QStringLiteral("load")).toString(),
                 QStringLiteral("0x3fc88000"));
        QCOMPARE(segs.at(2).toObject().value(QStringLiteral("length")).toInt(), 512);
        QCOMPARE(o.value(QStringLiteral("checksumValid")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("sha256Valid")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("minChipRevision")).toInt(), 3);
        const QJsonObject d = o.value(QStringLiteral("appDesc")).toObject();
        QCOMPARE(d.value(QStringLiteral("projectName")).toString(), QStringLiteral("factory_fw"));
        QCOMPARE(d.value(QStringLiteral("elfSha256")).toString(),
                 QString::fromLatin1(desc.elfSha256.toHex()));
        QVERIFY(o.value(QStringLiteral("preEncrypted")).isNull());
    }

    void withoutHashSha256IsNull()
    {
        ImageSpec spec = c3App();
        spec.hash = false;
        const QByteArray bytes = buildImage(spec);
        QCOMPARE(bytes.size() % 16, 0);
        const ImageInspection r = inspectImage(bytes);
        QVERIFY(r.ok());
        QVERIFY(!r.image->sha256Valid.has_value());
        QVERIFY(inspectionToJson(r).value(QStringLiteral("sha256Valid")).isNull());
        QVERIFY(anyContains(r.warnings, QStringLiteral("no SHA-256")));
    }

    void esp32AppRegions()
    {
        ImageSpec spec;
        spec.chipId = 0;
        spec.entry = 0x40081000;
        spec.minRev = 300;
        spec.segments = {
            {0x3F400020, appDescBytes({}) + pattern(100, 1)},
            {0x3FFB0000, pattern(64, 2)},
            {0x40080000, pattern(96, 3)},
            {0x400D0020, pattern(400, 4)},
            {0x50000000, pattern(16, 5)},
        };
        const ImageInspection r = inspectImage(buildImage(spec));
        QCOMPARE(r.kind, ImageKind::App);
        QVERIFY2(r.ok(), qPrintable(r.failures.join(QLatin1Char('|'))));
        QCOMPARE(r.chipKey(), QStringLiteral("esp32"));
        QCOMPARE(r.image->segments.at(0).region, QStringLiteral("DROM (flash)"));
        QCOMPARE(r.image->segments.at(1).region, QStringLiteral("DRAM"));
        QCOMPARE(r.image->segments.at(2).region, QStringLiteral("IRAM"));
        QCOMPARE(r.image->segments.at(3).region, QStringLiteral("IROM (flash)"));
        QCOMPARE(r.image->segments.at(4).region, QStringLiteral("RTC_DATA"));
        QCOMPARE(r.image->minRevisionFull, quint16(300));
        QVERIFY(r.warnings.isEmpty());
    }

    void bootloaderRecognised()
    {
        const ImageInspection r = inspectImage(buildImage(c3Bootloader()));
        QCOMPARE(r.kind, ImageKind::Bootloader);
        QVERIFY2(r.ok(), qPrintable(r.failures.join(QLatin1Char('|'))));
        QVERIFY(r.image->bootloaderDesc.has_value());
        QCOMPARE(r.image->bootloaderDesc->version, 1u);
        QCOMPARE(r.image->bootloaderDesc->idfVersion, QStringLiteral("v5.3.1"));
        QCOMPARE(r.image->bootloaderDesc->dateTime, QStringLiteral("Dec  3 2026 10:00:00"));
        QVERIFY(!r.image->appDesc.has_value());
        QCOMPARE(inspectionToJson(r).value(QStringLiteral("kind")).toString(),
                 QStringLiteral("bootloader"));
    }

    void corruptedChecksumNamed()
    {
        ImageSpec spec = c3App();
        spec.hash = false;
        QByteArray bytes = buildImage(spec);
        bytes[bytes.size() - 1] = char(bytes.at(bytes.size() - 1) ^ 0x01);
        const ImageInspection r = inspectImage(bytes);
        QCOMPARE(r.kind, ImageKind::App);
        QVERIFY(!r.image->checksumValid);
        QVERIFY(anyContains(r.failures, QStringLiteral("checksum mismatch")));
    }

    void corruptedDataBreaksChecksumAndHash()
    {
        QByteArray bytes = buildImage(c3App());
        bytes[24 + 8 + 300] = char(bytes.at(24 + 8 + 300) ^ 0x40); // inside segment 0
        const ImageInspection r = inspectImage(bytes);
        QVERIFY(anyContains(r.failures, QStringLiteral("checksum mismatch")));
        QVERIFY(anyContains(r.failures, QStringLiteral("SHA-256 mismatch")));
    }

    void corruptedHashNamed()
    {
        QByteArray bytes = buildImage(c3App());
        bytes[bytes.size() - 5] = char(bytes.at(bytes.size() - 5) ^ 0xFF);
        const ImageInspection r = inspectImage(bytes);
        QVERIFY(r.image->checksumValid);
        QCOMPARE(r.image->sha256Valid, std::optional<bool>(false));
        QCOMPARE(r.failures.size(), 1);
        QVERIFY(anyContains(r.failures, QStringLiteral("SHA-256 mismatch")));
        QCOMPARE(inspectionToJson(r).value(QStringLiteral("sha256Valid")).toBool(true), false);
    }

    void truncatedSegmentNamed()
    {
        const QByteArray bytes = buildImage(c3App());
        const ImageInspection r = inspectImage(bytes.left(24 + 8 + 996 + 8 + 100));
        QCOMPARE(r.kind, ImageKind::App);
        QVERIFY(r.image->truncated);
        QVERIFY(r.image->segments.at(1).truncated);
        QVERIFY(anyContains(r.failures, QStringLiteral("truncated segment")));
        QVERIFY(anyContains(r.failures, QStringLiteral("segment 1")));
    }

    void truncatedHashNamed()
    {
        const QByteArray bytes = buildImage(c3App());
        const ImageInspection r = inspectImage(bytes.left(bytes.size() - 10));
        QVERIFY(anyContains(r.failures, QStringLiteral("truncated image")));
    }

    void wrongChipNamed()
    {
        const QByteArray bytes = buildImage(c3App());
        InspectOptions options;
        options.expectedChip = QStringLiteral("esp32s3");
        const ImageInspection r = inspectImage(bytes, options);
        QVERIFY(anyContains(r.failures, QStringLiteral("wrong chip")));
        QVERIFY(anyContains(r.failures, QStringLiteral("ESP32-C3")));
        options.expectedChip = QStringLiteral("esp32c3");
        QVERIFY(inspectImage(bytes, options).ok());
    }

    void unknownChipIdFails()
    {
        ImageSpec spec = c3App();
        spec.chipId = 0x77;
        const ImageInspection r = inspectImage(buildImage(spec));
        QVERIFY(anyContains(r.failures, QStringLiteral("chip id 119")));
    }

    void secureBootV2BlockFound()
    {
        QByteArray bytes = buildImage(c3App());
        bytes.append(QByteArray((4096 - bytes.size() % 4096) % 4096, '\xFF'));
        const QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
        QByteArray block(1216, '\0');
        block[0] = char(0xE7);
        block[1] = char(0x02);
        block.replace(4, 32, digest);
        for (int i = 36; i < 1196; ++i)
            block[i] = char(i * 13);
        const uLong crc = crc32(0, reinterpret_cast<const Bytef *>(block.constData()), 1196);
        putU32(block, 1196, quint32(crc));
        QByteArray signedImage = bytes + block;
        signedImage.append(QByteArray(4096 - 1216, '\xFF'));
        ImageInspection r = inspectImage(signedImage);
        QVERIFY2(r.ok(), qPrintable(r.failures.join(QLatin1Char('|'))));
        QCOMPARE(r.image->signatures.size(), 1);
        QVERIFY(r.image->signatures.at(0).crcValid);
        QVERIFY(r.image->signatures.at(0).digestMatches);
        QCOMPARE(r.image->signatures.at(0).algorithm(), QStringLiteral("RSA-3072 (PSS, SHA-256)"));

        signedImage[bytes.size() + 100] = char(signedImage.at(bytes.size() + 100) ^ 1);
        r = inspectImage(signedImage);
        QVERIFY(anyContains(r.failures, QStringLiteral("bad CRC")));
    }

    void partitionTableRecognised()
    {
        auto table = parsePartitionCsv(
            QStringLiteral("nvs,data,nvs,0x9000,0x6000\nphy_init,data,phy,0xf000,0x1000\n"
                           "factory,app,factory,0x10000,1M\n"));
        QVERIFY(table.ok());
        const ImageInspection r = inspectImage(table->toBinary());
        QCOMPARE(r.kind, ImageKind::PartitionTable);
        QCOMPARE(r.partitionTable->partitions.size(), 3);
        QCOMPARE(inspectionToJson(r).value(QStringLiteral("kind")).toString(),
                 QStringLiteral("partition-table"));
    }

    void nvsRecognised()
    {
        QByteArray page(4096 * 3, '\xFF');
        putU32(page, 0, 0xFFFFFFFE);
        putU32(page, 4, 0);
        page[8] = char(0xFE);
        const uLong crc
            = crc32(0xFFFFFFFFUL, reinterpret_cast<const Bytef *>(page.constData()) + 4, 24);
        putU32(page, 28, quint32(crc));
        const ImageInspection r = inspectImage(page);
        QCOMPARE(r.kind, ImageKind::Nvs);
        QCOMPARE(r.nvsPages, 1);
        page[29] = char(page.at(29) ^ 1); // bad header CRC: not NVS any more
        QVERIFY(inspectImage(page).kind != ImageKind::Nvs);
    }

    void erasedRecognised()
    {
        const ImageInspection r = inspectImage(QByteArray(0x10000, '\xFF'));
        QCOMPARE(r.kind, ImageKind::Erased);
        QVERIFY(r.ok());
    }

    void randomIsEncryptedOrRandom()
    {
        const ImageInspection r = inspectImage(randomBytes(65536, 7));
        QCOMPARE(r.kind, ImageKind::EncryptedOrRandom);
        QVERIFY(r.explanation.contains(QStringLiteral("find-offset")));
        // Random data opening with 0xE9 is still random, not a broken app.
        QByteArray e9 = randomBytes(65536, 8);
        e9[0] = char(0xE9);
        e9[1] = char(0x80);
        QCOMPARE(inspectImage(e9).kind, ImageKind::EncryptedOrRandom);
    }

    void textIsUnknown()
    {
        const QByteArray text = QByteArray("hello world, this is not firmware\n").repeated(100);
        const ImageInspection r = inspectImage(text);
        QCOMPARE(r.kind, ImageKind::Unknown);
        QCOMPARE(inspectionToJson(r).value(QStringLiteral("kind")).toString(),
                 QStringLiteral("unknown"));
    }

    void tinyInputsNeverCrash()
    {
        for (int n = 0; n < 64; ++n) {
            QByteArray b = randomBytes(n, quint32(n));
            if (n > 0)
                b[0] = char(0xE9);
            (void)inspectImage(b);
            (void)AppImage::parse(b);
        }
        QVERIFY(!inspectImage(QByteArray()).ok());
    }

    void hostileSegmentLengthIsTruncation()
    {
        QByteArray bytes = buildImage(c3App());
        putU32(bytes, 24 + 4, 0xFFFFFFF0); // first segment claims ~4 GiB
        const ImageInspection r = inspectImage(bytes);
        QVERIFY(anyContains(r.failures, QStringLiteral("truncated segment")));
    }
};

QTEST_GUILESS_MAIN(TestImageInspector)
#include "tst_imageinspector.moc"
