// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline-cli flash / restore: write a certificate, key or any file into a partition (or at
// an address) with a backup first and MD5 verification after.
#include "flashcli.h"
#include "flashpreflight.h"

#include "core/common/settings.h"
#include "core/image/certpayload.h"

#include <QFile>
#include <QJsonObject>

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::FlashCommand)
};

} // namespace

using namespace Flasher;

namespace {

QJsonObject outcomeJson(const FlashJobOutcome &o)
{
    return QJsonObject{
        {QStringLiteral("ok"), true},
        {QStringLiteral("board"), boardJson(o.board)},
        {QStringLiteral("partition"), o.partition},
        {QStringLiteral("address"), QStringLiteral("0x%1").arg(o.address, 0, 16)},
        {QStringLiteral("length"), qint64(o.length)},
        {QStringLiteral("md5"), QString::fromLatin1(o.md5.toHex())},
        {QStringLiteral("verified"), true},
        {QStringLiteral("backup"), o.backupPath},
        {QStringLiteral("elapsedMs"), o.elapsedMs},
    };
}

// After an app write: which partition the bootloader starts now, so nobody mistakes a
// written ota_1 for the running app while otadata still selects ota_0.
QString bootText(const FlashJobOutcome &o)
{
    if (o.bootSwitched) {
        QString t = Tr::tr("otadata now selects %1: the bootloader starts it (%2)")
                        .arg(o.bootPartition, o.bootReason);
        if (!o.otadataBackupPath.isEmpty())
            t += Tr::tr("\nBackup of the previous otadata: %1").arg(o.otadataBackupPath);
        return t;
    }
    if (o.bootPartition.isEmpty())
        return Tr::tr("Boot partition unknown: %1").arg(o.bootReason);
    if (o.bootPartition != o.partition)
        return Tr::tr("Note: otadata still selects %1 (%2); the bootloader will not start %3. "
                      "Add --set-boot to make %3 the boot partition.")
            .arg(o.bootPartition, o.bootReason, o.partition);
    return Tr::tr("The bootloader starts %1 (%2).").arg(o.bootPartition, o.bootReason);
}

void printOutcome(const FlashJobOutcome &o, qsizetype payload, const QString &format)
{
    QString where = o.partition.isEmpty()
                        ? QStringLiteral("0x%1").arg(o.address, 0, 16)
                        : Tr::tr("partition %1 (0x%2)").arg(o.partition).arg(o.address, 0, 16);
    QString text = Tr::tr("%1, MAC %2\n").arg(o.board.chipName, o.board.macText());
    if (payload >= 0)
        text += Tr::tr("Wrote %1 bytes as %2 to %3; %4 bytes with 0xFF fill\n")
                    .arg(payload)
                    .arg(format, where)
                    .arg(o.length);
    else
        text += Tr::tr("Restored %1 bytes to %2\n").arg(o.length).arg(where);
    text += Tr::tr("MD5 verified: %1\n").arg(QString::fromLatin1(o.md5.toHex()));
    if (!o.backupPath.isEmpty())
        text += Tr::tr("Backup of the previous contents: %1\n").arg(o.backupPath);
    if (!o.bootPartition.isEmpty() || !o.bootReason.isEmpty())
        text += bootText(o) + QLatin1Char('\n');
    text += Tr::tr("Done in %1 s; board reset.").arg(double(o.elapsedMs) / 1000.0, 0, 'f', 2);
    printText(text);
}

} // namespace

