// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline-cli chip-info / partitions / read-flash / ports.
#include "flashcli.h"

#include "core/flasher/portdiscovery.h"
#include "core/image/partitioncsv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::FlashInfoCommands)
};

} // namespace

using namespace Flasher;

int runChipInfo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Identify the chip on a port: type, MAC, flash ID and size, security info."));
    addCommonOptions(parser);
    FlashLinkOptions link;
    link.addTo(parser, false);
    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    FlashJobRequest request;
    request.kind = FlashJobRequest::Kind::Identify;
    if (const int bad = link.fill(parser, request); bad >= 0)
        return bad;
    auto r = runFlashJob(request, true);
    if (!r)
        return reportFailure(r.error(), wantsJson(parser));
    const BoardInfo &b = r->board;
    if (wantsJson(parser)) {
        QJsonObject o = boardJson(b);
        o.insert(QStringLiteral("ok"), true);
        printJson(QJsonDocument(o));
        return ExitOk;
    }
    printText(
        Tr::tr(
            "Chip:        %1 (chip id %2)\nRevision:    %10\nMAC:         %3\nFlash:       manufacturer 0x%4, device 0x%5, %6 MiB%7\n"
            "Security:    %8\nFlash encryption: %11\nReset:       %9")
            .arg(b.chipName)
            .arg(b.chipId)
            .arg(b.macText())
            .arg(b.flashId & 0xFF, 2, 16, QLatin1Char('0'))
            .arg(QStringLiteral("%1%2")
                     .arg((b.flashId >> 8) & 0xFF, 2, 16, QLatin1Char('0'))
                     .arg((b.flashId >> 16) & 0xFF, 2, 16, QLatin1Char('0')))
            .arg(b.flashSize >> 20)
            .arg(b.flashSizeGuessed ? Tr::tr(" (unknown part; assumed)") : QString())
            .arg(b.securityInfo
                     ? QStringLiteral("flags 0x%1%2")
                           .arg(b.securityFlags, 0, 16)
                           .arg(b.securityFlags & 1 ? Tr::tr(", secure boot on") : QString())
                     : Tr::tr("not reported by this ROM"))
            .arg(b.resetUsed)
            .arg(b.chipDescription())
            .arg(b.flashEncryptionText()));
    return ExitOk;
}

int runPartitions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Read and check the partition table from a board (or a .bin/.csv file with --file)."));
    addCommonOptions(parser);
    FlashLinkOptions link;
    link.addTo(parser, true);
    const QCommandLineOption file(
        QStringLiteral("file"),
        Tr::tr("Read a partition table binary or ESP-IDF CSV instead of a board."),
        QStringLiteral("F"));
    const QCommandLineOption csv(QStringLiteral("csv"), Tr::tr("Print as ESP-IDF CSV."));
    parser.addOptions({file, csv});
    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    Image::PartitionTable table;
    BoardInfo board;
    if (parser.isSet(file)) {
        QFile f(parser.value(file));
        if (!f.open(QIODevice::ReadOnly)) {
            printError(Tr::tr("cannot read %1: %2").arg(f.fileName(), f.errorString()));
            return ExitIo;
        }
        const QByteArray bytes = f.readAll();
        auto t = bytes.startsWith("\xAA\x50") ? Image::PartitionTable::parse(bytes)
                                              : Image::parsePartitionCsv(QString::fromUtf8(bytes));
        if (!t)
            return reportFailure(t.error(), wantsJson(parser));
        table = *t;
    } else {
        FlashJobRequest request;
        request.kind = FlashJobRequest::Kind::ReadTable;
        if (const int bad = link.fill(parser, request); bad >= 0)
            return bad;
        auto r = runFlashJob(request, true);
        if (!r)
            return reportFailure(r.error(), wantsJson(parser));
        table = *r->table;
        board = r->board;
    }
    if (wantsJson(parser)) {
        QJsonArray rows;
        for (const Image::Partition &p : table.partitions)
            rows.append(QJsonObject{{QStringLiteral("name"), p.name},
                                    {QStringLiteral("type"), p.typeName()},
                                    {QStringLiteral("subtype"), p.subtypeName()},
                                    {QStringLiteral("offset"), qint64(p.offset)},
                                    {QStringLiteral("size"), qint64(p.size)},
                                    {QStringLiteral("encrypted"), p.encrypted()},
                                    {QStringLiteral("readonly"), p.readonly()}});
        QJsonObject o{{QStringLiteral("ok"), true},
                      {QStringLiteral("md5Checked"), table.hadMd5},
                      {QStringLiteral("partitions"), rows}};
        if (!board.chipName.isEmpty())
            o.insert(QStringLiteral("board"), boardJson(board));
        printJson(QJsonDocument(o));
        return ExitOk;
    }
    if (parser.isSet(csv)) {
        printText(Image::partitionTableToCsv(table));
        return ExitOk;
    }
    QString text = QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                       .arg(QStringLiteral("Name").leftJustified(16),
                            QStringLiteral("Type").leftJustified(10),
                            QStringLiteral("SubType").leftJustified(10),
                            QStringLiteral("Offset").leftJustified(10),
                            QStringLiteral("Size").leftJustified(10), QStringLiteral("Flags"));
    for (const Image::Partition &p : table.partitions) {
        QStringList flags;
        if (p.encrypted())
            flags << QStringLiteral("encrypted");
        if (p.readonly())
            flags << QStringLiteral("readonly");
        text += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                    .arg(p.name.leftJustified(16), p.typeName().leftJustified(10),
                         p.subtypeName().leftJustified(10),
                         QStringLiteral("0x%1").arg(p.offset, 0, 16).leftJustified(10),
                         QStringLiteral("0x%1").arg(p.size, 0, 16).leftJustified(10),
                         flags.join(QLatin1Char(':')));
    }
    text += table.hadMd5 ? Tr::tr("MD5 row checked.")
                         : Tr::tr("No MD5 row (table built with --disable-md5sum).");
    printText(text);
    return ExitOk;
}

