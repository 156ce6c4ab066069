// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/nvswriter.h"

#include "core/common/translations.h"

#include <QCoreApplication>
#include <QHash>

#include <limits>

namespace Forgeline::Image::Nvs {

namespace {

QString tr(const char *text)
{
    return Translations::translateFirst({"Forgeline::Image::Nvs::Builder", "Forgeline::Image::Nvs"},
                                        text);
}

Error lineError(const Item &item, const QString &what)
{
    const QString where = item.line > 0 ? tr("line %1: ").arg(item.line) : QString();
    return Error::make(QStringLiteral("nvs.value"), where + what, {},
                       tr("Fix the CSV; nothing was written."));
}

// Thrown-free signal that the page budget ran out; the caller turns it into "needs N pages".
struct OutOfPages
{};

// The generator's page-by-page writer. Each decision below mirrors nvs_partition_gen.py
// because byte identity with it is the contract; ESP-IDF itself would pack some values
// tighter (it fills a page to the last entry, the generator moves on one entry earlier).
class Builder
{
public:
    Builder(quint8 version, const std::optional<Keys> &keys, int pageBudget)
        : m_version(version), m_keys(keys), m_budget(pageBudget)
    {}

    bool ranOut() const { return m_ranOut; }
    QStringList warnings() const { return m_warnings; }
    int pages() const { return int(m_pages.size()); }
    QByteArray bytes() const { return m_pages.join(); }

    Result<void> start() { return newPage() ? Result<void>() : outOfPages(); }

    Result<void> add(const Item &item)
    {
        switch (item.kind) {
        case Item::Kind::Namespace: return addNamespace(item);
        case Item::Kind::Primitive: return addPrimitive(item, m_namespace, item.type, item.raw);
        case Item::Kind::String:
        case Item::Kind::Blob: return addVarlen(item);
        }
        return {};
    }

private:
    Result<void> outOfPages()
    {
        m_ranOut = true;
        return Error::make(QStringLiteral("nvs.size"), QStringLiteral("out of pages"));
    }

    QByteArray &page() { return m_pages.last(); }

    // A new page with its header; the page before becomes FULL.
    bool newPage()
    {
        if (!m_pages.isEmpty() && readLe32(page().constData()) == PageActive)
            writeLe32(page().data(), PageFull);
        if (pages() >= m_budget)
            return false;
        QByteArray p(PageSize, '\xFF');
        writeLe32(p.data(), PageActive);
        writeLe32(p.data() + 4, quint32(pages()));
        p[8] = char(m_version);
        writeLe32(p.data() + 28, pageHeaderCrc(QByteArrayView(p).first(HeaderSize)));
        m_pages.append(p);
        m_entry = 0;
        return true;
    }

    // Writes `data` (a header or value bytes, padded with 0xFF to whole entries) at the
    // current entry and marks `count` entries written in the bitmap.
    void put(const QByteArray &data, int count)
    {
        QByteArray padded = data;
        padded.append(QByteArray(count * EntrySize - data.size(), '\xFF'));
        const int pageIndex = pages() - 1;
        for (int i = 0; i < count; ++i) {
            const int offset = FirstEntryOffset + (m_entry + i) * EntrySize;
            QByteArray entry = padded.mid(i * EntrySize, EntrySize);
            if (m_keys)
                entry = encryptEntry(*m_keys, quint32(pageIndex * PageSize + offset), entry);
            page().replace(offset, EntrySize, entry);
            const int bit = (m_entry + i) * 2;
            page()[BitmapOffset + bit / 8]
                = char(uchar(page().at(BitmapOffset + bit / 8)) & ~(1u << (bit % 8)));
        }
        m_entry += count;
    }

    static QByteArray header(quint8 ns, quint8 type, quint8 span, quint8 chunk, const QString &key)
    {
        QByteArray h(EntrySize, '\xFF');
        h[0] = char(ns);
        h[1] = char(type);
        h[2] = char(span);
        h[3] = char(chunk);
        const QByteArray k = key.toUtf8();
        h.replace(8, KeyFieldSize, QByteArray(KeyFieldSize, '\0'));
        h.replace(8, k.size(), k);
        return h;
    }

