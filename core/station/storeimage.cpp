// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/storeimage.h"

#include "core/image/nvscsv.h"
#include "core/image/nvsformat.h"
#include "core/image/nvskeys.h"
#include "core/image/nvswriter.h"
#include "core/image/securecert.h"

#include <QCoreApplication>

namespace Forgeline::Station {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Station::StoreImage)
};

Result<StoreImages> buildNvs(const FlashItem &item, const BoardValues &values,
                             quint32 partitionSize)
{
    Image::Nvs::ResolveOptions options;
    options.baseDirectory = item.nvsBaseDir;
    options.placeholders.insert(QStringLiteral("certificate"), values.certificate);
    options.placeholders.insert(QStringLiteral("key"), values.privateKey);
    options.placeholders.insert(QStringLiteral("mac"), values.mac.toUtf8());
    options.placeholders.insert(QStringLiteral("pair"), values.pairId.toUtf8());
    auto items = Image::Nvs::readCsv(item.nvsCsv, options);
    if (!items)
        return items.error();

    Image::Nvs::WriteOptions write;
    write.size = partitionSize;
    write.version = item.nvsVersion == 1 ? Image::Nvs::Version1 : Image::Nvs::Version2;
    StoreImages out;
    if (!item.keysPartition.isEmpty()) {
        auto keys = item.keysFile.isEmpty() ? Image::Nvs::Keys::generate()
                                            : Image::Nvs::Keys::load(item.keysFile);
        if (!keys)
            return keys.error();
        write.encryption = *keys;
        out.keysImage = keys->toPartitionImage();
    }
    auto image = Image::Nvs::writeImage(*items, write);
    if (!image)
        return image.error();
    out.image = image->bytes;
    out.summary = Tr::tr("NVS v%1, %2 data pages%3")
                      .arg(item.nvsVersion)
                      .arg(image->dataPages)
                      .arg(out.keysImage ? Tr::tr(", encrypted") : QString());
    return out;
}

Result<StoreImages> buildSecureCert(const FlashItem &item, const BoardValues &values,
                                    quint32 partitionSize)
{
    Image::SecureCert::GenerateInput in;
    in.deviceCert = values.certificate;
    in.privateKey = values.privateKey;
    in.caCert = item.secureCertCa;
    // The whole partition: a stale record after ours would otherwise still parse.
    in.size = partitionSize;
    auto image = Image::SecureCert::generate(in);
    if (!image)
        return image.error();
    StoreImages out;
    out.image = *image;
    out.summary
        = item.secureCertCa.isEmpty()
              ? Tr::tr("esp_secure_cert TLV: device certificate, private key")
              : Tr::tr("esp_secure_cert TLV: CA certificate, device certificate, private key");
    return out;
}

} // namespace

Result<StoreImages> buildStoreImage(const FlashItem &item, const BoardValues &values,
                                    quint32 partitionSize)
{
    if (item.source == FlashItem::Source::Nvs)
        return buildNvs(item, values, partitionSize);
    if (item.source == FlashItem::Source::SecureCert)
        return buildSecureCert(item, values, partitionSize);
    return Error::make(QStringLiteral("station.store"),
                       Tr::tr("This flash item is not a certificate store."));
}

} // namespace Forgeline::Station
