// SPDX-License-Identifier: GPL-3.0-or-later
// The preflight panel offscreen: a chain too large for the TX buffer shows red with the
// predicted -0x7500, its meaning and the fix; saves the screenshot the issue asks for.
#include "ui/preflight/preflightpanel.h"

#include "../preflight/preflightfixtures.h"

#include <QComboBox>
#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Forgeline;
using namespace PreflightFixtures;

class TestPreflightPanel : public QObject
{
    Q_OBJECT

private:
    ScratchDir m_dir;
    Pki m_pki;
    QString m_bigChain, m_bigKey, m_ca;

    static QTreeWidgetItem *row(QTreeWidget *tree, const QString &id)
    {
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            if (tree->topLevelItem(i)->data(0, Qt::UserRole).toString() == id)
                return tree->topLevelItem(i);
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const KeyPtr intKey = makeKey(QStringLiteral("ec:P-256"));
        const CertPtr inter = makeCert(QStringLiteral("Factory Issuing CA"), intKey, m_pki.ca,
                                       m_pki.caKey, CertOptions{true, {}, -1, 3000, 3000});
        const KeyPtr key = makeKey(QStringLiteral("ec:P-256"));
        const CertPtr leaf
            = makeCert(QStringLiteral("station-device-0042"), key, inter, intKey,
                       CertOptions{false, QStringLiteral("clientAuth"), -1, 365, 1500});
        m_bigChain = m_dir.write(QStringLiteral("chain.pem"), certPem(leaf) + certPem(inter));
        m_bigKey = m_dir.write(QStringLiteral("device.key"), keyBytes(key, KeyForm::Pkcs8Pem));
        m_ca = m_dir.write(QStringLiteral("ca.pem"), certPem(m_pki.ca));
    }

    void oversizedChainIsRed()
    {
        Ui::PreflightPanel panel;
        QSignalSpy started(&panel, &Ui::PreflightPanel::runStarted);
        QSignalSpy spy(&panel, &Ui::PreflightPanel::resultChanged);
        panel.setFiles(m_bigChain, m_bigKey, {}, {m_ca});
        panel.setTarget(QStringLiteral("idf-4.0"));
        QVERIFY(spy.wait(30000));
        QCOMPARE(started.count(), 1); // the two setters made one run
        QCOMPARE(spy.last().at(0).toBool(), true);
        QVERIFY(panel.hasRed());

        auto *tree = panel.findChild<QTreeWidget *>(QStringLiteral("preflightChecks"));
        QVERIFY(tree);
        QTreeWidgetItem *size = row(tree, QStringLiteral("certificate-message-size"));
        QVERIFY(size);
        QCOMPARE(size->data(0, Qt::UserRole + 1).toInt(), int(Tls::PreflightCheck::Status::Fail));
        QCOMPARE(size->text(1), QStringLiteral("-0x7500"));
        QVERIFY(size->isExpanded());
        QStringList details;
        for (int i = 0; i < size->childCount(); ++i)
            details << size->child(i)->text(2);
        const QString joined = details.join(QLatin1Char('\n'));
        QVERIFY2(joined.contains(QLatin1String("MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE")),
                 qPrintable(joined));
        QVERIFY2(joined.contains(QLatin1String("CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN=")),
                 qPrintable(joined));
        QTreeWidgetItem *chain = row(tree, QStringLiteral("chain"));
        QVERIFY(chain);
        QCOMPARE(chain->data(0, Qt::UserRole + 1).toInt(), int(Tls::PreflightCheck::Status::Pass));

        panel.resize(1100, 560);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QString dir = QStringLiteral(TEST_BUILD_DIR "/screenshots");
        QDir().mkpath(dir);
        QVERIFY(panel.grab().save(dir + QStringLiteral("/preflight.png")));

        // A 3.x target names the 3.x code; a buffer that fits turns it green.
        panel.setTarget(QStringLiteral("idf-5.3"));
        QVERIFY(spy.wait(30000));
        QCOMPARE(row(tree, QStringLiteral("certificate-message-size"))->text(1),
                 QStringLiteral("-0x6A00"));
        panel.setOverrides({QStringLiteral("out_content_len=16384")});
        QVERIFY(spy.wait(30000));
        QCOMPARE(spy.last().at(0).toBool(), false);
        QVERIFY(!panel.hasRed());
        QCOMPARE(panel.findChild<QComboBox *>()->currentData().toString(),
                 QStringLiteral("idf-5.3"));
    }

    void unreadableFilesAreRed()
    {
        Ui::PreflightPanel panel;
        QSignalSpy spy(&panel, &Ui::PreflightPanel::resultChanged);
        panel.setFiles(m_dir.write(QStringLiteral("empty.pem"), QByteArray()), m_bigKey);
        QVERIFY(spy.wait(30000));
        QVERIFY(panel.hasRed());
        QVERIFY(panel.lastResult() && !panel.lastResult()->ok());
        auto *tree = panel.findChild<QTreeWidget *>(QStringLiteral("preflightChecks"));
        QVERIFY(tree->topLevelItem(0)->text(2).contains(QLatin1String("empty")));
    }

    void destroyedWhileRunning()
    {
        auto panel = std::make_unique<Ui::PreflightPanel>();
        QSignalSpy started(panel.get(), &Ui::PreflightPanel::runStarted);
        panel->setFiles(m_bigChain, m_bigKey, {}, {m_ca});
        QVERIFY(started.wait(10000));
        panel.reset(); // must wait for its worker, not crash
    }
};

QTEST_MAIN(TestPreflightPanel)
#include "tst_preflightpanel.moc"
