// SPDX-License-Identifier: GPL-3.0-or-later
// The main window as a user meets it: every workspace reachable from the bar and by Ctrl+1..5,
// About naming the libraries this process really runs with, and choices surviving a restart.
#include "core/common/buildinfo.h"
#include "core/common/settings.h"
#include "ui/activity/activitypane.h"
#include "ui/decode/decodeworkspace.h"
#include "ui/diagnose/diagnoseworkspace.h"
#include "ui/flash/flashworkspace.h"
#include "ui/monitor/monitorworkspace.h"
#include "ui/records/recordladdermodel.h"
#include "ui/records/recordsworkspace.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/mainwindow.h"
#include "workspacetestaccess.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <openssl/opensslv.h>

using Forgeline::Ui::MainWindow;

class TestShell : public QObject
{
    Q_OBJECT

private:
    static QString screenshotPath(const QString &name)
    {
        const QString dir = QStringLiteral(TEST_BUILD_DIR "/screenshots");
        QDir().mkpath(dir);
        return dir + u'/' + name;
    }

    static void resetSettings()
    {
        QSettings store(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Forgeline"),
                        QStringLiteral("forgeline"));
        store.clear();
        store.sync();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Forgeline"));
        QCoreApplication::setApplicationName(QStringLiteral("forgeline"));
    }

    void init() { resetSettings(); }

    // The board Flash works on is the one Monitor offers, and Provision's Monitor button opens
    // it: a technician never types a pseudo-terminal's name.
    void monitorFindsTheBoardOfFlashAndProvision()
    {
        MainWindow w;
        w.resize(1024, 768);
        w.show();
        auto *flash
            = qobject_cast<Forgeline::Ui::FlashWorkspace *>(w.workspace(QStringLiteral("flash")));
        auto *monitor = qobject_cast<Forgeline::Ui::MonitorWorkspace *>(
            w.workspace(QStringLiteral("monitor")));
        QVERIFY(flash && monitor);
        Forgeline::Ui::WorkspaceTestAccess::setVirtualBoardTiming(*flash, false);
        flash->startVirtualBoard();
        QVERIFY(flash->virtualBoard());
        const QString address = flash->virtualBoard()->address();
        QCOMPARE(monitor->port(), address);
        auto *combo = monitor->findChild<QComboBox *>(QStringLiteral("monitorPort"));
        QVERIFY(combo);
        QVERIFY2(combo->currentText().contains(address), qPrintable(combo->currentText()));

        auto *button = w.workspace(QStringLiteral("provision"))
                           ->findChild<QPushButton *>(QStringLiteral("provisionMonitor"));
        QVERIFY(button);
        w.setCurrentWorkspace(QStringLiteral("provision"));
        monitor->setPort(QStringLiteral("/dev/ttyS0"));
        button->click();
        QCOMPARE(w.currentWorkspace(), QStringLiteral("monitor"));
        QCOMPARE(monitor->port(), flash->portText());
    }

    // From a diagnosis to the records the device dumped: one click.
    void diagnoseShowsTheLogsRecords()
    {
        MainWindow w;
        w.resize(1024, 768);
        w.show();
        auto *diagnose = qobject_cast<Forgeline::Ui::DiagnoseWorkspace *>(
            w.workspace(QStringLiteral("diagnose")));
        auto *records = qobject_cast<Forgeline::Ui::RecordsWorkspace *>(
            w.workspace(QStringLiteral("records")));
        QVERIFY(diagnose && records);
        auto *button = diagnose->findChild<QPushButton *>(QStringLiteral("diagnoseShowRecords"));
        QVERIFY(button);
        QVERIFY(!button->isEnabled());
        QSignalSpy done(diagnose, &Forgeline::Ui::DiagnoseWorkspace::diagnosisFinished);
        diagnose->loadLogs(
            QStringLiteral(TESTDATA_DIR "/logs/host228_client_certificate_required.log"));
        QVERIFY(done.wait(60000));
        QTRY_VERIFY(button->isEnabled());
        button->click();
        QCOMPARE(w.currentWorkspace(), QStringLiteral("records"));
        QTRY_VERIFY_WITH_TIMEOUT(records->ladderModel()->rowCount() > 4, 30000);
    }

