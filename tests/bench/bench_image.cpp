// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput of the image work on a 1 MiB app-sized buffer: inspection (parse, checksum,
// SHA-256, entropy), flash encryption for each family, the offset search over every 64 KiB
// boundary of 16 MiB, and esp_encrypted_img (AES-256-GCM) encryption. A technician waits for
// these in the Image workspace; each should stay in the tens of milliseconds per MiB.
#include "core/image/encryptedimage.h"
#include "core/image/flashencryption.h"
#include "core/image/imageinspector.h"
#include "core/image/offsetfinder.h"

#include "../core/imagewriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Forgeline::Image;

static double medianMs(const std::function<void()> &work, int runs)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    TestImages::ImageSpec spec = TestImages::c3App();
    spec.segments[1].data = TestImages::pattern(1024 * 1024 - 8192, 9);
    const QByteArray image = TestImages::buildImage(spec);
    const double mib = double(image.size()) / (1024.0 * 1024.0);

    const double inspect = medianMs([&] { (void)inspectImage(image); }, 9);
    std::printf("inspect 1 MiB app:            %8.2f ms\n", inspect);

    FlashCryptParams xts;
    xts.key = QByteArray(32, '\x11') + QByteArray(32, '\x22');
    xts.address = 0x10000;
    FlashCryptParams esp32 = xts;
    esp32.scheme = FlashCryptScheme::Esp32Aes;
    esp32.key = QByteArray(32, '\x33');
    QByteArray encrypted;
    const double x
        = medianMs([&] { encrypted = *flashEncrypt(xts, image.left(image.size() / 16 * 16)); }, 5);
    std::printf("XTS-AES-256 encrypt:          %8.2f ms (%.1f MiB/s)\n", x, mib / (x / 1000.0));
    const double e
        = medianMs([&] { (void)flashEncrypt(esp32, image.left(image.size() / 16 * 16)); }, 5);
    std::printf("ESP32 AES-256 encrypt:        %8.2f ms (%.1f MiB/s)\n", e, mib / (e / 1000.0));

    FlashCryptParams search = xts;
    search.address = 0;
    const double f
        = medianMs([&] { (void)findEncryptionOffset(search, encrypted, std::nullopt); }, 5);
    std::printf("find-offset, 256 candidates:  %8.2f ms\n", f);

    const QByteArray devicePub = *devicePublicKeyFromHmac(QByteArray(32, '\x44'));
    const double g = medianMs([&] { (void)preEncryptEcies(image, devicePub); }, 5);
    std::printf("pre-encrypt ECIES-P256:       %8.2f ms (%.1f MiB/s)\n", g, mib / (g / 1000.0));
    return 0;
}
