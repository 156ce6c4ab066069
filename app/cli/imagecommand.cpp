// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline-cli image info | flash-encrypt | flash-decrypt | find-offset | pre-encrypt |
// pre-decrypt: what a firmware file is, and the conversions between its forms.
#include "flashcli.h"

#include "core/image/encryptedimage.h"
#include "core/image/flashencryption.h"
#include "core/image/imagechip.h"
#include "core/image/imageinspector.h"
#include "core/image/offsetfinder.h"
#include "core/image/partitioncsv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace Forgeline::Cli {

using namespace Image;

namespace {

struct FileRead
{
    QByteArray bytes;
    int exit = -1; // ExitIo when unreadable
};

FileRead readFile(const QString &path, const QString &what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("cannot read %1 %2: %3").arg(what, path, f.errorString()));
        return {{}, ExitIo};
    }
    return {f.readAll(), -1};
}

int writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        printError(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
        return ExitIo;
    }
    return ExitOk;
}

int usage(const QString &message)
{
    printError(message);
    return ExitUsage;
}

QString humanReport(const ImageInspection &r)
{
    QStringList lines;
    lines << r.summary;
    if (r.image) {
        const AppImage &img = *r.image;
        lines
            << QStringLiteral("Flash:       %1, %2").arg(img.flashModeName(), img.flashSizeName());
        lines << QStringLiteral("Chip rev.:   min v%1.%2, max %3")
                     .arg(img.minRevisionFull / 100)
                     .arg(img.minRevisionFull % 100)
                     .arg(img.maxRevisionFull == 0xFFFF ? QStringLiteral("any")
                                                        : QStringLiteral("v%1.%2")
                                                              .arg(img.maxRevisionFull / 100)
                                                              .arg(img.maxRevisionFull % 100));
        for (int i = 0; i < img.segments.size(); ++i) {
            const ImageSegment &s = img.segments.at(i);
            lines << QStringLiteral("Segment %1:   load 0x%2, %3 bytes%4%5")
                         .arg(i)
                         .arg(s.load, 8, 16, QLatin1Char('0'))
                         .arg(s.length)
                         .arg(s.region.isEmpty() ? QString()
                                                 : QStringLiteral(" (%1)").arg(s.region))
                         .arg(s.truncated ? QStringLiteral(" TRUNCATED") : QString());
        }
        if (img.length > 0) {
            lines << QStringLiteral("Checksum:    0x%1 %2")
                         .arg(img.storedChecksum, 2, 16, QLatin1Char('0'))
                         .arg(img.checksumValid ? QStringLiteral("(valid)")
                                                : QStringLiteral("(INVALID)"));
        }
        if (img.sha256Valid) {
            lines << QStringLiteral("SHA-256:     %1 %2")
                         .arg(QString::fromLatin1(img.storedSha256.toHex()))
                         .arg(*img.sha256Valid ? QStringLiteral("(valid)")
                                               : QStringLiteral("(INVALID)"));
        }
        if (img.appDesc) {
            const AppDescriptor &d = *img.appDesc;
            lines << QStringLiteral("Project:     %1 %2 (ESP-IDF %3, built %4 %5)")
                         .arg(d.projectName, d.version, d.idfVersion, d.date, d.time);
            lines
                << QStringLiteral("ELF SHA-256: %1").arg(QString::fromLatin1(d.elfSha256.toHex()));
        }
        if (img.bootloaderDesc) {
            lines << QStringLiteral("Bootloader:  version %1, ESP-IDF %2, built %3")
                         .arg(img.bootloaderDesc->version)
                         .arg(img.bootloaderDesc->idfVersion, img.bootloaderDesc->dateTime);
        }
        for (const SignatureBlock &s : img.signatures) {
            lines << QStringLiteral("Signature %1: secure boot v2, %2, %3")
                             .arg(s.index)
                             .arg(s.algorithm())
                             .arg(s.crcValid && s.digestMatches ? QStringLiteral("block valid")
                                                                : QStringLiteral("block INVALID"))
                         + (s.verified ? (*s.verified ? QStringLiteral(", verified with the key")
                                                      : QStringLiteral(", NOT signed by the key"))
                                       : QString());
        }
    }
    for (const QString &f : r.failures)
        lines << QStringLiteral("FAILED: %1").arg(f);
    for (const QString &w : r.warnings)
        lines << QStringLiteral("Note: %1").arg(w);
    if (!r.explanation.isEmpty())
        lines << QString() << r.explanation;
    return lines.join(QLatin1Char('\n'));
}

