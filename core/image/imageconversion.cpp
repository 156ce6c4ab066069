// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/imageconversion.h"

#include "core/image/encryptedimage.h"
#include "core/image/flashencryption.h"
#include "core/image/imagechip.h"
#include "core/image/offsetfinder.h"
#include "core/image/partitioncsv.h"

#include <QFile>
#include <QSaveFile>

namespace Forgeline::Image {

namespace {

Result<QByteArray> readAll(const QString &path, const QString &what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return Error::make(
            QStringLiteral("image.read"),
            QStringLiteral("cannot read the %1 %2: %3").arg(what, path, f.errorString()));
    }
    return f.readAll();
}

Result<void> writeAll(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        return Error::make(QStringLiteral("image.write"),
                           QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    }
    return {};
}

QString hex(quint32 v) { return QStringLiteral("0x%1").arg(v, 0, 16); }

} // namespace

Result<ImageInspection> inspectFile(const QString &path, const InspectOptions &options)
{
    auto bytes = readAll(path, QStringLiteral("file"));
    if (!bytes)
        return bytes.error();
    return inspectImage(*bytes, options);
}

Result<ConversionOutcome> runConversion(const ConversionRequest &r)
{
    using Kind = ConversionRequest::Kind;
    using KeyKind = ConversionRequest::KeyKind;
    auto input = readAll(r.input, QStringLiteral("input"));
    if (!input)
        return input.error();
    auto key = readAll(r.keyFile, QStringLiteral("key file"));
    if (!key)
        return key.error();

    ConversionOutcome out;
    QByteArray produced;
    if (r.kind == Kind::FlashEncrypt || r.kind == Kind::FlashDecrypt
        || r.kind == Kind::FindOffset) {
        const ImageChip *chip = imageChipByKey(r.chip);
        if (!chip)
            return Error::make(QStringLiteral("image.chip"), QStringLiteral("choose a chip"));
        FlashCryptParams p;
        p.scheme = chip->flashCrypt;
        p.key = *key;
        p.address = r.address;
        p.flashCryptConfig = r.flashCryptConfig;
        if (r.kind == Kind::FindOffset) {
            if (auto ok = checkFlashCryptKey(p.scheme, p.key); !ok)
                return ok.error();
            std::optional<PartitionTable> table;
            if (!r.tableFile.isEmpty()) {
                auto t = readAll(r.tableFile, QStringLiteral("partition table"));
                if (!t)
                    return t.error();
                auto parsed = t->startsWith("\xAA\x50") ? PartitionTable::parse(*t)
                                                        : parsePartitionCsv(QString::fromUtf8(*t));
                if (!parsed)
                    return parsed.error();
                table = *parsed;
            }
            const OffsetSearch s = findEncryptionOffset(p, *input, table);
            for (const OffsetCandidate &c : s.matches)
                out.offsets << hex(c.address);
            out.found = !s.matches.isEmpty();
            out.message = out.found
                              ? QStringLiteral("Encrypted for %1%2")
                                    .arg(out.offsets.join(QStringLiteral(", ")),
                                         s.matches.first().imageValid
                                             ? QStringLiteral(" (decrypts to a valid image)")
                                             : QString())
                              : QStringLiteral(
                                    "No address among the %1 tried decrypts this file to an image")
                                    .arg(s.tried.size());
            return out;
        }
        auto result
            = r.kind == Kind::FlashEncrypt ? flashEncrypt(p, *input) : flashDecrypt(p, *input);
        if (!result)
            return result.error();
        produced = *result;
        out.message = QStringLiteral("%1 %2 bytes for flash address %3")
                          .arg(r.kind == Kind::FlashEncrypt ? QStringLiteral("Encrypted")
                                                            : QStringLiteral("Decrypted"))
                          .arg(produced.size())
                          .arg(hex(r.address));
    } else if (r.kind == Kind::PreEncrypt) {
        Result<QByteArray> result = r.keyKind == KeyKind::RsaPublic ? preEncryptRsa(*input, *key)
                                    : r.keyKind == KeyKind::DeviceHmac
                                        ? preEncryptEciesHmac(*input, *key)
                                        : preEncryptEcies(*input, *key);
        if (!result)
            return result.error();
        produced = *result;
        out.message = QStringLiteral("Pre-encrypted %1 bytes (%2)")
                          .arg(input->size())
                          .arg(r.keyKind == KeyKind::RsaPublic ? QStringLiteral("RSA-3072")
                                                               : QStringLiteral("ECIES-P256"));
    } else {
        Result<QByteArray> result = r.keyKind == KeyKind::DeviceHmac ? preDecryptHmac(*input, *key)
                                                                     : preDecrypt(*input, *key);
        if (!result)
            return result.error();
        produced = *result;
        out.message = QStringLiteral("Decrypted and authenticated %1 bytes").arg(produced.size());
    }
    if (auto w = writeAll(r.output, produced); !w)
        return w.error();
    out.result = inspectImage(produced);
    return out;
}

} // namespace Forgeline::Image
