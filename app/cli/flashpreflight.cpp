// SPDX-License-Identifier: GPL-3.0-or-later
// The preflight `forgeline-cli flash` runs before it writes a certificate or a key.
#include "flashpreflight.h"

#include "core/common/redactor.h"
#include "core/image/certpayload.h"
#include "core/tls/preflightengine.h"
#include "core/tls/preflightreport.h"

#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::FlashPreflight)
};

} // namespace

namespace {

enum class Role { None, Certificate, Key };

// What the file to be written is; anything but a certificate or a private key is not checked.
Role roleOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 256 * 1024)
        return Role::None;
    const QByteArray bytes = f.readAll();
    const auto payload = Image::encodeCertPayload(bytes, Image::PayloadFormat::Der);
    if (!payload)
        return Role::None;
    if (payload->isPrivateKey)
        return Role::Key;
    if (bytes.contains("-----BEGIN ") && !bytes.contains("-----BEGIN CERTIFICATE-----"))
        return Role::None;
    return Role::Certificate;
}

void note(const QString &text, bool jsonOutput)
{
    if (!jsonOutput)
        std::fprintf(stderr, "%s\n", text.toUtf8().constData());
}

QString failingChecksText(const Tls::PreflightReport &report)
{
    QString out;
    for (const Tls::PreflightCheck &c : report.checks) {
        if (c.status != Tls::PreflightCheck::Status::Fail)
            continue;
        out += QStringLiteral("[FAIL] %1: %2\n").arg(c.id, c.message);
        if (!c.predictedError.isEmpty())
            out += Tr::tr("       device error: %1 %2%3\n")
                       .arg(c.predictedError, c.predictedName,
                            c.predictedMeaning.isEmpty()
                                ? QString()
                                : QStringLiteral(" (%1)").arg(c.predictedMeaning));
        if (!c.diagnosisId.isEmpty())
            out += Tr::tr("       diagnosis: %1\n").arg(c.diagnosisId);
        if (!c.fix.isEmpty())
            out += Tr::tr("       fix: %1\n").arg(c.fix);
    }
    return Redactor::redact(out);
}

} // namespace

void FlashPreflightOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({cert, key, chain, ca, target, clock, overrides, force});
}

int FlashPreflightOptions::run(const QCommandLineParser &parser, const QString &payloadFile,
                               bool jsonOutput, QJsonObject *json) const
{
    const QString clockText = parser.value(clock).toLower();
    if (clockText != QLatin1String("unset") && clockText != QLatin1String("synced")) {
        printError(Tr::tr("--device-clock is unset or synced, not \"%1\"").arg(clockText));
        return ExitUsage;
    }
    const Role role = roleOf(payloadFile);
    if (role == Role::None) {
        *json = QJsonObject{
            {QStringLiteral("skipped"), QStringLiteral("not a certificate or private key")}};
        return -1;
    }
    Tls::PreflightInputs in;
    in.certFile = role == Role::Certificate ? payloadFile : parser.value(cert);
    in.keyFile = role == Role::Key ? payloadFile : parser.value(key);
    in.chainFile = parser.value(chain);
    in.caFiles = parser.values(ca);
    in.targetId = parser.value(target);
    in.overrides = parser.values(overrides);
    in.deviceClock
        = clockText == QLatin1String("synced") ? Tls::DeviceClock::Synced : Tls::DeviceClock::Unset;
    if (in.certFile.isEmpty() || in.keyFile.isEmpty()) {
        const QString missing = in.keyFile.isEmpty()
                                    ? Tr::tr("--key F (the certificate's private key)")
                                    : Tr::tr("--cert F (the key's certificate)");
        *json = QJsonObject{{QStringLiteral("skipped"), QStringLiteral("needs %1").arg(missing)}};
        note(Tr::tr("Preflight skipped: give %1 to check the pair before writing.").arg(missing),
             jsonOutput);
        return -1;
    }

    const auto report = Tls::PreflightEngine::run(in);
    const bool forced = parser.isSet(force);
    if (!report) {
        const QString code = report.error().code;
        if (code == QLatin1String("preflight.target") || code == QLatin1String("preflight.override")
            || code == QLatin1String("preflight.usage")) {
            printError(report.error());
            return ExitUsage;
        }
        if (code == QLatin1String("preflight.notfound")
            || code == QLatin1String("preflight.notfile")
            || code == QLatin1String("preflight.open")) {
            printError(report.error());
            return ExitIo;
        }
        // Files the preflight cannot read are a red check: the device would not read them either.
        *json = QJsonObject{{QStringLiteral("result"), QStringLiteral("error")},
                            {QStringLiteral("error"),
                             QJsonObject{{QStringLiteral("code"), code},
                                         {QStringLiteral("message"), report.error().message},
                                         {QStringLiteral("fix"), report.error().fix}}}};
        if (!forced) {
            printError(report.error());
            if (jsonOutput)
                printJson(QJsonDocument(QJsonObject{{QStringLiteral("ok"), false},
                                                    {QStringLiteral("preflight"), *json}}));
            return ExitFailure;
        }
        note(Tr::tr("Preflight could not check the files (%1); writing anyway (--force).")
                 .arg(report.error().message),
             jsonOutput);
        return -1;
    }

    *json = Tls::PreflightReportWriter::toJson(*report);
    json->insert(QStringLiteral("forced"), forced && report->hasFail());
    if (!report->hasFail()) {
        note(Tr::tr("Preflight against %1: %2 (%3 checks).")
                 .arg(report->target.title,
                      report->hasWarn() ? Tr::tr("warnings only") : Tr::tr("all pass"))
                 .arg(report->checks.size()),
             jsonOutput);
        return -1;
    }
    if (!jsonOutput)
        std::fprintf(stderr, "Preflight against %s predicts a device failure:\n%s",
                     report->target.title.toUtf8().constData(),
                     failingChecksText(*report).toUtf8().constData());
    if (forced) {
        note(Tr::tr("Writing anyway (--force)."), jsonOutput);
        return -1;
    }
    const Error refusal = Error::make(
        QStringLiteral("preflight.fail"),
        Tr::tr("Not written: the preflight predicts the device will fail."), {},
        Tr::tr("Fix the certificate/key (see the fixes above) or pass --force to write anyway."));
    printError(refusal);
    if (jsonOutput)
        printJson(QJsonDocument(QJsonObject{
            {QStringLiteral("ok"), false},
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), refusal.code},
                                                  {QStringLiteral("message"), refusal.message},
                                                  {QStringLiteral("fix"), refusal.fix}}},
            {QStringLiteral("preflight"), *json}}));
    return ExitFailure;
}

} // namespace Forgeline::Cli