int runInfo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Say what a firmware file is: app, bootloader, "
                                                    "partition table, NVS, pre-encrypted, "
                                                    "flash-encrypted or random, erased."));
    addCommonOptions(parser);
    const QCommandLineOption chip(QStringLiteral("chip"),
                                  QStringLiteral("Fail if the image is for another chip."),
                                  QStringLiteral("CHIP"));
    const QCommandLineOption verifyKey(
        QStringLiteral("verify-key"),
        QStringLiteral(
            "Fail unless a secure boot v2 signature block verifies with this public key (PEM)."),
        QStringLiteral("K.pem"));
    parser.addOptions({chip, verifyKey});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The file to inspect."));
    if (const int early = parseOrExit(parser, arguments); early >= 0)
        return early;
    const QStringList files = positionalArguments(parser);
    if (files.size() != 1)
        return usage(QStringLiteral("image info takes exactly one FILE"));
    InspectOptions options;
    if (parser.isSet(chip)) {
        if (!imageChipByKey(parser.value(chip)))
            return usage(QStringLiteral("unknown chip '%1' (one of %2)")
                             .arg(parser.value(chip), imageChipKeys().join(QStringLiteral(", "))));
        options.expectedChip = parser.value(chip);
    }
    if (parser.isSet(verifyKey)) {
        const FileRead k = readFile(parser.value(verifyKey), QStringLiteral("key file"));
        if (k.exit >= 0)
            return k.exit;
        options.verifyKeyPem = k.bytes;
    }
    const FileRead in = readFile(files.first(), QStringLiteral("image"));
    if (in.exit >= 0)
        return in.exit;
    const ImageInspection r = inspectImage(in.bytes, options);
    if (wantsJson(parser))
        printJson(QJsonDocument(inspectionToJson(r)));
    else
        printText(humanReport(r));
    return r.ok() ? ExitOk : ExitFailure;
}

// --chip, --key, --address, --flash-crypt-conf as the flash-crypt commands share them.
struct CryptOptions
{
    QCommandLineOption chip{QStringLiteral("chip"),
                            QStringLiteral("Chip family (esp32, esp32s3, esp32c3 …)."),
                            QStringLiteral("CHIP")};
    QCommandLineOption key{
        QStringLiteral("key"),
        QStringLiteral("Flash encryption key file (raw bytes, as espsecure uses it)."),
        QStringLiteral("KEY.bin")};
    QCommandLineOption address{QStringLiteral("address"),
                               QStringLiteral("Flash address the data is for."),
                               QStringLiteral("A")};
    QCommandLineOption conf{
        QStringLiteral("flash-crypt-conf"),
        QStringLiteral("ESP32 only: FLASH_CRYPT_CONFIG eFuse value (default 0xF)."),
        QStringLiteral("N")};

    void addTo(QCommandLineParser &parser, bool withAddress)
    {
        parser.addOptions({chip, key, conf});
        if (withAddress)
            parser.addOption(address);
    }

    // Fills params (not the address); returns an exit code on error, else -1.
    int fill(const QCommandLineParser &parser, FlashCryptParams &params) const
    {
        if (!parser.isSet(chip) || !parser.isSet(key))
            return usage(QStringLiteral("--chip and --key are required"));
        const ImageChip *c = imageChipByKey(parser.value(chip));
        if (!c)
            return usage(QStringLiteral("unknown chip '%1' (one of %2)")
                             .arg(parser.value(chip), imageChipKeys().join(QStringLiteral(", "))));
        params.scheme = c->flashCrypt;
        if (parser.isSet(conf)) {
            quint32 v = 0;
            if (!parseAddress(parser.value(conf), &v) || v > 0xF)
                return usage(QStringLiteral("--flash-crypt-conf is 0..15"));
            if (c->flashCrypt != FlashCryptScheme::Esp32Aes)
                return usage(QStringLiteral("--flash-crypt-conf applies to the ESP32 only"));
            params.flashCryptConfig = int(v);
        }
        const FileRead k = readFile(parser.value(key), QStringLiteral("key file"));
        if (k.exit >= 0)
            return k.exit;
        if (auto ok = checkFlashCryptKey(params.scheme, k.bytes); !ok)
            return usage(ok.error().message);
        params.key = k.bytes;
        return -1;
    }
};

