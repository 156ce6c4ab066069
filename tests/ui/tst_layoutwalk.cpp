// SPDX-License-Identifier: GPL-3.0-or-later
// Every workspace the main window registers, at the smallest supported window (1024x768) and
// at full HD: nothing squeezed below what it needs to show, no collapsed views, the Flash
// partition table showing a whole 6-partition table without scrolling; then a keyboard-only
// walk: Tab reaches every control, every control has an accessible name, and no two
// mnemonics in one workspace collide. Screenshots of each workspace at both sizes.
#include "ui/flash/flashworkspace.h"
#include "ui/shell/mainwindow.h"
#include "workspacetestaccess.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using Forgeline::Ui::FlashWorkspace;
using Forgeline::Ui::MainWindow;

namespace {

QString describe(const QWidget *w)
{
    QString path;
    for (const QWidget *p = w; p; p = p->parentWidget()) {
        const QString name = p->objectName().isEmpty()
                                 ? QString::fromLatin1(p->metaObject()->className())
                                 : p->objectName();
        path = path.isEmpty() ? name : name + u'/' + path;
        if (p->property("workspaceId").isValid())
            break;
    }
    return path;
}

// Inside a scroll area's viewport content may legitimately extend past what is shown.
bool insideScrolledContent(const QWidget *w, const QWidget *page)
{
    for (const QWidget *p = w->parentWidget(); p && p != page; p = p->parentWidget()) {
        if (auto *area = qobject_cast<const QAbstractScrollArea *>(p->parentWidget()))
            if (area->viewport() == p)
                return true;
    }
    return false;
}

QList<QWidget *> shownWidgets(QWidget *page)
{
    QList<QWidget *> out;
    const QList<QWidget *> all = page->findChildren<QWidget *>();
    for (QWidget *w : all) {
        if (w->isVisible() && !w->isWindow() && !insideScrolledContent(w, page))
            out << w;
    }
    return out;
}

// What shows text or takes input itself (not the parts inside a combo or spin box).
bool isLeafControl(const QWidget *w)
{
    const QWidget *parent = w->parentWidget();
    if (qobject_cast<const QComboBox *>(parent) || qobject_cast<const QAbstractSpinBox *>(parent))
        return false;
    return qobject_cast<const QLabel *>(w) || qobject_cast<const QAbstractButton *>(w)
           || qobject_cast<const QLineEdit *>(w) || qobject_cast<const QComboBox *>(w)
           || qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QProgressBar *>(w);
}

bool isControl(const QWidget *w)
{
    return w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy()
           && !qobject_cast<const QScrollBar *>(w);
}

QString accessibleName(QWidget *w)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    QString name = iface ? iface->text(QAccessible::Name) : QString();
    if (name.isEmpty() && iface)
        name = iface->text(QAccessible::Description);
    if (name.isEmpty())
        name = w->toolTip();
    return name.trimmed();
}

QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (text.at(i + 1) == u'&') {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
    }
    return {};
}

} // namespace

class TestLayoutWalk : public QObject
{
    Q_OBJECT

    static QString screenshotPath(const QString &name)
    {
        const QString dir = QStringLiteral(TEST_BUILD_DIR "/screenshots");
        QDir().mkpath(dir);
        return dir + u'/' + name;
    }