    static void seal(QByteArray &h) { writeLe32(h.data() + 4, entryCrc(h)); }

    Result<void> addNamespace(const Item &item)
    {
        if (const auto it = m_namespaces.constFind(item.key); it != m_namespaces.cend()) {
            // The generator writes no second entry, and its values keep going to the namespace
            // created last (it uses its namespace count, not the re-selected index). Same bytes
            // are the contract, so say so instead of silently filing values elsewhere.
            if (it.value() != m_namespace)
                m_warnings.append(tr("line %1: namespace '%2' appears again; as with Espressif's "
                                     "generator, the values after it stay in namespace '%3'")
                                      .arg(item.line)
                                      .arg(item.key, m_namespaces.key(m_namespace)));
            return {};
        }
        if (m_namespaces.size() >= 254)
            return lineError(item, tr("more than 254 namespaces"));
        const quint8 index = quint8(m_namespaces.size() + 1);
        m_namespaces.insert(item.key, index);
        m_namespace = index;
        return addPrimitive(item, 0, U8, index);
    }

    Result<void> addPrimitive(const Item &item, quint8 ns, quint8 type, quint64 raw)
    {
        if (m_entry >= EntriesPerPage && !newPage())
            return outOfPages();
        QByteArray h = header(ns, type, 1, ChunkAny, item.key);
        for (int i = 0; i < primitiveSize(type); ++i)
            h[24 + i] = char((raw >> (8 * i)) & 0xFF);
        seal(h);
        put(h, 1);
        return {};
    }

    Result<void> addVarlen(const Item &item)
    {
        const bool isString = item.kind == Item::Kind::String;
        const qsizetype length = item.bytes.size();
        const bool limited = m_version == Version1 || isString;
        if (limited && length > maxSinglePageValue(m_version))
            return lineError(item, tr("'%1' is %2 bytes; a %3 holds at most %4 bytes in NVS "
                                      "format %5")
                                       .arg(item.key)
                                       .arg(length)
                                       .arg(isString ? tr("string") : tr("blob"))
                                       .arg(maxSinglePageValue(m_version))
                                       .arg(m_version == Version1 ? 1 : 2));
        const int dataEntries = int((length + EntrySize - 1) / EntrySize);
        const int total = dataEntries + 1;
        const bool chunked = m_version == Version2 && !isString;
        // Even an empty page cannot take it: the generator wants one entry to spare.
        if (!chunked && total >= EntriesPerPage)
            return lineError(item, tr("'%1' is %2 bytes, too long for one NVS page (at most "
                                      "%3 bytes)")
                                       .arg(item.key)
                                       .arg(length)
                                       .arg((EntriesPerPage - 2) * EntrySize));
        // The generator opens a new page when the value would reach the page's last entry.
        if (m_entry >= EntriesPerPage || (m_entry + total >= EntriesPerPage && !chunked)) {
            if (!newPage())
                return outOfPages();
        }
        if (chunked)
            return addChunkedBlob(item);
        QByteArray h
            = header(m_namespace, isString ? Str : BlobV1, quint8(total), ChunkAny, item.key);
        writeLe16(h.data() + 24, quint16(length));
        writeLe32(h.data() + 28, espCrc32(item.bytes));
        seal(h);
        put(h, 1);
        put(item.bytes, dataEntries);
        return {};
    }

