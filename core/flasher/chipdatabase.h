// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/flasher/chiprevision.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace Forgeline::Flasher {

// What a chip's ROM looks like from the wire. Loaded from resources/data/chips/chips.json so
// the client and the virtual board use the same facts.
struct ChipDescription
{
    enum class SecurityInfo { Unsupported, Short, Full }; // Short: ESP32-S2's 12 bytes
    QString key;                                          // "esp32c3"
    QString name;                                         // "ESP32-C3"
    int chipId = -1;
    QList<quint32> magic;
    SecurityInfo securityInfo = SecurityInfo::Unsupported;
    quint32 macEfuseReg = 0;
    quint32 spiRegBase = 0;
    quint32 spiUsr = 0, spiUsr1 = 0, spiUsr2 = 0, spiMosiDlen = 0, spiMisoDlen = 0, spiW0 = 0;
    quint32 bootloaderOffset = 0;
    int flashBeginWords = 4; // ESP32 ROM takes 4 words, later ROMs 5 (encrypted flag)
    // UART0's clock divider, from which flashers compute the crystal (0: not read by them).
    quint32 uartClkdivReg = 0;
    int xtalMhz = 40;
    // eFuse bits a typical production chip has set beyond revision and MAC (virtual board).
    QHash<quint32, quint32> simEfuse;
    RevisionLayout revision;
};

struct UsbBridge
{
    quint16 vid = 0;
    quint16 pid = 0;
    QString label;
    bool usbJtag = false;
};

class ChipDatabase
{
public:
    static const ChipDatabase &instance();

    const QList<ChipDescription> &chips() const { return m_chips; }
    const ChipDescription *byKey(const QString &key) const;
    const ChipDescription *byChipId(int chipId) const;
    const ChipDescription *byMagic(quint32 magic) const;
    const UsbBridge *bridge(quint16 vid, quint16 pid) const;
    const QList<UsbBridge> &bridges() const { return m_bridges; }

private:
    ChipDatabase();
    QList<ChipDescription> m_chips;
    QList<UsbBridge> m_bridges;
};

// JEDEC capacity byte (and manufacturer) to bytes; 0 if unknown.
quint32 flashSizeFromJedec(quint32 flashId);
QString formatMac(const QByteArray &mac);

} // namespace Forgeline::Flasher
