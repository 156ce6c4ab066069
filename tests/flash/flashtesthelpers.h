// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/flasher/flashjob.h"
#include "core/sim/romdevice.h"
#include "core/sim/romserialserver.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <optional>

namespace FlashTest {

using namespace Forgeline;
using namespace Forgeline::Flasher;

// A PEM-looking certificate of `size` bytes (base64 of random bytes between the armour),
// so it compresses like the real thing.
inline QByteArray fakePem(const char *label, int size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray head = QByteArray("-----BEGIN ") + label + "-----\n";
    QByteArray tail = QByteArray("-----END ") + label + "-----\n";
    QByteArray raw;
    while (raw.size() * 4 / 3 + head.size() + tail.size() + raw.size() / 48 < size)
        raw.append(char(rng.bounded(256)));
    QByteArray b64 = raw.toBase64();
    QByteArray body;
    for (qsizetype i = 0; i < b64.size(); i += 64)
        body += b64.mid(i, 64) + '\n';
    QByteArray out = head + body + tail;
    return out.left(size - int(tail.size())) + tail;
}

// Puts the board on a pseudo-terminal ("pty") or a TCP port; returns the address, empty on failure.
inline QString listen(Sim::RomSerialServer &server, const QString &transport)
{
    auto r = transport == QLatin1String("pty") ? server.listenPty() : server.listenTcp(0);
    return r ? *r : QString();
}

// What a partition of `size` bytes holds after `payload` was written: erased flash after it.
inline QByteArray padded(const QByteArray &payload, quint32 size)
{
    return payload + QByteArray(qsizetype(size) - payload.size(), char(0xFF));
}

inline Result<FlashJobOutcome> runJob(FlashJob &job, const FlashJobRequest &request,
                                      int timeoutMs = 60000)
{
    // A real event loop, not QTest::qWaitFor: that one sleeps 10 ms between passes, which
    // would add to every command round trip.
    std::optional<Result<FlashJobOutcome>> result;
    QEventLoop loop;
    auto c = QObject::connect(&job, &FlashJob::finished, &job,
                              [&result, &loop](const Result<FlashJobOutcome> &r) {
                                  result = r;
                                  loop.quit();
                              });
    QElapsedTimer clock;
    clock.start();
    auto c2 = QObject::connect(&job, &FlashJob::stageChanged, &job, [&clock](const QString &s) {
        if (qEnvironmentVariableIsSet("FLASHTEST_TRACE"))
            qInfo("%6lld ms  %s", clock.elapsed(), qPrintable(s));
    });
    auto c3 = QObject::connect(&job, &FlashJob::message, &job, [&clock](const QString &s) {
        if (qEnvironmentVariableIsSet("FLASHTEST_TRACE"))
            qInfo("%6lld ms  . %s", clock.elapsed(), qPrintable(s));
    });
    job.start(request);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    const bool done = result.has_value();
    QObject::disconnect(c);
    QObject::disconnect(c2);
    QObject::disconnect(c3);
    if (qEnvironmentVariableIsSet("FLASHTEST_TRACE"))
        qInfo("%6lld ms  finished", clock.elapsed());
    if (!done)
        return Error::make(QStringLiteral("test.timeout"), QStringLiteral("job did not finish"));
    return *result;
}

} // namespace FlashTest
