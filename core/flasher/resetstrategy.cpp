// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/resetstrategy.h"

#include "core/flasher/seriallink.h"

#include <QTimer>

namespace Forgeline::Flasher {

namespace {
ResetStep dtr(bool on) { return {ResetStep::Kind::Dtr, on, false, 0}; }
ResetStep rts(bool on) { return {ResetStep::Kind::Rts, false, on, 0}; }
ResetStep both(bool d, bool r) { return {ResetStep::Kind::Both, d, r, 0}; }
ResetStep wait(int ms) { return {ResetStep::Kind::Wait, false, false, ms}; }
} // namespace

QString resetKindName(ResetKind kind)
{
    switch (kind) {
    case ResetKind::Auto: return QStringLiteral("auto");
    case ResetKind::Classic: return QStringLiteral("classic");
    case ResetKind::UnixTight: return QStringLiteral("unix-tight");
    case ResetKind::UsbJtag: return QStringLiteral("usb-jtag");
    case ResetKind::NoReset: return QStringLiteral("no-reset");
    }
    return {};
}

bool resetKindFromName(const QString &name, ResetKind *kind)
{
    for (ResetKind k : {ResetKind::Auto, ResetKind::Classic, ResetKind::UnixTight,
                        ResetKind::UsbJtag, ResetKind::NoReset}) {
        if (resetKindName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QList<ResetStep> resetSequence(ResetKind kind, int releaseDelayMs)
{
    switch (kind) {
    case ResetKind::Classic:
        return {dtr(false),           rts(true), wait(100), dtr(true), rts(false),
                wait(releaseDelayMs), dtr(false)};
    case ResetKind::UnixTight:
        return {both(false, false), both(true, true),     both(false, true),  wait(100),
                both(true, false),  wait(releaseDelayMs), both(false, false), dtr(false)};
    case ResetKind::UsbJtag:
        return {rts(false), dtr(false), wait(100), dtr(true), rts(false), wait(100),
                rts(true),  dtr(false), rts(true), wait(100), dtr(false), rts(false)};
    case ResetKind::Auto:
    case ResetKind::NoReset: break;
    }
    return {};
}

QList<ResetStep> hardResetSequence() { return {rts(true), wait(100), rts(false)}; }

QList<ResetAttempt> resetAttempts(ResetKind requested, bool usbJtag, bool modemLines)
{
    if (!modemLines || requested == ResetKind::NoReset)
        return {{ResetKind::NoReset, 0}};
    QList<ResetAttempt> base;
    if (requested != ResetKind::Auto) {
        base = {{requested, 50}, {requested, 550}};
    } else if (usbJtag) {
        base = {{ResetKind::UsbJtag, 0}};
    } else {
#ifdef Q_OS_WIN
        base = {{ResetKind::Classic, 50}, {ResetKind::Classic, 550}};
#else
        base = {{ResetKind::UnixTight, 50},
                {ResetKind::UnixTight, 550},
                {ResetKind::Classic, 50},
                {ResetKind::Classic, 550}};
#endif
    }
    QList<ResetAttempt> out;
    for (int i = 0; i < 7; ++i) // esptool's 7 connect attempts, cycling the strategies
        out.append(base.at(i % base.size()));
    return out;
}

void ResetRunner::run(SerialLink *link, const QList<ResetStep> &steps, std::function<void()> done)
{
    ++m_generation;
    m_link = link;
    m_steps = steps;
    m_index = 0;
    m_done = std::move(done);
    next();
}

void ResetRunner::stop()
{
    ++m_generation;
    m_done = nullptr;
}

void ResetRunner::next()
{
    while (m_index < m_steps.size()) {
        const ResetStep s = m_steps.at(m_index++);
        switch (s.kind) {
        case ResetStep::Kind::Dtr: m_link->setDtr(s.dtr); break;
        case ResetStep::Kind::Rts: m_link->setRts(s.rts); break;
        case ResetStep::Kind::Both: m_link->setLines(s.dtr, s.rts); break;
        case ResetStep::Kind::Wait: {
            const int gen = m_generation;
            QTimer::singleShot(s.ms, this, [this, gen] {
                if (gen == m_generation)
                    next();
            });
            return;
        }
        }
    }
    if (auto done = std::move(m_done)) {
        m_done = nullptr;
        done();
    }
}

} // namespace Forgeline::Flasher
