// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/handshaketrace.h"

#include <functional>
#include <initializer_list>

namespace Forgeline::Tls {

// Read-only queries over one handshake, for the diagnosis rules.
class TraceView
{
public:
    using Type = HandshakeEvent::Type;

    explicit TraceView(const HandshakeTrace *trace) : m_trace(trace) {}

    const QList<HandshakeEvent> &events() const
    {
        static const QList<HandshakeEvent> none;
        return m_trace ? m_trace->events : none;
    }
    const HandshakeEvent *first(const std::function<bool(const HandshakeEvent &)> &pred) const
    {
        for (const HandshakeEvent &e : events()) {
            if (pred(e))
                return &e;
        }
        return nullptr;
    }
    const HandshakeEvent *firstOf(Type type) const
    {
        return first([type](const HandshakeEvent &e) { return e.type == type; });
    }
    // The first event carrying one of `codes` (library errors, socket results, application lines).
    const HandshakeEvent *withCode(std::initializer_list<int> codes) const
    {
        return first([&](const HandshakeEvent &e) {
            if (e.code == 0 || e.type == Type::AllocFailed)
                return false;
            for (int c : codes) {
                if (e.code == c)
                    return true;
            }
            return false;
        });
    }
    bool before(const HandshakeEvent *a, const HandshakeEvent *b) const
    {
        return a && b && a->line <= b->line;
    }
    // Was a message of this name written/parsed before `limit`?
    bool sawBefore(Type type, const QString &name, qint64 limit) const
    {
        return first([&](const HandshakeEvent &e) {
                   return e.type == type && e.text == name && e.line < limit;
               })
               != nullptr;
    }
    const HandshakeEvent *lastBefore(Type type, qint64 limit) const
    {
        const HandshakeEvent *found = nullptr;
        for (const HandshakeEvent &e : events()) {
            if (e.line >= limit)
                break;
            if (e.type == type)
                found = &e;
        }
        return found;
    }
    const HandshakeEvent *handshakeReturned() const
    {
        return first([](const HandshakeEvent &e) {
            return e.type == Type::HandshakeReturned && e.code != 0;
        });
    }
    bool succeeded() const { return m_trace && m_trace->succeeded(); }
    MbedtlsGeneration generation() const
    {
        return m_trace ? m_trace->generation : MbedtlsGeneration::Unknown;
    }

private:
    const HandshakeTrace *m_trace;
};

} // namespace Forgeline::Tls
