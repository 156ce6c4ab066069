// SPDX-License-Identifier: GPL-3.0-or-later
// The Flash workspace's board panel names the chip revision it read from the virtual board's
// eFuse words (offscreen, real pty).
#include "../ui/workspacetestaccess.h"
#include "core/sim/romserialserver.h"
#include "ui/flash/flashworkspace.h"

#include "../ui/flashjobwait.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Ui;
using FlashJobWait::waitJob;

class TestFlashWorkspaceRevision : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void boardPanelShowsRevision()
    {
        QTemporaryDir dir;
        FlashWorkspace w;
        w.setBackupDirectory(dir.filePath(QStringLiteral("backups")));
        Forgeline::Ui::WorkspaceTestAccess::setVirtualBoardTiming(w, false);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.startVirtualBoard();
        QVERIFY(w.virtualBoard());
        w.connectBoard();
        QVERIFY2(waitJob(w), qPrintable(w.bannerText()));
        QCOMPARE(w.board().revision.text(), QStringLiteral("v3.0")); // the default profile's ESP32
        QCOMPARE(w.board().revision.number(), 300);
        QStringList texts;
        for (const QLabel *l : w.findChildren<QLabel *>())
            texts << l->text();
        QVERIFY2(texts.contains(QStringLiteral("ESP32-D0WD-V3 (revision v3.0), chip id 0")),
                 qPrintable(texts.join(QStringLiteral(" | "))));
    }
};

QTEST_MAIN(TestFlashWorkspaceRevision)
#include "tst_flashworkspacerevision.moc"
