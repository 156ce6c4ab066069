// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON shape of an inspection, as `forgeline-cli image info --json` prints it (docs/cli.md
// documents it; the CLI tests hold it byte for byte).
#include "core/image/imageinspector.h"

#include <QJsonArray>

#include <cmath>

namespace Forgeline::Image {

namespace {

QString hex32(quint32 v) { return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0')); }

} // namespace

QJsonObject inspectionToJson(const ImageInspection &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), imageKindName(r.kind));
    o.insert(QStringLiteral("size"), double(r.size));
    o.insert(QStringLiteral("summary"), r.summary);
    o.insert(QStringLiteral("ok"), r.ok());
    o.insert(QStringLiteral("entropy"), std::round(r.entropy * 1000.0) / 1000.0);
    const QString chip = r.chipKey();
    o.insert(QStringLiteral("chip"), chip.isEmpty() ? QJsonValue() : QJsonValue(chip));
    if (r.image) {
        const AppImage &img = *r.image;
        o.insert(QStringLiteral("chipId"), int(img.chipId));
        o.insert(QStringLiteral("entry"), hex32(img.entry));
        QJsonArray segs;
        for (const ImageSegment &s : img.segments) {
            segs.append(QJsonObject{{QStringLiteral("load"), hex32(s.load)},
                                    {QStringLiteral("length"), double(s.length)},
                                    {QStringLiteral("fileOffset"), double(s.fileOffset)},
                                    {QStringLiteral("region"), s.region},
                                    {QStringLiteral("truncated"), s.truncated}});
        }
        o.insert(QStringLiteral("segments"), segs);
        o.insert(QStringLiteral("checksumValid"), img.checksumValid);
        o.insert(QStringLiteral("sha256Valid"),
                 img.sha256Valid ? QJsonValue(*img.sha256Valid) : QJsonValue());
        o.insert(QStringLiteral("sha256"),
                 img.storedSha256.isEmpty()
                     ? QJsonValue()
                     : QJsonValue(QString::fromLatin1(img.storedSha256.toHex())));
        o.insert(QStringLiteral("minChipRevision"), int(img.minRevisionFull));
        o.insert(QStringLiteral("maxChipRevision"), int(img.maxRevisionFull));
        o.insert(QStringLiteral("flashMode"), img.flashModeName());
        o.insert(QStringLiteral("flashSize"), img.flashSizeName());
        o.insert(QStringLiteral("imageLength"), double(img.length));
        QJsonArray sigs;
        for (const SignatureBlock &s : img.signatures) {
            sigs.append(QJsonObject{
                {QStringLiteral("index"), s.index},
                {QStringLiteral("algorithm"), s.algorithm()},
                {QStringLiteral("crcValid"), s.crcValid},
                {QStringLiteral("digestMatches"), s.digestMatches},
                {QStringLiteral("verified"), s.verified ? QJsonValue(*s.verified) : QJsonValue()}});
        }
        o.insert(QStringLiteral("signatures"), sigs);
    } else {
        o.insert(QStringLiteral("entry"), QJsonValue());
        o.insert(QStringLiteral("segments"), QJsonArray());
        o.insert(QStringLiteral("checksumValid"), QJsonValue());
        o.insert(QStringLiteral("sha256Valid"), QJsonValue());
        o.insert(QStringLiteral("minChipRevision"), QJsonValue());
    }
    if (r.image && r.image->appDesc) {
        const AppDescriptor &d = *r.image->appDesc;
        o.insert(
            QStringLiteral("appDesc"),
            QJsonObject{{QStringLiteral("projectName"), d.projectName},
                        {QStringLiteral("version"), d.version},
                        {QStringLiteral("idfVersion"), d.idfVersion},
                        {QStringLiteral("date"), d.date},
                        {QStringLiteral("time"), d.time},
                        {QStringLiteral("elfSha256"), QString::fromLatin1(d.elfSha256.toHex())},
                        {QStringLiteral("secureVersion"), double(d.secureVersion)}});
    } else {
        o.insert(QStringLiteral("appDesc"), QJsonValue());
    }
    if (r.image && r.image->bootloaderDesc) {
        const BootloaderDescriptor &d = *r.image->bootloaderDesc;
        o.insert(QStringLiteral("bootloaderDesc"),
                 QJsonObject{{QStringLiteral("version"), double(d.version)},
                             {QStringLiteral("idfVersion"), d.idfVersion},
                             {QStringLiteral("dateTime"), d.dateTime}});
    }
    if (r.preEncrypted) {
        o.insert(QStringLiteral("preEncrypted"),
                 QJsonObject{{QStringLiteral("scheme"), r.preEncrypted->schemeName()},
                             {QStringLiteral("binSize"), double(r.preEncrypted->binSize)}});
    } else {
        o.insert(QStringLiteral("preEncrypted"), QJsonValue());
    }
    if (r.partitionTable)
        o.insert(QStringLiteral("partitions"), int(r.partitionTable->partitions.size()));
    if (r.kind == ImageKind::Nvs)
        o.insert(QStringLiteral("nvsPages"), r.nvsPages);
    o.insert(QStringLiteral("failures"), QJsonArray::fromStringList(r.failures));
    o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings));
    if (!r.explanation.isEmpty())
        o.insert(QStringLiteral("explanation"), r.explanation);
    return o;
}

} // namespace Forgeline::Image