int runFlash(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a certificate, key or file into a partition by name (or at an address), after saving a backup of what is there; "
        "verified by MD5, then the board is reset. A certificate or key is first checked by the preflight (give the other half "
        "with --key or --cert); a predicted device failure refuses the write (exit 1) unless --force."));
    addCommonOptions(parser);
    FlashLinkOptions link;
    link.addTo(parser, true);
    const QCommandLineOption partition(
        QStringLiteral("partition"),
        Tr::tr("Partition name from the board's table (e.g. cert, key)."), QStringLiteral("NAME"));
    const QCommandLineOption address(QStringLiteral("address"),
                                     Tr::tr("Write at this 4 KiB-aligned address instead."),
                                     QStringLiteral("A"));
    const QCommandLineOption file(
        QStringLiteral("file"),
        Tr::tr("PEM or DER certificate/key, or any file with --format raw."), QStringLiteral("F"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    Tr::tr("pem-nul (default: PEM plus NUL), pem, der or raw."),
                                    QStringLiteral("FMT"));
    const QCommandLineOption noBackup(
        QStringLiteral("no-backup"), Tr::tr("Do not save the partition's current contents first."));
    const QCommandLineOption flashKey(
        QStringLiteral("flash-key"),
        Tr::tr(
            "Flash encryption key file: check that an encrypted app was made for this partition's address."),
        QStringLiteral("KEY.bin"));
    const QCommandLineOption cryptConf(QStringLiteral("flash-crypt-conf"),
                                       Tr::tr("ESP32 only: FLASH_CRYPT_CONFIG (default 0xF)."),
                                       QStringLiteral("N"));
    const QCommandLineOption setBoot(
        QStringLiteral("set-boot"),
        Tr::tr("App partitions: also make the written partition the one the bootloader starts "
               "(rewrites otadata as ESP-IDF's otatool switch_ota_partition does; factory: erases "
               "otadata). The previous otadata is backed up."));
    parser.addOptions({partition, address, file, format, noBackup, flashKey, cryptConf, setBoot});
    FlashPreflightOptions preflight;
    preflight.addTo(parser);
    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;

    FlashJobRequest request;
    request.kind = FlashJobRequest::Kind::Write;
    if (const int bad = link.fill(parser, request); bad >= 0)
        return bad;
    if (parser.isSet(partition) == parser.isSet(address)) {
        printError(Tr::tr("give exactly one of --partition NAME or --address A"));
        return ExitUsage;
    }
    if (!parser.isSet(file)) {
        printError(Tr::tr("--file is required"));
        return ExitUsage;
    }
    auto fmt = Image::payloadFormatFromName(
        parser.value(format).isEmpty() ? QStringLiteral("pem-nul") : parser.value(format));
    if (!fmt) {
        printError(fmt.error());
        return ExitUsage;
    }
    if (parser.isSet(partition))
        request.partition = parser.value(partition);
    if (parser.isSet(address)) {
        quint32 a = 0;
        if (!parseAddress(parser.value(address), &a)) {
            printError(Tr::tr("--address must be a number such as 0x110000"));
            return ExitUsage;
        }
        request.address = a;
    }
    QFile f(parser.value(file));
    if (!f.open(QIODevice::ReadOnly)) {
        printError(Tr::tr("cannot read %1: %2").arg(f.fileName(), f.errorString()));
        return ExitIo;
    }
    const QByteArray fileBytes = f.readAll();
    if (parser.isSet(flashKey)) {
        QFile k(parser.value(flashKey));
        if (!k.open(QIODevice::ReadOnly)) {
            printError(Tr::tr("cannot read %1: %2").arg(k.fileName(), k.errorString()));
            return ExitIo;
        }
        request.flashEncryptionKey = k.readAll();
    }
    if (parser.isSet(cryptConf)) {
        quint32 n = 0;
        if (!parseAddress(parser.value(cryptConf), &n) || n > 15) {
            printError(Tr::tr("--flash-crypt-conf is 0..15"));
            return ExitUsage;
        }
        request.flashCryptConfig = int(n);
    }
    // An ESP app or bootloader image (0xE9) goes as it is, without the PEM handling; an app
    // partition checks it against the board before writing.
    if (parser.value(format).isEmpty() && fileBytes.startsWith('\xE9'))
        fmt = Image::PayloadFormat::Raw;
    auto payload = Image::encodeCertPayload(fileBytes, *fmt);
    if (!payload)
        return reportFailure(payload.error(), wantsJson(parser));
    QJsonObject preflightJson;
    if (const int refused
        = preflight.run(parser, parser.value(file), wantsJson(parser), &preflightJson);
        refused >= 0)
        return refused;
    request.payload = payload->bytes;
    request.backup = !parser.isSet(noBackup) && Settings::load().backupBeforeWrite;
    request.setBootPartition = parser.isSet(setBoot);
    if (request.setBootPartition && !parser.isSet(partition)) {
        printError(Tr::tr("--set-boot needs --partition (an app partition such as ota_1)"));
        return ExitUsage;
    }
    if (!wantsJson(parser))
        std::fprintf(stderr, "%s, %lld bytes as %s\n", payload->inputKind.toUtf8().constData(),
                     qint64(payload->bytes.size()),
                     Image::payloadFormatName(*fmt).toUtf8().constData());

    auto r = runFlashJob(request, wantsJson(parser));
    if (!r)
        return reportFailure(r.error(), wantsJson(parser));
    if (wantsJson(parser)) {
        QJsonObject o = outcomeJson(*r);
        o.insert(QStringLiteral("format"), Image::payloadFormatName(*fmt));
        o.insert(QStringLiteral("payloadBytes"), qint64(payload->bytes.size()));
        o.insert(QStringLiteral("input"), payload->inputKind);
        o.insert(QStringLiteral("preflight"), preflightJson);
        if (!r->bootPartition.isEmpty() || !r->bootReason.isEmpty()) {
            o.insert(QStringLiteral("bootPartition"),
                     r->bootPartition.isEmpty() ? QJsonValue() : QJsonValue(r->bootPartition));
            o.insert(QStringLiteral("bootReason"), r->bootReason);
            o.insert(QStringLiteral("bootSwitched"), r->bootSwitched);
            o.insert(QStringLiteral("otadataBackup"), r->otadataBackupPath);
        }
        printJson(QJsonDocument(o));
    } else {
        printOutcome(*r, payload->bytes.size(), Image::payloadFormatName(*fmt));
    }
    return ExitOk;
}

int runRestore(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Write a backup taken before an earlier write back to where it came from (MD5-verified)."));
    addCommonOptions(parser);
    FlashLinkOptions link;
    link.addTo(parser, false);
    const QCommandLineOption backup(QStringLiteral("backup"),
                                    Tr::tr("Backup file (.bin with its .json beside it)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption anyBoard(QStringLiteral("any-board"),
                                      Tr::tr("Allow restoring onto a board with a different MAC."));
    parser.addOptions({backup, anyBoard});
    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    FlashJobRequest request;
    request.kind = FlashJobRequest::Kind::Restore;
    if (const int bad = link.fill(parser, request); bad >= 0)
        return bad;
    if (!parser.isSet(backup)) {
        printError(Tr::tr("--backup FILE is required"));
        return ExitUsage;
    }
    request.backupFile = parser.value(backup);
    request.allowAnyMac = parser.isSet(anyBoard);
    auto r = runFlashJob(request, wantsJson(parser));
    if (!r)
        return reportFailure(r.error(), wantsJson(parser));
    if (wantsJson(parser))
        printJson(QJsonDocument(outcomeJson(*r)));
    else
        printOutcome(*r, -1, {});
    return ExitOk;
}

} // namespace Forgeline::Cli
