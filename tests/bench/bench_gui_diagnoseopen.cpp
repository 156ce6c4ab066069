// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a 1 GB log in the Diagnose workspace (issue 3): indexing and diagnosis run off the GUI
// thread, so the event loop must keep ticking. Prints the longest GUI stall (a 60 ms frame budget
// is the reference) and the time to the finished diagnosis.
#include "ui/diagnose/diagnoseworkspace.h"
#include "ui/diagnose/logfilemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                                                    : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    using namespace Forgeline::Ui;

    QFile seed(QStringLiteral(TESTDATA_DIR "/logs/host228_working.log"));
    QFile failing(QStringLiteral(TESTDATA_DIR "/logs/host228_client_certificate_required.log"));
    if (!seed.open(QIODevice::ReadOnly) || !failing.open(QIODevice::ReadOnly)) {
        std::printf("bench_gui_diagnoseopen: test logs missing\n");
        return 1;
    }
    const QByteArray working = seed.readAll();
    const QByteArray tail = failing.readAll();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capture-1GB.log"));
    constexpr qint64 Target = 1024ll * 1024 * 1024;
    {
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly)) {
            std::printf("bench_gui_diagnoseopen: cannot write %s\n", qPrintable(path));
            return 1;
        }
        qint64 size = 0;
        while (size + tail.size() < Target)
            size += out.write(working);
        out.write(tail);
    }

    DiagnoseWorkspace workspace;
    workspace.resize(1400, 900);
    workspace.show();
    // Let the first layout and paint happen before measuring: they are start-up, not loading.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 300)
        app.processEvents(QEventLoop::AllEvents, 50);
    QElapsedTimer sinceTick;
    qint64 longestStallMs = 0;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        longestStallMs = qMax(longestStallMs, sinceTick.elapsed());
        sinceTick.restart();
    });
    bool ok = false;
    QElapsedTimer total;
    QObject::connect(&workspace, &DiagnoseWorkspace::diagnosisFinished, [&](bool result) {
        ok = result;
        app.quit();
    });
    total.start();
    sinceTick.start();
    ticker.start();
    workspace.loadLogs(path);
    app.exec();
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    std::printf(
        "Open 1 GB log in Diagnose: %s in %.1f s (%lld lines indexed); longest GUI stall %lld ms "
        "(reference: 60 ms frame budget, %.2fx)\n",
        ok ? "diagnosed" : "FAILED", seconds,
        static_cast<long long>(workspace.failingLogModel()->rowCount()),
        static_cast<long long>(longestStallMs), double(longestStallMs) / 60.0);
    return ok ? 0 : 1;
}
