// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

#include "core/tls/codesplitter.h"
#include "core/tls/decodereport.h"
#include "core/tls/errordecoder.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::DecodeCommand)
};

} // namespace

int runDecode(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Explain mbedTLS, PSA, esp-tls/esp_err_t, X.509 verify-flag and WICED error codes."));
    addCommonOptions(parser);
    const QCommandLineOption mbedtlsOption(
        QStringLiteral("mbedtls"),
        Tr::tr("Pin the mbedTLS version: 2.16, 2.28, 3.0, 3.6 or 4.0 (patch releases accepted)."),
        QStringLiteral("VER"));
    const QCommandLineOption idfOption(
        QStringLiteral("idf"),
        Tr::tr(
            "ESP-IDF release of the device (e.g. 4.3, 4.4.1, 5.2): selects its mbedTLS and the esp-tls numbering."),
        QStringLiteral("VER"));
    parser.addOption(mbedtlsOption);
    parser.addOption(idfOption);
    parser.addPositionalArgument(
        QStringLiteral("CODE"),
        Tr::tr(
            "Codes as printed, separated by spaces, commas or semicolons: -0x7500, -29952, FFFF8B00, (FFFFD900), 64416, 0x801A, flags=0x00000208, MBEDTLS_ERR_SSL_CONN_EOF."),
        QStringLiteral("CODE..."));

    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;

    Tls::DecodeOptions options;
    if (parser.isSet(mbedtlsOption) && parser.isSet(idfOption)) {
        printError(Tr::tr("use either --mbedtls or --idf, not both"));
        return ExitUsage;
    }
    if (parser.isSet(mbedtlsOption)) {
        options.mbedtls = Tls::parseMbedtlsVersion(parser.value(mbedtlsOption));
        if (!options.mbedtls) {
            printError(Tr::tr("unknown mbedTLS version \"%1\"; use 2.16, 2.28, 3.0, 3.6 or 4.0")
                           .arg(parser.value(mbedtlsOption)));
            return ExitUsage;
        }
    }
    if (parser.isSet(idfOption)) {
        if (!Tls::mbedtlsForIdf(parser.value(idfOption))) {
            printError(Tr::tr("unknown ESP-IDF version \"%1\"; use e.g. 4.3, 4.4.1 or 5.2")
                           .arg(parser.value(idfOption)));
            return ExitUsage;
        }
        options.idfVersion = parser.value(idfOption);
    }
    // The arguments are read as one paste, as the Decode workspace reads its input: one argument
    // may carry several codes ("-0x7500, -29312") and "flags 0x208" stays one code.
    const QStringList codes = Tls::splitCodes(positionalArguments(parser).join(u' '));
    if (codes.isEmpty()) {
        printError(Tr::tr("decode needs at least one CODE, e.g. forgeline-cli decode -0x7500"));
        return ExitUsage;
    }

    bool allKnown = true;
    QJsonArray results;
    QString text;
    for (const QString &code : codes) {
        const Tls::DecodeResult result = Tls::ErrorDecoder::instance().decode(code, options);
        allKnown = allKnown && result.known();
        if (wantsJson(parser))
            results.append(Tls::decodeResultToJson(result));
        else
            text += (text.isEmpty() ? QString() : QStringLiteral("\n"))
                    + Tls::decodeResultToText(result);
    }
    if (wantsJson(parser)) {
        QJsonObject root;
        if (options.mbedtls)
            root.insert(QStringLiteral("mbedtls"), Tls::mbedtlsVersionName(*options.mbedtls));
        if (!options.idfVersion.isEmpty()) {
            root.insert(QStringLiteral("idf"), options.idfVersion);
            root.insert(QStringLiteral("mbedtls"),
                        Tls::mbedtlsVersionName(*Tls::mbedtlsForIdf(options.idfVersion)));
        }
        root.insert(QStringLiteral("results"), results);
        printJson(QJsonDocument(root));
    } else {
        printText(text);
    }
    return allKnown ? ExitOk : ExitFailure;
}

} // namespace Forgeline::Cli
