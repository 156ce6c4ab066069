// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/otadata.h"

#include <QCoreApplication>
#include <QtEndian>

#include <zlib.h>

namespace Forgeline::Image::OtaData {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Image::OtaData)
};

quint32 u32At(const QByteArray &b, qsizetype at)
{
    return qFromLittleEndian<quint32>(reinterpret_cast<const uchar *>(b.constData()) + at);
}

void putU32(QByteArray &b, qsizetype at, quint32 v)
{
    qToLittleEndian<quint32>(v, reinterpret_cast<uchar *>(b.data()) + at);
}

// The partition's bytes padded with erased flash, so a short read is treated like the chip
// would see unprogrammed flash.
QByteArray normalized(const QByteArray &otadata)
{
    QByteArray b = otadata.left(Size);
    if (b.size() < qsizetype(Size))
        b.append(QByteArray(qsizetype(Size) - b.size(), char(0xFF)));
    return b;
}

} // namespace

QString stateName(quint32 state)
{
    switch (State(state)) {
    case State::New: return QStringLiteral("new");
    case State::PendingVerify: return QStringLiteral("pending-verify");
    case State::Valid: return QStringLiteral("valid");
    case State::Invalid: return QStringLiteral("invalid");
    case State::Aborted: return QStringLiteral("aborted");
    case State::Undefined: return QStringLiteral("undefined");
    }
    return QStringLiteral("0x%1").arg(state, 0, 16);
}

quint32 seqCrc(quint32 seq)
{
    // zlib's crc32() starting from 0xFFFFFFFF is the ROM's crc32_le(UINT32_MAX, …): both
    // invert the value passed in and the result (otatool.py computes it the same way with
    // binascii.crc32(pack('<I', seq), 0xFFFFFFFF)).
    uchar bytes[4];
    qToLittleEndian<quint32>(seq, bytes);
    return quint32(::crc32(0xFFFFFFFFul, bytes, 4));
}

Entry Entry::parse(const QByteArray &bytes, qsizetype at)
{
    Entry e;
    if (at < 0 || bytes.size() < at + EntrySize)
        return e;
    e.seq = u32At(bytes, at);
    e.label = bytes.mid(at + 4, 20);
    e.state = u32At(bytes, at + 24);
    e.crc = u32At(bytes, at + 28);
    return e;
}

QByteArray Entry::toBytes() const
{
    QByteArray b(EntrySize, char(0xFF));
    putU32(b, 0, seq);
    b.replace(4, 20, label.left(20).leftJustified(20, char(0xFF)));
    putU32(b, 24, state);
    putU32(b, 28, crc);
    return b;
}

bool Entry::unusable() const
{
    return seq == 0xFFFFFFFF || state == quint32(State::Invalid)
           || state == quint32(State::Aborted);
}

bool Entry::valid() const { return !unusable() && crc == seqCrc(seq); }

std::array<Entry, 2> readEntries(const QByteArray &otadata)
{
    const QByteArray b = normalized(otadata);
    return {Entry::parse(b, 0), Entry::parse(b, SectorSize)};
}

int activeEntry(const std::array<Entry, 2> &entries)
{
    const bool v0 = entries[0].valid();
    const bool v1 = entries[1].valid();
    if (v0 && v1)
        return entries[0].seq >= entries[1].seq ? 0 : 1; // MAX(); copy 0 wins a tie
    return v0 ? 0 : v1 ? 1 : -1;
}

int otaPartitionCount(const PartitionTable &table)
{
    int n = 0;
    while (n < 16 && otaPartition(table, n))
        ++n;
    return n;
}

const Partition *otadataPartition(const PartitionTable &table)
{
    for (const Partition &p : table.partitions) {
        if (p.type == PartitionType && p.subtype == PartitionSubtype)
            return &p;
    }
    return nullptr;
}

const Partition *otaPartition(const PartitionTable &table, int slot)
{
    for (const Partition &p : table.partitions) {
        if (p.type == 0x00 && p.subtype == FirstOtaSubtype + slot)
            return &p;
    }
    return nullptr;
}

int otaSlot(const Partition &partition)
{
    if (partition.type != 0x00 || partition.subtype < FirstOtaSubtype
        || partition.subtype > FirstOtaSubtype + 15)
        return -1;
    return partition.subtype - FirstOtaSubtype;
}

BootSelection selectBootPartition(const PartitionTable &table, const QByteArray &otadata)
{
    BootSelection s;
    const Partition *factory = nullptr;
    for (const Partition &p : table.partitions) {
        if (p.type == 0x00 && p.subtype == 0x00) {
            factory = &p;
            break;
        }
    }
    const int count = otaPartitionCount(table);
    const Partition *otadataPart = otadataPartition(table);
    if (!otadataPart) {
        // Without otadata the bootloader only knows the factory app.
        s.partition = factory;
        s.why = BootSelection::Why::NoOtadata;
        s.reason = Tr::tr("no otadata partition");
        return s;
    }
    const auto entries = readEntries(otadata);
    if ((entries[0].unusable() && entries[1].unusable()) || count == 0) {
        s.partition = factory ? factory : otaPartition(table, 0);
        const bool blank = entries[0].seq == 0xFFFFFFFF && entries[1].seq == 0xFFFFFFFF;
        s.why = count == 0 ? BootSelection::Why::NoOtaPartitions
                : blank    ? BootSelection::Why::Erased
                           : BootSelection::Why::NoUsableCopy;
        s.reason = count == 0 ? Tr::tr("no OTA partitions")
                   : blank    ? Tr::tr("otadata erased")
                              : Tr::tr("no usable otadata copy");
        return s;
    }
    s.entry = activeEntry(entries);
    if (s.entry < 0) {
        // bootloader_utility: "ota data partition invalid, falling back to factory" (without a
        // factory app it tries every app partition from ota_0 up).
        s.partition = factory ? factory : otaPartition(table, 0);
        s.why = BootSelection::Why::NoValidCopy;
        s.reason = Tr::tr("no valid otadata copy");
        return s;
    }
    const quint32 seq = entries[size_t(s.entry)].seq;
    s.partition = otaPartition(table, int((seq - 1) % quint32(count)));
    s.why = BootSelection::Why::Copy;
    s.seq = seq;
    s.reason = Tr::tr("otadata copy %1, seq %2").arg(s.entry).arg(seq);
    return s;
}

