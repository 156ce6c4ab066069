// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/nvsreader.h"

#include "core/common/translations.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>

#include <algorithm>

namespace Forgeline::Image::Nvs {

namespace {

QString tr(const char *text)
{
    return Translations::translateFirst(
        {"Forgeline::Image::Nvs::PageReader", "Forgeline::Image::Nvs"}, text);
}

QString pageStateName(quint32 state)
{
    switch (state) {
    case PageEmpty: return QStringLiteral("empty");
    case PageActive: return QStringLiteral("active");
    case PageFull: return QStringLiteral("full");
    case PageFreeing: return QStringLiteral("freeing");
    case PageCorrupt: return QStringLiteral("corrupt");
    case PageInvalid: return QStringLiteral("invalid");
    default: return QStringLiteral("0x%1").arg(state, 8, 16, QLatin1Char('0'));
    }
}

bool allFF(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (c != '\xFF')
            return false;
    }
    return true;
}

EntryState bitmapState(const QByteArray &page, int entry)
{
    const int bit = entry * 2;
    const uchar byte = uchar(page.at(BitmapOffset + bit / 8));
    return EntryState((byte >> (bit % 8)) & 0x3);
}

QString keyOf(const QByteArray &entry)
{
    const QByteArray field = entry.mid(8, KeyFieldSize);
    const int nul = field.indexOf('\0');
    return QString::fromUtf8(nul >= 0 ? field.first(nul) : field);
}

bool isVarlen(quint8 type) { return type == Str || type == BlobV1 || type == BlobData; }

struct ChunkKey
{
    quint8 ns;
    QString key;
    quint8 chunk;
    bool operator==(const ChunkKey &) const = default;
};

size_t qHash(const ChunkKey &k, size_t seed = 0) { return qHashMulti(seed, k.ns, k.key, k.chunk); }

class PageReader
{
public:
    PageReader(const QByteArray &page, int index, const std::optional<Keys> &keys, Dump &dump,
               QHash<ChunkKey, QByteArray> &chunks)
        : m_page(page), m_index(index), m_keys(keys), m_dump(dump), m_chunks(chunks)
    {}

    void read()
    {
        PageInfo info;
        info.index = m_index;
        info.state = readLe32(m_page.constData());
        info.stateName = pageStateName(info.state);
        info.seq = readLe32(m_page.constData() + 4);
        info.version = quint8(m_page.at(8));
        if (info.state == PageEmpty) {
            if (!allFF(m_page))
                problem(tr("page %1 is marked empty but holds data").arg(m_index));
            m_dump.pages.append(info);
            return;
        }
        const quint32 stored = readLe32(m_page.constData() + 28);
        info.headerCrcOk = stored == pageHeaderCrc(QByteArrayView(m_page).first(HeaderSize));
        if (!info.headerCrcOk)
            problem(tr("page %1: the header CRC fails (stored 0x%2, computed 0x%3); the "
                       "firmware treats the page as corrupt")
                        .arg(m_index)
                        .arg(stored, 8, 16, QLatin1Char('0'))
                        .arg(pageHeaderCrc(QByteArrayView(m_page).first(HeaderSize)), 8, 16,
                             QLatin1Char('0')));
        if (info.version != Version1 && info.version != Version2)
            problem(tr("page %1: unknown format version 0x%2")
                        .arg(m_index)
                        .arg(info.version, 2, 16, QLatin1Char('0')));
        if (info.state != PageActive && info.state != PageFull && info.state != PageFreeing)
            problem(tr("page %1 is in state %2").arg(m_index).arg(info.stateName));
        m_dump.pages.append(info);
        for (int i = 0; i < EntriesPerPage;)
            i += readEntry(i);
    }

private:
    void problem(const QString &text) { m_dump.problems.append(text); }

    QString where(int i) const { return tr("page %1 entry %2").arg(m_index).arg(i); }

