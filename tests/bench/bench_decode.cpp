// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding speed: a realistic mix of pasted forms decoded many times through the same entry point
// the GUI and CLI use. Budget (issue 2): under 1 ms per code.
#include "core/tls/errordecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    using namespace Forgeline::Tls;

    const QStringList forms = {QStringLiteral("-0x7500"),
                               QStringLiteral("-0X7500"),
                               QStringLiteral("7500"),
                               QStringLiteral("-29952"),
                               QStringLiteral("FFFF8B00"),
                               QStringLiteral("4294937344"),
                               QStringLiteral("64416"),
                               QStringLiteral("0xFBA0"),
                               QStringLiteral("-15488"),
                               QStringLiteral("(FFFFD900)"),
                               QStringLiteral("0x8010"),
                               QStringLiteral("0x801A"),
                               QStringLiteral("-0x262E"),
                               QStringLiteral("-0x4290"),
                               QStringLiteral("-0x87"),
                               QStringLiteral("0x00000208"),
                               QStringLiteral("5023"),
                               QStringLiteral("MBEDTLS_ERR_SSL_CONN_EOF"),
                               QStringLiteral("CONN_EOF"),
                               QStringLiteral("0xZZ"),
                               QStringLiteral("-0x7501"),
                               QStringLiteral("MBEDTLS_ERR_SSL_CONN_EOFF"),
                               QString()};
    DecodeOptions pinned;
    pinned.mbedtls = MbedtlsVersion::V2_28;
    DecodeOptions idf;
    idf.idfVersion = QStringLiteral("4.3");
    const DecodeOptions optionSets[] = {DecodeOptions(), pinned, idf};

    // The first call loads the embedded database; report it separately, it happens once per process.
    QElapsedTimer load;
    load.start();
    (void)ErrorDecoder::instance().decode(u"-0x7500");
    const double loadMs = double(load.nsecsElapsed()) / 1e6;

    constexpr int Rounds = 7;
    constexpr int Repeats = 40;
    std::vector<double> perCodeUs;
    qsizetype known = 0;
    for (int round = 0; round < Rounds; ++round) {
        QElapsedTimer t;
        t.start();
        int codes = 0;
        for (int rep = 0; rep < Repeats; ++rep) {
            for (const DecodeOptions &o : optionSets) {
                for (const QString &f : forms) {
                    known += ErrorDecoder::instance().decode(f, o).readings.size();
                    ++codes;
                }
            }
        }
        perCodeUs.push_back(double(t.nsecsElapsed()) / 1e3 / codes);
    }
    std::sort(perCodeUs.begin(), perCodeUs.end());
    const double median = perCodeUs[perCodeUs.size() / 2];
    std::printf(
        "Decoding: median %.1f us per code over %d rounds of %lld codes (%.3f x the 1 ms budget; "
        "%s); database load %.1f ms once per process [%lld readings]\n",
        median, Rounds, static_cast<long long>(forms.size() * 3 * Repeats), median / 1000.0,
        median < 1000.0 ? "under budget" : "OVER BUDGET", loadMs, static_cast<long long>(known));
    return 0; // the figure is the result; dev.sh runs every benchmark regardless
}
