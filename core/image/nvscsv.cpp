// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/nvscsv.h"

#include "core/image/nvsformat.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <limits>

namespace Forgeline::Image::Nvs {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Forgeline::Image::Nvs", text); }

Error csvError(int line, int column, const QString &what)
{
    const QString where
        = column > 0 ? tr("line %1, column %2").arg(line).arg(column) : tr("line %1").arg(line);
    return Error::make(QStringLiteral("nvs.csv"), QStringLiteral("%1: %2").arg(where, what), {},
                       tr("Fix the CSV; nothing was written."));
}

struct Field
{
    QString text;
    int column = 0; // 1-based
};

// One physical line split the way Python's csv module (excel dialect) does it for a line that
// has no line break inside quotes: commas separate, "..." quotes with "" as an escaped quote.
Result<QList<Field>> splitLine(const QString &line, int lineNumber)
{
    QList<Field> fields;
    Field cur;
    cur.column = 1;
    bool quoted = false;
    bool inQuotes = false;
    int quoteColumn = 0;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    cur.text += c;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                cur.text += c;
            }
        } else if (c == QLatin1Char(',')) {
            fields.append(cur);
            cur = Field{};
            cur.column = i + 2;
            quoted = false;
        } else if (c == QLatin1Char('"') && cur.text.isEmpty() && !quoted) {
            inQuotes = true;
            quoted = true;
            quoteColumn = i + 1;
        } else {
            cur.text += c;
        }
    }
    if (inQuotes)
        return csvError(lineNumber, quoteColumn, tr("the quoted field is not closed on this line"));
    fields.append(cur);
    return fields;
}

const QStringList &encodings()
{
    static const QStringList list = {QStringLiteral("u8"),
                                     QStringLiteral("i8"),
                                     QStringLiteral("u16"),
                                     QStringLiteral("i16"),
                                     QStringLiteral("u32"),
                                     QStringLiteral("i32"),
                                     QStringLiteral("u64"),
                                     QStringLiteral("i64"),
                                     QStringLiteral("string"),
                                     QStringLiteral("hex2bin"),
                                     QStringLiteral("base64"),
                                     QStringLiteral("binary"),
                                     QStringLiteral("blob_fill(N;0xPP)"),
                                     QStringLiteral("blob_sz_fill(N;0xPP)")};
    return list;
}

quint8 primitiveType(const QString &encoding)
{
    static const QHash<QString, quint8> map
        = {{QStringLiteral("u8"), U8},   {QStringLiteral("i8"), I8},   {QStringLiteral("u16"), U16},
           {QStringLiteral("i16"), I16}, {QStringLiteral("u32"), U32}, {QStringLiteral("i32"), I32},
           {QStringLiteral("u64"), U64}, {QStringLiteral("i64"), I64}};
    return map.value(encoding, 0);
}

// Python's int() on the value: decimal, optional sign, surrounding whitespace, '_' between
// digits. The generator reads no hex here.
Result<quint64> parsePrimitive(const CsvRow &row, const QString &text, quint8 type)
{
    QString t = text.trimmed();
    const int column = row.valueColumn;
    static const QRegularExpression decimal(QStringLiteral("^[+-]?[0-9]+(_[0-9]+)*$"));
    if (!decimal.match(t).hasMatch())
        return csvError(row.line, column,
                        tr("'%1' is not a decimal number (%2 values are written in decimal)")
                            .arg(text, typeName(type)));
    t.remove(QLatin1Char('_'));
    const bool negative = t.startsWith(QLatin1Char('-'));
    bool ok = false;
    const int bits = primitiveSize(type) * 8;
    const QString outOfRange = tr("%1 is out of range for %2").arg(t, typeName(type));
    if (isSigned(type)) {
        const qint64 v = t.toLongLong(&ok);
        const qint64 lo
            = bits == 64 ? std::numeric_limits<qint64>::min() : -(qint64(1) << (bits - 1));
        const qint64 hi
            = bits == 64 ? std::numeric_limits<qint64>::max() : (qint64(1) << (bits - 1)) - 1;
        if (!ok || v < lo || v > hi)
            return csvError(row.line, column, outOfRange);
        return quint64(v) & (bits == 64 ? ~quint64(0) : ((quint64(1) << bits) - 1));
    }
    if (negative && t.mid(1).toULongLong() != 0)
        return csvError(row.line, column, outOfRange);
    const quint64 v = (negative ? t.mid(1) : t).toULongLong(&ok);
    if (!ok || (bits < 64 && v >= (quint64(1) << bits)))
        return csvError(row.line, column, outOfRange);
    return v;
}

