// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/imageinspector.h"

#include "core/image/imagechip.h"
#include "core/image/otadata.h"

#include <QtEndian>

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace Forgeline::Image {

namespace {

constexpr qsizetype EntropySample = 64 * 1024;
constexpr int NvsPageSize = 4096;

QString hex32(quint32 v) { return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0')); }

// An NVS page header (ESP-IDF components/nvs_flash/src/nvs_page.hpp): state active, full or
// erasing, and the CRC32 of bytes 4..27 (seeded 0xFFFFFFFF as esp_rom_crc32_le) at 28.
bool isNvsPage(const QByteArray &bytes, qsizetype at)
{
    if (at + 32 > bytes.size())
        return false;
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData() + at);
    const quint32 state = qFromLittleEndian<quint32>(p);
    if (state != 0xFFFFFFFE && state != 0xFFFFFFFC && state != 0xFFFFFFF8)
        return false;
    const uLong crc = crc32(0xFFFFFFFFUL, p + 4, 24);
    return quint32(crc) == qFromLittleEndian<quint32>(p + 28);
}

bool allErased(const QByteArray &bytes)
{
    return !bytes.isEmpty() && bytes.count('\xFF') == bytes.size();
}

// Random data of n bytes measures a little under 8 bits per byte (the plug-in estimator's
// bias is about 255 / (2 n ln 2)); plaintext firmware stays near 6.
bool looksRandom(const QByteArray &sample, double entropy)
{
    if (sample.size() < 256)
        return false;
    const double expected = 8.0 - 255.0 / (2.0 * double(sample.size()) * std::log(2.0));
    return entropy > expected - 0.15;
}

void inspectApp(ImageInspection &r, const AppImage &img, const InspectOptions &options)
{
    const ImageChip *chip = imageChipById(img.chipId);
    const bool looksBootloader
        = img.bootloaderDesc.has_value()
          || (!img.appDesc && !img.segments.isEmpty() && img.allSegmentsInRam());
    r.kind = looksBootloader ? ImageKind::Bootloader : ImageKind::App;
    const QString chipName = chip ? QString::fromLatin1(chip->name)
                                  : QStringLiteral("unknown chip id %1").arg(img.chipId);
    r.summary
        = QStringLiteral("%1 image for %2, %3 segment(s), entry %4")
              .arg(looksBootloader ? QStringLiteral("Bootloader") : QStringLiteral("App"), chipName)
              .arg(img.segmentCount)
              .arg(hex32(img.entry));

    if (img.segmentCount == 0 || img.segmentCount > AppImage::MaxSegments) {
        r.failures << QStringLiteral("segment count %1 is not 1..16: the header is damaged, or "
                                     "this is encrypted data that happens to start with 0xE9")
                          .arg(img.segmentCount);
    }
    if (!chip)
        r.failures << QStringLiteral("chip id %1 in the header is not a chip Forgeline knows")
                          .arg(img.chipId);
    if (!options.expectedChip.isEmpty()) {
        const ImageChip *want = imageChipByKey(options.expectedChip);
        if (want && want->chipId != img.chipId) {
            r.failures << QStringLiteral("wrong chip: the image is for %1 but the target is %2")
                              .arg(chipName, QString::fromLatin1(want->name));
        }
    }
    for (qsizetype i = 0; i < img.segments.size(); ++i) {
        const ImageSegment &s = img.segments.at(i);
        if (s.truncated) {
            r.failures << QStringLiteral("truncated segment: the file ends inside segment %1 "
                                         "(load %2, %3 bytes)")
                              .arg(i)
                              .arg(hex32(s.load))
                              .arg(s.length);
        } else if (s.region.isEmpty() && chip) {
            r.warnings << QStringLiteral("segment at %1 loads outside %2's known memory map")
                              .arg(hex32(s.load), chipName);
        }
    }
    if (img.truncated
        && std::none_of(img.segments.begin(), img.segments.end(),
                        [](const ImageSegment &s) { return s.truncated; })) {
        r.failures << QStringLiteral("truncated image: the file ends before the checksum%1")
                          .arg(img.hashAppended() ? QStringLiteral(" and SHA-256") : QString());
    }
    if (!img.truncated && img.length > 0 && !img.checksumValid) {
        r.failures << QStringLiteral("checksum mismatch: stored 0x%1, computed 0x%2")
                          .arg(img.storedChecksum, 2, 16, QLatin1Char('0'))
                          .arg(img.computedChecksum, 2, 16, QLatin1Char('0'));
    }
    if (img.sha256Valid.has_value() && !*img.sha256Valid)
        r.failures << QStringLiteral("SHA-256 mismatch: the appended hash is not the hash of "
                                     "the image");
    if (img.hashAppendedByte > 1)
        r.failures << QStringLiteral("hash-appended byte is 0x%1 (must be 0 or 1)")
                          .arg(img.hashAppendedByte, 2, 16, QLatin1Char('0'));
    if (r.kind == ImageKind::App && !img.appDesc)
        r.warnings << QStringLiteral("no esp_app_desc_t at offset 0x20: not built by ESP-IDF, "
                                     "or the image is damaged");
    if (!img.hashAppended() && r.kind == ImageKind::App)
        r.warnings << QStringLiteral("no SHA-256 appended: the bootloader can only check the "
                                     "XOR checksum");
    if (!options.verifyKeyPem.isEmpty()) {
        AppImage &mutableImage = *r.image;
        if (auto v = verifySignatureBlocks(mutableImage, options.verifyKeyPem); !v) {
            r.failures << v.error().message;
        } else if (mutableImage.signatures.isEmpty()) {
            r.failures << QStringLiteral("not signed: no secure boot v2 signature block");
        } else if (std::none_of(
                       mutableImage.signatures.begin(), mutableImage.signatures.end(),
                       [](const SignatureBlock &s) { return s.verified.value_or(false); })) {
            r.failures << QStringLiteral("no signature block is signed by the given key");
        }
    }
    for (const SignatureBlock &s : r.image->signatures) {
        if (!s.crcValid)
            r.failures << QStringLiteral("signature block %1 has a bad CRC").arg(s.index);
        else if (!s.digestMatches)
            r.failures << QStringLiteral("signature block %1 signs a different image (digest "
                                         "mismatch)")
                              .arg(s.index);
    }
}

const char *kPreEncryptedExplanation
    = "This is a pre-encrypted OTA image (Espressif esp_encrypted_img): a 512-byte header "
      "starting CF B6 88 07, then the whole app encrypted with AES-256-GCM. It does not start "
      "with the app magic 0xE9 and must not: a firmware that checks the first byte for 0xE9 as "
      "the data arrives (esp_ota_write's image-header check) rejects it. The 0xE9 check belongs "
      "after decryption: the OTA code must pass the received bytes through "
      "esp_encrypted_img_decrypt_data() (esp_https_ota's decrypt_cb) and write and verify the "
      "decrypted app. Flashed raw, this file never boots.";

const char *kRandomExplanation
    = "No known header and the bytes look random. This is what flash-encrypted data looks like "
      "when read back raw from a board (or compressed/encrypted data of another kind). A flash-"
      "encrypted image only decrypts, and only boots, at the flash address it was encrypted for. "
      "With the flash encryption key, 'image find-offset' tries the partition offsets and says "
      "where it decrypts to a valid image; without the key it cannot be told apart from random "
      "data.";

} // namespace

QString imageKindName(ImageKind kind)
{
    switch (kind) {
    case ImageKind::App: return QStringLiteral("app");
    case ImageKind::Bootloader: return QStringLiteral("bootloader");
    case ImageKind::PartitionTable: return QStringLiteral("partition-table");
    case ImageKind::Nvs: return QStringLiteral("nvs");
    case ImageKind::OtaData: return QStringLiteral("otadata");
    case ImageKind::PreEncrypted: return QStringLiteral("pre-encrypted");
    case ImageKind::EncryptedOrRandom: return QStringLiteral("encrypted-or-random");
    case ImageKind::Erased: return QStringLiteral("erased");
    case ImageKind::Unknown: break;
    }
    return QStringLiteral("unknown");
}

double byteEntropy(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return 0.0;
    std::array<qsizetype, 256> counts{};
    for (char c : bytes)
        ++counts[quint8(c)];
    double h = 0.0;
    const double n = double(bytes.size());
    for (qsizetype c : counts) {
        if (c > 0) {
            const double p = double(c) / n;
            h -= p * std::log2(p);
        }
    }
    return h;
}

QString ImageInspection::chipKey() const
{
    if (!image)
        return {};
    const ImageChip *chip = imageChipById(image->chipId);
    return chip ? QString::fromLatin1(chip->key) : QString();
}

ImageInspection inspectImage(const QByteArray &bytes, const InspectOptions &options)
{
    ImageInspection r;
    r.size = bytes.size();
    const QByteArray sample = bytes.left(EntropySample);
    r.entropy = byteEntropy(sample);

    if (bytes.isEmpty()) {
        r.summary = QStringLiteral("Empty file");
        r.failures << QStringLiteral("the file is empty");
        return r;
    }
    if (allErased(bytes)) {
        r.kind = ImageKind::Erased;
        r.summary = QStringLiteral("Erased flash (%1 bytes of 0xFF)").arg(bytes.size());
        return r;
    }
    if (quint8(bytes.at(0)) == AppImage::Magic) {
        auto img = AppImage::parse(bytes);
        if (img) {
            r.image = *img;
            inspectApp(r, *img, options);
            // Flash-encrypted data starts with 0xE9 once in 256 times; a damaged header with
            // random contents says so.
            if (!r.ok() && looksRandom(sample, r.entropy)
                && (img->segmentCount > AppImage::MaxSegments || !imageChipById(img->chipId))) {
                r = ImageInspection{};
                r.size = bytes.size();
                r.entropy = byteEntropy(sample);
            } else {
                return r;
            }
        } else {
            r.kind = ImageKind::Unknown;
            r.summary = img.error().message;
            r.failures << img.error().message;
            return r;
        }
    }
    if (EncryptedImageHeader::hasMagic(bytes)) {
        auto h = EncryptedImageHeader::parse(bytes);
        r.kind = ImageKind::PreEncrypted;
        r.explanation = QString::fromLatin1(kPreEncryptedExplanation);
        if (!h) {
            r.summary = QStringLiteral("Pre-encrypted OTA image (esp_encrypted_img), cut short");
            r.failures << h.error().message;
            return r;
        }
        r.preEncrypted = *h;
        r.summary = QStringLiteral("Pre-encrypted OTA image (esp_encrypted_img, %1), %2 "
                                   "encrypted bytes")
                        .arg(h->scheme == EncryptedImageHeader::Scheme::Rsa3072
                                 ? QStringLiteral("RSA-3072")
                                 : QStringLiteral("ECIES-P256"))
                        .arg(h->binSize);
        if (h->payloadAvailable < qsizetype(h->binSize)) {
            r.failures << QStringLiteral("truncated: the header promises %1 encrypted bytes, the "
                                         "file holds %2")
                              .arg(h->binSize)
                              .arg(h->payloadAvailable);
        } else if (h->payloadAvailable > qsizetype(h->binSize)) {
            r.warnings << QStringLiteral("%1 bytes follow the encrypted payload")
                              .arg(h->payloadAvailable - h->binSize);
        }
        r.warnings << QStringLiteral("decrypt it (image pre-decrypt) to check the app inside; "
                                     "do not flash it raw");
        return r;
    }
    if (bytes.startsWith("\xAA\x50")) {
        auto t = PartitionTable::parse(bytes.left(PartitionTable::MaxLength));
        if (t) {
            r.kind = ImageKind::PartitionTable;
            r.partitionTable = *t;
            r.summary = QStringLiteral("Partition table, %1 partition(s)%2")
                            .arg(t->partitions.size())
                            .arg(t->hadMd5 ? QStringLiteral(", MD5 valid") : QString());
            if (auto v = t->verify(); !v)
                r.warnings << v.error().message;
            return r;
        }
        r.failures << t.error().message;
    }
    if (OtaData::looksLikeOtadata(bytes)) {
        // Without the table the slot count is unknown: the summary gives the rule instead.
        r.kind = ImageKind::OtaData;
        r.summary = OtaData::describe(bytes);
        return r;
    }
    if (isNvsPage(bytes, 0)) {
        r.kind = ImageKind::Nvs;
        for (qsizetype at = 0; at + 32 <= bytes.size(); at += NvsPageSize) {
            if (isNvsPage(bytes, at))
                ++r.nvsPages;
        }
        r.summary = QStringLiteral("NVS partition data, %1 page(s) in use").arg(r.nvsPages);
        return r;
    }
    if (looksRandom(sample, r.entropy)) {
        r.kind = ImageKind::EncryptedOrRandom;
        r.summary = QStringLiteral("Flash-encrypted or random data (%1 bits per byte, no known "
                                   "header)")
                        .arg(r.entropy, 0, 'f', 3);
        r.explanation = QString::fromLatin1(kRandomExplanation);
        r.warnings << QStringLiteral("with the flash encryption key, 'image find-offset' tells "
                                     "which address it was encrypted for");
        return r;
    }
    r.kind = ImageKind::Unknown;
    if (r.summary.isEmpty())
        r.summary = QStringLiteral("Not a recognised ESP image, table or NVS data");
    return r;
}

} // namespace Forgeline::Image
