// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline: the desktop application. Only wiring lives here: arguments, application
// identity, logger, the main window and the headless modes used by CI and benchmarks.
#include "core/common/buildinfo.h"
#include "core/common/logger.h"
#include "core/common/settings.h"
#include "core/common/translations.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/smoketest.h"
#include "ui/shell/startupprobe.h"

#ifdef FORGELINE_HAVE_SIM_FIRMWARE
#include "core/simfirmware/installfirmware.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    Forgeline::Ui::millisecondsSinceProcessStart(); // starts the fallback clock as early as we can

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Forgeline"));
    QCoreApplication::setApplicationName(QStringLiteral("forgeline"));
    QCoreApplication::setApplicationVersion(Forgeline::BuildInfo::applicationVersion());
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Forgeline"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.forgeline.Forgeline"));
    QGuiApplication::setWindowIcon(
        QIcon(QStringLiteral(":/forgeline/icons/org.forgeline.Forgeline.svg")));
    Forgeline::Logger::installQtMessageHandler();

    // Before any text is made: --lang NAME for this run, else the language chosen in the
    // window's Language menu, else the system's.
    QStringList arguments = QCoreApplication::arguments();
    const auto language = Forgeline::Translations::takeLanguageArgument(arguments);
    if (!language) {
        std::fprintf(stderr, "forgeline: %s %s\n", qPrintable(language.error().message),
                     qPrintable(language.error().fix));
        return 2;
    }
    Forgeline::Translations::install(language->isEmpty() ? Forgeline::Settings::load().language
                                                         : *language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Flash, provision and diagnose ESP32-class boards and their TLS."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"),
        QCoreApplication::translate("main", "Open on workspace NAME: %1.")
            .arg(Forgeline::Ui::MainWindow::workspaceIds().join(QStringLiteral(", "))),
        QStringLiteral("NAME"));
    const QCommandLineOption smokeOption(
        QStringLiteral("smoke-test"),
        QCoreApplication::translate(
            "main", "Show the main window, visit every workspace and exit (0 = all worked)."));
    const QCommandLineOption shownOption(
        QStringLiteral("exit-when-shown"),
        QCoreApplication::translate(
            "main", "Exit as soon as the main window has painted; print the start-up time."));
    const QCommandLineOption virtualBoardOption(
        QStringLiteral("virtual-board"),
        QCoreApplication::translate(
            "main", "Start a virtual board (serial ROM loader and protocomm) and select it, "
                    "so everything can be tried without hardware."));
    parser.addOption(workspaceOption);
    parser.addOption(virtualBoardOption);
    parser.addOption(smokeOption);
    parser.addOption(shownOption);
    // Taken out of the arguments above; listed here so --help shows it.
    parser.addOption(QCommandLineOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "User interface language for this run: %1.")
            .arg(Forgeline::Translations::languages().join(QStringLiteral(", "))),
        QStringLiteral("NAME")));
    parser.process(arguments);

#ifdef FORGELINE_HAVE_SIM_FIRMWARE
    // The in-process virtual boards run forgeline-sim's firmware (a real mbedTLS client).
    Forgeline::SimFirmware::installVirtualBoardFirmware();
#endif
    Forgeline::Ui::MainWindow window;
    Forgeline::Logger::instance().info(
        QStringLiteral("app"),
        QCoreApplication::translate("main", "Forgeline %1 started (Qt %2, %3, protobuf %4)")
            .arg(Forgeline::BuildInfo::applicationVersion(), Forgeline::BuildInfo::qtVersion(),
                 Forgeline::BuildInfo::openSslVersion(), Forgeline::BuildInfo::protobufVersion()));
    if (parser.isSet(workspaceOption)) {
        const QString id = parser.value(workspaceOption).trimmed().toLower();
        if (!window.setCurrentWorkspace(id)) {
            std::fprintf(
                stderr, "forgeline: unknown workspace '%s' (known: %s)\n", qPrintable(id),
                qPrintable(Forgeline::Ui::MainWindow::workspaceIds().join(QStringLiteral(", "))));
            return 2;
        }
    }

    if (parser.isSet(shownOption)) {
        auto *probe = new Forgeline::Ui::StartupProbe(window, &app);
        QObject::connect(probe, &Forgeline::Ui::StartupProbe::firstPaint, &app, [] {
            std::printf("shown-after-ms: %.1f\n", Forgeline::Ui::millisecondsSinceProcessStart());
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
        });
    }

    window.show();

    if (parser.isSet(virtualBoardOption)) {
        // The same in-process boards the workspaces' "Virtual board" buttons start.
        QTimer::singleShot(0, &window, &Forgeline::Ui::MainWindow::startVirtualBoards);
    }

    if (parser.isSet(smokeOption)) {
        auto *smoke = new Forgeline::Ui::SmokeTest(window, &app);
        QObject::connect(smoke, &Forgeline::Ui::SmokeTest::progress, &app, [](const QString &line) {
            std::printf("smoke-test: %s\n", qPrintable(line));
            std::fflush(stdout);
        });
        QObject::connect(smoke, &Forgeline::Ui::SmokeTest::finished, &app, [](int code) {
            std::printf("smoke-test: %s\n", code == 0 ? "passed" : "FAILED");
            std::fflush(stdout);
            QCoreApplication::exit(code);
        });
        smoke->start();
    }
    return app.exec();
}