int runReadFlash(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Read a partition or a flash region to a file (checked against the chip's MD5)."));
    addCommonOptions(parser);
    FlashLinkOptions link;
    link.addTo(parser, true);
    const QCommandLineOption partition(QStringLiteral("partition"), Tr::tr("Partition name."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption address(QStringLiteral("address"), Tr::tr("Start address."),
                                     QStringLiteral("A"));
    const QCommandLineOption size(QStringLiteral("size"), Tr::tr("Bytes to read with --address."),
                                  QStringLiteral("N"));
    const QCommandLineOption out(QStringLiteral("out"), Tr::tr("Output file."),
                                 QStringLiteral("F"));
    parser.addOptions({partition, address, size, out});
    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    FlashJobRequest request;
    request.kind = FlashJobRequest::Kind::Read;
    if (const int bad = link.fill(parser, request); bad >= 0)
        return bad;
    if (parser.isSet(partition) == parser.isSet(address)) {
        printError(Tr::tr("give exactly one of --partition NAME or --address A --size N"));
        return ExitUsage;
    }
    if (!parser.isSet(out)) {
        printError(Tr::tr("--out FILE is required"));
        return ExitUsage;
    }
    if (parser.isSet(partition)) {
        request.partition = parser.value(partition);
    } else {
        quint32 a = 0, n = 0;
        if (!parseAddress(parser.value(address), &a) || !parseAddress(parser.value(size), &n)
            || n == 0) {
            printError(Tr::tr("--address and --size must be numbers such as 0x110000 and 8K"));
            return ExitUsage;
        }
        request.address = a;
        request.size = n;
    }
    auto r = runFlashJob(request, wantsJson(parser));
    if (!r)
        return reportFailure(r.error(), wantsJson(parser));
    QFile f(parser.value(out));
    if (!f.open(QIODevice::WriteOnly) || f.write(r->data) != r->data.size()) {
        printError(Tr::tr("cannot write %1: %2").arg(f.fileName(), f.errorString()));
        return ExitIo;
    }
    if (wantsJson(parser))
        printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("ok"), true},
                        {QStringLiteral("board"), boardJson(r->board)},
                        {QStringLiteral("partition"), r->partition},
                        {QStringLiteral("address"), QStringLiteral("0x%1").arg(r->address, 0, 16)},
                        {QStringLiteral("length"), qint64(r->length)},
                        {QStringLiteral("md5"), QString::fromLatin1(r->md5.toHex())},
                        {QStringLiteral("out"), f.fileName()}}));
    else
        printText(Tr::tr("Read %1 bytes from 0x%2 into %3 (MD5 %4)")
                      .arg(r->length)
                      .arg(r->address, 0, 16)
                      .arg(f.fileName(), QString::fromLatin1(r->md5.toHex())));
    return ExitOk;
}

int runPorts(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "List serial ports, labelled by USB bridge (CP210x, CH34x, FTDI, Espressif USB-Serial/JTAG)."));
    addCommonOptions(parser);
    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    const QList<PortEntry> ports = discoverPorts();
    if (wantsJson(parser)) {
        QJsonArray rows;
        for (const PortEntry &p : ports)
            rows.append(QJsonObject{
                {QStringLiteral("port"), p.name},
                {QStringLiteral("label"), p.label},
                {QStringLiteral("description"), p.description},
                {QStringLiteral("vid"),
                 p.hasUsbIds ? QStringLiteral("0x%1").arg(p.vid, 4, 16, QLatin1Char('0'))
                             : QString()},
                {QStringLiteral("pid"),
                 p.hasUsbIds ? QStringLiteral("0x%1").arg(p.pid, 4, 16, QLatin1Char('0'))
                             : QString()},
                {QStringLiteral("usbJtag"), p.usbJtag},
                {QStringLiteral("serialNumber"), p.serialNumber}});
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("ports"), rows}}));
        return ExitOk;
    }
    if (ports.isEmpty()) {
        printText(Tr::tr("No serial ports found. Remote ports are given as socket://HOST:PORT."));
        return ExitOk;
    }
    QString text;
    for (const PortEntry &p : ports)
        text += QStringLiteral("%1  %2\n").arg(p.name.leftJustified(20), p.label);
    printText(text);
    return ExitOk;
}

} // namespace Forgeline::Cli
