// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/securecert.h"

#include "core/image/nvsformat.h"
#include "core/image/secretsummary.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace Forgeline::Image::SecureCert {

namespace {

using Nvs::espCrc32;
using Nvs::readLe16;
using Nvs::readLe32;
using Nvs::writeLe16;
using Nvs::writeLe32;

QString tr(const char *text)
{
    return QCoreApplication::translate("Forgeline::Image::SecureCert", text);
}

int paddingFor(int length) { return (Alignment - length % Alignment) % Alignment; }

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(len));
}

bool isPem(const QByteArray &bytes) { return bytes.contains("-----BEGIN "); }

// The tool loads the file with cryptography and writes it back out: PEM in canonical armour
// (plus the NUL the firmware's mbedTLS parser needs), DER as DER.
Result<QByteArray> encodeCertificate(const QByteArray &input, const QString &what)
{
    X509 *cert = nullptr;
    const bool pem = isPem(input);
    if (pem) {
        BIO *in = BIO_new_mem_buf(input.constData(), int(input.size()));
        cert = PEM_read_bio_X509(in, nullptr, nullptr, nullptr);
        BIO_free(in);
    } else {
        const auto *p = reinterpret_cast<const unsigned char *>(input.constData());
        cert = d2i_X509(nullptr, &p, long(input.size()));
    }
    if (!cert)
        return Error::make(QStringLiteral("securecert.cert"),
                           tr("The %1 is not a PEM or DER X.509 certificate").arg(what));
    QByteArray out;
    if (pem) {
        BIO *bio = BIO_new(BIO_s_mem());
        PEM_write_bio_X509(bio, cert);
        out = bioBytes(bio) + '\0';
        BIO_free(bio);
    } else {
        unsigned char *der = nullptr;
        const int len = i2d_X509(cert, &der);
        out = QByteArray(reinterpret_cast<const char *>(der), len);
        OPENSSL_free(der);
    }
    X509_free(cert);
    return out;
}

