// SPDX-License-Identifier: GPL-3.0-or-later
// Trace building, diffing and the diagnosis rules on arbitrary lines. Input before a
// "\n====\n" separator is the failing log, after it the working log.
#include "core/tls/diagnosisengine.h"
#include "core/tls/logline.h"
#include "core/tls/tracebuilder.h"

#include <cstddef>
#include <cstdint>

namespace {

Forgeline::Tls::LogAnalysis build(QByteArrayView text)
{
    using namespace Forgeline::Tls;
    TraceBuilder builder;
    QByteArray scratch;
    qint64 number = 0;
    while (!text.isEmpty()) {
        qsizetype end = text.indexOf('\n');
        if (end < 0)
            end = text.size();
        builder.addLine(++number, cleanLogLine(text.first(end), scratch));
        text = text.sliced(qMin(end + 1, text.size()));
    }
    return builder.finish();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline::Tls;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype split = bytes.indexOf(QByteArrayView("\n====\n"));
    LogAnalysis bad = build(split < 0 ? bytes : bytes.first(split));
    std::optional<LogAnalysis> good;
    if (split >= 0)
        good = build(bytes.sliced(split + 6));
    for (const HandshakeTrace &t : bad.traces) {
        for (const HandshakeEvent &e : t.events) {
            if (e.line <= 0 || e.endLine < e.line)
                __builtin_trap();
            (void)describeEvent(e, &t);
        }
    }
    const DiagnosisReport report = DiagnosisEngine::diagnose(std::move(bad), std::move(good));
    for (const Diagnosis &d : report.diagnoses) {
        if (d.id.isEmpty() || d.confidence <= 0 || d.confidence > 1)
            __builtin_trap();
    }
    return 0;
}
