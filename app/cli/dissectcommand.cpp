// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

#include "core/tls/records/dissector.h"
#include "core/tls/targetprofile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace Forgeline::Cli {

int runDissect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show the TLS records and handshake messages in a capture (.pcap, .pcapng), "
                       "a text hex dump (tcpdump -X, "
                       "xxd, Wireshark, openssl -msg, bare hex) or a device log with mbedTLS debug "
                       "dumps, and what the framing "
                       "means for an embedded peer. FILE - reads standard input."));
    addCommonOptions(parser);
    const QCommandLineOption streamOption(
        QStringLiteral("stream"), QStringLiteral("Only this stream (Wireshark's tcp.stream)."),
        QStringLiteral("N"));
    const QCommandLineOption targetOption(
        QStringLiteral("target"),
        QStringLiteral("The receiving device's profile (e.g. idf-4.4), for record sizes."),
        QStringLiteral("ID"));
    parser.addOption(streamOption);
    parser.addOption(targetOption);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Capture, hex dump or log; - for stdin."),
                                 QStringLiteral("FILE..."));
    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    const QStringList files = positionalArguments(parser);
    if (files.isEmpty()) {
        printError(
            QStringLiteral("dissect needs a file, e.g. forgeline-cli dissect capture.pcapng"));
        return ExitUsage;
    }
    Tls::DissectOptions options;
    options.targetId = parser.value(targetOption);
    if (parser.isSet(streamOption)) {
        bool ok = false;
        const int stream = parser.value(streamOption).toInt(&ok);
        if (!ok || stream < 0) {
            printError(QStringLiteral("--stream takes a stream number, e.g. --stream 0"));
            return ExitUsage;
        }
        options.stream = stream;
    }
    if (!options.targetId.isEmpty()) {
        if (const auto profile = Tls::TargetProfiles::load(options.targetId); !profile) {
            printError(profile.error().message);
            return ExitUsage;
        }
    }

    QJsonArray json;
    QString text;
    int worst = ExitOk;
    for (const QString &file : files) {
        Result<Tls::DissectReport> report = Error{};
        if (file == QLatin1String("-")) {
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly)) {
                printError(QStringLiteral("cannot read standard input"));
                return ExitIo;
            }
            report = Tls::Dissector::dissectBytes(in.readAll(), QStringLiteral("stdin"), options);
        } else {
            report = Tls::Dissector::dissectFile(file, options);
        }
        if (!report) {
            printError(report.error());
            const QString code = report.error().code;
            const bool io = code == QLatin1String("dissect.notfound")
                            || code == QLatin1String("dissect.open")
                            || code.startsWith(QLatin1String("diagnose."));
            worst = std::max(worst, io ? int(ExitIo) : int(ExitFailure));
            continue;
        }
        if (report->streams.isEmpty())
            worst = std::max(worst, int(ExitFailure));
        if (wantsJson(parser))
            json.append(Tls::DissectReportWriter::toJson(report.value()));
        else
            text += Tls::DissectReportWriter::toText(report.value());
    }
    if (wantsJson(parser)) {
        if (json.size() == 1)
            printJson(QJsonDocument(json.first().toObject()));
        else if (!json.isEmpty())
            printJson(QJsonDocument(json));
    } else if (!text.isEmpty()) {
        printText(text);
    }
    return worst;
}

} // namespace Forgeline::Cli