int runFlashCrypt(const QStringList &arguments, bool encrypt)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        encrypt ? QStringLiteral("Encrypt data for a flash address as the chip's flash encryption "
                                 "does (same bytes as espsecure encrypt-flash-data).")
                : QStringLiteral("Decrypt data read raw from encrypted flash at an address (same "
                                 "bytes as espsecure decrypt-flash-data)."));
    addCommonOptions(parser);
    CryptOptions crypt;
    crypt.addTo(parser, true);
    const QCommandLineOption output(QStringLiteral("o"), QStringLiteral("Output file."),
                                    QStringLiteral("OUT"));
    parser.addOption(output);
    parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("Input file."));
    if (const int early = parseOrExit(parser, arguments); early >= 0)
        return early;
    const QStringList files = positionalArguments(parser);
    if (files.size() != 1 || !parser.isSet(output))
        return usage(QStringLiteral("give one input file and -o OUT"));
    if (!parser.isSet(crypt.address))
        return usage(QStringLiteral("--address is required: the ciphertext depends on it"));
    FlashCryptParams params;
    if (!parseAddress(parser.value(crypt.address), &params.address))
        return usage(QStringLiteral("bad --address '%1'").arg(parser.value(crypt.address)));
    if (const int bad = crypt.fill(parser, params); bad >= 0)
        return bad;
    const FileRead in = readFile(files.first(), QStringLiteral("input"));
    if (in.exit >= 0)
        return in.exit;
    auto out = encrypt ? flashEncrypt(params, in.bytes) : flashDecrypt(params, in.bytes);
    if (!out) {
        const bool json = wantsJson(parser);
        printError(out.error());
        if (json)
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("ok"), false},
                                                {QStringLiteral("error"), out.error().message}}));
        return out.error().code == QLatin1String("flashcrypt.openssl") ? ExitFailure : ExitUsage;
    }
    if (const int w = writeFile(parser.value(output), *out); w != ExitOk)
        return w;
    QJsonObject o{{QStringLiteral("ok"), true},
                  {QStringLiteral("output"), parser.value(output)},
                  {QStringLiteral("address"), QStringLiteral("0x%1").arg(params.address, 0, 16)},
                  {QStringLiteral("bytes"), double(out->size())}};
    if (!encrypt) {
        const ImageInspection r = inspectImage(*out);
        o.insert(QStringLiteral("kind"), imageKindName(r.kind));
    }
    if (wantsJson(parser)) {
        printJson(QJsonDocument(o));
    } else {
        printText(QStringLiteral("%1 %2 bytes for flash address 0x%3 into %4")
                      .arg(encrypt ? QStringLiteral("Encrypted") : QStringLiteral("Decrypted"))
                      .arg(out->size())
                      .arg(params.address, 0, 16)
                      .arg(parser.value(output)));
        if (!encrypt)
            printText(QStringLiteral("Result: %1").arg(inspectImage(*out).summary));
    }
    return ExitOk;
}

