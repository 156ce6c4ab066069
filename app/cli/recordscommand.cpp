// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline-cli records: list or export what the station recorded.
#include "clicommon.h"

#include "core/station/records.h"
#include "core/station/stationdatabase.h"

#include <QJsonObject>

#include <cstdio>

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::RecordsCommand)
};

} // namespace

using namespace Station;

int runRecords(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("List or export the station's records (one per board attempt)."));
    addCommonOptions(parser);
    const QCommandLineOption dbOpt(QStringLiteral("db"),
                                   Tr::tr("Station database (default: app data)."),
                                   QStringLiteral("URL"));
    const QCommandLineOption macOpt(QStringLiteral("mac"), Tr::tr("Only this board."),
                                    QStringLiteral("M"));
    const QCommandLineOption resultOpt(QStringLiteral("result"), Tr::tr("Only pass or fail."),
                                       QStringLiteral("R"));
    const QCommandLineOption exportOpt(QStringLiteral("export"), Tr::tr("csv or json on stdout."),
                                       QStringLiteral("FMT"));
    parser.addOptions({dbOpt, macOpt, resultOpt, exportOpt});
    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    const QString format = parser.value(exportOpt);
    if (!format.isEmpty() && format != QStringLiteral("csv") && format != QStringLiteral("json")) {
        printError(Tr::tr("--export takes csv or json"));
        return ExitUsage;
    }
    StationDatabase db;
    if (auto r = db.open(parser.value(dbOpt)); !r) {
        printError(r.error());
        return ExitIo;
    }
    RecordStore store(db);
    if (auto r = store.prepare(); !r) {
        printError(r.error());
        return ExitIo;
    }
    RecordFilter filter;
    filter.mac = parser.value(macOpt);
    if (const QString result = parser.value(resultOpt); !result.isEmpty())
        filter.result = verdictFromName(result); // an unknown spelling finds no record
    auto list = store.list(filter);
    if (!list) {
        printError(list.error());
        return ExitIo;
    }
    if (format == QStringLiteral("csv")) {
        std::fputs(RecordStore::toCsv(*list).toUtf8().constData(), stdout);
    } else if (format == QStringLiteral("json") || wantsJson(parser)) {
        printJson(QJsonDocument(RecordStore::toJson(*list)));
    } else {
        QString text;
        for (const StationRecord &r : *list)
            text += QStringLiteral("%1  %2  %3  %4  %5  %6%7\n")
                        .arg(r.time.toLocalTime().toString(Qt::ISODate), r.mac, r.port,
                             verdictName(r.result).toUpper(),
                             r.pairId.isEmpty() ? QStringLiteral("-") : r.pairId, r.provision,
                             r.error.isEmpty() ? QString() : QStringLiteral("  ") + r.error);
        text += Tr::tr("%1 record(s)").arg(list->size());
        printText(text);
    }
    return ExitOk;
}

} // namespace Forgeline::Cli
