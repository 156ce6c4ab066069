// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/handshaketrace.h"

#include <QList>
#include <QString>

namespace Forgeline::Tls {

struct Divergence
{
    enum class Kind { Changed, OnlyInFailing, OnlyInWorking };
    Kind kind = Kind::Changed;
    qint64 goodLine
        = 0; // line in the working log (where it would be, if the event is missing there)
    qint64 badLine = 0; // line in the failing log
    int goodEvent = -1; // index into the working trace's events, -1 when none
    int badEvent = -1;  // index into the failing trace's events, -1 when none
    QString summary;    // one sentence
};

// One row of the side-by-side view: an event of either run, or both when they align.
struct AlignedStep
{
    int goodEvent = -1;
    int badEvent = -1;
};

struct TraceDiffResult
{
    QList<Divergence> divergences; // in handshake order; the first is the first meaningful one
    QList<AlignedStep> steps;      // the two skeletons merged in order, for ladder views
    int alignedEvents = 0;         // skeleton steps both runs share

    bool identical() const { return divergences.isEmpty(); }
    const Divergence *first() const
    {
        return divergences.isEmpty() ? nullptr : &divergences.first();
    }
};

// Aligns two handshakes on their structure (states, messages, records by type, alerts, errors,
// certificate identities, verify results) and ignores what naturally varies between runs:
// timestamps, pointers, random bytes, keys, record lengths and how TCP chunked the bytes.
class TraceDiff
{
public:
    // Beyond this many skeleton steps per side only the first ones are aligned.
    static constexpr int MaxSteps = 4000;

    static TraceDiffResult compare(const HandshakeTrace &working, const HandshakeTrace &failing);

    // Indexes of the events that make up a trace's skeleton (what a ladder view shows).
    static QList<int> skeletonEvents(const HandshakeTrace &trace);

    // The normalised identity of one event; empty when the event is noise for alignment.
    static QString skeletonKey(const HandshakeEvent &event, const HandshakeTrace &trace);
};

} // namespace Forgeline::Tls