Result<QByteArray> decodeHex(const CsvRow &row, const QString &text)
{
    const QString t = text.trimmed();
    if (t.size() % 2 != 0)
        return csvError(row.line, row.valueColumn,
                        tr("hex2bin data has an odd number of digits (%1)").arg(t.size()));
    for (int i = 0; i < t.size(); ++i) {
        if (!isxdigit(t.at(i).toLatin1()))
            return csvError(row.line, row.valueColumn + i,
                            tr("'%1' is not a hex digit").arg(t.at(i)));
    }
    return QByteArray::fromHex(t.toLatin1());
}

Result<QByteArray> decodeBase64(const CsvRow &row, const QString &text)
{
    QByteArray t = text.toLatin1();
    t.replace(' ', QByteArray())
        .replace('\t', QByteArray())
        .replace('\r', QByteArray())
        .replace('\n', QByteArray());
    const auto decoded = QByteArray::fromBase64Encoding(t, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || (t.size() % 4) != 0)
        return csvError(row.line, row.valueColumn, tr("the value is not valid base64"));
    return decoded.decoded;
}

// blob_fill(N;0xPP) and blob_sz_fill(N;0xPP): the value's UTF-8 bytes padded to N bytes with
// PP, the second form prefixed with the value's length as a little-endian u32.
Result<QByteArray> fillBlob(const CsvRow &row, const QString &encoding, const QByteArray &value)
{
    static const QRegularExpression re(
        QStringLiteral("^(blob_fill|blob_sz_fill)\\((\\d+);0x([0-9a-fA-F]{2})\\)$"));
    const auto m = re.match(encoding);
    if (!m.hasMatch())
        return csvError(
            row.line, row.encodingColumn,
            tr("'%1' is not a valid fill encoding; write blob_fill(16;0xff)").arg(encoding));
    bool ok = false;
    const qint64 length = m.captured(2).toLongLong(&ok);
    if (!ok || length > 1 << 20)
        return csvError(row.line, row.encodingColumn, tr("the fill length is too large"));
    if (value.size() > length)
        return csvError(row.line, row.valueColumn,
                        tr("the value is %1 bytes, longer than the fill length %2")
                            .arg(value.size())
                            .arg(length));
    const char pad = char(m.captured(3).toUInt(nullptr, 16));
    QByteArray out;
    if (m.captured(1) == QLatin1String("blob_sz_fill")) {
        out.resize(4);
        writeLe32(out.data(), quint32(value.size()));
    }
    out += value;
    out += QByteArray(length - value.size(), pad);
    return out;
}

// The value of a row as text or bytes after placeholders: an exact "{name}" yields the bytes
// (`exact` set), otherwise names inside the text are replaced.
QString substitute(const QString &value, const QHash<QString, QByteArray> &placeholders,
                   const QByteArray **exact)
{
    *exact = nullptr;
    if (placeholders.isEmpty())
        return value;
    const QString trimmed = value.trimmed();
    if (trimmed.startsWith(QLatin1Char('{')) && trimmed.endsWith(QLatin1Char('}'))) {
        const auto it = placeholders.constFind(trimmed.mid(1, trimmed.size() - 2));
        if (it != placeholders.cend()) {
            *exact = &it.value();
            return value;
        }
    }
    QString out = value;
    for (auto it = placeholders.cbegin(); it != placeholders.cend(); ++it)
        out.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), QString::fromUtf8(it.value()));
    return out;
}

Result<Item> resolveRow(const CsvRow &row, const ResolveOptions &options)
{
    Item item;
    item.line = row.line;
    item.key = row.key;
    const QByteArray keyBytes = row.key.toUtf8();
    if (keyBytes.isEmpty())
        return csvError(row.line, row.keyColumn, tr("the key is empty"));
    if (keyBytes.size() > MaxKeyLength)
        return csvError(
            row.line, row.keyColumn,
            tr("key '%1' is %2 bytes; NVS keys are at most 15").arg(row.key).arg(keyBytes.size()));
    if (row.type == QLatin1String("namespace")) {
        item.kind = Item::Kind::Namespace;
        return item;
    }
    if (row.type != QLatin1String("data") && row.type != QLatin1String("file"))
        return csvError(row.line, row.typeColumn,
                        tr("type '%1' is not one of namespace, data, file").arg(row.type));
    const QString &encoding = row.encoding;
    const bool fill = encoding.startsWith(QLatin1String("blob_fill"))
                      || encoding.startsWith(QLatin1String("blob_sz_fill"));
    const quint8 primitive = primitiveType(encoding);
    if (!fill && !primitive && !encodings().contains(encoding))
        return csvError(row.line, row.encodingColumn,
                        tr("unknown encoding '%1' (use one of %2)")
                            .arg(encoding, encodings().join(QStringLiteral(", "))));

    const QByteArray *exact = nullptr;
    const QString value = substitute(row.value, options.placeholders, &exact);
    QByteArray data; // the row's bytes: the file's contents or the value text
    bool dataIsDecoded = false;
    if (exact) {
        data = *exact;
        dataIsDecoded = true;
    } else if (row.type == QLatin1String("file")) {
        const QString path = QDir(options.baseDirectory).filePath(value);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return csvError(row.line, row.valueColumn,
                            tr("cannot read file '%1': %2").arg(value, f.errorString()));
        data = f.readAll();
    } else {
        data = value.toUtf8();
    }

    if (primitive) {
        auto v = parsePrimitive(row, QString::fromUtf8(data), primitive);
        if (!v)
            return v.error();
        item.kind = Item::Kind::Primitive;
        item.type = primitive;
        item.raw = *v;
        return item;
    }
    if (encoding == QLatin1String("string")) {
        item.kind = Item::Kind::String;
        item.bytes = data + '\0';
        return item;
    }
    item.kind = Item::Kind::Blob;
    if (fill) {
        auto b = fillBlob(row, encoding, data);
        if (!b)
            return b.error();
        item.bytes = *b;
    } else if (encoding == QLatin1String("hex2bin") && !dataIsDecoded) {
        auto b = decodeHex(row, QString::fromUtf8(data));
        if (!b)
            return b.error();
        item.bytes = *b;
    } else if (encoding == QLatin1String("base64") && !dataIsDecoded) {
        auto b = decodeBase64(row, QString::fromUtf8(data));
        if (!b)
            return b.error();
        item.bytes = *b;
    } else {
        item.bytes = data;
    }
    return item;
}

} // namespace

