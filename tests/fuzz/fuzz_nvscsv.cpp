// SPDX-License-Identifier: GPL-3.0-or-later
// A user's NVS CSV (the generator's format), then the writer and the reader on what it gives.
#include "core/image/nvscsv.h"
#include "core/image/nvsreader.h"
#include "core/image/nvswriter.h"

#include <QSet>
#include <cstdint>

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline::Image::Nvs;
    if (size > 16384)
        return 0;
    auto rows = parseCsv(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!rows)
        return 0;
    // `file` rows would read whatever path the input names (/dev/zero); keep them out.
    // A key repeated in one namespace is written as it comes (as Espressif's generator does) and
    // the reader rightly reports the duplicate, so the round-trip invariant holds for unique keys.
    QList<CsvRow> kept;
    QSet<QString> seen;
    QString space;
    for (const CsvRow &r : std::as_const(*rows)) {
        if (r.type == QLatin1String("namespace"))
            space = r.key;
        else if (seen.contains(space + QLatin1Char('/') + r.key))
            continue;
        else
            seen.insert(space + QLatin1Char('/') + r.key);
        if (r.type != QLatin1String("file"))
            kept.append(r);
    }
    ResolveOptions options;
    options.placeholders.insert(QStringLiteral("mac"), "aa:bb:cc:dd:ee:ff");
    auto items = resolveCsv(kept, options);
    if (!items)
        return 0;
    WriteOptions w;
    w.size = 16 * 4096;
    auto image = writeImage(*items, w);
    if (!image)
        return 0;
    // What the writer makes, the reader reads without a complaint.
    const Dump d = readImage(image->bytes);
    if (!d.problems.isEmpty()) {
        for (const auto &p : d.problems)
            std::fprintf(stderr, "reader: %s\n", qPrintable(p));
        std::abort();
    }
    return 0;
}
