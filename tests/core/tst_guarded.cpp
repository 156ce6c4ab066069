// SPDX-License-Identifier: GPL-3.0-or-later
// guarded(): a callback runs while its context lives and is dropped once it is gone; and the
// ROM step tables built on it (RomConversation): rows in order, the first error ends them, and
// a reply for a conversation whose owner is gone runs nothing.
#include "core/common/guarded.h"
#include "core/flasher/romconversation.h"

#include <QTest>

#include <functional>
#include <optional>
#include <utility>

using namespace Forgeline;
using namespace Forgeline::Flasher;

namespace {

// Stands in for the link: keeps what was sent and the reply callback of the command in flight.
struct FakeRom
{
    QList<QPair<quint8, QByteArray>> sent;
    std::function<void(Result<RomResponse>)> pending;

    RomSend send()
    {
        return [this](quint8 op, const QByteArray &data, int, bool,
                      std::function<void(Result<RomResponse>)> reply) {
            sent.append({op, data});
            pending = std::move(reply);
        };
    }
    void answer(quint32 value)
    {
        RomResponse r;
        r.op = sent.last().first;
        r.value = value;
        std::exchange(pending, nullptr)(r);
    }
    void fail(const Error &e) { std::exchange(pending, nullptr)(e); }
};

struct Registers
{
    QList<quint32> values;
};

using Step = RomStep<Registers>;

Step readInto(quint32 address)
{
    return {.op = Op::ReadReg,
            .data = QByteArray::number(address),
            .onReply = [](const RomResponse &r, Registers &s) -> StepResult {
                s.values.append(r.value);
                return StepThen::Next;
            }};
}

} // namespace

class TestGuarded : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsWhileTheContextLives()
    {
        QObject context;
        int sum = 0;
        auto add = Forgeline::guarded(&context, [&sum](int a, int b) { sum += a + b; });
        add(2, 3);
        QCOMPARE(sum, 5);
    }

    void droppedOnceTheContextIsGone()
    {
        auto *context = new QObject;
        int calls = 0;
        std::function<void(int)> callback = Forgeline::guarded(context, [&calls](int) { ++calls; });
        callback(1);
        delete context;
        callback(2);
        QCOMPARE(calls, 1);
    }

    void conversationRunsItsRowsInOrder()
    {
        QObject owner;
        FakeRom rom;
        std::optional<Result<Registers>> result;
        const QList<Step> steps = {
            readInto(1),
            // Skipped: its condition looks at what the first row learnt.
            {.op = Op::WriteReg,
             .data = "never",
             .when = [](const Registers &s) { return s.values.value(0) != 10; }},
            readInto(2),
            // Data computed from earlier answers, sent only once they are in.
            {.op = Op::WriteReg,
             .dataFrom = [](const Registers &s) { return QByteArray::number(s.values.at(1)); }},
        };
        RomConversation<Registers>::run(&owner, rom.send(), steps, {},
                                        [&result](Result<Registers> r) { result = r; });
        QCOMPARE(rom.sent.size(), 1); // one command at a time
        rom.answer(10);
        QCOMPARE(rom.sent.size(), 2);
        QCOMPARE(rom.sent.at(1).first, Op::ReadReg);
        rom.answer(20);
        QCOMPARE(rom.sent.at(2), qMakePair(Op::WriteReg, QByteArray("20")));
        QVERIFY(!result);
        rom.answer(0);
        QVERIFY(result && result->ok());
        QCOMPARE((*result)->values, QList<quint32>({10, 20}));
    }

    void conversationStopsAtTheFirstError()
    {
        QObject owner;
        FakeRom rom;
        std::optional<Result<Registers>> result;
        QList<Step> steps = {readInto(1), readInto(2), readInto(3)};
        steps[1].onReply = [](const RomResponse &, Registers &) -> StepResult {
            return Error::make(QStringLiteral("test.refused"), QStringLiteral("refused"));
        };
        RomConversation<Registers>::run(&owner, rom.send(), steps, {},
                                        [&result](Result<Registers> r) { result = r; });
        rom.answer(1);
        rom.answer(2);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, QStringLiteral("test.refused"));
        QCOMPARE(rom.sent.size(), 2);

        // A lost reply ends it too, unless the row handles it.
        result.reset();
        rom.sent.clear();
        steps = {readInto(1), readInto(2)};
        steps[0].onError = [](const Error &, Registers &s) -> StepResult {
            s.values.append(0);
            return StepThen::Finish;
        };
        RomConversation<Registers>::run(&owner, rom.send(), steps, {},
                                        [&result](Result<Registers> r) { result = r; });
        rom.fail(Error::make(QStringLiteral("rom.timeout"), QStringLiteral("no reply")));
        QVERIFY(result && result->ok());
        QCOMPARE((*result)->values, QList<quint32>({0}));
        QCOMPARE(rom.sent.size(), 1);
    }

    void conversationOfAGoneOwnerRunsNothing()
    {
        auto *owner = new QObject;
        FakeRom rom;
        int handled = 0;
        bool finished = false;
        QList<Step> steps = {readInto(1), readInto(2)};
        steps[0].onReply = [&handled](const RomResponse &, Registers &) -> StepResult {
            ++handled;
            return StepThen::Next;
        };
        RomConversation<Registers>::run(owner, rom.send(), steps, {},
                                        [&finished](Result<Registers>) { finished = true; });
        delete owner;
        rom.answer(1); // the reply arrives after its owner was destroyed
        QCOMPARE(handled, 0);
        QVERIFY(!finished);
        QCOMPARE(rom.sent.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestGuarded)
#include "tst_guarded.moc"