    // The entry's 32 bytes, decrypted when keys are given (erased flash is never encrypted).
    QByteArray entryBytes(int i) const
    {
        const int offset = FirstEntryOffset + i * EntrySize;
        QByteArray e = m_page.mid(offset, EntrySize);
        if (m_keys && !allFF(e))
            e = decryptEntry(*m_keys, quint32(m_index * PageSize + offset), e);
        return e;
    }

    bool rawEmpty(int i) const
    {
        return allFF(QByteArrayView(m_page).sliced(FirstEntryOffset + i * EntrySize, EntrySize));
    }

    Entry headerEntry(int i, const QByteArray &e) const
    {
        Entry entry;
        entry.page = m_index;
        entry.index = i;
        entry.namespaceIndex = quint8(e.at(0));
        entry.type = quint8(e.at(1));
        entry.span = quint8(e.at(2));
        entry.chunkIndex = quint8(e.at(3));
        entry.key = keyOf(e);
        return entry;
    }

    void add(Entry entry, const QString &why = {})
    {
        entry.problem = why;
        if (!why.isEmpty())
            problem(why);
        m_dump.entries.append(entry);
    }

    // Reads the entry at slot i and returns how many slots it covers.
    int readEntry(int i)
    {
        const EntryState state = bitmapState(m_page, i);
        if (state == EntryState::Empty) {
            if (!rawEmpty(i)) {
                Entry entry = headerEntry(i, entryBytes(i));
                entry.state = QStringLiteral("half-written");
                add(entry, tr("%1 holds data but is not marked written (an interrupted write; "
                              "the firmware erases it)")
                               .arg(where(i)));
            }
            return 1;
        }
        const QByteArray e = entryBytes(i);
        Entry entry = headerEntry(i, e);
        if (state == EntryState::Illegal) {
            entry.state = QStringLiteral("illegal");
            add(entry, tr("%1 has the illegal bitmap state 01").arg(where(i)));
            return 1;
        }
        const bool written = state == EntryState::Written;
        if (written && rawEmpty(i)) {
            entry.state = QStringLiteral("crc-error");
            add(entry, tr("%1 is marked written but is empty").arg(where(i)));
            return 1;
        }
        const quint32 stored = readLe32(e.constData() + 4);
        if (stored != entryCrc(e)) {
            entry.state = written ? QStringLiteral("crc-error") : QStringLiteral("erased");
            entry.key.clear();
            if (written) {
                ++m_crcFailures;
                add(entry, tr("%1: the entry CRC fails (stored 0x%2, computed 0x%3); the "
                              "firmware drops it")
                               .arg(where(i))
                               .arg(stored, 8, 16, QLatin1Char('0'))
                               .arg(entryCrc(e), 8, 16, QLatin1Char('0')));
            }
            return 1; // a header that fails its CRC says nothing reliable about its span
        }
        ++m_crcPasses;
        entry.state = written ? QStringLiteral("written") : QStringLiteral("erased");
        const int span = entry.span;
        if (span < 1 || i + span > EntriesPerPage) {
            entry.state = QStringLiteral("crc-error");
            add(entry, tr("%1 '%2' has span %3, past the end of the page")
                           .arg(where(i), entry.key)
                           .arg(span));
            return 1;
        }
        if (isPrimitive(entry.type) || entry.type == BlobIndex) {
            if (span != 1)
                problem(tr("%1 '%2' has span %3; a %4 takes 1")
                            .arg(where(i), entry.key)
                            .arg(span)
                            .arg(typeName(entry.type)));
            if (isPrimitive(entry.type)) {
                entry.length = primitiveSize(entry.type);
                entry.value = e.mid(24, primitiveSize(entry.type));
                entry.valueKnown = true;
            } else {
                entry.length = readLe32(e.constData() + 24);
                entry.chunkCount = quint8(e.at(28));
                entry.chunkStart = quint8(e.at(29));
            }
            if (written && entry.namespaceIndex == 0 && entry.type == U8) {
                m_dump.namespaces.append(NamespaceInfo{quint8(e.at(24)), entry.key});
                return 1;
            }
            add(entry);
            return 1;
        }
        if (!isVarlen(entry.type)) {
            add(entry, tr("%1 '%2' has the unknown type 0x%3")
                           .arg(where(i), entry.key)
                           .arg(entry.type, 2, 16, QLatin1Char('0')));
            return span;
        }
        const int size = readLe16(e.constData() + 24);
        entry.length = size;
        const int expectedSpan = 1 + (size + EntrySize - 1) / EntrySize;
        if (span != expectedSpan) {
            entry.state = QStringLiteral("crc-error");
            add(entry, tr("%1 '%2' holds %3 bytes but spans %4 entries")
                           .arg(where(i), entry.key)
                           .arg(size)
                           .arg(span));
            return 1;
        }
        QByteArray data;
        for (int k = 1; k < span; ++k) {
            if (bitmapState(m_page, i + k) != state)
                problem(tr("%1 '%2': data entry %3 is in a different state from its header")
                            .arg(where(i), entry.key)
                            .arg(i + k));
            data += entryBytes(i + k);
        }
        data.truncate(size);
        const quint32 dataCrc = readLe32(e.constData() + 28);
        if (dataCrc != espCrc32(data)) {
            if (written) {
                entry.state = QStringLiteral("crc-error");
                add(entry, tr("%1 '%2': the data CRC fails (stored 0x%3, computed 0x%4)")
                               .arg(where(i), entry.key)
                               .arg(dataCrc, 8, 16, QLatin1Char('0'))
                               .arg(espCrc32(data), 8, 16, QLatin1Char('0')));
            } else {
                add(entry);
            }
            return span;
        }
        if (entry.type == Str && data.endsWith('\0'))
            data.chop(1);
        entry.value = data;
        entry.valueKnown = true;
        if (entry.type == BlobData && written)
            m_chunks.insert(ChunkKey{entry.namespaceIndex, entry.key, entry.chunkIndex}, data);
        else
            add(entry);
        return span;
    }

public:
    int m_crcFailures = 0;
    int m_crcPasses = 0;

private:
    const QByteArray &m_page;
    int m_index;
    const std::optional<Keys> &m_keys;
    Dump &m_dump;
    QHash<ChunkKey, QByteArray> &m_chunks;
};

// Puts each format-2 blob together from its chunks; what is missing is named.
void assembleBlobs(Dump &dump, QHash<ChunkKey, QByteArray> &chunks)
{
    for (Entry &entry : dump.entries) {
        if (entry.type != BlobIndex || entry.state != QLatin1String("written"))
            continue;
        QByteArray value;
        QList<int> missing;
        for (int c = entry.chunkStart; c < entry.chunkStart + entry.chunkCount; ++c) {
            const auto it = chunks.constFind(ChunkKey{entry.namespaceIndex, entry.key, quint8(c)});
            if (it == chunks.cend()) {
                missing.append(c);
                continue;
            }
            value += it.value();
        }
        for (int c = entry.chunkStart; c < entry.chunkStart + entry.chunkCount; ++c)
            chunks.remove(ChunkKey{entry.namespaceIndex, entry.key, quint8(c)});
        const QString name = entry.namespaceName + QLatin1Char('/') + entry.key;
        if (!missing.isEmpty()) {
            QStringList numbers;
            for (int c : std::as_const(missing))
                numbers.append(QString::number(c));
            entry.state = QStringLiteral("incomplete");
            entry.problem = QCoreApplication::translate(
                                "Forgeline::Image::Nvs",
                                "blob '%1' is missing chunk(s) %2 of %3 (a page is missing or "
                                "damaged)")
                                .arg(name, numbers.join(QStringLiteral(", ")))
                                .arg(entry.chunkCount);
            dump.problems.append(entry.problem);
            continue;
        }
        if (value.size() != entry.length) {
            entry.state = QStringLiteral("incomplete");
            entry.problem = QCoreApplication::translate(
                                "Forgeline::Image::Nvs",
                                "blob '%1': its chunks hold %2 bytes, its index says %3")
                                .arg(name)
                                .arg(value.size())
                                .arg(entry.length);
            dump.problems.append(entry.problem);
            continue;
        }
        entry.value = value;
        entry.valueKnown = true;
    }
    for (auto it = chunks.cbegin(); it != chunks.cend(); ++it)
        dump.problems.append(QCoreApplication::translate(
                                 "Forgeline::Image::Nvs",
                                 "chunk %1 of blob '%2' (namespace %3) belongs to no blob index")
                                 .arg(it.key().chunk)
                                 .arg(it.key().key)
                                 .arg(it.key().ns));
}

} // namespace