Result<QByteArray> encodePrivateKey(const QByteArray &input)
{
    EVP_PKEY *key = nullptr;
    const bool pem = isPem(input);
    if (pem) {
        BIO *in = BIO_new_mem_buf(input.constData(), int(input.size()));
        key = PEM_read_bio_PrivateKey(
            in, nullptr, [](char *, int, int, void *) { return 0; }, nullptr);
        BIO_free(in);
    } else {
        const auto *p = reinterpret_cast<const unsigned char *>(input.constData());
        key = d2i_AutoPrivateKey(nullptr, &p, long(input.size()));
    }
    if (!key)
        return Error::make(QStringLiteral("securecert.key"),
                           tr("The private key is not an unencrypted PEM or DER key"));
    QByteArray out;
    if (pem) {
        BIO *bio = BIO_new(BIO_s_mem());
        PEM_write_bio_PrivateKey_traditional(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
        out = bioBytes(bio) + '\0';
        BIO_free_all(bio);
    } else {
        unsigned char *der = nullptr;
        const int len = i2d_PrivateKey(key, &der);
        if (len > 0)
            out = QByteArray(reinterpret_cast<const char *>(der), len);
        OPENSSL_clear_free(der, size_t(std::max(len, 0)));
    }
    EVP_PKEY_free(key);
    if (out.isEmpty())
        return Error::make(QStringLiteral("securecert.key"),
                           tr("The private key cannot be encoded"));
    return out;
}

Partition parseTlv(const QByteArray &image)
{
    Partition part;
    part.layout = QStringLiteral("tlv");
    quint32 offset = 0;
    while (offset + HeaderSize <= quint32(image.size())
           && readLe32(image.constData() + offset) == TlvMagic) {
        Record r;
        r.offset = offset;
        const char *h = image.constData() + offset;
        r.flags = quint8(h[4]);
        r.type = quint8(h[8]);
        r.subtype = quint8(h[9]);
        r.length = readLe16(h + 10);
        const quint32 end
            = offset + HeaderSize + r.length + quint32(paddingFor(r.length)) + FooterSize;
        if (end > quint32(image.size())) {
            part.problems.append(tr("the %1 record at offset 0x%2 says %3 bytes, past the end of "
                                    "the partition")
                                     .arg(typeName(r.type))
                                     .arg(offset, 0, 16)
                                     .arg(r.length));
            part.usedBytes = offset;
            return part;
        }
        r.data = image.mid(offset + HeaderSize, r.length);
        const QByteArrayView covered
            = QByteArrayView(image).sliced(offset, end - offset - FooterSize);
        r.storedCrc = readLe32(image.constData() + end - FooterSize);
        r.computedCrc = espCrc32(covered);
        r.crcOk = r.storedCrc == r.computedCrc;
        if (!r.crcOk) {
            r.problem = tr("the %1 record (subtype %2) at offset 0x%3 fails its CRC (stored 0x%4, "
                           "computed 0x%5); the firmware will not use it")
                            .arg(typeName(r.type))
                            .arg(r.subtype)
                            .arg(offset, 0, 16)
                            .arg(r.storedCrc, 8, 16, QLatin1Char('0'))
                            .arg(r.computedCrc, 8, 16, QLatin1Char('0'));
            part.problems.append(r.problem);
        }
        if (r.type == Integrity && r.crcOk) {
            const QByteArray sha
                = QCryptographicHash::hash(image.first(offset), QCryptographicHash::Sha256);
            if (r.data != sha) {
                r.problem = tr("the integrity record at offset 0x%1 does not match the SHA-256 of "
                               "the %2 bytes before it")
                                .arg(offset, 0, 16)
                                .arg(offset);
                part.problems.append(r.problem);
            }
        }
        part.records.append(r);
        offset = end;
    }
    part.usedBytes = offset;
    const QByteArrayView rest = QByteArrayView(image).sliced(offset);
    if (std::any_of(rest.begin(), rest.end(), [](char c) { return c != '\xFF'; }))
        part.problems.append(tr("bytes after the last record at offset 0x%1 are not erased flash "
                                "(a record with a damaged header ends the list)")
                                 .arg(offset, 0, 16));
    return part;
}

// cust_flash (configure_esp_secure_cert.py --sec_cert_type cust_flash): a 64-byte metadata block
// of (CRC32 u32, length u16, 2 reserved) triples and a magic word, then fixed slots.
Partition parseLegacy(const QByteArray &image, bool ds)
{
    Partition part;
    part.layout = ds ? QStringLiteral("cust_flash_ds") : QStringLiteral("cust_flash");
    struct Slot
    {
        quint8 type;
        int metadata;
        quint32 offset;
    };
    const quint32 dev = 64, ca = dev + 2048, third = ca + 4096;
    QList<Slot> legacySlots = {{DevCert, 0, dev}, {CaCert, 8, ca}};
    legacySlots.append(ds ? Slot{DsData, 16, third} : Slot{PrivKey, 16, third});
    for (const Slot &s : std::as_const(legacySlots)) {
        Record r;
        r.type = s.type;
        r.offset = s.offset;
        r.storedCrc = readLe32(image.constData() + s.metadata);
        r.length = readLe16(image.constData() + s.metadata + 4);
        if (r.length == 0)
            continue;
        if (s.offset + r.length > quint32(image.size())) {
            part.problems.append(tr("the %1 slot says %2 bytes, past the end of the partition")
                                     .arg(typeName(s.type))
                                     .arg(r.length));
            continue;
        }
        r.data = image.mid(s.offset, r.length);
        r.computedCrc = espCrc32(r.data);
        r.crcOk = r.computedCrc == r.storedCrc;
        if (!r.crcOk) {
            r.problem = tr("the %1 slot fails its CRC").arg(typeName(s.type));
            part.problems.append(r.problem);
        }
        part.records.append(r);
        part.usedBytes = std::max(part.usedBytes, s.offset + r.length);
    }
    return part;
}

} // namespace

QString typeName(quint8 type)
{
    switch (type) {
    case CaCert: return QStringLiteral("ca_cert");
    case DevCert: return QStringLiteral("dev_cert");
    case PrivKey: return QStringLiteral("priv_key");
    case DsData: return QStringLiteral("ds_data");
    case DsContext: return QStringLiteral("ds_context");
    case HmacEcdsaKeySalt: return QStringLiteral("hmac_ecdsa_key_salt");
    case SecurityConfig: return QStringLiteral("sec_cfg");
    case TeeSecStorageKey: return QStringLiteral("tee_sec_storage_key");
    case SignatureBlock: return QStringLiteral("signature_block");
    case Integrity: return QStringLiteral("integrity");
    default:
        if (type >= UserData1 && type <= UserData5)
            return QStringLiteral("user_data_%1").arg(type - UserData1 + 1);
        return QStringLiteral("type_%1").arg(type);
    }
}

const Record *Partition::find(quint8 type, quint8 subtype) const
{
    for (const Record &r : records) {
        if (r.type == type && r.subtype == subtype && r.crcOk)
            return &r;
    }
    return nullptr;
}

QByteArray encodeRecord(quint8 type, quint8 subtype, quint8 flags, const QByteArray &data)
{
    QByteArray out(HeaderSize, '\0');
    writeLe32(out.data(), TlvMagic);
    out[4] = char(flags);
    out[8] = char(type);
    out[9] = char(subtype);
    writeLe16(out.data() + 10, quint16(data.size()));
    out += data;
    out += QByteArray(paddingFor(int(data.size())), '\0');
    QByteArray crc(FooterSize, '\0');
    writeLe32(crc.data(), espCrc32(out));
    return out + crc;
}

