// SPDX-License-Identifier: GPL-3.0-or-later
// Time per preflight run (files read, parsed with OpenSSL, every check, decoder lookups), for a
// typical device (P-256 leaf + intermediate, PEM) and a PKCS#12 archive. The panel reruns on
// every file or target change, so a run should stay well under the 100 ms a user notices.
#include "core/tls/preflightengine.h"

#include "../preflight/preflightfixtures.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace PreflightFixtures;

static double medianMs(const Forgeline::Tls::PreflightInputs &in, int runs)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const auto r = Forgeline::Tls::PreflightEngine::run(in);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!r.ok()) {
            std::fprintf(stderr, "preflight failed: %s\n", qPrintable(r.error().message));
            return -1;
        }
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    Pki pki;
    const KeyPtr intKey = makeKey(QStringLiteral("ec:P-256"));
    const CertPtr inter = makeCert(QStringLiteral("Bench Intermediate"), intKey, pki.ca, pki.caKey,
                                   CertOptions{true, {}, -1, 3000, 0});
    const KeyPtr key = makeKey(QStringLiteral("ec:P-256"));
    const CertPtr leaf = makeCert(QStringLiteral("bench-device"), key, inter, intKey);
    Forgeline::Tls::PreflightInputs pem;
    pem.certFile = dir.filePath(QStringLiteral("dev.pem"));
    pem.keyFile = dir.filePath(QStringLiteral("dev.key"));
    pem.caFiles = {dir.filePath(QStringLiteral("ca.pem"))};
    writeFile(pem.certFile, certPem(leaf) + certPem(inter));
    writeFile(pem.keyFile, keyBytes(key, KeyForm::Pkcs8Pem));
    writeFile(pem.caFiles.first(), certPem(pki.ca));
    pem.partitionSize = 8192;

    Forgeline::Tls::PreflightInputs p12 = pem;
    p12.certFile.clear();
    p12.keyFile.clear();
    p12.p12File = dir.filePath(QStringLiteral("dev.p12"));
    p12.password = "bench-password";
    writeFile(p12.p12File, pkcs12(key, leaf, {inter}, p12.password));

    (void)Forgeline::Tls::PreflightEngine::run(
        pem); // loads the profiles and the error database once
    const double pemMs = medianMs(pem, 31);
    const double p12Ms = medianMs(p12, 31);
    std::printf("preflight run, PEM leaf+intermediate+CA: %.2f ms (median of 31)\n", pemMs);
    std::printf("preflight run, PKCS#12 (PBKDF2) + CA:    %.2f ms (median of 31)\n", p12Ms);
    return pemMs < 0 || p12Ms < 0 ? 1 : 0;
}
