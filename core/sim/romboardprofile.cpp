// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/romboardprofile.h"

#include "core/image/flashencryption.h"
#include "core/image/imagechip.h"
#include "core/image/nvscsv.h"
#include "core/image/nvskeys.h"
#include "core/image/nvswriter.h"
#include "core/image/partitiontable.h"
#include "core/image/securecert.h"
#include <QCoreApplication>

#include <QDir>
#include <QFile>
#include <QJsonArray>

namespace Forgeline::Sim {

namespace {

// A class, so that lupdate files these texts under the context tr() uses.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Sim::RomBoardProfile)
};

std::optional<quint32> number(const QJsonValue &v)
{
    if (v.isDouble())
        return quint32(v.toDouble());
    bool ok = false;
    const quint32 n = v.toString().toUInt(&ok, 0);
    return ok ? std::optional<quint32>(n) : std::nullopt;
}

Error profileError(const QString &what)
{
    return Error::make(QStringLiteral("sim.profile"), Tr::tr("Board profile: %1").arg(what));
}

} // namespace

QStringList romFaultNames()
{
    return {QStringLiteral("drop:RATE"), QStringLiteral("corrupt:RATE"),
            QStringLiteral("reset-at:ADDR"), QStringLiteral("disconnect-at:ADDR"),
            QStringLiteral("slow-flash:FACTOR")};
}

Result<void> applyRomFault(RomFaults &faults, const QString &spec)
{
    const QString name = spec.section(QLatin1Char(':'), 0, 0);
    const QString arg = spec.section(QLatin1Char(':'), 1);
    bool ok = false;
    if (name == QLatin1String("drop") || name == QLatin1String("corrupt")
        || name == QLatin1String("slow-flash")) {
        const double v = arg.toDouble(&ok);
        if (!ok || v < 0 || (name != QLatin1String("slow-flash") && v > 1))
            return Error::make(QStringLiteral("sim.fault"),
                               Tr::tr("Bad value in serial fault \"%1\".").arg(spec));
        (name == QLatin1String("drop")      ? faults.dropRate
         : name == QLatin1String("corrupt") ? faults.corruptRate
                                            : faults.slowFlash)
            = v;
        return {};
    }
    if (name == QLatin1String("reset-at") || name == QLatin1String("disconnect-at")) {
        const quint32 a = arg.toUInt(&ok, 0);
        if (!ok)
            return Error::make(QStringLiteral("sim.fault"),
                               Tr::tr("Bad address in serial fault \"%1\".").arg(spec));
        (name == QLatin1String("reset-at") ? faults.resetAt : faults.disconnectAt) = a;
        return {};
    }
    return Error::make(QStringLiteral("sim.fault"),
                       Tr::tr("Unknown serial fault \"%1\"; known: %2")
                           .arg(spec, romFaultNames().join(QStringLiteral(", "))));
}

namespace {

Result<QByteArray> readContentsFile(const QString &path, const QString &baseDir)
{
    QFile f(QDir(baseDir.isEmpty() ? QDir::currentPath() : baseDir).absoluteFilePath(path));
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("sim.profile"),
                           Tr::tr("cannot read %1").arg(f.fileName()), f.errorString());
    return f.readAll();
}

