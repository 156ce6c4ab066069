// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace Forgeline::Image::Nvs {

// One value to store, already decoded from its CSV encoding.
struct Item
{
    enum class Kind { Namespace, Primitive, String, Blob };
    Kind kind = Kind::Primitive;
    QString key;      // namespace name for Kind::Namespace
    quint8 type = 0;  // nvs Type for primitives
    quint64 raw = 0;  // primitive value, two's complement in `primitiveSize(type)` bytes
    QByteArray bytes; // string (with its NUL) or blob bytes
    int line = 0;     // CSV line it came from, 0 when built in code
};

// A row of the generator's CSV (header `key,type,encoding,value`; `#` lines are comments).
struct CsvRow
{
    int line = 0;
    QString key, type, encoding, value;
    int keyColumn = 0, typeColumn = 0, encodingColumn = 0, valueColumn = 0;
};

// Splits the CSV into rows. Errors name the line and column ("line 4, column 12: ...").
Result<QList<CsvRow>> parseCsv(const QString &text);

struct ResolveOptions
{
    QString baseDirectory; // `file` rows are relative to this (the generator uses its cwd)
    // Per-board values: a value that is exactly "{name}" takes these bytes as the data itself
    // (for any encoding, and in place of a `file` path); "{name}" inside a longer text value
    // is replaced by the bytes as UTF-8 text.
    QHash<QString, QByteArray> placeholders;
};

// Turns rows into items the way the generator reads them: namespace/data/file rows; u8..i64
// (decimal), string (stored with a NUL), hex2bin, base64, binary, blob_fill(N;0xPP),
// blob_sz_fill(N;0xPP). Every problem is an error with its line and column.
Result<QList<Item>> resolveCsv(const QList<CsvRow> &rows, const ResolveOptions &options = {});

// parseCsv + resolveCsv.
Result<QList<Item>> readCsv(const QString &text, const ResolveOptions &options = {});

// Placeholders named in a CSV text ("certificate", "key", ...), for checking a recipe early.
QStringList placeholdersIn(const QString &text);

} // namespace Forgeline::Image::Nvs
