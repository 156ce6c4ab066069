// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/devicecredentials.h"

#include "core/image/nvskeys.h"
#include "core/image/nvsreader.h"
#include "core/image/partitiontable.h"
#include "core/image/securecert.h"

#include <algorithm>

#include <QCoreApplication>

namespace Forgeline::Sim {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Forgeline::Sim", text); }

// A DER SEQUENCE's total length from its header, 0 when the bytes are not one.
qsizetype derLength(const QByteArray &d)
{
    if (d.size() < 2 || quint8(d[0]) != 0x30)
        return 0;
    const auto first = quint8(d[1]);
    if (first < 0x80)
        return 2 + first;
    const int count = first & 0x7F;
    if (count < 1 || count > 3 || d.size() < 2 + count)
        return 0;
    qsizetype len = 0;
    for (int i = 0; i < count; ++i)
        len = (len << 8) | quint8(d[2 + i]);
    return 2 + count + len <= d.size() ? 2 + count + len : 0;
}

} // namespace

QByteArray partitionPayload(const QByteArray &partition)
{
    // Text ends at the first NUL (what strlen+1 firmware expects) or at erased flash. mbedTLS'
    // PEM reader finds the armour anywhere in it, so `openssl ca`'s text dump in front is fine.
    qsizetype end = partition.indexOf('\0');
    const qsizetype erased = partition.indexOf(char(0xFF));
    if (end < 0 || (erased >= 0 && erased < end))
        end = erased;
    const QByteArray text = end < 0 ? partition : partition.left(end);
    if (text.contains("-----BEGIN"))
        return text;
    const qsizetype der = derLength(partition);
    return der > 0 ? partition.left(der) : QByteArray();
}

namespace {

bool erased(const QByteArray &bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == char(0xFF); });
}

QByteArray partitionBytes(const QByteArray &flash, const Image::Partition &p)
{
    return flash.mid(p.offset, p.size);
}

Error credentialError(const QString &message, const QString &detail = {})
{
    return Error::make(QStringLiteral("sim.credentials"), message, detail);
}

// nullopt: this store is not on the board (no partition, erased, or without the records).
Result<std::optional<DeviceCredentials>> fromSecureCert(const QByteArray &flash,
                                                        const Image::PartitionTable &table,
                                                        const CredentialLookup &lookup)
{
    const Image::Partition *part = table.find(lookup.secureCertPartition);
    if (!part)
        return std::optional<DeviceCredentials>();
    const QByteArray bytes = partitionBytes(flash, *part);
    if (erased(bytes.left(64)))
        return std::optional<DeviceCredentials>();
    const Image::SecureCert::Partition parsed = Image::SecureCert::parse(bytes);
    const auto *cert = parsed.find(Image::SecureCert::DevCert);
    const auto *key = parsed.find(Image::SecureCert::PrivKey);
    if (!cert || !key)
        return credentialError(
            tr("The esp_secure_cert partition holds no usable device certificate and key."),
            parsed.problems.join(QStringLiteral("; ")));
    DeviceCredentials found;
    found.certificate = partitionPayload(cert->data);
    found.privateKey = partitionPayload(key->data);
    found.source
        = QStringLiteral("esp_secure_cert@0x%1 (%2)").arg(part->offset, 0, 16).arg(parsed.layout);
    return std::optional<DeviceCredentials>(found);
}

Result<std::optional<DeviceCredentials>> fromNvs(const QByteArray &flash,
                                                 const Image::PartitionTable &table,
                                                 const CredentialLookup &lookup)
{
    const Image::Partition *part = table.find(lookup.nvsPartition);
    if (!part)
        return std::optional<DeviceCredentials>();
    const QByteArray bytes = partitionBytes(flash, *part);
    if (erased(bytes))
        return std::optional<DeviceCredentials>();
    std::optional<Image::Nvs::Keys> keys;
    for (const Image::Partition &p : table.partitions) {
        if (p.type != 0x01 || p.subtype != 0x04 /* data, nvs_keys */)
            continue;
        const QByteArray keyBytes = partitionBytes(flash, p);
        if (erased(keyBytes.left(64)))
            break;
        auto read = Image::Nvs::Keys::fromPartitionImage(keyBytes);
        if (!read)
            return credentialError(tr("The nvs_keys partition does not hold valid keys."),
                                   read.error().message);
        keys = *read;
        break;
    }
    const Image::Nvs::Dump dump = Image::Nvs::readImage(bytes, keys);
    const auto *cert = dump.find(lookup.nvsNamespace, lookup.certKey);
    const auto *key = dump.find(lookup.nvsNamespace, lookup.keyKey);
    if (!cert && !key)
        return std::optional<DeviceCredentials>(); // an NVS without credentials: Wi-Fi data only
    if (!cert || !key || !cert->valueKnown || !key->valueKnown)
        return credentialError(
            tr("The NVS partition holds only part of the credentials (%1/%2, %1/%3).")
                .arg(lookup.nvsNamespace, lookup.certKey, lookup.keyKey),
            dump.problems.join(QStringLiteral("; ")));
    DeviceCredentials found;
    found.certificate = partitionPayload(cert->value);
    found.privateKey = partitionPayload(key->value);
    found.source = QStringLiteral("NVS %1@0x%2 %3/%4%5")
                       .arg(part->name)
                       .arg(part->offset, 0, 16)
                       .arg(lookup.nvsNamespace, lookup.certKey,
                            keys ? QStringLiteral(" (encrypted)") : QString());
    return std::optional<DeviceCredentials>(found);
}

std::optional<DeviceCredentials> fromRawPartitions(const QByteArray &flash,
                                                   const Image::PartitionTable &table,
                                                   const CredentialLookup &lookup)
{
    const Image::Partition *cert = table.find(lookup.certPartition);
    const Image::Partition *key = table.find(lookup.keyPartition);
    if (!cert || !key)
        return std::nullopt;
    DeviceCredentials found;
    found.certificate = partitionPayload(partitionBytes(flash, *cert));
    found.privateKey = partitionPayload(partitionBytes(flash, *key));
    found.source = QStringLiteral("partitions %1@0x%2, %3@0x%4")
                       .arg(cert->name)
                       .arg(cert->offset, 0, 16)
                       .arg(key->name)
                       .arg(key->offset, 0, 16);
    return found;
}

} // namespace

Result<DeviceCredentials> findDeviceCredentials(const QByteArray &flash,
                                                const CredentialLookup &lookup)
{
    const quint32 at = Image::PartitionTable::DefaultOffset;
    if (flash.size() < qsizetype(at + Image::PartitionTable::MaxLength))
        return credentialError(tr("The flash is too small to hold a partition table."));
    auto table = Image::PartitionTable::parse(flash.mid(at, Image::PartitionTable::MaxLength));
    if (!table)
        return table.error();
    const bool any = lookup.store == QLatin1String("auto");
    if (any || lookup.store == QLatin1String("secure-cert")) {
        auto found = fromSecureCert(flash, *table, lookup);
        if (!found)
            return found.error();
        if (*found)
            return **found;
    }
    if (any || lookup.store == QLatin1String("nvs")) {
        auto found = fromNvs(flash, *table, lookup);
        if (!found)
            return found.error();
        if (*found)
            return **found;
    }
    if (any || lookup.store == QLatin1String("raw")) {
        if (auto found = fromRawPartitions(flash, *table, lookup))
            return *found;
    }
    // A firmware without credentials connects without a client certificate.
    return DeviceCredentials{};
}

} // namespace Forgeline::Sim
