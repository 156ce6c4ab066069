// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/chipdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Forgeline::Flasher {

namespace {

quint32 hexValue(const QJsonValue &v)
{
    if (v.isDouble())
        return quint32(v.toDouble());
    return v.toString().toUInt(nullptr, 0);
}

} // namespace

const ChipDatabase &ChipDatabase::instance()
{
    static const ChipDatabase db;
    return db;
}

ChipDatabase::ChipDatabase()
{
    QFile f(QStringLiteral(":/forgeline/data/chips/chips.json"));
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    for (const QJsonValue &cv : root.value(QStringLiteral("chips")).toArray()) {
        const QJsonObject o = cv.toObject();
        ChipDescription c;
        c.key = o.value(QStringLiteral("key")).toString();
        c.name = o.value(QStringLiteral("name")).toString();
        c.chipId = o.value(QStringLiteral("chipId")).toInt(-1);
        for (const QJsonValue &m : o.value(QStringLiteral("magic")).toArray())
            c.magic.append(hexValue(m));
        const QString sec = o.value(QStringLiteral("securityInfo")).toString();
        c.securityInfo = sec == QLatin1String("full") ? ChipDescription::SecurityInfo::Full
                         : sec == QLatin1String("short")
                             ? ChipDescription::SecurityInfo::Short
                             : ChipDescription::SecurityInfo::Unsupported;
        c.macEfuseReg = hexValue(o.value(QStringLiteral("macEfuseReg")));
        c.spiRegBase = hexValue(o.value(QStringLiteral("spiRegBase")));
        const QJsonObject r = o.value(QStringLiteral("spiRegs")).toObject();
        c.spiUsr = hexValue(r.value(QStringLiteral("usr")));
        c.spiUsr1 = hexValue(r.value(QStringLiteral("usr1")));
        c.spiUsr2 = hexValue(r.value(QStringLiteral("usr2")));
        c.spiMosiDlen = hexValue(r.value(QStringLiteral("mosiDlen")));
        c.spiMisoDlen = hexValue(r.value(QStringLiteral("misoDlen")));
        c.spiW0 = hexValue(r.value(QStringLiteral("w0")));
        c.bootloaderOffset = hexValue(o.value(QStringLiteral("bootloaderOffset")));
        c.flashBeginWords = o.value(QStringLiteral("flashBeginWords")).toInt(4);
        c.uartClkdivReg = hexValue(o.value(QStringLiteral("uartClkdivReg")));
        c.xtalMhz = o.value(QStringLiteral("xtalMhz")).toInt(40);
        const QJsonObject efuse = o.value(QStringLiteral("simEfuse")).toObject();
        for (auto it = efuse.begin(); it != efuse.end(); ++it) {
            if (it.key() != QLatin1String("source"))
                c.simEfuse.insert(it.key().toUInt(nullptr, 0), hexValue(it.value()));
        }
        c.revision = RevisionLayout::fromJson(o.value(QStringLiteral("revision")).toObject());
        m_chips.append(c);
    }
    for (const QJsonValue &bv : root.value(QStringLiteral("usbBridges")).toArray()) {
        const QJsonObject o = bv.toObject();
        UsbBridge b;
        b.vid = quint16(hexValue(o.value(QStringLiteral("vid"))));
        b.pid = quint16(hexValue(o.value(QStringLiteral("pid"))));
        b.label = o.value(QStringLiteral("label")).toString();
        b.usbJtag = o.value(QStringLiteral("usbJtag")).toBool();
        m_bridges.append(b);
    }
}

const ChipDescription *ChipDatabase::byKey(const QString &key) const
{
    for (const ChipDescription &c : m_chips)
        if (c.key.compare(key, Qt::CaseInsensitive) == 0
            || c.name.compare(key, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

const ChipDescription *ChipDatabase::byChipId(int chipId) const
{
    for (const ChipDescription &c : m_chips)
        if (c.chipId == chipId && c.securityInfo == ChipDescription::SecurityInfo::Full)
            return &c;
    return nullptr;
}

const ChipDescription *ChipDatabase::byMagic(quint32 magic) const
{
    for (const ChipDescription &c : m_chips)
        if (c.magic.contains(magic))
            return &c;
    return nullptr;
}

const UsbBridge *ChipDatabase::bridge(quint16 vid, quint16 pid) const
{
    for (const UsbBridge &b : m_bridges)
        if (b.vid == vid && b.pid == pid)
            return &b;
    return nullptr;
}

quint32 flashSizeFromJedec(quint32 flashId)
{
    const quint32 mfr = flashId & 0xFF;
    if (mfr == 0x1F) { // Adesto encodes the size in the memory-type byte
        const quint32 code = (flashId >> 8) & 0x1F;
        if (code >= 4 && code <= 9)
            return (512u * 1024u) << (code - 4);
        return 0;
    }
    const quint32 cap = (flashId >> 16) & 0xFF;
    if (cap >= 0x12 && cap <= 0x1C)
        return 256u * 1024u << (cap - 0x12);
    if (cap >= 0x20 && cap <= 0x22)
        return (64u * 1024u * 1024u) << (cap - 0x20);
    if (cap >= 0x32 && cap <= 0x3A)
        return (256u * 1024u) << (cap - 0x32);
    return 0;
}

QString formatMac(const QByteArray &mac)
{
    QStringList parts;
    for (const char b : mac)
        parts << QStringLiteral("%1").arg(quint8(b), 2, 16, QLatin1Char('0'));
    return parts.join(QLatin1Char(':'));
}

} // namespace Forgeline::Flasher
