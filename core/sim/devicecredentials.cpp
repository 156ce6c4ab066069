// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/devicecredentials.h"

#include "core/image/partitiontable.h"

#include <QCoreApplication>

namespace Forgeline::Sim {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Forgeline::Sim::DeviceCredentials", text);
}

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

Result<DeviceCredentials> findDeviceCredentials(const QByteArray &flash)
{
    const quint32 at = Image::PartitionTable::DefaultOffset;
    if (flash.size() < qsizetype(at + Image::PartitionTable::MaxLength))
        return Error::make(QStringLiteral("sim.credentials"),
                           tr("The flash is too small to hold a partition table."));
    auto table = Image::PartitionTable::parse(flash.mid(at, Image::PartitionTable::MaxLength));
    if (!table)
        return table.error();
    DeviceCredentials found;
    const Image::Partition *cert = table->find(QStringLiteral("cert"));
    const Image::Partition *key = table->find(QStringLiteral("key"));
    if (!cert || !key)
        return found; // a firmware without credential partitions connects without a client
                      // certificate
    found.certificate = partitionPayload(flash.mid(cert->offset, cert->size));
    found.privateKey = partitionPayload(flash.mid(key->offset, key->size));
    found.source = QStringLiteral("partitions cert@0x%1, key@0x%2")
                       .arg(cert->offset, 0, 16)
                       .arg(key->offset, 0, 16);
    return found;
}

} // namespace Forgeline::Sim