// The bytes of one "contents" entry: literal ("text", "hex", "file") or a certificate store
// built for the partition it lands in ("nvsCsv" with an optional "keysPartition" that receives
// fresh keys, or "secureCert": {"cert", "key", "ca"} files), so a profile can start a board
// with its credentials already in NVS or esp_secure_cert.
Result<void> placeContents(RomBoardConfig &c, const QJsonObject &o, const QString &baseDir)
{
    std::optional<quint32> offset;
    std::optional<Image::Partition> partition;
    std::optional<Image::PartitionTable> table;
    if (o.contains(QLatin1String("partition"))) {
        if (auto parsed = Image::PartitionTable::parse(c.image.mid(
                Image::PartitionTable::DefaultOffset, Image::PartitionTable::MaxLength)))
            table = *parsed;
        const QString name = o.value(QLatin1String("partition")).toString();
        const Image::Partition *p = table ? table->find(name) : nullptr;
        if (!p)
            return Error::make(
                QStringLiteral("sim.profile"),
                Tr::tr("a contents entry names no partition of the table: %1").arg(name));
        partition = *p;
        offset = p->offset;
    } else {
        offset = number(o.value(QLatin1String("offset")));
    }
    if (!offset || *offset >= c.flashSize())
        return Error::make(QStringLiteral("sim.profile"),
                           Tr::tr("a contents entry has no valid offset"));
    QByteArray bytes;
    if (o.contains(QLatin1String("text"))) {
        bytes = o.value(QLatin1String("text")).toString().toUtf8();
    } else if (o.contains(QLatin1String("hex"))) {
        bytes = QByteArray::fromHex(o.value(QLatin1String("hex")).toString().toLatin1());
    } else if (o.contains(QLatin1String("file"))) {
        auto read = readContentsFile(o.value(QLatin1String("file")).toString(), baseDir);
        if (!read)
            return read.error();
        bytes = *read;
    } else if (o.contains(QLatin1String("nvsCsv")) || o.contains(QLatin1String("secureCert"))) {
        if (!partition)
            return Error::make(QStringLiteral("sim.profile"),
                               Tr::tr("a certificate store in contents needs \"partition\""));
        if (o.contains(QLatin1String("nvsCsv"))) {
            Image::Nvs::ResolveOptions resolve;
            resolve.baseDirectory = baseDir;
            auto items = Image::Nvs::readCsv(o.value(QLatin1String("nvsCsv")).toString(), resolve);
            if (!items)
                return items.error();
            Image::Nvs::WriteOptions write;
            write.size = partition->size;
            if (o.contains(QLatin1String("keysPartition"))) {
                const Image::Partition *keysPart
                    = table->find(o.value(QLatin1String("keysPartition")).toString());
                if (!keysPart)
                    return Error::make(QStringLiteral("sim.profile"),
                                       Tr::tr("the keysPartition is not in the table"));
                auto keys = Image::Nvs::Keys::generate();
                if (!keys)
                    return keys.error();
                write.encryption = *keys;
                c.image.replace(qsizetype(keysPart->offset), Image::Nvs::Keys::PartitionImageSize,
                                keys->toPartitionImage());
            }
            auto image = Image::Nvs::writeImage(*items, write);
            if (!image)
                return image.error();
            bytes = image->bytes;
        } else {
            const QJsonObject sc = o.value(QLatin1String("secureCert")).toObject();
            Image::SecureCert::GenerateInput in;
            for (const auto &[field, target] :
                 {std::pair{"cert", &in.deviceCert}, std::pair{"key", &in.privateKey},
                  std::pair{"ca", &in.caCert}}) {
                if (!sc.contains(QLatin1String(field)))
                    continue;
                auto read = readContentsFile(sc.value(QLatin1String(field)).toString(), baseDir);
                if (!read)
                    return read.error();
                *target = *read;
            }
            in.size = partition->size;
            auto image = Image::SecureCert::generate(in);
            if (!image)
                return image.error();
            bytes = *image;
        }
    }
    if (c.image.size() < qsizetype(*offset) + bytes.size())
        c.image.append(QByteArray(qsizetype(*offset) + bytes.size() - c.image.size(), char(0xFF)));
    c.image.replace(qsizetype(*offset), bytes.size(), bytes);
    return {};
}

} // namespace

