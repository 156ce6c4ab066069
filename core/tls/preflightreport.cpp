// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/preflightreport.h"

#include "core/common/redactor.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Forgeline::Tls::PreflightReportWriter {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::PreflightReport)
};

} // namespace

namespace {

QString overall(const PreflightReport &r)
{
    return r.hasFail()   ? QStringLiteral("fail")
           : r.hasWarn() ? QStringLiteral("warn")
                         : QStringLiteral("pass");
}

} // namespace

QJsonObject toJson(const PreflightReport &r)
{
    const TargetProfile &t = r.target;
    QJsonObject target{
        {QStringLiteral("id"), t.id},
        {QStringLiteral("title"), t.title},
        {QStringLiteral("mbedtls"), t.mbedtls},
        {QStringLiteral("out_content_len"), t.effectiveOutContentLen()},
        {QStringLiteral("asymmetric_content_len"), t.asymmetricContentLen},
        {QStringLiteral("have_time_date"), t.haveTimeDate},
        {QStringLiteral("large_key_software_mpi"), t.largeKeySoftwareMpi},
        {QStringLiteral("curves"), QJsonArray::fromStringList(t.curves)},
        {QStringLiteral("overrides"), QJsonArray::fromStringList(t.overridden)},
    };
    QJsonArray checks;
    for (const PreflightCheck &c : r.checks) {
        checks.append(QJsonObject{
            {QStringLiteral("check"), c.id},
            {QStringLiteral("title"), c.title},
            {QStringLiteral("status"), statusName(c.status)},
            {QStringLiteral("predicted_error"), c.predictedError},
            {QStringLiteral("predicted_error_name"), c.predictedName},
            {QStringLiteral("predicted_error_meaning"), c.predictedMeaning},
            {QStringLiteral("diagnosis_id"), c.diagnosisId},
            {QStringLiteral("message"), Redactor::redact(c.message)},
            {QStringLiteral("fix"), Redactor::redact(c.fix)},
        });
    }
    QJsonArray inputs;
    for (const QString &line : r.inputs)
        inputs.append(Redactor::redact(line));
    return QJsonObject{
        {QStringLiteral("target"), target},
        {QStringLiteral("device_clock"),
         r.deviceClock == DeviceClock::Synced ? QStringLiteral("synced") : QStringLiteral("unset")},
        {QStringLiteral("inputs"), inputs},
        {QStringLiteral("result"), overall(r)},
        {QStringLiteral("checks"), checks},
    };
}

QString toText(const PreflightReport &r)
{
    QString out = Tr::tr("Preflight against %1, device clock %2\n")
                      .arg(r.target.title, r.deviceClock == DeviceClock::Synced
                                               ? QStringLiteral("synced")
                                               : QStringLiteral("unset (1970)"));
    if (!r.target.overridden.isEmpty())
        out += Tr::tr("  overrides: %1\n").arg(r.target.overridden.join(QStringLiteral(", ")));
    for (const QString &line : r.inputs)
        out += QStringLiteral("  %1\n").arg(line);
    out += QLatin1Char('\n');
    for (const PreflightCheck &c : r.checks) {
        out += QStringLiteral("[%1] %2: %3\n").arg(statusName(c.status).toUpper(), c.id, c.message);
        if (!c.predictedError.isEmpty())
            out += Tr::tr("       device error: %1 %2%3\n")
                       .arg(c.predictedError, c.predictedName,
                            c.predictedMeaning.isEmpty()
                                ? QString()
                                : QStringLiteral(" (%1)").arg(c.predictedMeaning));
        if (!c.diagnosisId.isEmpty() && c.status != PreflightCheck::Status::Pass)
            out += Tr::tr("       diagnosis: %1\n").arg(c.diagnosisId);
        if (!c.fix.isEmpty())
            out += Tr::tr("       fix: %1\n").arg(c.fix);
    }
    out += Tr::tr("\nResult: %1\n").arg(overall(r).toUpper());
    return Redactor::redact(out);
}

} // namespace Forgeline::Tls::PreflightReportWriter
