// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/station/verdict.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Forgeline::Station {

// What a board (or the line) reports while it runs: one JSON line in `forgeline-cli station
// --json` (docs/cli.md documents the shapes), a tile update in the GUI. BoardRun fills the
// struct and the signals carry it as it is; the JSON spelling lives here and nowhere else:
// toJson() writes exactly the keys each kind has always had (tst_stationboards checks that
// every event of a real run reads back to the same JSON), fromJson() reads them back.
struct StationEvent
{
    enum class Kind {
        Unknown,
        Step,
        Progress,
        Log,
        Retry,
        Identified,
        Claimed,
        Result,
        Appeared,
        Watching,
        Summary
    };
    // A board's verdict in a "result" event (shared with records: core/station/verdict.h).
    using Verdict = Station::Verdict;

    Kind kind = Kind::Unknown;
    QString port;
    qint64 ms = 0; // since the board started

    QString step;    // step, progress, retry
    int attempt = 0; // step, retry
    int percent = 0; // step
    QString stage;   // progress
    qint64 done = 0; // progress
    qint64 total = 0;
    QString text;   // log (already redacted)
    QString reason; // retry
    QString chip;   // identified, result
    QString revision;
    QString description;
    QString mac;                     // identified, result
    QString pair;                    // claimed, result
    bool reused = false;             // claimed
    QString fingerprint;             // claimed, result
    Verdict verdict = Verdict::None; // result
    qint64 elapsedMs = 0;            // result, summary
    QString failedStep;              // result when not passed
    QString error;
    QString code;
    QString fix;
    QString pattern; // watching
    int passed = 0;  // summary
    int failed = 0;
    int cancelled = 0;
    double boardsPerHour = 0;

    static QString kindName(Kind kind);
    static Kind kindFromName(const QString &name);

    QJsonObject toJson() const;
    static StationEvent fromJson(const QJsonObject &object);
};

} // namespace Forgeline::Station

// Queued connections (and QSignalSpy) copy events by value.
Q_DECLARE_METATYPE(Forgeline::Station::StationEvent)
