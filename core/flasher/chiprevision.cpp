// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/chiprevision.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Forgeline::Flasher {

namespace {

quint32 number(const QJsonValue &v)
{
    if (v.isDouble())
        return quint32(v.toDouble());
    return v.toString().toUInt(nullptr, 0);
}

quint32 mask(int bits) { return bits >= 32 ? 0xFFFFFFFFu : ((1u << bits) - 1u); }

EfuseField fieldFromJson(const QJsonValue &v)
{
    EfuseField f;
    for (const QJsonValue &pv : v.toArray()) {
        const QJsonObject p = pv.toObject();
        RegisterBits b;
        b.address = number(p.value(QStringLiteral("reg")));
        b.shift = p.value(QStringLiteral("shift")).toInt();
        b.bits = p.value(QStringLiteral("bits")).toInt();
        // A slice that does not fit a 32-bit register is a data error; drop the field.
        if (b.shift < 0 || b.bits <= 0 || b.shift + b.bits > 32)
            return {};
        f.parts.append(b);
    }
    return f;
}

} // namespace

int EfuseField::width() const
{
    int w = 0;
    for (const RegisterBits &p : parts)
        w += p.bits;
    return w;
}

quint32 EfuseField::value(const QHash<quint32, quint32> &registers) const
{
    quint32 v = 0;
    for (const RegisterBits &p : parts)
        v = (p.bits >= 32 ? 0 : v << p.bits)
            | ((registers.value(p.address, 0) >> p.shift) & mask(p.bits));
    return v;
}

void EfuseField::store(QHash<quint32, quint32> &registers, quint32 v) const
{
    // Walk from the least significant slice (the last one) upwards.
    for (qsizetype i = parts.size() - 1; i >= 0; --i) {
        const RegisterBits &p = parts.at(i);
        const quint32 m = mask(p.bits) << p.shift;
        quint32 &reg = registers[p.address];
        reg = (reg & ~m) | ((v << p.shift) & m);
        v = p.bits >= 32 ? 0 : v >> p.bits;
    }
}

QList<quint32> RevisionLayout::registers() const
{
    QList<quint32> out;
    auto add = [&out](const EfuseField &f) {
        for (const RegisterBits &p : f.parts)
            if (!out.contains(p.address))
                out.append(p.address);
    };
    add(major);
    add(minor);
    for (const Condition &c : zeroWhen)
        add(c.field);
    add(package);
    add(singleCore);
    return out;
}

RevisionLayout RevisionLayout::fromJson(const QJsonObject &o)
{
    RevisionLayout l;
    l.source = o.value(QStringLiteral("source")).toString();
    l.major = fieldFromJson(o.value(QStringLiteral("major")));
    l.minor = fieldFromJson(o.value(QStringLiteral("minor")));
    const QJsonObject map = o.value(QStringLiteral("majorMap")).toObject();
    for (auto it = map.begin(); it != map.end(); ++it)
        l.majorMap.insert(it.key().toUInt(nullptr, 0), it.value().toInt());
    for (const QJsonValue &cv : o.value(QStringLiteral("zeroWhen")).toArray()) {
        const QJsonObject c = cv.toObject();
        l.zeroWhen.append({fieldFromJson(c.value(QStringLiteral("field"))),
                           number(c.value(QStringLiteral("equals")))});
    }
    l.package = fieldFromJson(o.value(QStringLiteral("package")));
    l.singleCore = fieldFromJson(o.value(QStringLiteral("singleCore")));
    const QJsonObject names = o.value(QStringLiteral("packageNames")).toObject();
    for (auto it = names.begin(); it != names.end(); ++it) {
        const QJsonObject n = it.value().toObject();
        l.packageNames.insert(it.key().toUInt(nullptr, 0),
                              {n.value(QStringLiteral("name")).toString(),
                               n.value(QStringLiteral("singleCore")).toString(),
                               n.value(QStringLiteral("major3")).toString()});
    }
    l.unknownPackage = o.value(QStringLiteral("unknownPackage")).toString();
    l.simDefault = o.value(QStringLiteral("simDefault")).toString();
    l.simPackage = number(o.value(QStringLiteral("simPackage")));
    return l;
}

QString ChipRevision::text() const
{
    return known ? QStringLiteral("v%1.%2").arg(major).arg(minor) : QStringLiteral("unknown");
}

ChipRevision decodeChipRevision(const RevisionLayout &layout, const QString &chipName,
                                const QHash<quint32, quint32> &registers)
{
    ChipRevision r;
    if (layout.isEmpty())
        return r;
    for (const RegisterBits &p : layout.major.parts + layout.minor.parts)
        if (!registers.contains(p.address))
            return r;
    const quint32 rawMajor = layout.major.value(registers);
    r.major = layout.majorMap.isEmpty() ? int(rawMajor) : layout.majorMap.value(rawMajor, 0);
    r.minor = int(layout.minor.value(registers));
    bool eco0 = !layout.zeroWhen.isEmpty();
    for (const RevisionLayout::Condition &c : layout.zeroWhen)
        eco0 = eco0 && c.field.value(registers) == c.equals;
    if (eco0)
        r.major = r.minor = 0;
    r.known = true;

    QString name = chipName;
    if (!layout.packageNames.isEmpty() && !layout.package.isEmpty()) {
        const auto it = layout.packageNames.constFind(layout.package.value(registers));
        if (it == layout.packageNames.constEnd()) {
            name = layout.unknownPackage.isEmpty() ? chipName : layout.unknownPackage;
        } else {
            const bool single
                = !layout.singleCore.isEmpty() && layout.singleCore.value(registers) != 0;
            name = single && !it->singleCore.isEmpty()     ? it->singleCore
                   : r.major == 3 && !it->major3.isEmpty() ? it->major3
                                                           : it->name;
        }
    }
    r.description = QStringLiteral("%1 (revision %2)").arg(name, r.text());
    return r;
}

bool encodeChipRevision(const RevisionLayout &layout, int major, int minor, quint32 package,
                        QHash<quint32, quint32> &registers)
{
    if (layout.isEmpty() || major < 0 || minor < 0)
        return false;
    quint32 rawMajor = quint32(major);
    if (!layout.majorMap.isEmpty()) {
        bool found = false;
        // The smallest raw value that reads back as `major` (the map is many-to-one).
        for (auto it = layout.majorMap.constBegin(); it != layout.majorMap.constEnd(); ++it)
            if (it.value() == major && (!found || it.key() < rawMajor)) {
                rawMajor = it.key();
                found = true;
            }
        if (!found)
            return false;
    }
    if (rawMajor > mask(layout.major.width()) || quint32(minor) > mask(layout.minor.width()))
        return false;
    layout.major.store(registers, rawMajor);
    layout.minor.store(registers, quint32(minor));
    if (!layout.package.isEmpty())
        layout.package.store(registers, package & mask(layout.package.width()));
    return true;
}

bool parseRevisionText(const QString &text, int *major, int *minor)
{
    static const QRegularExpression re(QStringLiteral("^v?(\\d{1,2})\\.(\\d{1,2})$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    *major = m.captured(1).toInt();
    *minor = m.captured(2).toInt();
    return true;
}

} // namespace Forgeline::Flasher