int runFindOffset(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Find the flash address a flash-encrypted image was encrypted for."));
    addCommonOptions(parser);
    CryptOptions crypt;
    crypt.addTo(parser, false);
    const QCommandLineOption table(QStringLiteral("table"),
                                   QStringLiteral("Try this partition table's app partitions (.csv "
                                                  "or .bin) instead of every 64 KiB boundary."),
                                   QStringLiteral("TABLE"));
    parser.addOption(table);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The encrypted image."));
    if (const int early = parseOrExit(parser, arguments); early >= 0)
        return early;
    const QStringList files = positionalArguments(parser);
    if (files.size() != 1)
        return usage(QStringLiteral("image find-offset takes exactly one FILE"));
    FlashCryptParams params;
    if (const int bad = crypt.fill(parser, params); bad >= 0)
        return bad;
    std::optional<PartitionTable> partitions;
    if (parser.isSet(table)) {
        const FileRead t = readFile(parser.value(table), QStringLiteral("partition table"));
        if (t.exit >= 0)
            return t.exit;
        auto parsed = t.bytes.startsWith("\xAA\x50")
                          ? PartitionTable::parse(t.bytes)
                          : parsePartitionCsv(QString::fromUtf8(t.bytes));
        if (!parsed)
            return usage(QStringLiteral("--table: %1").arg(parsed.error().message));
        partitions = *parsed;
    }
    const FileRead in = readFile(files.first(), QStringLiteral("image"));
    if (in.exit >= 0)
        return in.exit;
    if (in.bytes.size() < 32)
        return usage(QStringLiteral("the file is too short to hold an image header"));
    const OffsetSearch search = findEncryptionOffset(params, in.bytes, partitions);
    if (wantsJson(parser)) {
        QJsonArray offsets;
        QJsonArray details;
        for (const OffsetCandidate &c : search.matches) {
            offsets.append(QStringLiteral("0x%1").arg(c.address, 0, 16));
            details.append(QJsonObject{
                {QStringLiteral("address"), QStringLiteral("0x%1").arg(c.address, 0, 16)},
                {QStringLiteral("label"), c.label},
                {QStringLiteral("imageValid"), c.imageValid}});
        }
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("ok"), !search.matches.isEmpty()},
                                            {QStringLiteral("offsets"), offsets},
                                            {QStringLiteral("matches"), details},
                                            {QStringLiteral("tried"), int(search.tried.size())}}));
    } else if (search.matches.isEmpty()) {
        printText(QStringLiteral("No address among the %1 tried decrypts this file to an image: "
                                 "another key, another chip family, or not flash-encrypted.")
                      .arg(search.tried.size()));
    } else {
        for (const OffsetCandidate &c : search.matches) {
            printText(
                QStringLiteral("0x%1%2: %3")
                    .arg(c.address, 0, 16)
                    .arg(c.label.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(c.label))
                    .arg(c.imageValid
                             ? QStringLiteral("decrypts to a valid image")
                             : QStringLiteral(
                                 "decrypts to an image header, but the image does not check")));
        }
    }
    return search.matches.isEmpty() ? ExitFailure : ExitOk;
}

int runPreEncrypt(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Make a pre-encrypted OTA image (esp_encrypted_img format, as esp_enc_img_gen.py)."));
    addCommonOptions(parser);
    const QCommandLineOption rsa(QStringLiteral("rsa-pub"),
                                 QStringLiteral("RSA-3072 public key (PEM)."),
                                 QStringLiteral("K.pem"));
    const QCommandLineOption ecies(QStringLiteral("ecies-device-pub"),
                                   QStringLiteral("The device's P-256 public key (PEM), ECIES."),
                                   QStringLiteral("K.pem"));
    const QCommandLineOption hmac(QStringLiteral("device-hmac-key"),
                                  QStringLiteral("The device's 32-byte HMAC key file, ECIES."),
                                  QStringLiteral("H.bin"));
    const QCommandLineOption output(QStringLiteral("o"), QStringLiteral("Output file."),
                                    QStringLiteral("OUT"));
    parser.addOptions({rsa, ecies, hmac, output});
    parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("The app image."));
    if (const int early = parseOrExit(parser, arguments); early >= 0)
        return early;
    const QStringList files = positionalArguments(parser);
    const int keys = int(parser.isSet(rsa)) + int(parser.isSet(ecies)) + int(parser.isSet(hmac));
    if (files.size() != 1 || !parser.isSet(output) || keys != 1)
        return usage(QStringLiteral("give one of --rsa-pub, --ecies-device-pub, --device-hmac-key, "
                                    "one input file and -o OUT"));
    const QCommandLineOption &keyOption = parser.isSet(rsa)     ? rsa
                                          : parser.isSet(ecies) ? ecies
                                                                : hmac;
    const FileRead key = readFile(parser.value(keyOption), QStringLiteral("key file"));
    if (key.exit >= 0)
        return key.exit;
    const FileRead in = readFile(files.first(), QStringLiteral("input"));
    if (in.exit >= 0)
        return in.exit;
    const ImageInspection plain = inspectImage(in.bytes);
    auto out = parser.isSet(rsa)     ? preEncryptRsa(in.bytes, key.bytes)
               : parser.isSet(ecies) ? preEncryptEcies(in.bytes, key.bytes)
                                     : preEncryptEciesHmac(in.bytes, key.bytes);
    if (!out)
        return reportFailure(out.error(), wantsJson(parser));
    if (const int w = writeFile(parser.value(output), *out); w != ExitOk)
        return w;
    const QString scheme
        = parser.isSet(rsa) ? QStringLiteral("rsa-3072") : QStringLiteral("ecies-p256");
    if (wantsJson(parser)) {
        printJson(
            QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                      {QStringLiteral("scheme"), scheme},
                                      {QStringLiteral("binSize"), double(in.bytes.size())},
                                      {QStringLiteral("inputKind"), imageKindName(plain.kind)},
                                      {QStringLiteral("output"), parser.value(output)}}));
    } else {
        printText(QStringLiteral("Wrote %1 (%2, %3 bytes encrypted)")
                      .arg(parser.value(output), scheme)
                      .arg(in.bytes.size()));
        if (plain.kind != ImageKind::App)
            printText(
                QStringLiteral("Note: the input is not an app image (%1)").arg(plain.summary));
    }
    return ExitOk;
}

