// SPDX-License-Identifier: GPL-3.0-or-later
// The monitor's live path on arbitrary board output: the line splitter fed in chunks whose
// sizes come from the input itself, the colour/noise handling, the code spotter and the
// incremental TLS watcher (which runs the diagnosis engine whenever a connection ends).
#include "core/monitor/linesplitter.h"
#include "core/monitor/tlswatcher.h"
#include "core/tls/logline.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline;
    if (size < 1)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const qsizetype chunk = 1 + data[0];
    Monitor::TlsWatcher watcher(QStringLiteral("fuzz.log"));
    watcher.setSuccessPattern(QRegularExpression(QStringLiteral("MQTT_EVENT_CONNECTED")));
    QByteArray scratch;
    qint64 events = 0;
    Monitor::LineSplitter splitter([&](qint64 n, QByteArrayView raw, bool cut) {
        (void)Monitor::noiseRatio(raw);
        if (!cut)
            events += watcher.addLine(n, Tls::cleanLogLine(raw, scratch)).size();
    });
    for (qsizetype at = 0; at < input.size(); at += chunk)
        splitter.push(input.sliced(at, qMin(chunk, input.size() - at)));
    splitter.flush();
    events += watcher.idle().size();
    events += watcher.finish().size();
    return events < 0;
}
