// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/logger.h"
#include "core/common/redactor.h"

#include <QTest>

using namespace Forgeline;

class TestRedactor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { Redactor::forgetAllSecrets(); }

    void registeredSecretIsRemovedEverywhere()
    {
        Redactor::registerSecret(QStringLiteral("abcd1234"));
        const QString out
            = Redactor::redact(QStringLiteral("sending abcd1234 to device, again:abcd1234!"));
        QVERIFY2(!out.contains(QStringLiteral("abcd1234")), qPrintable(out));
        QCOMPARE(out.count(Redactor::placeholder()), 2);
    }

    void namedSecretsAreRemovedWithoutRegistration_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("secret");
        QTest::newRow("pop=") << QStringLiteral("connect --pop=s3cr3tPop now")
                              << QStringLiteral("s3cr3tPop");
        QTest::newRow("json pop") << QStringLiteral(R"({"ver":"v1","pop":"qwerty77","security":1})")
                                  << QStringLiteral("qwerty77");
        QTest::newRow("passphrase:")
            << QStringLiteral("passphrase: hunter2hunter2") << QStringLiteral("hunter2hunter2");
        QTest::newRow("Password=")
            << QStringLiteral("Password=Tr0ub4dor&3") << QStringLiteral("Tr0ub4dor");
    }
    void namedSecretsAreRemovedWithoutRegistration()
    {
        QFETCH(QString, input);
        QFETCH(QString, secret);
        const QString out = Redactor::redact(input);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY(out.contains(Redactor::placeholder()));
    }

    void privateKeyBlocksAreRemoved()
    {
        const QString pem = QStringLiteral(
            "before\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBm9xKk\nAwEHoUQDQgAE\n"
            "-----END EC PRIVATE KEY-----\nafter");
        const QString out = Redactor::redact(pem);
        QVERIFY(!out.contains(QStringLiteral("MHcCAQEEIBm9xKk")));
        QVERIFY(out.startsWith(QStringLiteral("before")));
        QVERIFY(out.endsWith(QStringLiteral("after")));
        // A truncated block (log cut mid-key) must still not leak the part that is there.
        const QString cut
            = Redactor::redact(QStringLiteral("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq"));
        QVERIFY(!cut.contains(QStringLiteral("MIIEvQIBADANBgkq")));
    }

    void shortSecretsAreNotRegistered()
    {
        Redactor::registerSecret(QStringLiteral("ab"));
        QCOMPARE(Redactor::redact(QStringLiteral("about a table")),
                 QStringLiteral("about a table"));
    }

    void loggerStoresOnlyRedactedText()
    {
        Redactor::registerSecret(QStringLiteral("wifi-pass-9"));
        QList<LogEntry> seen;
        auto c = connect(&Logger::instance(), &Logger::entryAdded, this,
                         [&](const LogEntry &e) { seen << e; });
        Logger::instance().info(QStringLiteral("provision"),
                                QStringLiteral("SetConfig ssid=lab passphrase wifi-pass-9"));
        disconnect(c);
        QCOMPARE(seen.size(), 1);
        QVERIFY(!seen.first().message.contains(QStringLiteral("wifi-pass-9")));
        QVERIFY(
            !Logger::instance().recent().last().message.contains(QStringLiteral("wifi-pass-9")));
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
