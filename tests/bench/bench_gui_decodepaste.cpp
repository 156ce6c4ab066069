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
    const QStringList forms = {QStringLiteral("-0x7500"), QStringLiteral("-29312"), QStringLiteral("0x801A"),
                               QStringLiteral("-0x262E"), QStringLiteral("0x00000208"), QStringLiteral("64416"),
                               QStringLiteral("FFFF8B00"), QStringLiteral("0xZZ"), QStringLiteral("-15488"),
                               QStringLiteral("MBEDTLS_ERR_SSL_CONN_EOF")};
    QStringList paste;
    while (paste.size() < Forgeline::Ui::DecodeWorkspace::MaxShownInputs)
        paste += forms;
    const QString text = paste.join(QStringLiteral(", "));

    Forgeline::Ui::DecodeWorkspace w;
    w.resize(1000, 800);
    w.show();
    QCoreApplication::processEvents();

    constexpr int Runs = 5;
    std::vector<double> ms;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer t;
        t.start();
        w.setInput(text);
        QCoreApplication::processEvents(); // layout and the first paint of the new cards
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        w.setInput(QString());
        QCoreApplication::processEvents();
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2];
    std::printf("Decode workspace, paste of %lld codes to cards on screen: median %.1f ms "
                "(%.2f x the 100 ms a user notices)\n",
                static_cast<long long>(paste.size()), median, median / 100.0);
    return 0;
}