bool Entry::isNumber() const
{
    return isPrimitive(type) && valueKnown && value.size() == primitiveSize(type);
}

quint64 Entry::unsignedNumber() const
{
    quint64 v = 0;
    for (int i = 0; i < value.size() && i < 8; ++i)
        v |= quint64(uchar(value.at(i))) << (8 * i);
    return v;
}

qint64 Entry::signedNumber() const
{
    const int bits = int(value.size()) * 8;
    quint64 v = unsignedNumber();
    if (bits > 0 && bits < 64 && (v >> (bits - 1)) & 1)
        v |= ~quint64(0) << bits;
    return qint64(v);
}

QString Entry::typeName() const
{
    if (type == BlobIndex || type == BlobV1)
        return QStringLiteral("blob");
    return Nvs::typeName(type);
}

const Entry *Dump::find(const QString &ns, const QString &key) const
{
    const Entry *found = nullptr;
    for (const Entry &e : entries) {
        if (e.state == QLatin1String("written") && e.namespaceName == ns && e.key == key)
            found = &e;
    }
    return found;
}

Dump readImage(const QByteArray &image, const std::optional<Keys> &keys)
{
    Dump dump;
    dump.decrypted = keys.has_value();
    if (image.isEmpty()) {
        dump.problems.append(tr("the image is empty"));
        return dump;
    }
    if (image.size() % PageSize != 0)
        dump.problems.append(tr("the image is %1 bytes, not a whole number of 4096-byte pages; "
                                "the last %2 bytes are not read")
                                 .arg(image.size())
                                 .arg(image.size() % PageSize));
    QHash<ChunkKey, QByteArray> chunks;
    // Blob indexes need their chunk list; keep the raw index words per entry position.
    int failures = 0, passes = 0;
    for (int p = 0; p < image.size() / PageSize; ++p) {
        const QByteArray page = image.mid(qsizetype(p) * PageSize, PageSize);
        PageReader reader(page, p, keys, dump, chunks);
        reader.read();
        failures += reader.m_crcFailures;
        passes += reader.m_crcPasses;
    }
    QHash<quint8, QString> names;
    for (const NamespaceInfo &n : std::as_const(dump.namespaces))
        names.insert(n.index, n.name);
    for (Entry &e : dump.entries)
        e.namespaceName = names.value(e.namespaceIndex);
    assembleBlobs(dump, chunks);
    if (failures > 0 && passes == 0) {
        dump.looksEncrypted = !keys;
        dump.problems.append(keys ? tr("no entry passes its CRC with these keys: they are not the "
                                       "keys this partition was encrypted with")
                                  : tr("no entry passes its CRC: the partition looks encrypted; "
                                       "give its nvs_keys partition (--keys)"));
    }
    if (std::none_of(dump.pages.cbegin(), dump.pages.cend(),
                     [](const PageInfo &p) { return p.state == PageEmpty; })
        && dump.pages.size() >= 3)
        dump.problems.append(tr("no page is empty: NVS needs one free page to work"));
    return dump;
}

} // namespace Forgeline::Image::Nvs
