// SPDX-License-Identifier: GPL-3.0-or-later
// The Station recipe editor: a live verdict, load/save that keeps relative paths meaningful,
// and validation that never turns a half-typed passphrase into a redaction rule.
#include "core/common/redactor.h"
#include "ui/station/recipeeditor.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using Forgeline::Redactor;
using Forgeline::Ui::RecipeEditor;

namespace {

QString recipe(const QString &passphrase)
{
    return QStringLiteral(R"({"name": "line", "flash": [{"file": "app.bin", "address": "0x10000"}],
 "provision": {"ssid": "FactoryNet", "passphrase": "%1", "pop": "pop-%1", "address": "127.0.0.1:80"}})")
        .arg(passphrase);
}

} // namespace

class TestRecipeEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdictFollowsTheText()
    {
        RecipeEditor e;
        QVERIFY(e.verdict().startsWith(QStringLiteral("empty")));
        e.setText(recipe(QStringLiteral("zzqv-typed-so-far")));
        QVERIFY2(e.verdict().startsWith(QStringLiteral("OK")), qPrintable(e.verdict()));
        QVERIFY(e.verdict().contains(QStringLiteral("flash")));
        QVERIFY(e.verdict().contains(QStringLiteral("provision")));
        e.setText(QStringLiteral("{\"flash\": [{\"source\": \"firmware\", \"address\": 0}]}"));
        QVERIFY2(e.verdict().contains(QStringLiteral("firmware")), qPrintable(e.verdict()));
        e.setText(QStringLiteral("{ not json"));
        QVERIFY(e.verdict().startsWith(QStringLiteral("not usable")));
        // Validating is not running: the text being typed must not become a secret yet.
        QCOMPARE(Redactor::redact(QStringLiteral("zzqv-typed-so-far")),
                 QStringLiteral("zzqv-typed-so-far"));
    }

    void loadAndSaveKeepTheText()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("line3.json"));
        RecipeEditor e;
        e.setText(recipe(QStringLiteral("saved-secret-1")));
        QVERIFY(e.saveFile(path));
        QCOMPARE(QFileInfo(e.baseDirectory()).canonicalFilePath(),
                 QFileInfo(dir.path()).canonicalFilePath());

        RecipeEditor other;
        QVERIFY(other.loadFile(path));
        QCOMPARE(other.text(), e.text());
        QCOMPARE(QFileInfo(other.baseDirectory()).canonicalFilePath(),
                 QFileInfo(dir.path()).canonicalFilePath());

        // A failed save names the file and leaves what was there.
        const auto bad = e.saveFile(dir.filePath(QStringLiteral("no/such/folder/x.json")));
        QVERIFY(!bad);
        QVERIFY(bad.error().detail.contains(QStringLiteral("x.json")));
        QVERIFY(!other.loadFile(dir.filePath(QStringLiteral("missing.json"))));
        QCOMPARE(other.text(), e.text());
    }
};

QTEST_MAIN(TestRecipeEditor)
#include "tst_recipeeditor.moc"
