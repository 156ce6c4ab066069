// SPDX-License-Identifier: GPL-3.0-or-later
// Worst case for the Decode workspace on the GUI thread: a paste of many codes, decoded and
// turned into cards in one go. The window must not stall noticeably; 100 ms is the figure a
// user starts to feel, so that is the reference printed.
#include "ui/decode/decodeworkspace.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("forgeline-bench"));

    // A realistic mix: known codes in every form, composites, X.509 flags and junk.
    const QStringList forms
        = {QStringLiteral("-0x7500"),    QStringLiteral("-29312"),
           QStringLiteral("0x801A"),     QStringLiteral("-0x262E"),
           QStringLiteral("0x00000208"), QStringLiteral("64416"),
           QStringLiteral("FFFF8B00"),   QStringLiteral("0xZZ"),
           QStringLiteral("-15488"),     QStringLiteral("MBEDTLS_ERR_SSL_CONN_EOF")};
    QStringList paste;
    while (paste.size() < Forgeline::Ui::DecodeWorkspace::MaxShownInputs)
        paste += forms;
    const QString text = paste.join(QStringLiteral(", "));

    Forgeline::Ui::DecodeWorkspace w;
    w.resize(1000, 800);
    w.show();
    QCoreApplication::processEvents();

    // What a user feels is the longest stretch the GUI thread is busy: the decode plus the
    // first slice of cards, then each later slice. Both are reported, with the total.
    constexpr int Runs = 5;
    std::vector<double> first, worstSlice, total;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer all;
        all.start();
        QElapsedTimer step;
        step.start();
        w.setInput(text);
        QCoreApplication::processEvents(); // layout and the first paint of the first slice
        first.push_back(double(step.nsecsElapsed()) / 1e6);
        double worst = 0;
        while (!w.renderingComplete()) {
            step.restart();
            QCoreApplication::processEvents();
            worst = std::max(worst, double(step.nsecsElapsed()) / 1e6);
        }
        worstSlice.push_back(worst);
        total.push_back(double(all.nsecsElapsed()) / 1e6);
        w.setInput(QString());
        QCoreApplication::processEvents();
    }
    // The everyday case: one code typed, cards on screen.
    std::vector<double> single;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer step;
        step.start();
        w.setInput(QStringLiteral("-0x7500"));
        QCoreApplication::processEvents();
        single.push_back(double(step.nsecsElapsed()) / 1e6);
        w.setInput(QString());
        QCoreApplication::processEvents();
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    const double longest = std::max(median(first), median(worstSlice));
    std::printf(
        "Decode workspace, paste of %lld codes: first cards on screen after %.1f ms, longest later "
        "GUI-thread step %.1f ms, all cards after %.1f ms (medians of %d; longest step %.2f x the "
        "100 ms a user notices)\n",
        static_cast<long long>(paste.size()), median(first), median(worstSlice), median(total),
        Runs, longest / 100.0);
    std::printf("Decode workspace, one code to cards on screen: median %.1f ms\n", median(single));
    return 0;
}
