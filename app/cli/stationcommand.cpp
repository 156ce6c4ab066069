// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline-cli station: one recipe on many ports at once, one JSON line per event.
#include "clicommon.h"

#include "core/common/redactor.h"
#include "core/station/portwatcher.h"
#include "core/station/stationevent.h"
#include "core/station/stationjob.h"
#include "core/station/stationsetup.h"

#include <QEventLoop>
#include <QHostInfo>
#include <QJsonDocument>
#include <QTimer>

#include <csignal>
#include <cstdio>

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::StationCommand)
};

} // namespace

using namespace Station;

namespace {

volatile std::sig_atomic_t g_stop = 0;
void onStop(int) { g_stop = 1; }

void printEventLine(const StationEvent &ev, bool json)
{
    if (json) {
        const QByteArray line = QJsonDocument(ev.toJson()).toJson(QJsonDocument::Compact);
        std::fprintf(stdout, "%s\n",
                     Redactor::redact(QString::fromUtf8(line)).toUtf8().constData());
        std::fflush(stdout);
        return;
    }
    const QString &port = ev.port;
    QString text;
    switch (ev.kind) {
    case StationEvent::Kind::Step: text = ev.step + QStringLiteral("..."); break;
    case StationEvent::Kind::Identified:
        text = (ev.description.isEmpty() ? ev.chip : ev.description) + QStringLiteral(", MAC ")
               + ev.mac;
        break;
    case StationEvent::Kind::Claimed:
        text = Tr::tr("certificate %1%2")
                   .arg(ev.pair, ev.reused ? Tr::tr(" (already this board's)") : QString());
        break;
    case StationEvent::Kind::Appeared: text = Tr::tr("board plugged in"); break;
    case StationEvent::Kind::Retry: text = Tr::tr("retrying %1: %2").arg(ev.step, ev.reason); break;
    case StationEvent::Kind::Result:
        text = ev.verdict == StationEvent::Verdict::Pass
                   ? Tr::tr("PASS (%1 s)").arg(double(ev.elapsedMs) / 1000.0, 0, 'f', 1)
                   : Tr::tr("%1 at %2: %3")
                         .arg(verdictName(ev.verdict).toUpper(), ev.failedStep, ev.error);
        break;
    default: return; // progress and log lines only in --json
    }
    std::fprintf(stderr, "[%s] %s\n", port.toUtf8().constData(),
                 Redactor::redact(text).toUtf8().constData());
}

void printErrorWithDetail(const Error &error)
{
    printError(error.detail.isEmpty() ? error.message
                                      : error.message + QStringLiteral(" ") + error.detail);
}

} // namespace