    void everyWorkspaceReachableByShortcut()
    {
        MainWindow w;
        w.resize(1100, 720);
        w.show();
        w.activateWindow(); // shortcuts only reach the active window
        QVERIFY(QTest::qWaitForWindowActive(&w));
        const QStringList ids = MainWindow::workspaceIds();
        QCOMPARE(ids, (QStringList{QStringLiteral("decode"), QStringLiteral("diagnose"),
                                   QStringLiteral("provision"), QStringLiteral("flash"),
                                   QStringLiteral("station"), QStringLiteral("records"),
                                   QStringLiteral("image"), QStringLiteral("monitor")}));
        // Walk backwards so every step really changes the page.
        for (int i = int(ids.size()) - 1; i >= 0; --i) {
            const QString &id = ids.at(i);
            QTest::keyClick(&w, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(w.currentWorkspace(), id);
            QWidget *page = w.workspace(id);
            QVERIFY2(page, qPrintable(id));
            QVERIFY2(page->isVisible(), qPrintable(id));
            QVERIFY(w.workspaceAction(id)->isChecked());
            // Renders, not just "set": proves the SVG icon engine is there at run time.
            QVERIFY2(!w.workspaceAction(id)->icon().pixmap(32, 32).isNull(), qPrintable(id));
            const QImage shot = w.grab().toImage();
            QVERIFY(!shot.isNull());
            QVERIFY(shot.save(screenshotPath(QStringLiteral("workspace-%1.png").arg(id))));
        }
    }

    void screenshotWithDecodedCode()
    {
        // For the user documentation: the whole window with a real answer in it.
        MainWindow w;
        w.resize(1100, 760);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setCurrentWorkspace(QStringLiteral("decode"));
        auto *decode
            = qobject_cast<Forgeline::Ui::DecodeWorkspace *>(w.workspace(QStringLiteral("decode")));
        QVERIFY(decode);
        decode->setInput(QStringLiteral("-0x7500"));
        QVERIFY(decode->results().value(0).known());
        QVERIFY(w.grab().save(screenshotPath(QStringLiteral("forgeline-decode.png"))));
    }

    void appIconRenders()
    {
        const QIcon icon(QStringLiteral(":/forgeline/icons/org.forgeline.Forgeline.svg"));
        const QImage image = icon.pixmap(64, 64).toImage();
        QVERIFY(!image.isNull());
        // The mark has an opaque body and transparent corners (rounded square).
        QCOMPARE(qAlpha(image.pixel(32, 32)), 255);
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
        MainWindow w;
        QVERIFY(!w.windowIcon().pixmap(32, 32).isNull());
    }

    void workspaceBarSwitchesPages()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.workspaceAction(QStringLiteral("flash"))->trigger();
        QCOMPARE(w.currentWorkspace(), QStringLiteral("flash"));
        QCOMPARE(w.windowTitle(), QStringLiteral("Flash"));
        QVERIFY(w.workspace(QStringLiteral("flash"))->isVisible());
        QVERIFY(!w.workspace(QStringLiteral("decode"))->isVisible());
        QVERIFY(!w.setCurrentWorkspace(QStringLiteral("nosuch")));
        QCOMPARE(w.currentWorkspace(), QStringLiteral("flash"));
    }

    void aboutShowsVersions()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction *about = w.findChild<QAction *>(QStringLiteral("actionAbout"));
        QVERIFY(about);
        about->trigger();
        Forgeline::Ui::AboutDialog *dialog = w.aboutDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));

        auto value = [dialog](const char *name) {
            auto *label = dialog->findChild<QLabel *>(QString::fromLatin1(name));
            return label ? label->text() : QString();
        };
        QCOMPARE(value("versionQt"), QString::fromLatin1(qVersion()));
        QVERIFY2(value("versionOpenSsl").contains(QStringLiteral("OpenSSL 3")),
                 qPrintable(value("versionOpenSsl")));
        QCOMPARE(value("versionOpenSsl"), Forgeline::BuildInfo::openSslVersion());
        QVERIFY2(value("versionProtobuf").contains(u'.'), qPrintable(value("versionProtobuf")));
        QCOMPARE(value("versionProtobuf"), Forgeline::BuildInfo::protobufVersion());
        QCOMPARE(value("versionZlib"), Forgeline::BuildInfo::zlibVersion());
        QCOMPARE(value("versionForgeline"), QStringLiteral(FORGELINE_VERSION));
        QVERIFY(
            Forgeline::Ui::AboutDialog::versionsText().contains(QString::fromLatin1(qVersion())));
        QVERIFY(dialog->grab().save(screenshotPath(QStringLiteral("about.png"))));
        dialog->close();
    }

    void choicesSurviveRestart()
    {
        QRect firstGeometry;
        {
            MainWindow first;
            first.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first));
            QVERIFY(first.activityPane()->isVisible());
            first.resize(1000, 650);
            first.setCurrentWorkspace(QStringLiteral("provision"));
            QAction *pane = first.findChild<QAction *>(QStringLiteral("actionActivityPane"));
            QVERIFY(pane);
            pane->trigger(); // hide the activity pane
            QVERIFY(!first.activityPane()->isVisible());
            firstGeometry = first.geometry();
            first.close();
        }
        const Forgeline::Settings saved = Forgeline::Settings::load();
        QCOMPARE(saved.lastWorkspace, QStringLiteral("provision"));
        QCOMPARE(saved.activityPaneVisible, false);

        MainWindow second;
        QCOMPARE(second.currentWorkspace(), QStringLiteral("provision"));
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QVERIFY(!second.activityPane()->isVisible());
        QCOMPARE(second.size(), firstGeometry.size());

        // And back: showing the pane again is remembered too.
        second.findChild<QAction *>(QStringLiteral("actionActivityPane"))->trigger();
        QVERIFY(second.activityPane()->isVisible());
        QCOMPARE(Forgeline::Settings::load().activityPaneVisible, true);
        // Closing the window hides the pane with it; that must not be taken as a choice.
        second.close();
        QCOMPARE(Forgeline::Settings::load().activityPaneVisible, true);
        MainWindow third;
        third.show();
        QVERIFY(QTest::qWaitForWindowExposed(&third));
        QVERIFY(third.activityPane()->isVisible());
    }
};

QTEST_MAIN(TestShell)
#include "tst_shell.moc"