Result<RomBoardConfig> romBoardConfigFromProfile(const BoardProfile &profile)
{
    RomBoardConfig c;
    c.chipKey = profile.chip;
    if (!Flasher::ChipDatabase::instance().byKey(c.chipKey))
        return profileError(Tr::tr("unknown chip \"%1\"").arg(profile.chip));
    if (profile.mac.size() == 6)
        c.mac = profile.mac;
    // "revision": "v3.0" for whatever chip runs, or {"esp32": "v1.0", "esp32c3": "v0.3"} per
    // chip (--chip may swap the chip under a profile); "unreadable" makes the words fail.
    const QJsonValue revision = profile.json.value(QLatin1String("revision"));
    const QString revisionText = revision.isObject()
                                     ? revision.toObject().value(c.chipKey.toLower()).toString()
                                     : revision.toString();
    if (revisionText == QLatin1String("unreadable"))
        c.revisionUnreadable = true;
    else
        c.revision = revisionText;
    // "security": {"flashCryptCnt": 1, "flags": "0x0"}: a board whose flash encryption is on.
    const QJsonObject security = profile.json.value(QLatin1String("security")).toObject();
    if (security.contains(QLatin1String("flashCryptCnt"))) {
        const auto cnt = number(security.value(QLatin1String("flashCryptCnt")));
        if (!cnt || *cnt > 0x7F)
            return profileError(Tr::tr("security.flashCryptCnt is 0..0x7F"));
        c.flashCryptCnt = quint8(*cnt);
    }
    if (security.contains(QLatin1String("flags"))) {
        const auto flags = number(security.value(QLatin1String("flags")));
        if (!flags)
            return profileError(Tr::tr("security.flags is not a number"));
        c.securityFlags = *flags;
    }
    // The key its eFuse holds: a key file ("key", relative to the profile) or its hex
    // ("keyHex"), as espsecure takes it; the boot check decrypts flash with it.
    if (security.contains(QLatin1String("keyHex")))
        c.flashEncryptionKey
            = QByteArray::fromHex(security.value(QLatin1String("keyHex")).toString().toLatin1());
    if (security.contains(QLatin1String("key"))) {
        auto key
            = readContentsFile(security.value(QLatin1String("key")).toString(), profile.baseDir);
        if (!key)
            return profileError(key.error().message);
        c.flashEncryptionKey = *key;
    }
    if (!c.flashEncryptionKey.isEmpty()) {
        const Image::ImageChip *chip = Image::imageChipByKey(c.chipKey);
        const auto scheme = chip ? chip->flashCrypt : Image::FlashCryptScheme::XtsAes;
        if (auto fits = Image::checkFlashCryptKey(scheme, c.flashEncryptionKey); !fits)
            return profileError(fits.error().message);
    }
    if (security.contains(QLatin1String("flashCryptConfig"))) {
        const auto conf = number(security.value(QLatin1String("flashCryptConfig")));
        if (!conf || *conf > 15)
            return profileError(Tr::tr("security.flashCryptConfig is 0..15"));
        c.flashCryptConfig = int(*conf);
    }
    if (profile.json.contains(QLatin1String("package"))) {
        const auto package = number(profile.json.value(QLatin1String("package")));
        if (!package)
            return profileError(Tr::tr("package is not a number"));
        c.package = *package;
    }
    if (auto efuse = revisionEfuses(*Flasher::ChipDatabase::instance().byKey(c.chipKey), c); !efuse)
        return profileError(efuse.error().message);
    const QJsonObject flash = profile.json.value(QLatin1String("flash")).toObject();
    if (flash.contains(QLatin1String("flashId"))) {
        const auto id = number(flash.value(QLatin1String("flashId")));
        if (!id || !Flasher::flashSizeFromJedec(*id))
            return profileError(Tr::tr("flashId is not a known JEDEC id"));
        c.flashId = *id;
    }
    c.timing = flash.value(QLatin1String("timing")).toBool(true);
    const QString csv = flash.value(QLatin1String("partitionCsv"))
                            .toString(RomBoardConfig::defaultPartitionCsv());
    QString csvError;
    c.image = RomBoardConfig::imageWithPartitionTable(csv, &csvError);
    if (c.image.isEmpty())
        return profileError(csvError);
    for (const QJsonValue &v : flash.value(QLatin1String("contents")).toArray()) {
        auto placed = placeContents(c, v.toObject(), profile.baseDir);
        if (!placed)
            return profileError(placed.error().message);
    }
    const QJsonObject f = profile.json.value(QLatin1String("faults"))
                              .toObject()
                              .value(QLatin1String("serial"))
                              .toObject();
    c.faults.dropRate = f.value(QLatin1String("dropRate")).toDouble(0);
    c.faults.corruptRate = f.value(QLatin1String("corruptRate")).toDouble(0);
    c.faults.slowFlash = f.value(QLatin1String("slowFlash")).toDouble(1.0);
    c.faults.seed = quint32(f.value(QLatin1String("seed")).toInt(1));
    if (f.contains(QLatin1String("resetAt")))
        c.faults.resetAt = number(f.value(QLatin1String("resetAt")));
    if (f.contains(QLatin1String("disconnectAt")))
        c.faults.disconnectAt = number(f.value(QLatin1String("disconnectAt")));
    return c;
}

} // namespace Forgeline::Sim
