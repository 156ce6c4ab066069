// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/poolmanifest.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

namespace Forgeline::Station {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Station::PoolManifest)
};

} // namespace

namespace {

Error manifestError(int lineNo, const QString &what, const QString &line)
{
    return Error::make(QStringLiteral("pool.manifest"),
                       Tr::tr("manifest.csv line %1: %2").arg(lineNo).arg(what), line.left(200));
}

} // namespace

Result<QList<ManifestEntry>> parsePoolManifest(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<ManifestEntry> entries;
    QSet<QString> seen;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.contains(QLatin1Char('"')))
            return manifestError(
                lineNo, Tr::tr("quoted fields are not supported; write id,cert,key without quotes"),
                line);
        const QStringList cols = line.split(QLatin1Char(','));
        if (cols.size() < 3)
            return manifestError(lineNo, Tr::tr("a line needs id,cert,key"), line);
        ManifestEntry e{cols[0].trimmed(), cols[1].trimmed(), cols[2].trimmed()};
        if (e.id.compare(QStringLiteral("id"), Qt::CaseInsensitive) == 0) {
            // Mid-file, a header means two manifests pasted together: ask rather than guess.
            if (!entries.isEmpty() || seen.contains(QString()))
                return manifestError(
                    lineNo, Tr::tr("a header line (id,cert,key) may only be the first line"), line);
            seen.insert(QString());
            continue;
        }
        if (e.id.isEmpty() || e.cert.isEmpty() || e.key.isEmpty())
            return manifestError(lineNo, Tr::tr("id, cert and key must all be given"), line);
        if (e.cert == e.key)
            return manifestError(lineNo, Tr::tr("the certificate and the key are the same file"),
                                 line);
        if (seen.contains(e.id))
            return manifestError(lineNo, Tr::tr("the id \"%1\" appears twice").arg(e.id), line);
        seen.insert(e.id);
        entries.append(e);
    }
    return entries;
}

} // namespace Forgeline::Station
