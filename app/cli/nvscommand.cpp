// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline-cli nvs generate / dump: NVS partition images, plain or encrypted.
#include "storecli.h"

#include "core/image/nvscsv.h"
#include "core/image/nvsdumpformat.h"
#include "core/image/nvsreader.h"
#include "core/image/nvswriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace Forgeline::Cli {

using namespace Image;

namespace {

int runNvsGenerate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Build an NVS partition image from a CSV in the format of Espressif's nvs_partition_gen.py "
        "(same bytes for the same CSV, size and keys)."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("CSV"),
                                 QStringLiteral("key,type,encoding,value CSV."));
    const QCommandLineOption out(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                 QStringLiteral("Output image."), QStringLiteral("OUT"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Partition size (multiple of 0x1000)."),
                                  QStringLiteral("N"));
    const QCommandLineOption version(QStringLiteral("version"),
                                     QStringLiteral("NVS format 1 or 2 (default 2)."),
                                     QStringLiteral("1|2"), QStringLiteral("2"));
    const QCommandLineOption encrypt(QStringLiteral("encrypt"),
                                     QStringLiteral("Encrypt entries (NVS encryption)."));
    const QCommandLineOption keys(QStringLiteral("keys"),
                                  QStringLiteral("Existing keys file / nvs_keys image."),
                                  QStringLiteral("KEYS.bin"));
    const QCommandLineOption keysOut(
        QStringLiteral("keys-out"),
        QStringLiteral("Generate random keys into this nvs_keys image (mode 0600)."),
        QStringLiteral("KEYS.bin"));
    parser.addOptions({out, size, version, encrypt, keys, keysOut});
    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    const bool json = wantsJson(parser);
    const QStringList positional = positionalArguments(parser);
    if (positional.size() != 1) {
        printError(QStringLiteral("give exactly one CSV file"));
        return ExitUsage;
    }
    if (!parser.isSet(out) || !parser.isSet(size)) {
        printError(QStringLiteral("-o OUT and --size N are required"));
        return ExitUsage;
    }
    quint32 bytes = 0;
    if (!parseAddress(parser.value(size), &bytes)) {
        printError(QStringLiteral("--size must be a number such as 0x6000 or 24K"));
        return ExitUsage;
    }
    const QString v = parser.value(version);
    if (v != QLatin1String("1") && v != QLatin1String("2")) {
        printError(QStringLiteral("--version takes 1 or 2"));
        return ExitUsage;
    }
    if (parser.isSet(encrypt) && parser.isSet(keys) == parser.isSet(keysOut)) {
        printError(QStringLiteral(
            "--encrypt needs exactly one of --keys KEYS.bin or --keys-out KEYS.bin"));
        return ExitUsage;
    }
    if (!parser.isSet(encrypt) && (parser.isSet(keys) || parser.isSet(keysOut))) {
        printError(QStringLiteral("--keys and --keys-out go with --encrypt"));
        return ExitUsage;
    }
    QFile csv(positional.first());
    if (!csv.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("cannot read %1: %2").arg(csv.fileName(), csv.errorString()));
        return ExitIo;
    }
    Nvs::ResolveOptions resolve;
    resolve.baseDirectory
        = QDir::currentPath(); // as the generator: file rows are relative to the cwd
    auto items = Nvs::readCsv(QString::fromUtf8(csv.readAll()), resolve);
    if (!items)
        return reportFailure(items.error(), json);
    Nvs::WriteOptions options;
    options.size = bytes;
    options.version = v == QLatin1String("1") ? Nvs::Version1 : Nvs::Version2;
    if (parser.isSet(keys)) {
        auto k = Nvs::Keys::load(parser.value(keys));
        if (!k)
            return reportFailure(k.error(), json);
        options.encryption = *k;
    } else if (parser.isSet(keysOut)) {
        auto k = Nvs::Keys::generate();
        if (!k)
            return reportFailure(k.error(), json);
        options.encryption = *k;
    }
    auto image = Nvs::writeImage(*items, options);
    if (!image)
        return reportFailure(image.error(), json);
    // Keys first: an encrypted image whose keys were lost is worthless.
    if (parser.isSet(keysOut)) {
        if (auto r = options.encryption->saveOwnerOnly(parser.value(keysOut)); !r)
            return reportFailure(r.error(), json) == ExitFailure ? ExitIo : ExitIo;
    }
    if (!writeOutputFile(parser.value(out), image->bytes))
        return ExitIo;
    int values = 0;
    for (const Nvs::Item &i : std::as_const(*items))
        values += i.kind == Nvs::Item::Kind::Namespace ? 0 : 1;
    if (json) {
        QJsonObject o{{QStringLiteral("ok"), true},
                      {QStringLiteral("out"), parser.value(out)},
                      {QStringLiteral("size"), qint64(image->bytes.size())},
                      {QStringLiteral("version"), v.toInt()},
                      {QStringLiteral("dataPages"), image->dataPages},
                      {QStringLiteral("values"), values},
                      {QStringLiteral("readOnly"), image->readOnly},
                      {QStringLiteral("encrypted"), options.encryption.has_value()}};
        if (parser.isSet(keysOut))
            o.insert(QStringLiteral("keysOut"), parser.value(keysOut));
        o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(image->warnings));
        printJson(QJsonDocument(o));
    } else {
        for (const QString &w : std::as_const(image->warnings))
            printError(QStringLiteral("warning: ") + w);
        printText(
            QStringLiteral("Wrote %1 (%2 bytes, NVS format %3, %4 value(s) on %5 page(s)%6)%7")
                .arg(parser.value(out))
                .arg(image->bytes.size())
                .arg(v)
                .arg(values)
                .arg(image->dataPages)
                .arg(options.encryption ? QStringLiteral(", encrypted") : QString())
                .arg(parser.isSet(keysOut) ? QStringLiteral("\nKeys written to %1 (owner-only); "
                                                            "flash it to the nvs_keys partition.")
                                                 .arg(parser.value(keysOut))
                                           : QString()));
    }
    return ExitOk;
}