    // The Flash workspace connected to its virtual board, so its table has the default
    // board's 6 partitions.
    static bool connectFlash(MainWindow &w)
    {
        auto *flash = qobject_cast<FlashWorkspace *>(w.workspace(QStringLiteral("flash")));
        if (!flash)
            return false;
        Forgeline::Ui::WorkspaceTestAccess::setVirtualBoardTiming(*flash, false);
        flash->startVirtualBoard();
        flash->connectBoard();
        return QTest::qWaitFor([flash] { return !flash->isBusy(); }, 60000)
               && flash->partitionCount() == 6;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Forgeline"));
        QCoreApplication::setApplicationName(QStringLiteral("forgeline"));
        QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Forgeline"),
                  QStringLiteral("forgeline"))
            .clear();
    }

    void everyWorkspaceFits_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x768") << QSize(1024, 768);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void everyWorkspaceFits()
    {
        QFETCH(QSize, size);
        MainWindow w;
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(connectFlash(w));
        // A minimum size above the requested one would make the window larger than the screen.
        QCOMPARE(w.size(), size);
        const int line = w.fontMetrics().height();
        QStringList problems;
        for (const QString &id : MainWindow::workspaceIds()) {
            QVERIFY(w.setCurrentWorkspace(id));
            QWidget *page = w.workspace(id);
            QVERIFY2(page && page->isVisible(), qPrintable(id));
            QCoreApplication::processEvents();
            QVERIFY(w.grab().save(screenshotPath(QStringLiteral("layout-%1-%2x%3.png")
                                                     .arg(id)
                                                     .arg(size.width())
                                                     .arg(size.height()))));
            QVERIFY2(page->height() > 10 * line, qPrintable(id));
            for (QWidget *child : shownWidgets(page)) {
                const QString where = id + u':' + describe(child);
                if (qobject_cast<QAbstractScrollArea *>(child)
                    && !qobject_cast<QHeaderView *>(child) && child->height() < 2 * line)
                    problems
                        << QStringLiteral("%1 collapsed to %2 px").arg(where).arg(child->height());
                if (QWidget *parent = child->parentWidget();
                    parent && !parent->rect().contains(child->geometry()))
                    problems << QStringLiteral("%1 sticks out of its parent").arg(where);
                // A control squeezed below what it needs: text cut off, buttons overlapping.
                // (Containers may shrink: their views scroll.)
                if (!isLeafControl(child))
                    continue;
                const QSize need = child->minimumSizeHint();
                if (child->hasHeightForWidth()) {
                    const int h = child->heightForWidth(child->width());
                    if (h > child->height() + 1)
                        problems << QStringLiteral("%1 needs %2 px high, has %3")
                                        .arg(where)
                                        .arg(h)
                                        .arg(child->height());
                } else if (need.isValid()
                           && child->sizePolicy().verticalPolicy() != QSizePolicy::Ignored
                           && (child->height() + 1 < need.height()
                               || child->width() + 1 < need.width())) {
                    problems << QStringLiteral("%1 is %2x%3, needs %4x%5")
                                    .arg(where)
                                    .arg(child->width())
                                    .arg(child->height())
                                    .arg(need.width())
                                    .arg(need.height());
                }
            }
        }
        for (const QString &p : std::as_const(problems))
            qWarning("%s", qPrintable(p));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problem(s), listed above").arg(problems.size())));

        // The partition table: every row of the 6-partition table in view, no scrolling.
        QVERIFY(w.setCurrentWorkspace(QStringLiteral("flash")));
        QCoreApplication::processEvents();
        auto *table = w.workspace(QStringLiteral("flash"))->findChild<QTableView *>();
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 6);
        QVERIFY2(table->verticalScrollBar()->maximum() == 0,
                 qPrintable(
                     QStringLiteral("partition table scrolls (%1 px high)").arg(table->height())));
    }

    void keyboardReachesEveryControl()
    {
        MainWindow w;
        w.resize(1024, 768);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(connectFlash(w));
        QStringList problems;
        for (const QString &id : MainWindow::workspaceIds()) {
            QVERIFY(w.setCurrentWorkspace(id));
            QWidget *page = w.workspace(id);
            QCoreApplication::processEvents();
            QList<QWidget *> controls;
            for (QWidget *child : shownWidgets(page))
                if (isControl(child))
                    controls << child;
            QVERIFY2(!controls.isEmpty(), qPrintable(id));

            // Tab from the first control until focus comes back round, as a keyboard user would.
            controls.first()->setFocus(Qt::TabFocusReason);
            QVERIFY(
                QTest::qWaitFor([&] { return QApplication::focusWidget() == controls.first(); }));
            QSet<QWidget *> reached{controls.first()};
            for (int i = 0; i < 400; ++i) {
                QWidget *before = QApplication::focusWidget();
                QTest::keyClick(before, Qt::Key_Tab);
                QWidget *now = QApplication::focusWidget();
                if (now == before) {
                    problems << QStringLiteral("%1: Tab is stuck in %2").arg(id, describe(now));
                    break;
                }
                if (now == controls.first())
                    break;
                reached.insert(now);
            }
            QMap<QChar, QString> mnemonics;
            for (QWidget *c : std::as_const(controls)) {
                if (!reached.contains(c))
                    problems << QStringLiteral("%1: Tab never reaches %2").arg(id, describe(c));
                if (accessibleName(c).isEmpty())
                    problems
                        << QStringLiteral("%1: %2 has no accessible name").arg(id, describe(c));
            }
            // Alt+letter must mean one thing per workspace (labels' buddies, buttons, boxes).
            for (QWidget *child : shownWidgets(page)) {
                QString text;
                if (auto *label = qobject_cast<QLabel *>(child); label && label->buddy())
                    text = label->text();
                else if (auto *button = qobject_cast<QAbstractButton *>(child))
                    text = button->text();
                else if (auto *box = qobject_cast<QGroupBox *>(child); box && box->isCheckable())
                    text = box->title();
                const QChar key = mnemonicOf(text);
                if (key.isNull())
                    continue;
                if (mnemonics.contains(key))
                    problems << QStringLiteral("%1: Alt+%2 is both %3 and %4")
                                    .arg(id, key, mnemonics.value(key), describe(child));
                mnemonics.insert(key, describe(child));
            }
        }
        for (const QString &p : std::as_const(problems))
            qWarning("%s", qPrintable(p));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problem(s), listed above").arg(problems.size())));
    }
};

QTEST_MAIN(TestLayoutWalk)
#include "tst_layoutwalk.moc"
