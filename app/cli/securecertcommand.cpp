// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline-cli secure-cert generate / dump: the esp_secure_cert partition (TLV).
#include "storecli.h"

#include "core/image/secretsummary.h"
#include "core/image/securecert.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace Forgeline::Cli {

using namespace Image;

namespace {

bool readFile(const QString &path, QByteArray *bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
        return false;
    }
    *bytes = f.readAll();
    return true;
}

int runGenerate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Build an esp_secure_cert partition (TLV) from a device certificate and key, as "
        "configure_esp_secure_cert.py does for a plaintext key."));
    addCommonOptions(parser);
    const QCommandLineOption cert(QStringLiteral("cert"),
                                  QStringLiteral("Device certificate (PEM or DER)."),
                                  QStringLiteral("C"));
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("Device private key (PEM or DER)."),
                                 QStringLiteral("K"));
    const QCommandLineOption ca(QStringLiteral("ca"), QStringLiteral("CA certificate (optional)."),
                                QStringLiteral("CA"));
    const QCommandLineOption out(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                 QStringLiteral("Output image."), QStringLiteral("OUT"));
    const QCommandLineOption size(
        QStringLiteral("size"),
        QStringLiteral("Pad to the partition size with 0xFF (default: records only)."),
        QStringLiteral("N"));
    parser.addOptions({cert, key, ca, out, size});
    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    const bool json = wantsJson(parser);
    if (!parser.isSet(cert) || !parser.isSet(key) || !parser.isSet(out)) {
        printError(QStringLiteral("--cert C, --key K and -o OUT are required"));
        return ExitUsage;
    }
    SecureCert::GenerateInput input;
    if (parser.isSet(size) && (!parseAddress(parser.value(size), &input.size) || input.size == 0)) {
        printError(QStringLiteral("--size must be a number such as 0x2000 or 8K"));
        return ExitUsage;
    }
    if (!readFile(parser.value(cert), &input.deviceCert)
        || !readFile(parser.value(key), &input.privateKey)
        || (parser.isSet(ca) && !readFile(parser.value(ca), &input.caCert)))
        return ExitIo;
    auto image = SecureCert::generate(input);
    if (!image)
        return reportFailure(image.error(), json);
    if (!writeOutputFile(parser.value(out), *image))
        return ExitIo;
    const SecureCert::Partition parsed = SecureCert::parse(*image);
    const QString fingerprint = certificateFingerprint(input.deviceCert);
    if (json) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                            {QStringLiteral("out"), parser.value(out)},
                                            {QStringLiteral("size"), qint64(image->size())},
                                            {QStringLiteral("usedBytes"), qint64(parsed.usedBytes)},
                                            {QStringLiteral("records"), parsed.records.size()},
                                            {QStringLiteral("certificateSha256"), fingerprint}}));
    } else {
        printText(QStringLiteral("Wrote %1 (%2 bytes, %3 records; device certificate sha256 %4)")
                      .arg(parser.value(out))
                      .arg(image->size())
                      .arg(parsed.records.size())
                      .arg(fingerprint));
    }
    return ExitOk;
}

int runDump(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the records of an esp_secure_cert partition image or of a board's partition. "
        "Private keys are summarised."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Partition image (or use --port)."));
    FlashLinkOptions link;
    link.addTo(parser, true);
    const QCommandLineOption partition(
        QStringLiteral("partition"),
        QStringLiteral("Partition to read with --port (default esp_secure_cert)."),
        QStringLiteral("NAME"), QStringLiteral("esp_secure_cert"));
    const QCommandLineOption showSecrets = showSecretsOption();
    parser.addOptions({partition, showSecrets});
    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    const bool json = wantsJson(parser);
    const QStringList positional = positionalArguments(parser);
    const bool fromBoard = parser.isSet(link.port);
    if (fromBoard == (positional.size() == 1) || positional.size() > 1) {
        printError(QStringLiteral("give an image FILE or --port P [--partition NAME]"));
        return ExitUsage;
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
    } else if (!readFile(positional.first(), &image)) {
        return ExitIo;
    }
    const SecureCert::Partition part = SecureCert::parse(image);
    const bool secrets = parser.isSet(showSecrets);
    if (json) {
        QJsonArray entries;
        for (const SecureCert::Record &r : part.records) {
            QJsonObject o{{QStringLiteral("type"), SecureCert::typeName(r.type)},
                          {QStringLiteral("typeId"), r.type},
                          {QStringLiteral("subtype"), r.subtype},
                          {QStringLiteral("flags"), r.flags},
                          {QStringLiteral("offset"), qint64(r.offset)},
                          {QStringLiteral("length"), r.length},
                          {QStringLiteral("sha256"), sha256Hex(r.data)},
                          {QStringLiteral("crcOk"), r.crcOk},
                          {QStringLiteral("summary"), SecureCert::summary(r, secrets)}};
            if (r.type == SecureCert::DevCert || r.type == SecureCert::CaCert)
                o.insert(QStringLiteral("certificateSha256"), certificateFingerprint(r.data));
            if (!r.problem.isEmpty())
                o.insert(QStringLiteral("problem"), r.problem);
            entries.append(o);
        }
        printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("ok"), !part.hasProblems()},
                        {QStringLiteral("layout"), part.layout},
                        {QStringLiteral("usedBytes"), qint64(part.usedBytes)},
                        {QStringLiteral("entries"), entries},
                        {QStringLiteral("problems"), QJsonArray::fromStringList(part.problems)}}));
    } else {
        QString text = QStringLiteral("Layout: %1, %2 record(s), %3 bytes used\n")
                           .arg(part.layout)
                           .arg(part.records.size())
                           .arg(part.usedBytes);
        for (const SecureCert::Record &r : part.records)
            text += QStringLiteral("  0x%1  %2 %3  %4 bytes%5  %6\n")
                        .arg(r.offset, 4, 16, QLatin1Char('0'))
                        .arg(SecureCert::typeName(r.type).leftJustified(12))
                        .arg(r.subtype)
                        .arg(r.length, 5)
                        .arg(r.crcOk ? QString() : QStringLiteral(" CRC FAILS"))
                        .arg(SecureCert::summary(r, secrets));
        if (part.problems.isEmpty())
            text += QStringLiteral("No problems found.");
        for (const QString &p : part.problems)
            text += QStringLiteral("  - %1\n").arg(p);
        printText(text);
    }
    return part.hasProblems() ? ExitFailure : ExitOk;
}

} // namespace

int runSecureCert(const QStringList &arguments)
{
    return runSubcommand(arguments, {{QStringLiteral("generate"), &runGenerate},
                                     {QStringLiteral("dump"), &runDump}});
}

} // namespace Forgeline::Cli
