// SPDX-License-Identifier: GPL-3.0-or-later
// Builds ESP app and bootloader images for tests, byte by byte from the format rules (ESP-IDF
// esp_app_format.h, esptool bin_image.py): header, extended header, segments, padding to the
// checksum's 16-byte line, checksum, optional SHA-256.
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QtEndian>

namespace TestImages {

struct Segment
{
    quint32 load = 0;
    QByteArray data;
};

struct AppDesc
{
    QByteArray version = "v1.2.3";
    QByteArray projectName = "blink";
    QByteArray time = "12:34:56";
    QByteArray date = "Dec  3 2026";
    QByteArray idfVersion = "v5.3.1";
    QByteArray elfSha256 = QByteArray(32, '\x5A');
    quint32 secureVersion = 0;
};

inline void putU32(QByteArray &b, int at, quint32 v)
{
    qToLittleEndian<quint32>(v, reinterpret_cast<uchar *>(b.data()) + at);
}

inline void putU16(QByteArray &b, int at, quint16 v)
{
    qToLittleEndian<quint16>(v, reinterpret_cast<uchar *>(b.data()) + at);
}

inline void putString(QByteArray &b, int at, const QByteArray &s, int size)
{
    b.replace(at, qMin<int>(int(s.size()), size - 1), s.left(size - 1));
}

// The 256-byte esp_app_desc_t.
inline QByteArray appDescBytes(const AppDesc &d)
{
    QByteArray b(256, '\0');
    putU32(b, 0, 0xABCD5432);
    putU32(b, 4, d.secureVersion);
    putString(b, 16, d.version, 32);
    putString(b, 48, d.projectName, 32);
    putString(b, 80, d.time, 16);
    putString(b, 96, d.date, 16);
    putString(b, 112, d.idfVersion, 32);
    b.replace(144, 32, d.elfSha256);
    return b;
}

// The 80-byte esp_bootloader_desc_t.
inline QByteArray bootloaderDescBytes(quint32 version, const QByteArray &idf,
                                      const QByteArray &when)
{
    QByteArray b(80, '\0');
    b[0] = char(0x50);
    putU32(b, 4, version);
    putString(b, 8, idf, 32);
    putString(b, 40, when, 24);
    return b;
}

struct ImageSpec
{
    int chipId = 5; // ESP32-C3
    quint32 entry = 0x40380000;
    quint16 minRev = 3;
    quint16 maxRev = 199;
    bool hash = true;
    quint8 spiMode = 2;     // DIO
    quint8 sizeFreq = 0x2F; // 4MB, 80 MHz
    QList<Segment> segments;
};

inline QByteArray buildImage(const ImageSpec &spec)
{
    QByteArray out(24, '\0');
    out[0] = char(0xE9);
    out[1] = char(spec.segments.size());
    out[2] = char(spec.spiMode);
    out[3] = char(spec.sizeFreq);
    putU32(out, 4, spec.entry);
    out[8] = char(0xEE);
    putU16(out, 12, quint16(spec.chipId));
    putU16(out, 15, spec.minRev);
    putU16(out, 17, spec.maxRev);
    out[23] = char(spec.hash ? 1 : 0);
    quint8 checksum = 0xEF;
    for (const Segment &s : spec.segments) {
        QByteArray h(8, '\0');
        putU32(h, 0, s.load);
        putU32(h, 4, quint32(s.data.size()));
        out += h + s.data;
        for (char c : s.data)
            checksum ^= quint8(c);
    }
    while (out.size() % 16 != 15)
        out.append('\0');
    out.append(char(checksum));
    if (spec.hash)
        out += QCryptographicHash::hash(out, QCryptographicHash::Sha256);
    return out;
}

inline QByteArray pattern(int size, int seed)
{
    QByteArray b(size, '\0');
    quint32 x = quint32(seed) * 2654435761u + 1;
    for (int i = 0; i < size; ++i) {
        x = x * 1103515245u + 12345u;
        b[i] = char((x >> 16) % 7); // low-entropy, like code
    }
    return b;
}

// An ESP32-C3 app: DROM segment opening with the descriptor, then IROM, DRAM and IRAM.
inline ImageSpec c3App(const AppDesc &desc = {})
{
    ImageSpec spec;
    spec.segments = {
        {0x3C000020, appDescBytes(desc) + pattern(740, 1)},
        {0x42000020, pattern(2048, 2)},
        {0x3FC88000, pattern(512, 3)},
        {0x40380000, pattern(1024, 4)},
    };
    return spec;
}

// An ESP32-C3 second-stage bootloader: every segment in RAM, the bootloader descriptor first.
inline ImageSpec c3Bootloader()
{
    ImageSpec spec;
    spec.entry = 0x403CC71A;
    spec.segments = {
        {0x3FCD5820, bootloaderDescBytes(1, "v5.3.1", "Dec  3 2026 10:00:00") + pattern(300, 5)},
        {0x403CC710, pattern(1200, 6)},
        {0x403CE710, pattern(800, 7)},
    };
    return spec;
}

} // namespace TestImages