QString BootSelection::reasonText() const
{
    switch (why) {
    case Why::NoOtadata: return QStringLiteral("no otadata partition");
    case Why::NoOtaPartitions: return QStringLiteral("no OTA partitions");
    case Why::Erased: return QStringLiteral("otadata erased");
    case Why::NoUsableCopy: return QStringLiteral("no usable otadata copy");
    case Why::NoValidCopy: return QStringLiteral("no valid otadata copy");
    case Why::Copy: break;
    }
    return QStringLiteral("otadata copy %1, seq %2").arg(entry).arg(seq);
}

Result<QByteArray> switchToSlot(const QByteArray &otadata, int slot, int otaCount)
{
    if (otaCount <= 0 || slot < 0 || slot >= otaCount)
        return Error::make(
            QStringLiteral("otadata.slot"),
            Tr::tr("ota_%1 is not one of the table's %2 OTA partitions.").arg(slot).arg(otaCount));
    QByteArray out = normalized(otadata);
    auto entries = readEntries(out);
    const int active = activeEntry(entries);
    const quint32 n = quint32(otaCount);
    const quint32 base = (quint32(slot) + 1) % n;
    quint32 seq = quint32(slot) + 1;
    int next = 0;
    if (active >= 0) {
        // The smallest base + i*n not below the active seq: (seq - 1) % n == slot, and the
        // new copy is not older than the one it replaces (esp_rewrite_ota_data's loop).
        const quint32 current = entries[size_t(active)].seq;
        quint64 candidate = base;
        while (current > candidate)
            candidate += n;
        if (candidate >= 0xFFFFFFFFull)
            return Error::make(
                QStringLiteral("otadata.seq"),
                Tr::tr("The otadata sequence number is exhausted (0x%1); erase otadata first.")
                    .arg(current, 0, 16));
        seq = quint32(candidate);
        next = active == 0 ? 1 : 0;
    }
    Entry e = entries[size_t(next)];
    e.seq = seq;
    e.state = quint32(State::Undefined);
    e.crc = seqCrc(seq);
    // The sector is erased and only the entry programmed, as rewrite_ota_seq does.
    QByteArray sector(SectorSize, char(0xFF));
    sector.replace(0, EntrySize, e.toBytes());
    out.replace(qsizetype(next) * SectorSize, SectorSize, sector);
    return out;
}

QString describe(const QByteArray &otadata, int otaCount)
{
    const auto entries = readEntries(otadata);
    QStringList parts;
    for (int i = 0; i < 2; ++i) {
        const Entry &e = entries[size_t(i)];
        if (e.seq == 0xFFFFFFFF && e.crc == 0xFFFFFFFF)
            parts << Tr::tr("copy %1 erased").arg(i);
        else if (e.valid())
            parts << Tr::tr("copy %1 valid (seq %2, %3)").arg(i).arg(e.seq).arg(stateName(e.state));
        else
            parts << Tr::tr("copy %1 not valid (seq %2, %3%4)")
                         .arg(i)
                         .arg(e.seq)
                         .arg(stateName(e.state),
                              e.crc == seqCrc(e.seq) ? QString() : Tr::tr(", CRC mismatch"));
    }
    const int active = activeEntry(entries);
    QString selects;
    if (active < 0)
        selects = Tr::tr("selects the factory app (or ota_0 without one)");
    else if (otaCount > 0)
        selects
            = Tr::tr("selects ota_%1").arg((entries[size_t(active)].seq - 1) % quint32(otaCount));
    else
        selects = Tr::tr("seq %1 selects OTA slot (seq - 1) mod the number of OTA partitions: "
                         "ota_%2 in a table with ota_0 and ota_1")
                      .arg(entries[size_t(active)].seq)
                      .arg((entries[size_t(active)].seq - 1) % 2);
    return Tr::tr("otadata: %1; %2").arg(parts.join(QStringLiteral(", ")), selects);
}

bool looksLikeOtadata(const QByteArray &bytes)
{
    if (bytes.size() != qsizetype(Size))
        return false;
    const QByteArray erasedTail(SectorSize - EntrySize, char(0xFF));
    for (int i = 0; i < 2; ++i) {
        if (bytes.mid(qsizetype(i) * SectorSize + EntrySize, SectorSize - EntrySize) != erasedTail)
            return false;
    }
    const auto entries = readEntries(bytes);
    bool anyValid = false;
    for (const Entry &e : entries) {
        const bool erased = e.toBytes() == QByteArray(EntrySize, char(0xFF));
        if (!erased && e.crc != seqCrc(e.seq))
            return false;
        anyValid = anyValid || !erased;
    }
    return anyValid; // all-erased bytes are "erased flash", not otadata
}

} // namespace Forgeline::Image::OtaData