int runPreDecrypt(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check and decrypt a pre-encrypted OTA image (esp_encrypted_img)."));
    addCommonOptions(parser);
    const QCommandLineOption rsa(
        QStringLiteral("rsa-priv"),
        QStringLiteral("RSA-3072 private key (PEM), or the device's P-256 private key."),
        QStringLiteral("K.pem"));
    const QCommandLineOption hmac(
        QStringLiteral("device-hmac-key"),
        QStringLiteral("The device's 32-byte HMAC key file (ECIES images)."),
        QStringLiteral("H.bin"));
    const QCommandLineOption output(QStringLiteral("o"), QStringLiteral("Output file."),
                                    QStringLiteral("OUT"));
    parser.addOptions({rsa, hmac, output});
    parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("The pre-encrypted image."));
    if (const int early = parseOrExit(parser, arguments); early >= 0)
        return early;
    const QStringList files = positionalArguments(parser);
    if (files.size() != 1 || !parser.isSet(output) || parser.isSet(rsa) == parser.isSet(hmac))
        return usage(QStringLiteral(
            "give one of --rsa-priv or --device-hmac-key, one input file and -o OUT"));
    const FileRead key
        = readFile(parser.value(parser.isSet(rsa) ? rsa : hmac), QStringLiteral("key file"));
    if (key.exit >= 0)
        return key.exit;
    const FileRead in = readFile(files.first(), QStringLiteral("input"));
    if (in.exit >= 0)
        return in.exit;
    auto out
        = parser.isSet(rsa) ? preDecrypt(in.bytes, key.bytes) : preDecryptHmac(in.bytes, key.bytes);
    if (!out)
        return reportFailure(out.error(), wantsJson(parser));
    if (const int w = writeFile(parser.value(output), *out); w != ExitOk)
        return w;
    const ImageInspection r = inspectImage(*out);
    if (wantsJson(parser)) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                            {QStringLiteral("output"), parser.value(output)},
                                            {QStringLiteral("bytes"), double(out->size())},
                                            {QStringLiteral("image"), inspectionToJson(r)}}));
    } else {
        printText(QStringLiteral("Decrypted and authenticated %1 bytes into %2\nInside: %3")
                      .arg(out->size())
                      .arg(parser.value(output), r.summary));
    }
    return ExitOk;
}

} // namespace

int runImage(const QStringList &arguments)
{
    return runSubcommand(arguments, {{QStringLiteral("info"), &runInfo},
                                     {QStringLiteral("flash-encrypt"),
                                      [](const QStringList &a) { return runFlashCrypt(a, true); }},
                                     {QStringLiteral("flash-decrypt"),
                                      [](const QStringList &a) { return runFlashCrypt(a, false); }},
                                     {QStringLiteral("find-offset"), &runFindOffset},
                                     {QStringLiteral("pre-encrypt"), &runPreEncrypt},
                                     {QStringLiteral("pre-decrypt"), &runPreDecrypt}});
}

} // namespace Forgeline::Cli