int runStation(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run a recipe (identify, claim a certificate, preflight, flash, verify, provision, record) on many boards at once."));
    addCommonOptions(parser);
    const QCommandLineOption recipeOpt(QStringLiteral("recipe"), Tr::tr("Recipe JSON file."),
                                       QStringLiteral("R.json"));
    const QCommandLineOption portsOpt(
        QStringLiteral("ports"),
        Tr::tr("Comma-separated ports: serial, pty or socket://host:port."),
        QStringLiteral("P1,P2"));
    const QCommandLineOption poolOpt(
        QStringLiteral("pool"), Tr::tr("Folder of <id>.crt + <id>.key pairs (or manifest.csv)."),
        QStringLiteral("DIR"));
    const QCommandLineOption dbOpt(
        QStringLiteral("db"),
        Tr::tr(
            "Station database: sqlite:///path or postgresql://user@host:port/db (default: app data)."),
        QStringLiteral("URL"));
    const QCommandLineOption operatorOpt(QStringLiteral("operator"),
                                         Tr::tr("Operator name for the records."),
                                         QStringLiteral("NAME"));
    const QCommandLineOption stationOpt(
        QStringLiteral("station"), Tr::tr("Station name for the records (default: host name)."),
        QStringLiteral("NAME"));
    const QCommandLineOption watchOpt(
        QStringLiteral("watch"),
        Tr::tr(
            "Keep running and start every board plugged in (a serial port that appears) until Ctrl+C."));
    const QCommandLineOption watchPatternOpt(
        QStringLiteral("watch-pattern"),
        Tr::tr(
            "With --watch, only ports whose path matches, e.g. '/dev/serial/by-id/usb-Silicon_Labs*' (implies --watch)."),
        QStringLiteral("GLOB"));
    parser.addOptions(
        {recipeOpt, portsOpt, poolOpt, dbOpt, operatorOpt, stationOpt, watchOpt, watchPatternOpt});
    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    const bool json = wantsJson(parser);
    const bool watch = parser.isSet(watchOpt) || parser.isSet(watchPatternOpt);
    if (!parser.isSet(recipeOpt) || (!parser.isSet(portsOpt) && !watch)) {
        printError(Tr::tr("--recipe and --ports (or --watch) are required"));
        return ExitUsage;
    }
    auto recipe = Recipe::load(parser.value(recipeOpt));
    if (!recipe) {
        // A file that cannot be read is named with the system's reason ("/x.json: No such
        // file or directory"); a recipe that does not parse says where, and how to fix it.
        const bool unreadable = recipe.error().code == QStringLiteral("recipe.read");
        if (unreadable)
            printErrorWithDetail(recipe.error());
        else
            printError(recipe.error());
        return unreadable ? ExitIo : ExitUsage;
    }
    const QStringList ports = parser.value(portsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (ports.isEmpty() && !watch) {
        printError(Tr::tr("--ports names no port"));
        return ExitUsage;
    }

    // The same setup as the Station workspace (core/station/stationsetup.h).
    StationSetupRequest setup;
    setup.databaseUrl = parser.value(dbOpt);
    setup.poolDirectory = parser.isSet(poolOpt) ? parser.value(poolOpt) : QString();
    setup.needsPool = recipe->needsPair();
    Result<std::unique_ptr<StationResources>> station = openStation(setup);
    if (!station) {
        if (station.error().code == ErrorCode::StationNoPool) {
            printError(Tr::tr("the recipe writes a certificate: give --pool DIR or --db URL"));
            return ExitUsage;
        }
        printErrorWithDetail(station.error());
        return ExitIo;
    }
    if ((*station)->flushedFromSpool > 0 && !json)
        std::fprintf(stderr, "%d record(s) kept while the database was away are now stored.\n",
                     (*station)->flushedFromSpool);
    if ((*station)->spoolError)
        printErrorWithDetail(*(*station)->spoolError);

    StationContext context;
    context.station
        = parser.isSet(stationOpt) ? parser.value(stationOpt) : QHostInfo::localHostName();
    context.operatorName = parser.value(operatorOpt);
    context.pool = (*station)->pool ? &*(*station)->pool : nullptr;
    context.records = &*(*station)->records;
    context.spool = (*station)->spool.get();

    QEventLoop loop;
    StationJob job(*recipe, context);
    std::optional<StationSummary> summary;
    bool stopping = false;
    QObject::connect(&job, &StationJob::stationEvent, &loop,
                     [json](const StationEvent &e) { printEventLine(e, json); });
    QObject::connect(&job, &StationJob::finished, &loop, [&](const StationSummary &s) {
        summary = s;
        // Watching, an idle line waits for the next board; only Ctrl+C ends it.
        if (!watch || stopping)
            loop.quit();
    });
    PortWatcher watcher;
    if (watch) {
        watcher.setPattern(parser.value(watchPatternOpt));
        QObject::connect(&watcher, &PortWatcher::portAppeared, &loop, [&](const QString &port) {
            if (stopping || !job.acceptsAppearedPort(port))
                return; // running there, or its own reset into the firmware made the port blink
            StationEvent appeared;
            appeared.kind = StationEvent::Kind::Appeared;
            appeared.port = port;
            printEventLine(appeared, json);
            // Let udev finish (permissions) and the bridge settle before the first byte.
            QTimer::singleShot(500, &loop, [&job, &stopping, port] {
                if (!stopping && job.acceptsAppearedPort(port))
                    job.startPort(port);
            });
        });
        watcher.start();
        // Scripts (and tests) plug boards in only after this: ports present now never start.
        if (json) {
            StationEvent watching;
            watching.kind = StationEvent::Kind::Watching;
            watching.pattern = parser.value(watchPatternOpt);
            printEventLine(watching, true);
        }
        if (!json)
            std::fprintf(stderr, "Watching %s for boards; Ctrl+C to stop.\n",
                         parser.isSet(watchPatternOpt) ? qPrintable(parser.value(watchPatternOpt))
                                                       : "serial ports");
    }
    g_stop = 0;
    auto previous = std::signal(SIGINT, onStop);
    auto previousTerm = std::signal(SIGTERM, onStop);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (!g_stop || stopping)
            return;
        stopping = true;
        watcher.stop();
        if (job.running())
            job.cancel(); // finished() follows and quits
        else
            loop.quit();
    });
    poll.start(50);
    if (!ports.isEmpty())
        job.start(ports);
    if (!summary || watch)
        loop.exec();
    std::signal(SIGINT, previous);
    std::signal(SIGTERM, previousTerm);
    if (!summary)
        summary = job.summary();

    StationEvent done;
    done.kind = StationEvent::Kind::Summary;
    done.passed = summary->passed;
    done.failed = summary->failed;
    done.cancelled = summary->cancelled;
    done.elapsedMs = summary->elapsedMs;
    done.boardsPerHour
        = summary->elapsedMs > 0 ? summary->passed * 3600000.0 / double(summary->elapsedMs) : 0.0;
    if (json)
        printEventLine(done, true);
    else
        printText(Tr::tr("%1 passed, %2 failed%3 in %4 s")
                      .arg(summary->passed)
                      .arg(summary->failed)
                      .arg(summary->cancelled ? Tr::tr(", %1 stopped").arg(summary->cancelled)
                                              : QString())
                      .arg(double(summary->elapsedMs) / 1000.0, 0, 'f', 1));
    // A watching line stopped while idle ended normally; boards cut off mid-run did not.
    if (summary->cancelled || (stopping && !watch))
        return ExitCancelled;
    return summary->failed ? ExitFailure : ExitOk;
}

} // namespace Forgeline::Cli
