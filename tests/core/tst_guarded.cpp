// SPDX-License-Identifier: GPL-3.0-or-later
// guarded(): a callback runs while its context lives and is dropped once it is gone.
#include "core/common/guarded.h"

#include <QTest>

#include <functional>

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
};

QTEST_GUILESS_MAIN(TestGuarded)
#include "tst_guarded.moc"
