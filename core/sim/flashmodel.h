// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace Forgeline::Sim {

// Typical SPI NOR figures (docs §3 lists 30-50 ms per 4 KiB sector, 150-300 ms per 64 KiB
// block, 0.5-1 ms per 256-byte page); we take values inside those ranges.
struct FlashTiming
{
    double sectorEraseMs = 40.0;
    double blockEraseMs = 200.0;
    double pageProgramMs = 0.7;
    double md5MsPerMiB = 25.0; // the ROM reads flash to hash it
    double slowFactor = 1.0;   // "slow flash" fault multiplies every figure
};

// NOR flash: erase sets whole 4 KiB sectors to 0xFF; programming can only clear bits.
// Every operation returns the time it would take on a real part, in milliseconds.
class FlashModel
{
public:
    static constexpr quint32 SectorSize = 0x1000;
    static constexpr quint32 BlockSize = 0x10000;
    static constexpr quint32 PageSize = 0x100;

    explicit FlashModel(quint32 size = 4 * 1024 * 1024);

    quint32 size() const { return quint32(m_data.size()); }
    const QByteArray &contents() const { return m_data; }
    // Loads an initial image at offset 0 as if programmed on a fresh part (no timing).
    void load(const QByteArray &image, quint32 offset = 0);

    // Erases every sector that [offset, offset+length) touches; 64 KiB blocks where aligned.
    double erase(quint32 offset, quint32 length);
    // ANDs `data` into flash (bits only go 1->0). Returns the time; `readBackOk` tells
    // whether flash now holds exactly `data` (the ROM's check, error 0x08 when not).
    double program(quint32 offset, const QByteArray &data, bool *readBackOk = nullptr);
    QByteArray read(quint32 offset, quint32 length) const;
    double md5Time(quint32 length) const;

    FlashTiming timing;

private:
    QByteArray m_data;
};

} // namespace Forgeline::Sim