Result<QList<CsvRow>> parseCsv(const QString &text)
{
    QList<CsvRow> rows;
    const QStringList lines = text.split(QLatin1Char('\n'));
    QHash<QString, int> columns; // header name -> field index
    bool haveHeader = false;
    for (int n = 0; n < lines.size(); ++n) {
        QString line = lines.at(n);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const int lineNumber = n + 1;
        if (line.startsWith(QLatin1Char('#')) || line.trimmed().isEmpty())
            continue;
        auto fields = splitLine(line, lineNumber);
        if (!fields)
            return fields.error();
        if (!haveHeader) {
            for (int i = 0; i < fields->size(); ++i)
                columns.insert(fields->at(i).text.trimmed().toLower(), i);
            for (const char *name : {"key", "type", "encoding", "value"}) {
                if (!columns.contains(QLatin1String(name)))
                    return csvError(lineNumber, 0,
                                    tr("the header row has no '%1' column; the first row must "
                                       "be key,type,encoding,value")
                                        .arg(QLatin1String(name)));
            }
            haveHeader = true;
            continue;
        }
        CsvRow row;
        row.line = lineNumber;
        const auto field = [&](const char *name, QString *text, int *column) {
            const int i = columns.value(QLatin1String(name));
            if (i < fields->size()) {
                *text = fields->at(i).text;
                *column = fields->at(i).column;
            } else {
                *column = int(line.size()) + 1;
            }
        };
        field("key", &row.key, &row.keyColumn);
        field("type", &row.type, &row.typeColumn);
        field("encoding", &row.encoding, &row.encodingColumn);
        field("value", &row.value, &row.valueColumn);
        const int needed = row.type == QLatin1String("namespace")
                               ? columns.value(QStringLiteral("type"))
                               : std::max({columns.value(QStringLiteral("key")),
                                           columns.value(QStringLiteral("type")),
                                           columns.value(QStringLiteral("encoding")),
                                           columns.value(QStringLiteral("value"))});
        if (needed >= fields->size())
            return csvError(lineNumber, int(line.size()) + 1,
                            tr("the row has %1 fields; it needs %2 (key,type,encoding,value)")
                                .arg(fields->size())
                                .arg(needed + 1));
        rows.append(row);
    }
    if (!haveHeader)
        return Error::make(QStringLiteral("nvs.csv"),
                           tr("The CSV is empty: it needs the header row key,type,encoding,value"));
    return rows;
}

Result<QList<Item>> resolveCsv(const QList<CsvRow> &rows, const ResolveOptions &options)
{
    QList<Item> items;
    bool haveNamespace = false;
    for (const CsvRow &row : rows) {
        auto item = resolveRow(row, options);
        if (!item)
            return item.error();
        if (item->kind == Item::Kind::Namespace) {
            haveNamespace = true;
        } else if (!haveNamespace) {
            return csvError(row.line, row.keyColumn,
                            tr("'%1' comes before any namespace row").arg(row.key));
        }
        items.append(std::move(*item));
    }
    return items;
}

Result<QList<Item>> readCsv(const QString &text, const ResolveOptions &options)
{
    auto rows = parseCsv(text);
    if (!rows)
        return rows.error();
    return resolveCsv(*rows, options);
}

QStringList placeholdersIn(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("\\{([a-z_]+)\\}"));
    QStringList names;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

} // namespace Forgeline::Image::Nvs
