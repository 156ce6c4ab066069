// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image/nvsformat.h"
#include "core/image/nvskeys.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Forgeline::Image::Nvs {

struct PageInfo
{
    int index = 0;     // position in the partition
    quint32 state = 0; // header word 0
    QString stateName; // "empty", "active", "full", "freeing", "corrupt", "invalid", "0x..."
    quint32 seq = 0;
    quint8 version = 0; // Version1 / Version2 (0xFF / 0xFE)
    bool headerCrcOk = true;
};

struct Entry
{
    // "written"; "erased" (deleted, still readable); "crc-error" (header or data CRC fails:
    // the firmware drops it); "half-written" (bytes present but the bitmap never marked it
    // written: an interrupted write); "illegal" (bitmap state 01); "incomplete" (a blob with a
    // chunk missing).
    QString state;
    int page = -1;
    int index = -1; // first entry slot on that page
    quint8 namespaceIndex = 0;
    QString namespaceName;
    QString key;
    quint8 type = 0; // the item type (BlobIndex for a format-2 blob)
    quint8 span = 0;
    quint8 chunkIndex = ChunkAny;
    quint8 chunkCount = 0; // format-2 blob index: chunks it names, from chunkStart
    quint8 chunkStart = 0;
    qint64 length = 0; // stored size: strings include their NUL
    QByteArray value;  // value bytes: little-endian for numbers, strings without the NUL
    bool valueKnown = false;
    QString problem; // why it is not "written"

    bool isNumber() const;
    qint64 signedNumber() const;
    quint64 unsignedNumber() const;
    QString typeName() const; // u8..i64, string, blob (both blob forms), or the raw type
};

struct NamespaceInfo
{
    quint8 index = 0;
    QString name;
};

struct Dump
{
    QList<PageInfo> pages;
    QList<NamespaceInfo> namespaces;
    QList<Entry> entries; // in flash order; format-2 blobs appear once, at their index entry
    QStringList problems; // everything nvs_check would flag, one sentence each
    bool decrypted = false;
    bool looksEncrypted = false; // entries fail their CRC the way encrypted ones do

    bool hasProblems() const { return !problems.isEmpty(); }
    const Entry *find(const QString &ns, const QString &key) const; // newest written entry
};

// Reads every page of an NVS partition image (decrypting entries when keys are given). Never
// fails and never skips: damaged pages, bad CRCs, erased and half-written entries and missing
// blob chunks are listed as such, with a sentence in `problems`.
Dump readImage(const QByteArray &image, const std::optional<Keys> &keys = std::nullopt);

} // namespace Forgeline::Image::Nvs
