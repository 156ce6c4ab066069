// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/diagnosisengine.h"

#include "core/tls/diagnosisrules.h"
#include "core/tls/diagnosisvocabulary.h"
#include "core/tls/errordecoder.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <thread>

namespace Forgeline::Tls {

namespace {

// A class, so that lupdate files these texts under the context tr() uses.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::DiagnosisEngine)
};

std::optional<MbedtlsVersion> versionFor(MbedtlsGeneration g)
{
    switch (g) {
    case MbedtlsGeneration::V2Legacy: return MbedtlsVersion::V2_16;
    case MbedtlsGeneration::V2Modern: return MbedtlsVersion::V2_28;
    case MbedtlsGeneration::V3: return MbedtlsVersion::V3_6;
    case MbedtlsGeneration::Unknown: break;
    }
    return std::nullopt;
}

Diagnosis toDiagnosis(const Finding &f, const QString &file, const HandshakeTrace *trace)
{
    Diagnosis d;
    d.id = f.id;
    d.confidence = f.confidence;
    if (const DiagnosisVocabulary::Entry *entry = DiagnosisVocabulary::instance().find(f.id)) {
        d.title = entry->title;
        d.explanation = DiagnosisVocabulary::fill(entry->explanation, f.values);
        for (const QString &fix : entry->fixes)
            d.fixes << DiagnosisVocabulary::fill(fix, f.values);
    } else {
        d.title = f.id;
    }
    QSet<qint64> seen;
    for (const HandshakeEvent &e : f.evidence) {
        if (seen.contains(e.line))
            continue;
        seen.insert(e.line);
        d.evidence.append({file, e.line, describeEvent(e, trace), false});
    }
    std::sort(d.evidence.begin(), d.evidence.end(),
              [](const EvidenceLine &a, const EvidenceLine &b) { return a.line < b.line; });
    return d;
}

} // namespace

DecodedError DiagnosisEngine::nameError(int code, MbedtlsGeneration generation)
{
    DecodedError out;
    out.code = code;
    DecodeOptions options;
    options.mbedtls = versionFor(generation);
    const DecodeResult result = ErrorDecoder::instance().decode(formatCode(code), options);
    for (const Reading &r : result.readings) {
        if (r.kind == Reading::Kind::Mbedtls || r.kind == Reading::Kind::MbedtlsComposite
            || r.kind == Reading::Kind::Psa) {
            out.name = r.name;
            out.meaning = r.meaning;
            break;
        }
    }
    if (out.name.isEmpty() && !result.readings.isEmpty()) {
        out.name = result.readings.first().name;
        out.meaning = result.readings.first().meaning;
    }
    return out;
}

DiagnosisReport DiagnosisEngine::diagnose(LogAnalysis bad, std::optional<LogAnalysis> good)
{
    DiagnosisReport report;
    report.badFile = bad.source;
    report.bad = std::move(bad);
    if (good) {
        report.goodFile = good->source;
        report.good = std::move(good);
    }
    if (const HandshakeTrace *t = report.bad.failingTrace())
        report.badTrace = t->index;
    if (report.good) {
        if (const HandshakeTrace *t = report.good->workingTrace())
            report.goodTrace = t->index;
    }
    const HandshakeTrace *badTrace = report.badHandshake();
    const HandshakeTrace *goodTrace = report.goodHandshake();
    if (badTrace && goodTrace)
        report.diff = TraceDiff::compare(*goodTrace, *badTrace);

    // Errors named once each, in order of appearance.
    if (badTrace) {
        QSet<int> seen;
        for (const HandshakeEvent &e : badTrace->events) {
            if (e.code == 0 || seen.contains(e.code))
                continue;
            seen.insert(e.code);
            DecodedError named = nameError(e.code, badTrace->generation);
            named.firstLine = e.line;
            report.decodedErrors.append(named);
        }
        if (!badTrace->succeeded()) {
            if (const HandshakeEvent *e = badTrace->finalErrorEvent()) {
                const DecodedError named = nameError(e->code, badTrace->generation);
                report.finalError = FinalError{e->code, named.name, named.meaning, e->line};
            }
        }
    }

    const RuleInput input{report.bad, badTrace, goodTrace, report.diff ? &*report.diff : nullptr};
    const QList<Finding> findings = runDiagnosisRules(input);
    const Divergence *divergence = report.diff ? report.diff->first() : nullptr;
    for (const Finding &f : findings) {
        Diagnosis d = toDiagnosis(f, report.badFile, badTrace);
        // A working log sharpens a conclusion whose evidence is exactly where the runs part.
        if (divergence) {
            for (const EvidenceLine &ev : d.evidence) {
                if (ev.line == divergence->badLine) {
                    d.confidence = std::min(0.99, d.confidence + 0.05);
                    d.evidence.append(
                        {report.goodFile, divergence->goodLine,
                         Tr::tr("the working log at this point: %1").arg(divergence->summary),
                         true});
                    break;
                }
            }
        }
        report.diagnoses.append(std::move(d));
    }
    std::stable_sort(
        report.diagnoses.begin(), report.diagnoses.end(),
        [](const Diagnosis &a, const Diagnosis &b) { return a.confidence > b.confidence; });
    return report;
}

Result<DiagnosisReport> DiagnosisEngine::diagnoseBytes(QByteArrayView bad, QByteArrayView good)
{
    auto badAnalysis = TraceBuilder::analyseBytes(bad, QStringLiteral("failing.log"));
    if (!badAnalysis)
        return badAnalysis.error();
    std::optional<LogAnalysis> goodAnalysis;
    if (!good.isEmpty()) {
        auto g = TraceBuilder::analyseBytes(good, QStringLiteral("working.log"));
        if (!g)
            return g.error();
        goodAnalysis = std::move(g.value());
    }
    return diagnose(std::move(badAnalysis.value()), std::move(goodAnalysis));
}

Result<DiagnosisReport> DiagnosisEngine::diagnoseFiles(const QString &badPath,
                                                       const QString &goodPath,
                                                       const LogReader::Progress &progress)
{
    const qint64 badSize = QFileInfo(badPath).size();
    const qint64 goodSize = goodPath.isEmpty() ? 0 : QFileInfo(goodPath).size();
    std::atomic<qint64> badDone{0};
    std::atomic<qint64> goodDone{0};
    std::atomic<bool> cancelled{false};
    auto reporter = [&](std::atomic<qint64> &mine) {
        return [&, total = badSize + goodSize](qint64 done, qint64) {
            mine = done;
            if (cancelled)
                return false;
            if (progress && !progress(badDone + goodDone, total))
                cancelled = true;
            return !cancelled.load();
        };
    };

    std::optional<Result<LogAnalysis>> goodResult;
    std::thread goodThread;
    if (!goodPath.isEmpty()) {
        // The two logs are independent: read them on both cores.
        goodThread = std::thread(
            [&] { goodResult.emplace(TraceBuilder::analyseFile(goodPath, reporter(goodDone))); });
    }
    Result<LogAnalysis> badResult = TraceBuilder::analyseFile(badPath, reporter(badDone));
    if (goodThread.joinable())
        goodThread.join();

    if (!badResult)
        return badResult.error();
    std::optional<LogAnalysis> good;
    if (goodResult) {
        if (!goodResult->ok()) {
            Error e = goodResult->error();
            e.message = Tr::tr("Working log: %1").arg(e.message);
            return e;
        }
        good = std::move(goodResult->value());
    }
    return diagnose(std::move(badResult.value()), std::move(good));
}

} // namespace Forgeline::Tls