Result<QByteArray> generate(const GenerateInput &input)
{
    QByteArray out;
    if (!input.caCert.isEmpty()) {
        auto ca = encodeCertificate(input.caCert, tr("CA certificate"));
        if (!ca)
            return ca.error();
        out += encodeRecord(CaCert, 0, 0, *ca);
    }
    auto dev = encodeCertificate(input.deviceCert, tr("device certificate"));
    if (!dev)
        return dev.error();
    out += encodeRecord(DevCert, 0, 0, *dev);
    auto key = encodePrivateKey(input.privateKey);
    if (!key)
        return key.error();
    out += encodeRecord(PrivKey, 0, 0, *key);
    if (input.integrity)
        out += encodeRecord(Integrity, 0, 0,
                            QCryptographicHash::hash(out, QCryptographicHash::Sha256));
    const quint32 limit = input.size ? input.size : DefaultPartitionSize;
    if (quint32(out.size()) > limit)
        return Error::make(QStringLiteral("securecert.size"),
                           tr("The records need %1 bytes; the partition has %2 (0x%3)")
                               .arg(out.size())
                               .arg(limit)
                               .arg(limit, 0, 16),
                           {}, tr("Give a larger --size (and partition); nothing was written."));
    if (input.size)
        out += QByteArray(qsizetype(input.size) - out.size(), '\xFF');
    return out;
}

Partition parse(const QByteArray &image)
{
    if (image.size() >= 4 && readLe32(image.constData()) == TlvMagic)
        return parseTlv(image);
    if (image.size() >= 64 && readLe32(image.constData() + 24) == LegacyMagic)
        return parseLegacy(image, false);
    if (image.size() >= 64 && readLe32(image.constData() + 36) == LegacyMagic)
        return parseLegacy(image, true);
    Partition part;
    part.layout = QStringLiteral("empty");
    if (std::any_of(image.cbegin(), image.cend(), [](char c) { return c != '\xFF'; }))
        part.problems.append(tr("the partition holds neither TLV records (magic 0xBA5EBA11) nor "
                                "the legacy cust_flash layout"));
    else
        part.problems.append(tr("the partition is erased (all 0xFF): no certificate in it"));
    return part;
}

QString summary(const Record &record, bool showSecrets)
{
    const QByteArray &d = record.data;
    switch (record.type) {
    case CaCert:
    case DevCert:
        if (const auto s = certificateSummary(d))
            return *s;
        return tr("not a readable certificate, %1 bytes").arg(d.size());
    case PrivKey: {
        QString kind;
        if ((record.flags & 0xC0) == FlagHmacEncryption)
            kind = tr("HMAC-encrypted private key, ");
        else if ((record.flags & 0xC0) == FlagHmacEcdsaKeyDerivation)
            kind = tr("key derived with the HMAC peripheral, ");
        else if ((record.flags & 0x38) == FlagKeyEcdsaPeripheral)
            return tr("private key held in an eFuse block for the ECDSA peripheral");
        if (showSecrets)
            return kind
                   + (d.contains("-----BEGIN") ? QString::fromUtf8(QByteArray(d).replace('\0', ""))
                                               : QString::fromLatin1(d.toHex()));
        if (const auto s = privateKeySummary(d))
            return kind + *s;
        return kind
               + QStringLiteral("[private key: %1 bytes, sha256 %2…]")
                     .arg(d.size())
                     .arg(sha256Hex(d).left(16));
    }
    case DsData:
        if (d.size() >= 20)
            return tr("DS data: RSA %1-bit, IV and %2 bytes of ciphertext")
                .arg((qint32(readLe32(d.constData())) + 1) * 32)
                .arg(d.size() - 20);
        return tr("DS data, %1 bytes").arg(d.size());
    case DsContext:
        if (d.size() >= 8)
            return tr("DS context: eFuse key %1, RSA %2-bit")
                .arg(quint8(d.at(4)))
                .arg(readLe16(d.constData() + 6));
        return tr("DS context, %1 bytes").arg(d.size());
    case SecurityConfig:
        if (!d.isEmpty())
            return tr("security config: private key in eFuse block %1").arg(quint8(d.at(0)));
        return tr("security config");
    case Integrity:
        return tr("SHA-256 of the partition before it: %1").arg(QString::fromLatin1(d.toHex()));
    default:
        if (const auto s = privateKeySummary(d); s && !showSecrets)
            return *s;
        return tr("%1 bytes").arg(d.size());
    }
}

} // namespace Forgeline::Image::SecureCert