    // Format 2 blob: data chunks that fill each page up to one entry short, then the index.
    Result<void> addChunkedBlob(const Item &item)
    {
        const qsizetype length = item.bytes.size();
        if (length > std::numeric_limits<quint32>::max())
            return lineError(item, tr("'%1' is too large").arg(item.key));
        qsizetype offset = 0;
        qsizetype remaining = length;
        int chunks = 0;
        while (true) {
            const int tailroom = (EntriesPerPage - m_entry - 1) * EntrySize;
            const int chunkSize = int(std::min<qsizetype>(tailroom, remaining));
            remaining -= chunkSize;
            const int chunkEntries = (chunkSize + EntrySize - 1) / EntrySize;
            if (chunks > 253)
                return lineError(item, tr("'%1' needs more than 254 chunks").arg(item.key));
            QByteArray h
                = header(m_namespace, BlobData, quint8(chunkEntries + 1), quint8(chunks), item.key);
            const QByteArray chunk = item.bytes.mid(offset, chunkSize);
            writeLe16(h.data() + 24, quint16(chunkSize));
            writeLe32(h.data() + 28, espCrc32(chunk));
            seal(h);
            put(h, 1);
            put(chunk, chunkEntries);
            ++chunks;
            if ((remaining || tailroom - chunkSize < EntrySize) && !newPage())
                return outOfPages();
            offset += chunkSize;
            if (!remaining)
                break;
        }
        QByteArray index = header(m_namespace, BlobIndex, 1, ChunkAny, item.key);
        writeLe32(index.data() + 24, quint32(length));
        index[28] = char(chunks);
        index[29] = 0; // chunk start: a fresh image always starts at chunk 0
        seal(index);
        put(index, 1);
        return {};
    }

    quint8 m_version;
    std::optional<Keys> m_keys;
    int m_budget;
    QList<QByteArray> m_pages;
    int m_entry = 0;
    bool m_ranOut = false;
    QHash<QString, quint8> m_namespaces;
    quint8 m_namespace = 0;
    QStringList m_warnings;
};

// Runs the builder; returns its error, or sets *pages to the pages used.
Result<Builder> build(const QList<Item> &items, quint8 version, const std::optional<Keys> &keys,
                      int budget)
{
    Builder b(version, keys, budget);
    if (auto r = b.start(); !r)
        return r.error();
    for (const Item &item : items) {
        if (auto r = b.add(item); !r)
            return r.error();
    }
    return b;
}

} // namespace

Result<int> pagesNeeded(const QList<Item> &items, quint8 version)
{
    auto b = build(items, version, std::nullopt, std::numeric_limits<int>::max());
    if (!b)
        return b.error();
    return b->pages() + 1;
}

Result<WrittenImage> writeImage(const QList<Item> &items, const WriteOptions &options)
{
    if (options.version != Version1 && options.version != Version2)
        return Error::make(QStringLiteral("nvs.version"),
                           tr("The NVS format version must be 1 or 2"));
    if (options.size == 0 || options.size % PageSize != 0)
        return Error::make(QStringLiteral("nvs.size"),
                           tr("The NVS partition size must be a non-zero multiple of 4096 "
                              "(0x1000) bytes; %1 is not")
                               .arg(options.size));
    if (options.encryption && !options.encryption->isValid())
        return Error::make(QStringLiteral("nvs.keys"), tr("The NVS encryption keys are not valid"));
    const int totalPages = int(options.size / PageSize);
    // As the generator: under 3 pages there is no room for the free page NVS keeps, so the
    // image is read-only and every page may hold data.
    const bool readOnly = totalPages < 3;
    const int budget = readOnly ? totalPages : totalPages - 1;
    auto b = build(items, options.version, options.encryption, budget);
    if (!b) {
        if (b.error().code != QLatin1String("nvs.size"))
            return b.error();
        auto needed = pagesNeeded(items, options.version);
        const int n = needed ? *needed : totalPages + 1;
        return Error::make(QStringLiteral("nvs.size"),
                           tr("The values need %1 pages (0x%2 bytes: %3 with entries and one "
                              "kept free); the partition has %4 (0x%5 bytes)")
                               .arg(n)
                               .arg(quint32(n) * PageSize, 0, 16)
                               .arg(n - 1)
                               .arg(totalPages)
                               .arg(options.size, 0, 16),
                           {},
                           tr("Give a larger --size or store fewer values; nothing was written."));
    }
    WrittenImage out;
    out.dataPages = b->pages();
    out.readOnly = readOnly;
    out.warnings = b->warnings();
    out.bytes = b->bytes();
    if (!readOnly)
        out.bytes.append(QByteArray(qsizetype(options.size) - out.bytes.size(), '\xFF'));
    return out;
}

} // namespace Forgeline::Image::Nvs
