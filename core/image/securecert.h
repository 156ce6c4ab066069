// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// The esp_secure_cert partition read by Espressif's esp_secure_cert_mgr component, in its TLV
// layout (private_include/esp_secure_cert_tlv_private.h, include/esp_secure_cert_tlv_config.h)
// as tools/configure_esp_secure_cert.py writes it, and the legacy cust_flash layout (read only).
namespace Forgeline::Image::SecureCert {

constexpr quint32 TlvMagic = 0xBA5EBA11;
constexpr int HeaderSize = 12; // magic u32, flags u8, reserved[3], type u8, subtype u8, length u16
constexpr int FooterSize = 4;  // CRC32 of header + data + padding
constexpr int Alignment = 16;  // data padded with zeros to a multiple of 16 (flash encryption)
constexpr quint32 DefaultPartitionSize = 0x2000;
constexpr quint32 LegacyMagic = 0x12345678;

enum Type : quint8 {
    CaCert = 0,
    DevCert = 1,
    PrivKey = 2,
    DsData = 3,
    DsContext = 4,
    HmacEcdsaKeySalt = 5,
    SecurityConfig = 6,
    TeeSecStorageKey = 7,
    SignatureBlock = 8,
    Integrity = 9,
    TlvEnd = 50,
    UserData1 = 51,
    UserData5 = 55,
};

// Private-key TLV flag bits (esp_secure_cert_tlv_private.h).
constexpr quint8 FlagHmacEncryption = 2 << 6;
constexpr quint8 FlagHmacEcdsaKeyDerivation = 1 << 6;
constexpr quint8 FlagKeyEcdsaPeripheral = 1 << 3;

QString typeName(quint8 type); // "ca_cert", "dev_cert", "priv_key", ..., "user_data_1", "type_N"

struct Record
{
    quint32 offset = 0;
    quint8 flags = 0;
    quint8 type = 0;
    quint8 subtype = 0;
    quint16 length = 0;
    QByteArray data;
    bool crcOk = true;
    quint32 storedCrc = 0;
    quint32 computedCrc = 0;
    QString problem;
};

struct Partition
{
    QString layout;        // "tlv", "cust_flash", "cust_flash_ds" or "empty"
    QList<Record> records; // for cust_flash: the same types, offsets of the legacy slots
    quint32 usedBytes = 0; // end of the last record
    QStringList problems;

    const Record *find(quint8 type, quint8 subtype = 0) const; // first record that passes its CRC
    bool hasProblems() const { return !problems.isEmpty(); }
};

// One TLV record: header, data, zero padding, CRC.
QByteArray encodeRecord(quint8 type, quint8 subtype, quint8 flags, const QByteArray &data);

struct GenerateInput
{
    QByteArray deviceCert; // PEM or DER file contents
    QByteArray privateKey; // PEM or DER, unencrypted
    QByteArray caCert;     // optional
    quint32 size = 0;      // 0: the records only, as Espressif's tool writes; else padded with 0xFF
    bool integrity = true; // the integrity TLV the current tool appends (SHA-256 of what precedes)
};

// Builds the partition as configure_esp_secure_cert.py does for a plaintext key: CA certificate
// (if any), device certificate, private key, integrity record. Certificates and keys are
// re-encoded the way the tool re-encodes them (PEM: canonical armour plus a NUL; DER as DER;
// keys in the traditional "EC/RSA PRIVATE KEY" form); only the first certificate of a file is
// used, as the tool does.
Result<QByteArray> generate(const GenerateInput &input);

// Reads a TLV or legacy cust_flash partition. Never fails: CRC failures, a broken integrity
// record and stray bytes are listed in `problems`.
Partition parse(const QByteArray &image);

// One line per record for dumps; private keys summarised unless showSecrets.
QString summary(const Record &record, bool showSecrets);

} // namespace Forgeline::Image::SecureCert