int runNvsDump(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the namespaces, keys, types and values of an NVS partition image or a board's NVS "
        "partition, with damaged pages and entries shown as such. Secrets are summarised."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("NVS partition image (or use --port)."));
    FlashLinkOptions link;
    link.addTo(parser, true);
    const QCommandLineOption partition(QStringLiteral("partition"),
                                       QStringLiteral("Partition to read with --port."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption keys(QStringLiteral("keys"),
                                  QStringLiteral("Keys file / nvs_keys image to decrypt with."),
                                  QStringLiteral("KEYS.bin"));
    const QCommandLineOption showSecrets = showSecretsOption();
    parser.addOptions({partition, keys, showSecrets});
    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    const bool json = wantsJson(parser);
    const QStringList positional = positionalArguments(parser);
    const bool fromBoard = parser.isSet(link.port);
    if (fromBoard == (positional.size() == 1) || positional.size() > 1) {
        printError(QStringLiteral("give an image FILE or --port P --partition NAME"));
        return ExitUsage;
    }
    if (fromBoard && !parser.isSet(partition)) {
        printError(QStringLiteral("--port needs --partition NAME (for example nvs)"));
        return ExitUsage;
    }
    std::optional<Nvs::Keys> decryptWith;
    if (parser.isSet(keys)) {
        auto k = Nvs::Keys::load(parser.value(keys));
        if (!k)
            return reportFailure(k.error(), json);
        decryptWith = *k;
    }
    QByteArray image;
    if (fromBoard) {
        int usage = -1;
        auto r = readPartitionFromBoard(parser, link, parser.value(partition), json, &usage);
        if (usage >= 0)
            return usage;
        if (!r)
            return reportFailure(r.error(), json);
        image = *r;
    } else {
        QFile f(positional.first());
        if (!f.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
            return ExitIo;
        }
        image = f.readAll();
    }
    const Nvs::Dump dump = Nvs::readImage(image, decryptWith);
    const bool secrets = parser.isSet(showSecrets);
    if (json) {
        QJsonObject o = Nvs::dumpJson(dump, secrets);
        o.insert(QStringLiteral("ok"), !dump.hasProblems());
        o.insert(QStringLiteral("source"),
                 fromBoard ? parser.value(link.port) + QLatin1Char(':') + parser.value(partition)
                           : positional.first());
        printJson(QJsonDocument(o));
    } else {
        printText(Nvs::dumpText(dump, secrets));
    }
    return dump.hasProblems() ? ExitFailure : ExitOk;
}

} // namespace

int runNvs(const QStringList &arguments)
{
    return runSubcommand(arguments, {{QStringLiteral("generate"), &runNvsGenerate},
                                     {QStringLiteral("dump"), &runNvsDump}});
}

} // namespace Forgeline::Cli
