// SPDX-License-Identifier: GPL-3.0-or-later
// The Simplified Chinese user interface: every text the sources hand to tr()/translate() has a
// finished zh_CN translation (checked by running Qt's lupdate over today's sources, so a string
// added in any branch shows up here), the translation keeps its placeholders, and the GUI, core
// and the CLI really speak it when asked to.
#include "core/common/settings.h"
#include "core/common/translations.h"
#include "core/image/partitiontable.h"
#include "ui/decode/decodeworkspace.h"
#include "ui/diagnose/diagnoseworkspace.h"
#include "ui/flash/flashworkspace.h"
#include "ui/provision/provisionworkspace.h"
#include "ui/records/recordsworkspace.h"
#include "ui/shell/languagemenu.h"
#include "ui/shell/mainwindow.h"
#include "ui/station/stationworkspace.h"
#include "workspacetestaccess.h"

#include "flashjobwait.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Forgeline;

namespace {

const QString sourceRoot = QDir::cleanPath(QStringLiteral(TESTDATA_DIR "/../.."));

// Texts merged before their translation: resources/translations/pending_zh_CN.txt names, one per
// line, a source file (its tr() texts), "diagnosis:ID" or "knowledge:SENTENCE". Those are listed
// as pending instead of failing; anything untranslated elsewhere still fails, and a line whose
// texts are all translated must be removed (the list only shrinks).
QStringList pendingTranslations()
{
    QFile f(sourceRoot + QStringLiteral("/resources/translations/pending_zh_CN.txt"));
    QStringList lines;
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return lines;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            lines.append(line);
    }
    return lines;
}
const QString committedTs
    = sourceRoot + QStringLiteral("/resources/translations/forgeline_zh_CN.ts");

struct TsMessage
{
    QString context;
    QString source;
    QString file; // relative to the source root
    int line = 0;
    QString type; // "", "unfinished", "vanished", "obsolete"
    QStringList translations;
};

QString lupdatePath()
{
    const QString beside
        = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    if (QFile::exists(beside))
        return beside;
    return QStandardPaths::findExecutable(QStringLiteral("lupdate"));
}

// Reads a .ts; locations written with -locations absolute name the file relative to the .ts.
QList<TsMessage> readTs(const QString &path)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    const QDir tsDir = QFileInfo(path).absoluteDir();
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            if (!current.source.isNull())
                messages.append(current);
            current = TsMessage{};
            current.context = context;
        } else if (name == QLatin1String("location") && current.file.isEmpty()) {
            const QString absolute = QDir::cleanPath(tsDir.absoluteFilePath(
                xml.attributes().value(QStringLiteral("filename")).toString()));
            current.file = QDir(sourceRoot).relativeFilePath(absolute);
            current.line = xml.attributes().value(QStringLiteral("line")).toInt();
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QStringLiteral("type")).toString();
            // zh_CN has one plural form, so a numerus message's text is its one <numerusform>.
            current.translations
                = {xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed()};
        }
    }
    if (!current.source.isNull())
        messages.append(current);
    return messages;
}

