// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

#include "core/tls/preflightengine.h"
#include "core/tls/preflightreport.h"

#include <QFile>
#include <QJsonDocument>

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::PreflightCommand)
};

} // namespace

namespace {

std::optional<qint64> parseSize(const QString &text)
{
    bool ok = false;
    const QString t = text.trimmed();
    const qint64 v = t.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)
                         ? t.mid(2).toLongLong(&ok, 16)
                         : t.toLongLong(&ok, 10);
    if (!ok || v <= 0)
        return std::nullopt;
    return v;
}

// The first line of the file, so `echo secret > pw` works; never echoed anywhere.
Result<QByteArray> readPassword(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("preflight.open"),
                           Tr::tr("Cannot read the password file %1.").arg(path),
                           file.errorString());
    QByteArray line = file.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

int runPreflight(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Predict the device's TLS failure before flashing: checks a device certificate (and chain) and its key against the "
        "mbedTLS of an ESP-IDF release - key match and format, chain to the CA, client EKU, dates and the device clock, key "
        "algorithm and size, the Certificate message against the TX buffer, and the partition size. Exit 0 when every check "
        "passes or warns, 1 when one fails."));
    addCommonOptions(parser);
    const QCommandLineOption certOpt(
        QStringLiteral("cert"),
        Tr::tr("Device certificate (PEM or DER; a PEM file may hold the chain too)."),
        QStringLiteral("FILE"));
    const QCommandLineOption chainOpt(
        QStringLiteral("chain"),
        Tr::tr("Intermediate certificates the device sends after its own."),
        QStringLiteral("FILE"));
    const QCommandLineOption keyOpt(
        QStringLiteral("key"), Tr::tr("Device private key (PEM or DER: PKCS#1, SEC1, PKCS#8)."),
        QStringLiteral("FILE"));
    const QCommandLineOption caOpt(
        QStringLiteral("ca"),
        Tr::tr("CA that issued the device certificate (what the server trusts); repeatable."),
        QStringLiteral("FILE"));
    const QCommandLineOption p12Opt(
        QStringLiteral("p12"),
        Tr::tr("PKCS#12 archive with certificate, key and chain (instead of --cert/--key)."),
        QStringLiteral("FILE"));
    const QCommandLineOption passwordOpt(
        QStringLiteral("password-file"),
        Tr::tr("File whose first line is the PKCS#12 or key password."), QStringLiteral("FILE"));
    const QCommandLineOption targetOpt(
        QStringLiteral("target"),
        Tr::tr("Target profile, e.g. idf-4.0 (default), idf-5.2. See --list-targets."),
        QStringLiteral("ID"), Tls::TargetProfiles::defaultId());
    const QCommandLineOption clockOpt(
        QStringLiteral("device-clock"),
        Tr::tr(
            "Device clock at the first TLS connection: unset (1970, no SNTP; default) or synced."),
        QStringLiteral("unset|synced"), QStringLiteral("unset"));
    const QCommandLineOption partOpt(
        QStringLiteral("partition-size"),
        Tr::tr("Size of the certificate partition in bytes (decimal or 0x hex)."),
        QStringLiteral("N"));
    const QCommandLineOption keyPartOpt(QStringLiteral("key-partition-size"),
                                        Tr::tr("Size of the key partition in bytes."),
                                        QStringLiteral("N"));
    const QCommandLineOption overrideOpt(
        QStringLiteral("override"),
        Tr::tr("Override a target default, e.g. out_content_len=8192, have_time_date=y, "
               "large_key_software_mpi=y, curves=-secp256k1; repeatable."),
        QStringLiteral("NAME=VALUE"));
    const QCommandLineOption listOpt(QStringLiteral("list-targets"),
                                     Tr::tr("List the target profiles and exit."));
    for (const auto &o : {certOpt, chainOpt, keyOpt, caOpt, p12Opt, passwordOpt, targetOpt,
                          clockOpt, partOpt, keyPartOpt, overrideOpt, listOpt})
        parser.addOption(o);

    const int early = parseOrExit(parser, arguments);
    if (early >= 0)
        return early;
    if (parser.isSet(listOpt)) {
        for (const QString &id : Tls::TargetProfiles::ids()) {
            const auto p = Tls::TargetProfiles::load(id);
            printText(p ? QStringLiteral("%1\t%2\tout_content_len=%3")
                              .arg(id, p->title)
                              .arg(p->effectiveOutContentLen())
                        : id);
        }
        return ExitOk;
    }

    Tls::PreflightInputs in;
    in.certFile = parser.value(certOpt);
    in.chainFile = parser.value(chainOpt);
    in.keyFile = parser.value(keyOpt);
    in.caFiles = parser.values(caOpt);
    in.p12File = parser.value(p12Opt);
    in.targetId = parser.value(targetOpt);
    in.overrides = parser.values(overrideOpt);
    if (in.p12File.isEmpty() && (in.certFile.isEmpty() || in.keyFile.isEmpty())) {
        printError(Tr::tr("preflight needs --cert FILE and --key FILE, or --p12 FILE"));
        return ExitUsage;
    }
    const QString clock = parser.value(clockOpt).toLower();
    if (clock != QLatin1String("unset") && clock != QLatin1String("synced")) {
        printError(Tr::tr("--device-clock is unset or synced, not \"%1\"").arg(clock));
        return ExitUsage;
    }
    in.deviceClock
        = clock == QLatin1String("synced") ? Tls::DeviceClock::Synced : Tls::DeviceClock::Unset;
    for (const auto &[opt, field] :
         {std::pair{&partOpt, &in.partitionSize}, std::pair{&keyPartOpt, &in.keyPartitionSize}}) {
        if (!parser.isSet(*opt))
            continue;
        *field = parseSize(parser.value(*opt));
        if (!*field) {
            printError(Tr::tr("--%1 needs a positive number of bytes, not \"%2\"")
                           .arg(opt->names().first(), parser.value(*opt)));
            return ExitUsage;
        }
    }
    if (parser.isSet(passwordOpt)) {
        auto password = readPassword(parser.value(passwordOpt));
        if (!password) {
            printError(password.error());
            return ExitIo;
        }
        in.password = *password;
    }

    const auto report = Tls::PreflightEngine::run(in);
    if (!report) {
        printError(report.error());
        const QString code = report.error().code;
        if (code == QLatin1String("preflight.target") || code == QLatin1String("preflight.override")
            || code == QLatin1String("preflight.usage"))
            return ExitUsage;
        if (code == QLatin1String("preflight.notfound")
            || code == QLatin1String("preflight.notfile")
            || code == QLatin1String("preflight.open"))
            return ExitIo;
        return ExitFailure;
    }
    if (wantsJson(parser))
        printJson(QJsonDocument(Tls::PreflightReportWriter::toJson(*report)));
    else
        printText(Tls::PreflightReportWriter::toText(*report));
    return report->hasFail() ? ExitFailure : ExitOk;
}

} // namespace Forgeline::Cli
