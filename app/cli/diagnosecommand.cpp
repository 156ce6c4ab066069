// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

#include "core/tls/diagnosisengine.h"
#include "core/tls/diagnosisreport.h"

#include <QJsonDocument>

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::DiagnoseCommand)
};

} // namespace

int runDiagnose(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Explain why a TLS handshake failed, from an mbedTLS debug log (ESP-IDF, raw mbedTLS or Arduino output, "
        "optionally .gz). With --good, the working log is aligned with the failing one and the first divergence is shown."));
    addCommonOptions(parser);
    const QCommandLineOption goodOption(QStringLiteral("good"),
                                        Tr::tr("A log of a working handshake to compare with."),
                                        QStringLiteral("GOOD.log"));
    const QCommandLineOption reportOption(
        QStringList{QStringLiteral("report"), QStringLiteral("html")},
        Tr::tr("Also write a self-contained HTML report (secrets removed)."),
        QStringLiteral("OUT.html"));
    parser.addOption(goodOption);
    parser.addOption(reportOption);
    parser.addPositionalArgument(QStringLiteral("BAD.log"),
                                 Tr::tr("The log of the failing handshake."));

    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    const QStringList positional = positionalArguments(parser);
    if (positional.size() != 1) {
        printError(Tr::tr(
            "diagnose needs exactly one failing log, e.g. forgeline-cli diagnose --good ok.log bad.log"));
        return ExitUsage;
    }

    const auto report
        = Tls::DiagnosisEngine::diagnoseFiles(positional.first(), parser.value(goodOption));
    if (!report) {
        printError(report.error());
        const QString code = report.error().code;
        const bool io = code == QLatin1String("diagnose.notfound")
                        || code == QLatin1String("diagnose.open")
                        || code == QLatin1String("diagnose.read")
                        || code == QLatin1String("diagnose.notfile");
        return io ? ExitIo : ExitFailure;
    }
    if (parser.isSet(reportOption)) {
        const auto written
            = Tls::DiagnosisReportWriter::writeHtml(report.value(), parser.value(reportOption));
        if (!written) {
            printError(written.error());
            return ExitIo;
        }
    }
    if (wantsJson(parser))
        printJson(QJsonDocument(Tls::DiagnosisReportWriter::toJson(report.value())));
    else
        printText(Tls::DiagnosisReportWriter::toText(report.value()));
    return ExitOk;
}

} // namespace Forgeline::Cli
