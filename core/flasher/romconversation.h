// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/guarded.h"
#include "core/common/result.h"
#include "core/flasher/romprotocol.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <utility>

namespace Forgeline::Flasher {

// What a step's handler tells the conversation: go on with the next row, or stop here with
// success (the rest of the table does not apply to this chip). An Error stops it as a failure.
enum class StepThen { Next, Finish };
using StepResult = Result<StepThen>;

// The state of a conversation that keeps nothing between its rows.
struct NoState
{};

// One row of a ROM conversation: the command, its data (fixed, or computed from what earlier
// rows learnt) and what to do with the answer.
template<typename State>
struct RomStep
{
    quint8 op = 0;
    QByteArray data = {};
    // Computes the data when the row runs (instead of `data`): e.g. restoring saved registers.
    std::function<QByteArray(const State &)> dataFrom = {};
    // Empty: the reply is only checked for arriving. Gets ROM failure replies as well when
    // `acceptFailure` is set.
    std::function<StepResult(const RomResponse &, State &)> onReply = {};
    // No reply (timeout, lost link, cancel, a ROM error without `acceptFailure`). Empty: the
    // conversation stops with that error.
    std::function<StepResult(const Error &, State &)> onError = {};
    bool acceptFailure = false;
    int timeoutMs = 3000;
    // Empty: always runs. Otherwise the row is skipped when this says no.
    std::function<bool(const State &)> when = {};
};

// Sends one command and calls back with its reply: LoaderSession::cmd.
using RomSend = std::function<void(quint8 op, const QByteArray &data, int timeoutMs,
                                   bool acceptFailure, std::function<void(Result<RomResponse>)>)>;

// A multi-step conversation with the ROM (register reads, the flash-id sequence) written as a
// table of RomStep rows instead of nested callbacks. The rows run one after the other on the
// event loop, each command only once the previous reply was handled, and the first error
// ends it. `done` gets the final state. Every reply is guarded by `context`: once that object
// is gone the conversation stops silently.
template<typename State>
class RomConversation : public std::enable_shared_from_this<RomConversation<State>>
{
public:
    using Step = RomStep<State>;
    using Done = std::function<void(Result<State>)>;

    static void run(QObject *context, RomSend send, QList<Step> steps, State state, Done done)
    {
        auto conversation = std::shared_ptr<RomConversation>(new RomConversation(
            context, std::move(send), std::move(steps), std::move(state), std::move(done)));
        conversation->next();
    }

private:
    RomConversation(QObject *context, RomSend send, QList<Step> steps, State state, Done done)
        : m_context(context), m_send(std::move(send)), m_steps(std::move(steps)),
          m_state(std::move(state)), m_done(std::move(done))
    {}

    void next()
    {
        while (m_index < m_steps.size() && m_steps.at(m_index).when
               && !m_steps.at(m_index).when(m_state))
            ++m_index;
        if (m_index >= m_steps.size())
            return finish(std::move(m_state));
        const Step &step = m_steps.at(m_index);
        const QByteArray data = step.dataFrom ? step.dataFrom(m_state) : step.data;
        // The reply holds the conversation alive; the guard drops it with its context.
        m_send(step.op, data, step.timeoutMs, step.acceptFailure,
               guarded(m_context, [self = this->shared_from_this()](Result<RomResponse> reply) {
                   self->onReply(std::move(reply));
               }));
    }

    void onReply(Result<RomResponse> reply)
    {
        const Step &step = m_steps.at(m_index);
        StepResult then = StepThen::Next;
        if (!reply)
            then = step.onError ? step.onError(reply.error(), m_state) : StepResult(reply.error());
        else if (step.onReply)
            then = step.onReply(*reply, m_state);
        if (!then)
            return finish(then.error());
        if (*then == StepThen::Finish)
            return finish(std::move(m_state));
        ++m_index;
        next();
    }

    void finish(Result<State> result)
    {
        if (auto done = std::exchange(m_done, nullptr))
            done(std::move(result));
    }

    QObject *m_context;
    RomSend m_send;
    QList<Step> m_steps;
    qsizetype m_index = 0;
    State m_state;
    Done m_done;
};

} // namespace Forgeline::Flasher
