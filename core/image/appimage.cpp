// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/appimage.h"

#include "core/image/imagechip.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <zlib.h>

namespace Forgeline::Image {

namespace {

quint32 u32At(const QByteArray &b, qsizetype at)
{
    return qFromLittleEndian<quint32>(reinterpret_cast<const uchar *>(b.constData() + at));
}

quint16 u16At(const QByteArray &b, qsizetype at)
{
    return qFromLittleEndian<quint16>(reinterpret_cast<const uchar *>(b.constData() + at));
}

constexpr int SectorSize = 4096;
constexpr int SignatureCrcOffset = 1196;

// Secure boot v2 puts the signature sector right after the image padded to 4 KiB
// (espsecure sign_secure_boot_v2). Look there for up to three valid blocks.
QList<SignatureBlock> findSignatureBlocks(const QByteArray &bytes, qsizetype imageLength)
{
    QList<SignatureBlock> blocks;
    const qsizetype sector = (imageLength + SectorSize - 1) / SectorSize * SectorSize;
    if (sector + SignatureBlock::Size > bytes.size())
        return blocks;
    const QByteArray signedContent = bytes.left(sector);
    const QByteArray sha256 = QCryptographicHash::hash(signedContent, QCryptographicHash::Sha256);
    const QByteArray sha384 = QCryptographicHash::hash(signedContent, QCryptographicHash::Sha384);
    for (int i = 0; i < 3; ++i) {
        const qsizetype at = sector + qsizetype(i) * SignatureBlock::Size;
        if (at + SignatureBlock::Size > bytes.size())
            break;
        const auto magic = quint8(bytes.at(at));
        const auto version = quint8(bytes.at(at + 1));
        if (magic != 0xE7 || (version != 2 && version != 3))
            break;
        SignatureBlock block;
        block.index = i;
        block.version = version;
        block.raw = bytes.mid(at, SignatureBlock::Size);
        block.sha384 = version == 3 && block.raw.at(2) == 1;
        const uLong crc
            = crc32(0, reinterpret_cast<const Bytef *>(block.raw.constData()), SignatureCrcOffset);
        block.crcValid = quint32(crc) == u32At(block.raw, SignatureCrcOffset);
        block.digestMatches
            = block.sha384 ? block.raw.mid(4, 48) == sha384 : block.raw.mid(4, 32) == sha256;
        blocks << block;
    }
    return blocks;
}

} // namespace

QString fixedString(const QByteArray &bytes, int offset, int size)
{
    const QByteArray field = bytes.mid(offset, size);
    const qsizetype nul = field.indexOf('\0');
    return QString::fromUtf8(nul < 0 ? field : field.left(nul));
}

QString SignatureBlock::algorithm() const
{
    if (version == 2)
        return QStringLiteral("RSA-3072 (PSS, SHA-256)");
    return sha384 ? QStringLiteral("ECDSA (SHA-384)") : QStringLiteral("ECDSA (SHA-256)");
}

QString AppImage::flashModeName() const
{
    static const char *const names[] = {"QIO", "QOUT", "DIO", "DOUT"};
    return spiMode < 4 ? QString::fromLatin1(names[spiMode])
                       : QStringLiteral("0x%1").arg(spiMode, 2, 16, QLatin1Char('0'));
}

QString AppImage::flashSizeName() const
{
    static const char *const names[]
        = {"1MB", "2MB", "4MB", "8MB", "16MB", "32MB", "64MB", "128MB"};
    return flashSizeCode < 8 ? QString::fromLatin1(names[flashSizeCode])
                             : QStringLiteral("code %1").arg(flashSizeCode);
}

bool AppImage::allSegmentsInRam() const
{
    for (const ImageSegment &s : segments) {
        if (isFlashMapped(chipId, s.load))
            return false;
    }
    return true;
}

Result<AppImage> AppImage::parse(const QByteArray &bytes)
{
    if (bytes.isEmpty() || quint8(bytes.at(0)) != Magic) {
        return Error::make(QStringLiteral("image.magic"),
                           QStringLiteral("not an ESP image: the first byte is not 0xE9"));
    }
    if (bytes.size() < HeaderSize) {
        return Error::make(
            QStringLiteral("image.truncated"),
            QStringLiteral("the image header is cut short (%1 of 24 bytes)").arg(bytes.size()));
    }
    AppImage img;
    img.segmentCount = quint8(bytes.at(1));
    img.spiMode = quint8(bytes.at(2));
    img.flashSizeCode = quint8(bytes.at(3)) >> 4;
    img.flashFreqCode = quint8(bytes.at(3)) & 0x0F;
    img.entry = u32At(bytes, 4);
    img.wpPin = quint8(bytes.at(8));
    img.chipId = u16At(bytes, 12);
    img.minRevisionLegacy = quint8(bytes.at(14));
    img.minRevisionFull = u16At(bytes, 15);
    img.maxRevisionFull = u16At(bytes, 17);
    img.hashAppendedByte = quint8(bytes.at(23));

    // A segment count over 16 is what a random or encrypted first line usually gives; read
    // at most 16 so that a hostile count cannot make us walk the whole file.
    const int toRead = qMin<int>(img.segmentCount, MaxSegments);
    qsizetype at = HeaderSize;
    quint8 checksum = ChecksumSeed;
    for (int i = 0; i < toRead; ++i) {
        ImageSegment seg;
        seg.fileOffset = quint32(at);
        if (at + 8 > bytes.size()) {
            seg.truncated = true;
            img.segments << seg;
            img.truncated = true;
            break;
        }
        seg.load = u32At(bytes, at);
        seg.length = u32At(bytes, at + 4);
        seg.region = memoryRegion(img.chipId, seg.load);
        at += 8;
        const qsizetype available = qMin<qsizetype>(seg.length, bytes.size() - at);
        const auto *data = reinterpret_cast<const uchar *>(bytes.constData() + at);
        for (qsizetype k = 0; k < available; ++k)
            checksum ^= data[k];
        if (available < qsizetype(seg.length)) {
            seg.truncated = true;
            img.segments << seg;
            img.truncated = true;
            break;
        }
        at += seg.length;
        img.segments << seg;
    }
    img.computedChecksum = checksum;

    if (!img.truncated && img.segmentCount <= MaxSegments) {
        // The checksum is the last byte of a 16-byte line (esptool align_file_position).
        const qsizetype checksumAt = at + (15 - at % 16);
        if (checksumAt >= bytes.size()) {
            img.truncated = true;
        } else {
            img.storedChecksum = quint8(bytes.at(checksumAt));
            img.checksumValid = img.storedChecksum == img.computedChecksum;
            img.length = checksumAt + 1;
            if (img.hashAppended()) {
                if (img.length + 32 > bytes.size()) {
                    img.truncated = true;
                } else {
                    img.storedSha256 = bytes.mid(img.length, 32);
                    img.computedSha256 = QCryptographicHash::hash(bytes.left(img.length),
                                                                  QCryptographicHash::Sha256);
                    img.sha256Valid = img.storedSha256 == img.computedSha256;
                    img.length += 32;
                }
            }
        }
    }

    // Descriptors live at the start of the first segment's data, image offset 0x20.
    if (!img.segments.isEmpty() && bytes.size() >= 0x20 + 4) {
        const ImageSegment &first = img.segments.first();
        if (u32At(bytes, 0x20) == AppDescriptor::Magic && first.length >= AppDescriptor::Size
            && bytes.size() >= 0x20 + AppDescriptor::Size) {
            const QByteArray d = bytes.mid(0x20, AppDescriptor::Size);
            AppDescriptor desc;
            desc.secureVersion = u32At(d, 4);
            desc.version = fixedString(d, 16, 32);
            desc.projectName = fixedString(d, 48, 32);
            desc.time = fixedString(d, 80, 16);
            desc.date = fixedString(d, 96, 16);
            desc.idfVersion = fixedString(d, 112, 32);
            desc.elfSha256 = d.mid(144, 32);
            desc.minEfuseBlockRevision = u16At(d, 176);
            desc.maxEfuseBlockRevision = u16At(d, 178);
            desc.mmuPageSizeLog2 = quint8(d.at(180));
            img.appDesc = desc;
        } else if (quint8(bytes.at(0x20)) == BootloaderDescriptor::MagicByte
                   && first.length >= BootloaderDescriptor::Size
                   && bytes.size() >= 0x20 + BootloaderDescriptor::Size && img.allSegmentsInRam()) {
            const QByteArray d = bytes.mid(0x20, BootloaderDescriptor::Size);
            BootloaderDescriptor desc;
            desc.version = u32At(d, 4);
            desc.idfVersion = fixedString(d, 8, 32);
            desc.dateTime = fixedString(d, 40, 24);
            img.bootloaderDesc = desc;
        }
    }

    if (!img.truncated && img.length > 0)
        img.signatures = findSignatureBlocks(bytes, img.length);
    return img;
}

} // namespace Forgeline::Image