QStringList placeholders(const QString &text)
{
    QStringList found;
    static const QRegularExpression marker(QStringLiteral("%(?:\\d+|n|p)"));
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

// The contexts a source file's local tr() helper asks (QCoreApplication::translate("X", ...) or
// Translations::translateFirst({"X", "Y"}, ...)); empty when the file has no such helper.
QStringList helperContexts(const QString &file)
{
    static QHash<QString, QStringList> cache;
    if (const auto it = cache.constFind(file); it != cache.cend())
        return *it;
    QFile f(sourceRoot + QLatin1Char('/') + file);
    const QString text = f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    QStringList contexts;
    static const QRegularExpression single(
        QStringLiteral("QCoreApplication::translate\\(\\s*\"([^\"]+)\""));
    static const QRegularExpression list(QStringLiteral("translateFirst\\(\\s*\\{([^}]*)\\}"));
    static const QRegularExpression literal(QStringLiteral("\"([^\"]+)\""));
    for (auto it = single.globalMatch(text); it.hasNext();)
        contexts.append(it.next().captured(1));
    for (auto it = list.globalMatch(text); it.hasNext();) {
        const QString inner = it.next().captured(1);
        for (auto lit = literal.globalMatch(inner); lit.hasNext();)
            contexts.append(lit.next().captured(1));
    }
    cache.insert(file, contexts);
    return contexts;
}

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess p;
    p.setProcessEnvironment(environment);
    p.start(QStringLiteral(FORGELINE_CLI_PATH), arguments);
    CliRun r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QProcessEnvironment environmentWith(const QString &lang, const QString &lcAll = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.remove(QStringLiteral("LC_ALL"));
    env.insert(QStringLiteral("LANG"), lang);
    if (!lcAll.isEmpty())
        env.insert(QStringLiteral("LC_ALL"), lcAll);
    return env;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

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

    // What a translator needs after a merge: every text that lacks a finished zh_CN translation,
    // with its context and the line that makes it. `./dev.sh translations` refreshes the .ts.
    void everySourceTextHasAFinishedTranslation()
    {
        const QString lupdate = lupdatePath();
        if (lupdate.isEmpty())
            QFAIL("Qt's lupdate is not installed (Debian: qt6-l10n-tools; ./dev.sh setup installs "
                  "it)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ts = dir.filePath(QStringLiteral("forgeline_zh_CN.ts"));
        QVERIFY(QFile::copy(committedTs, ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);

        QProcess p;
        p.setWorkingDirectory(sourceRoot);
        p.start(lupdate, {QStringLiteral("-silent"), QStringLiteral("-I"), sourceRoot,
                          QStringLiteral("-locations"), QStringLiteral("absolute"),
                          QStringLiteral("-target-language"), QStringLiteral("zh_CN"),
                          QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app"),
                          QStringLiteral("-ts"), ts});
        QVERIFY2(p.waitForFinished(120000), "lupdate did not finish");
        QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.readAllStandardError())));

        const QList<TsMessage> messages = readTs(ts);
        QVERIFY2(messages.size() > 500,
                 qPrintable(QStringLiteral("lupdate found only %1 texts").arg(messages.size())));
        QStringList untranslated;
        QStringList stale;
        QStringList broken;
        // A local tr() helper that asks another context than lupdate filed its text under shows
        // English whatever the catalogue holds.
        QStringList misfiled;
        for (const TsMessage &m : messages) {
            const QStringList asked
                = m.file.endsWith(QLatin1String(".cpp")) ? helperContexts(m.file) : QStringList();
            if (!asked.isEmpty() && !asked.contains(m.context))
                misfiled.append(QStringLiteral("%1:%2: [%3] \"%4\" (the helper asks %5)")
                                    .arg(m.file)
                                    .arg(m.line)
                                    .arg(m.context, m.source, asked.join(QLatin1String(", "))));
        }
        for (const QString &line : std::as_const(misfiled))
            qWarning("filed under a context its tr() helper never asks: %s", qPrintable(line));
        QVERIFY2(misfiled.isEmpty(),
                 qPrintable(QStringLiteral("%1 texts are filed under a context their file's "
                                           "tr() helper does not ask (they would show in "
                                           "English); list the context in the helper")
                                .arg(misfiled.size())));
        const QStringList pending = pendingTranslations();
        QSet<QString> pendingSeen;
        for (const TsMessage &m : messages) {
            const QString where = QStringLiteral("%1:%2: [%3] \"%4\"")
                                      .arg(m.file.isEmpty() ? QStringLiteral("?") : m.file)
                                      .arg(m.line)
                                      .arg(m.context, m.source);
            if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete")) {
                stale.append(QStringLiteral("[%1] \"%2\"").arg(m.context, m.source));
                continue;
            }
            const QString text = m.translations.join(QString()).trimmed();
            if (m.type == QLatin1String("unfinished") || text.isEmpty()) {
                if (pending.contains(m.file)) {
                    pendingSeen.insert(m.file);
                    qWarning("pending translation: %s", qPrintable(where));
                } else {
                    untranslated.append(where);
                }
                continue;
            }
            const QString firstForm = m.translations.value(0);
            if (placeholders(firstForm) != placeholders(m.source)
                || firstForm.count(u'&') != m.source.count(u'&'))
                broken.append(where + QStringLiteral(" -> \"%1\"").arg(firstForm));
        }
        for (const QString &line : std::as_const(untranslated))
            qWarning("untranslated: %s", qPrintable(line));
        for (const QString &line : std::as_const(stale))
            qWarning("no longer in the sources: %s", qPrintable(line));
        for (const QString &line : std::as_const(broken))
            qWarning("placeholders or '&' differ: %s", qPrintable(line));
        const QString summary
            = QStringLiteral("%1 untranslated, %2 stale, %3 with broken placeholders in "
                             "resources/translations/forgeline_zh_CN.ts. ")
                  .arg(untranslated.size())
                  .arg(stale.size())
                  .arg(broken.size())
              + QStringLiteral(
                  "Run ./dev.sh translations, translate the entries marked unfinished (Qt "
                  "Linguist or a text editor; keep placeholders such as %1 and %n, '&' "
                  "and HTML), drop their type=\"unfinished\", rebuild.");
        for (const QString &file : pending) {
            if (!file.contains(QLatin1Char(':')) && !pendingSeen.contains(file)) {
                untranslated.append(file
                                    + QStringLiteral(": listed in pending_zh_CN.txt but fully "
                                                     "translated (or gone): remove the line"));
                qWarning("%s", qPrintable(untranslated.constLast()));
            }
        }
        QVERIFY2(untranslated.isEmpty() && stale.isEmpty() && broken.isEmpty(),
                 qPrintable(summary));
    }

    // The diagnosis explanations are data, not tr() texts: diagnoses.zh_CN.json carries every id of
    // diagnoses.json with the same number of fixes and the same {placeholders}.
    void diagnosesHaveAChineseText()
    {
        const auto readJson = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                               : QJsonObject();
        };
        const QString dir = sourceRoot + QStringLiteral("/resources/data/diagnoses/");
        const QJsonArray english = readJson(dir + QStringLiteral("diagnoses.json"))
                                       .value(QStringLiteral("diagnoses"))
                                       .toArray();
        const QJsonObject chinese = readJson(dir + QStringLiteral("diagnoses.zh_CN.json"))
                                        .value(QStringLiteral("diagnoses"))
                                        .toObject();
        QVERIFY(english.size() >= 20);
        static const QRegularExpression placeholder(QStringLiteral("\\{[a-z]+\\}"));
        const auto marks = [](const QString &text) {
            QStringList found;
            for (auto it = placeholder.globalMatch(text); it.hasNext();)
                found.append(it.next().captured());
            found.sort();
            return found;
        };
        QStringList problems;
        QStringList ids;
        for (const QJsonValue &v : english) {
            const QJsonObject en = v.toObject();
            const QString id = en.value(QStringLiteral("id")).toString();
            ids.append(id);
            const QJsonObject zh = chinese.value(id).toObject();
            if (zh.isEmpty()) {
                if (pendingTranslations().contains(QStringLiteral("diagnosis:") + id))
                    qWarning("pending translation: diagnosis %s", qPrintable(id));
                else
                    problems.append(QStringLiteral("%1: no zh_CN entry").arg(id));
                continue;
            }
            for (const QString &key : {QStringLiteral("title"), QStringLiteral("explanation")}) {
                const QString zhText = zh.value(key).toString();
                if (zhText.trimmed().isEmpty() || marks(zhText) != marks(en.value(key).toString()))
                    problems.append(
                        QStringLiteral("%1: %2 missing or with other placeholders").arg(id, key));
            }
            const QJsonArray enFixes = en.value(QStringLiteral("fixes")).toArray();
            const QJsonArray zhFixes = zh.value(QStringLiteral("fixes")).toArray();
            if (enFixes.size() != zhFixes.size()) {
                problems.append(QStringLiteral("%1: %2 fixes in English, %3 in zh_CN")
                                    .arg(id)
                                    .arg(enFixes.size())
                                    .arg(zhFixes.size()));
                continue;
            }
            for (qsizetype i = 0; i < enFixes.size(); ++i) {
                if (zhFixes.at(i).toString().trimmed().isEmpty()
                    || marks(zhFixes.at(i).toString()) != marks(enFixes.at(i).toString()))
                    problems.append(QStringLiteral("%1: fix %2 missing or with other placeholders")
                                        .arg(id)
                                        .arg(i + 1));
            }
        }
        for (auto it = chinese.begin(); it != chinese.end(); ++it) {
            if (!ids.contains(it.key()))
                problems.append(
                    QStringLiteral("%1: in diagnoses.zh_CN.json but no longer in diagnoses.json")
                        .arg(it.key()));
        }
        for (const QString &p : std::as_const(problems))
            qWarning("diagnoses.zh_CN.json: %s", qPrintable(p));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(
                     QStringLiteral("%1 problems in resources/data/diagnoses/diagnoses.zh_CN.json")
                         .arg(problems.size())));
    }

    // The causes, fixes and notes of the error-code knowledge: knowledge.zh_CN.json translates
    // every sentence of knowledge.json (keyed by the sentence) and keeps no sentence it lost.
    void knowledgeHasAChineseText()
    {
        const auto readJson = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                               : QJsonObject();
        };
        const QString dir = sourceRoot + QStringLiteral("/resources/data/errors/");
        const QJsonObject english = readJson(dir + QStringLiteral("knowledge.json"));
        const QJsonObject chinese = readJson(dir + QStringLiteral("knowledge.zh_CN.json"))
                                        .value(QStringLiteral("texts"))
                                        .toObject();
        QStringList sentences;
        for (auto it = english.begin(); it != english.end(); ++it) {
            if (it.key().startsWith(u'_'))
                continue;
            const QJsonObject o = it.value().toObject();
            for (const QString &list : {QStringLiteral("causes"), QStringLiteral("fixes")}) {
                for (const QJsonValue &v : o.value(list).toArray())
                    sentences.append(v.toString());
            }
            if (o.contains(QStringLiteral("note")))
                sentences.append(o.value(QStringLiteral("note")).toString());
        }
        QVERIFY(sentences.size() > 150);
        QStringList problems;
        for (const QString &sentence : std::as_const(sentences)) {
            if (chinese.value(sentence).toString().trimmed().isEmpty()) {
                if (pendingTranslations().contains(QStringLiteral("knowledge:") + sentence))
                    qWarning("pending translation: knowledge \"%s\"", qPrintable(sentence));
                else
                    problems.append(QStringLiteral("untranslated: \"%1\"").arg(sentence));
            }
        }
        for (auto it = chinese.begin(); it != chinese.end(); ++it) {
            if (!sentences.contains(it.key()))
                problems.append(
                    QStringLiteral("no longer in knowledge.json: \"%1\"").arg(it.key()));
        }
        problems.removeDuplicates();
        for (const QString &p : std::as_const(problems))
            qWarning("knowledge.zh_CN.json: %s", qPrintable(p));
        QVERIFY2(
            problems.isEmpty(),
            qPrintable(QStringLiteral("%1 problems in resources/data/errors/knowledge.zh_CN.json")
                           .arg(problems.size())));
    }

    void languageNames_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("language"); // "" = refused
        QTest::newRow("zh") << QStringLiteral("zh") << QStringLiteral("zh_CN");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("zh-CN") << QStringLiteral("zh-CN") << QStringLiteral("zh_CN");
        QTest::newRow("locale") << QStringLiteral("zh_CN.UTF-8") << QStringLiteral("zh_CN");
        QTest::newRow("en_US") << QStringLiteral("en_US.UTF-8") << QStringLiteral("en");
        QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("en");
        QTest::newRow("traditional") << QStringLiteral("zh_TW") << QString();
        QTest::newRow("french") << QStringLiteral("fr") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void languageNames()
    {
        QFETCH(QString, typed);
        QFETCH(QString, language);
        const Result<QString> parsed = Translations::parseLanguage(typed);
        if (language.isEmpty()) {
            QVERIFY(!parsed);
            QVERIFY(parsed.error().fix.contains(QStringLiteral("zh_CN")));
        } else {
            QVERIFY2(parsed.ok(), qPrintable(typed));
            QCOMPARE(*parsed, language);
        }
    }

    void systemLocaleIsTheDefault()
    {
        QCOMPARE(Translations::resolve(QString(), QLocale(QStringLiteral("zh_CN"))),
                 QStringLiteral("zh_CN"));
        QCOMPARE(Translations::resolve(QString(), QLocale(QStringLiteral("zh_SG"))),
                 QStringLiteral("zh_CN"));
        QCOMPARE(Translations::resolve(QString(), QLocale(QStringLiteral("zh_TW"))),
                 QStringLiteral("en"));
        QCOMPARE(Translations::resolve(QString(), QLocale(QStringLiteral("de_DE"))),
                 QStringLiteral("en"));
        QCOMPARE(Translations::resolve(QString(), QLocale::c()), QStringLiteral("en"));
        // A choice made in Settings wins over the system.
        QCOMPARE(Translations::resolve(QStringLiteral("en"), QLocale(QStringLiteral("zh_CN"))),
                 QStringLiteral("en"));
        QCOMPARE(Translations::resolve(QStringLiteral("zh_CN"), QLocale(QStringLiteral("de_DE"))),
                 QStringLiteral("zh_CN"));
    }

    void langArgumentIsTakenOut()
    {
        QStringList args
            = {QStringLiteral("forgeline-cli"), QStringLiteral("--lang"), QStringLiteral("zh_CN"),
               QStringLiteral("decode"), QStringLiteral("-0x7500")};
        Result<QString> lang = Translations::takeLanguageArgument(args);
        QVERIFY(lang.ok());
        QCOMPARE(*lang, QStringLiteral("zh_CN"));
        QCOMPARE(args, QStringList({QStringLiteral("forgeline-cli"), QStringLiteral("decode"),
                                    QStringLiteral("-0x7500")}));

        args = {QStringLiteral("forgeline-cli"), QStringLiteral("ports"),
                QStringLiteral("--lang=en")};
        lang = Translations::takeLanguageArgument(args);
        QVERIFY(lang.ok());
        QCOMPARE(*lang, QStringLiteral("en"));
        QCOMPARE(args.size(), 2);

        args = {QStringLiteral("forgeline-cli"), QStringLiteral("ports"), QStringLiteral("--lang")};
        QVERIFY(!Translations::takeLanguageArgument(args).ok());
        args = {QStringLiteral("forgeline-cli"), QStringLiteral("ports")};
        lang = Translations::takeLanguageArgument(args);
        QVERIFY(lang.ok());
        QVERIFY(lang->isEmpty());
    }

    void languageMenuSavesTheChoice()
    {
        Ui::MainWindow window;
        auto *menu = window.findChild<Ui::LanguageMenu *>(QStringLiteral("languageMenu"));
        QVERIFY(menu);
        QCOMPARE(menu->checkedLanguage(), QString()); // nothing chosen yet: the system's
        QAction *chinese = menu->actionFor(QStringLiteral("zh_CN"));
        QVERIFY(chinese);
        QCOMPARE(chinese->text(), QStringLiteral("简体中文")); // named in itself
        chinese->trigger();
        QCOMPARE(Settings::load().language, QStringLiteral("zh_CN"));
        menu->actionFor(QString())->trigger();
        QCOMPARE(Settings::load().language, QString());

        // A language this build does not ship falls back to the system's on load.
        QSettings store(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Forgeline"),
                        QStringLiteral("forgeline"));
        store.setValue(QStringLiteral("shell/language"), QStringLiteral("tlh"));
        store.sync();
        QCOMPARE(Settings::load().language, QString());
    }

    // Runs last among the in-process checks: it installs the catalogue into this application.
    void guiAndCoreSpeakChinese()
    {
        QCOMPARE(Translations::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        Ui::MainWindow window;
        QCOMPARE(window.workspaceAction(QStringLiteral("decode"))->text(), QStringLiteral("解码"));
        QCOMPARE(window.workspaceAction(QStringLiteral("flash"))->text(), QStringLiteral("烧录"));
        QCOMPARE(window.workspaceAction(QStringLiteral("provision"))->text(),
                 QStringLiteral("配网"));
        QStringList menus;
        for (QAction *a : window.menuBar()->actions())
            menus.append(a->text());
        QVERIFY2(menus.contains(QStringLiteral("设置(&S)")), qPrintable(menus.join(u'|')));
        // core's texts, under a file-level context (Forgeline::Image::PartitionTable).
        const auto blank
            = Image::PartitionTable::parse(QByteArray(Image::PartitionTable::MaxLength, '\xff'));
        QVERIFY(!blank);
        QVERIFY2(blank.error().message.contains(QStringLiteral("分区表")),
                 qPrintable(blank.error().message));
    }

    // The zh_CN pictures of docs/guide-technician.md (./dev.sh screenshots copies them to
    // docs/images/zh_CN/): the window at 1024x768 with real work in each workspace.
    void chineseScreenshots()
    {
        if (QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty())
            QSKIP("No font with Simplified Chinese glyphs (Debian: fonts-wqy-microhei or "
                  "fonts-noto-cjk)");
        const QString dir = QStringLiteral(TEST_BUILD_DIR "/screenshots/zh_CN");
        QVERIFY(QDir().mkpath(dir));
        QTemporaryDir backups;
        Ui::MainWindow w;
        w.resize(1024, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const auto shoot = [&](const QString &name) {
            QTest::qWait(100); // let queued layout and repaints land
            // Chinese labels are wider than English ones: with content loaded every workspace
            // must still fit the 1024x768 window it was given.
            if (w.width() > 1024 || w.height() > 768) {
                qWarning("%s: the window grew to %dx%d", qPrintable(name), w.width(), w.height());
                return false;
            }
            return w.grab().save(dir + u'/' + name);
        };

        QVERIFY(w.setCurrentWorkspace(QStringLiteral("decode")));
        auto *decode = qobject_cast<Ui::DecodeWorkspace *>(w.workspace(QStringLiteral("decode")));
        QSignalSpy rendered(decode, &Ui::DecodeWorkspace::renderingFinished);
        decode->setInput(QStringLiteral("-0x2700 -0x7780"));
        decode->decodeNow();
        QVERIFY(rendered.count() > 0 || rendered.wait(10000));
        QVERIFY(shoot(QStringLiteral("decode.png")));

        QVERIFY(w.setCurrentWorkspace(QStringLiteral("diagnose")));
        auto *diagnose
            = qobject_cast<Ui::DiagnoseWorkspace *>(w.workspace(QStringLiteral("diagnose")));
        QSignalSpy diagnosed(diagnose, &Ui::DiagnoseWorkspace::diagnosisFinished);
        diagnose->loadLogs(
            QStringLiteral(TESTDATA_DIR "/logs/host228_client_certificate_required.log"),
            QStringLiteral(TESTDATA_DIR "/logs/host228_working.log"));
        QVERIFY(diagnosed.wait(30000));
        QVERIFY(shoot(QStringLiteral("diagnose.png")));

        QVERIFY(w.setCurrentWorkspace(QStringLiteral("provision")));
        auto *provision
            = qobject_cast<Ui::ProvisionWorkspace *>(w.workspace(QStringLiteral("provision")));
        provision->startVirtualBoard();
        provision->connectToDevice();
        QTRY_VERIFY_WITH_TIMEOUT(provision->isSessionOpen(), 15000);
        auto *networks = provision->findChild<QTableView *>(QStringLiteral("provisionNetworks"));
        QVERIFY(networks);
        QTRY_VERIFY_WITH_TIMEOUT(networks->model()->rowCount() > 0, 15000);
        QVERIFY(shoot(QStringLiteral("provision.png")));

        QVERIFY(w.setCurrentWorkspace(QStringLiteral("flash")));
        auto *flash = qobject_cast<Ui::FlashWorkspace *>(w.workspace(QStringLiteral("flash")));
        flash->setBackupDirectory(backups.path());
        Forgeline::Ui::WorkspaceTestAccess::setVirtualBoardTiming(*flash, false);
        flash->startVirtualBoard();
        flash->connectBoard();
        QVERIFY(FlashJobWait::waitJob(*flash));
        QCOMPARE(flash->partitionCount(), 6);
        QVERIFY(shoot(QStringLiteral("flash.png")));

        QVERIFY(w.setCurrentWorkspace(QStringLiteral("station")));
        auto *station
            = qobject_cast<Ui::StationWorkspace *>(w.workspace(QStringLiteral("station")));
        const Result<void> boards = station->startVirtualBoards(2);
        QVERIFY2(boards.ok(), qPrintable(station->statusText()));
        QSignalSpy finished(station, &Ui::StationWorkspace::finished);
        QVERIFY2(station->start(), qPrintable(station->statusText()));
        QVERIFY(finished.wait(90000));
        QVERIFY(shoot(QStringLiteral("station.png")));

        // The records a device log dumped, with their findings and a record's decoded fields.
        QVERIFY(w.setCurrentWorkspace(QStringLiteral("records")));
        auto *records
            = qobject_cast<Ui::RecordsWorkspace *>(w.workspace(QStringLiteral("records")));
        QSignalSpy dissected(records, &Ui::RecordsWorkspace::dissected);
        records->openFile(
            QStringLiteral(TESTDATA_DIR "/logs/host228_client_certificate_required.log"));
        QVERIFY(dissected.wait(30000));
        QCOMPARE(dissected.first().first().toBool(), true);
        QVERIFY(shoot(QStringLiteral("records.png")));
    }

    void cliFollowsLangAndTheEnvironment()
    {
        const CliRun flag
            = runCli({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("nosuch")},
                     environmentWith(QStringLiteral("C.UTF-8")));
        QCOMPARE(flag.exitCode, 2);
        QVERIFY2(flag.err.contains(QStringLiteral("未知命令")), qPrintable(flag.err));

        const CliRun env
            = runCli({QStringLiteral("--help")}, environmentWith(QStringLiteral("zh_CN.UTF-8")));
        QCOMPARE(env.exitCode, 0);
        QVERIFY2(env.out.contains(QStringLiteral("用法")), qPrintable(env.out));
        QVERIFY(env.out.contains(QStringLiteral("  decode "))); // command names stay as typed

        // LC_ALL overrides LANG, as for every Unix program; --lang overrides both.
        const CliRun c
            = runCli({QStringLiteral("--help")},
                     environmentWith(QStringLiteral("zh_CN.UTF-8"), QStringLiteral("C.UTF-8")));
        QVERIFY2(c.out.startsWith(QStringLiteral("Usage:")), qPrintable(c.out));
        const CliRun en
            = runCli({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")},
                     environmentWith(QStringLiteral("zh_CN.UTF-8")));
        QVERIFY2(en.out.startsWith(QStringLiteral("Usage:")), qPrintable(en.out));

        // Data with texts for people follows too: the diagnosis from the knowledge of
        // diagnoses.zh_CN.json.
        const CliRun diagnosis
            = runCli({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("diagnose"),
                      QStringLiteral(TESTDATA_DIR "/logs/host228_client_certificate_required.log")},
                     environmentWith(QStringLiteral("C.UTF-8")));
        QVERIFY2(diagnosis.out.contains(QStringLiteral("服务器要求客户端证书")),
                 qPrintable(diagnosis.out + diagnosis.err));
        QVERIFY(diagnosis.out.contains(QStringLiteral("client-certificate-required"))); // ids stay

        const CliRun unknown
            = runCli({QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("ports")},
                     environmentWith(QStringLiteral("C.UTF-8")));
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("'fr'")));
        QCOMPARE(unknown.err.count(u'\n'), 1); // one line

        // Machine-readable output is the same in every language.
        const CliRun jsonZh = runCli({QStringLiteral("--lang"), QStringLiteral("zh_CN"),
                                      QStringLiteral("--version"), QStringLiteral("--json")},
                                     environmentWith(QStringLiteral("C.UTF-8")));
        const CliRun jsonEn = runCli({QStringLiteral("--version"), QStringLiteral("--json")},
                                     environmentWith(QStringLiteral("C.UTF-8")));
        QCOMPARE(jsonZh.exitCode, 0);
        QCOMPARE(jsonZh.out, jsonEn.out);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
