// SPDX-License-Identifier: GPL-3.0-or-later
// Rules about the source tree itself, checked on every test run so they stay true:
// - core/ folders include only downward (docs/dev/ARCHITECTURE.md, "Layers"), and core/ never
//   includes ui/ or app/;
// - every error code written in the sources belongs to a family in the registry
//   (core/common/errorcodes.h).
#include "core/common/errorcodes.h"
#include "core/common/result.h"

#include <QDir>
#include <QDirIterator>

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

namespace {

QString sourceRoot() { return QDir(QStringLiteral(TESTDATA_DIR "/../..")).absolutePath(); }

QStringList sourceFiles(const QString &under)
{
    QStringList files;
    QDirIterator it(sourceRoot() + QLatin1Char('/') + under,
                    {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Rank of each core folder: a folder may include its own and lower ranks only, never a
// sibling of the same rank. A new folder gets a line here and in ARCHITECTURE.md.
const QHash<QString, int> &coreRanks()
{
    static const QHash<QString, int> ranks{
        {QStringLiteral("common"), 0},
        {QStringLiteral("image"), 1},
        {QStringLiteral("tls"), 1},
        {QStringLiteral("protocomm"), 1},
        {QStringLiteral("flasher"), 2},
        {QStringLiteral("sim"), 3},
        {QStringLiteral("monitor"), 3},
        // The station's connect step watches the board (monitor); the virtual board's firmware
        // runs on the virtual board (sim) and links mbedTLS, which nothing below it may.
        {QStringLiteral("station"), 4},
        {QStringLiteral("simfirmware"), 4},
    };
    return ranks;
}

} // namespace

class TestSourceRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coreIncludesOnlyDownward()
    {
        const QRegularExpression include(
            QStringLiteral("^\\s*#\\s*include\\s+\"((core|ui|app)/([a-z_]+)/[^\"]+)\""),
            QRegularExpression::MultilineOption);
        QStringList violations;
        const QStringList files = sourceFiles(QStringLiteral("core"));
        QVERIFY(files.size() > 50);
        for (const QString &path : files) {
            const QString relative = QDir(sourceRoot()).relativeFilePath(path);
            const QString folder = relative.section(QLatin1Char('/'), 1, 1);
            if (!coreRanks().contains(folder)) {
                violations << relative + QStringLiteral(": core/") + folder
                                  + QStringLiteral(" has no rank in the layer table");
                continue;
            }
            const int rank = coreRanks().value(folder);
            auto matches = include.globalMatch(readText(path));
            while (matches.hasNext()) {
                const auto m = matches.next();
                const QString top = m.captured(2);
                const QString target = m.captured(3);
                if (top != QLatin1String("core")) {
                    violations << relative + QStringLiteral(" includes ") + m.captured(1)
                                      + QStringLiteral(" (core never includes ui/ or app/)");
                    continue;
                }
                if (target == folder)
                    continue;
                if (!coreRanks().contains(target) || coreRanks().value(target) >= rank)
                    violations << relative + QStringLiteral(" includes ") + m.captured(1)
                                      + QStringLiteral(" (core/%1 may include only lower layers)")
                                            .arg(folder);
            }
        }
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    }

    void layerCheckCanFail()
    {
        // The rule itself: flasher (2) may use image (1), image may not use flasher, and
        // siblings (sim, station) may not use each other.
        QVERIFY(coreRanks().value(QStringLiteral("image"))
                < coreRanks().value(QStringLiteral("flasher")));
        QCOMPARE(coreRanks().value(QStringLiteral("sim")),
                 coreRanks().value(QStringLiteral("monitor")));
    }

    void everyErrorCodeIsRegistered()
    {
        const QRegularExpression make(
            QStringLiteral("Error::make\\(\\s*QStringLiteral\\(\"([^\"]+)\"\\)"));
        QStringList unknown;
        int seen = 0;
        for (const QString &top :
             {QStringLiteral("core"), QStringLiteral("app"), QStringLiteral("ui")}) {
            for (const QString &path : sourceFiles(top)) {
                auto matches = make.globalMatch(readText(path));
                while (matches.hasNext()) {
                    const QString code = matches.next().captured(1);
                    ++seen;
                    if (!Forgeline::ErrorCode::isRegistered(code))
                        unknown << QDir(sourceRoot()).relativeFilePath(path) + QStringLiteral(": ")
                                       + code;
                }
            }
        }
        QVERIFY(seen > 100);
        QVERIFY2(unknown.isEmpty(),
                 qPrintable(QStringLiteral("add the family to core/common/errorcodes.h:\n")
                            + unknown.join(QLatin1Char('\n'))));
    }

    void latin1LiteralsAreAscii()
    {
        // The sources are UTF-8: a non-ASCII character inside QLatin1String("…") or
        // QLatin1Char('…') is read byte by byte as Latin-1 and shows as mojibake ("â€”" for an
        // em dash). QStringLiteral or u"…" keep it.
        const QRegularExpression latin1(
            QStringLiteral("QLatin1(String|StringView|Char)\\s*\\((\"[^\"]*\"|'[^']*')\\)"));
        QStringList violations;
        for (const QString &top :
             {QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app")}) {
            for (const QString &path : sourceFiles(top)) {
                auto matches = latin1.globalMatch(readText(path));
                while (matches.hasNext()) {
                    const QString literal = matches.next().captured(2);
                    const bool ascii = std::all_of(literal.cbegin(), literal.cend(),
                                                   [](QChar c) { return c.unicode() < 0x80; });
                    if (!ascii)
                        violations << QDir(sourceRoot()).relativeFilePath(path)
                                          + QStringLiteral(": ") + literal;
                }
            }
        }
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    }

    void cancellationIsOneIdea()
    {
        using namespace Forgeline;
        for (const QLatin1String code : {ErrorCode::Cancelled, ErrorCode::ProtocommCancelled,
                                         ErrorCode::StationCancelled, ErrorCode::DiagnoseCancelled})
            QVERIFY(Error::make(code, QString()).isCancelled());
        QVERIFY(!Error::make(QStringLiteral("protocomm.connect"), QString()).isCancelled());
        QVERIFY(!Error::make(QStringLiteral("cancelledish"), QString()).isCancelled());
    }
};

QTEST_GUILESS_MAIN(TestSourceRules)
#include "tst_sourcerules.moc"
