// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/partitioncsv.h"

#include <QCoreApplication>
#include <QHash>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <optional>

namespace Forgeline::Image {

namespace {

// A class, so that lupdate files these texts under the context tr() uses.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Image::PartitionCsv)
};

std::optional<qint64> parseNumber(QString s)
{
    s = s.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    qint64 mult = 1;
    const QChar last = s.back().toUpper();
    if (last == QLatin1Char('K')) {
        mult = 1024;
        s.chop(1);
    } else if (last == QLatin1Char('M')) {
        mult = 1024 * 1024;
        s.chop(1);
    }
    bool neg = false;
    if (s.startsWith(QLatin1Char('-'))) {
        neg = true;
        s = s.mid(1);
    }
    bool ok = false;
    const qint64 v = s.trimmed().toLongLong(&ok, 0);
    if (!ok)
        return std::nullopt;
    return (neg ? -v : v) * mult;
}

const QHash<QString, int> &typeNames()
{
    static const QHash<QString, int> names = {{QStringLiteral("app"), 0x00},
                                              {QStringLiteral("data"), 0x01},
                                              {QStringLiteral("bootloader"), 0x02},
                                              {QStringLiteral("partition_table"), 0x03}};
    return names;
}

std::optional<int> subtypeValue(int type, const QString &name)
{
    static const QHash<QString, int> app = {{QStringLiteral("factory"), 0x00},
                                            {QStringLiteral("test"), 0x20},
                                            {QStringLiteral("tee_0"), 0x30},
                                            {QStringLiteral("tee_1"), 0x31}};
    static const QHash<QString, int> data
        = {{QStringLiteral("ota"), 0x00},       {QStringLiteral("phy"), 0x01},
           {QStringLiteral("nvs"), 0x02},       {QStringLiteral("coredump"), 0x03},
           {QStringLiteral("nvs_keys"), 0x04},  {QStringLiteral("efuse"), 0x05},
           {QStringLiteral("undefined"), 0x06}, {QStringLiteral("esphttpd"), 0x80},
           {QStringLiteral("fat"), 0x81},       {QStringLiteral("spiffs"), 0x82},
           {QStringLiteral("littlefs"), 0x83},  {QStringLiteral("tee_ota"), 0x90}};
    static const QHash<QString, int> boot = {{QStringLiteral("primary"), 0},
                                             {QStringLiteral("ota"), 1},
                                             {QStringLiteral("recovery"), 2}};
    static const QHash<QString, int> table
        = {{QStringLiteral("primary"), 0}, {QStringLiteral("ota"), 1}};
    const QString n = name.toLower();
    if (type == 0x00) {
        static const QRegularExpression ota(QStringLiteral("^ota_(\\d+)$"));
        const auto m = ota.match(n);
        if (m.hasMatch() && m.captured(1).toInt() <= 15)
            return 0x10 + m.captured(1).toInt();
        if (app.contains(n))
            return app.value(n);
    } else if (type == 0x01 && data.contains(n)) {
        return data.value(n);
    } else if (type == 0x02 && boot.contains(n)) {
        return boot.value(n);
    } else if (type == 0x03 && table.contains(n)) {
        return table.value(n);
    }
    const auto num = parseNumber(name);
    if (num && *num >= 0 && *num <= 0xFF)
        return int(*num);
    return std::nullopt;
}

QString expandVars(QString s)
{
    static const QRegularExpression var(QStringLiteral("\\$([A-Za-z_][A-Za-z0-9_]*)"));
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    auto it = var.globalMatch(s);
    QString out;
    qsizetype last = 0;
    while (it.hasNext()) {
        const auto m = it.next();
        out += s.mid(last, m.capturedStart() - last);
        out += env.value(m.captured(1));
        last = m.capturedEnd();
    }
    out += s.mid(last);
    return out;
}

Error lineError(int line, const QString &message, const QString &text)
{
    return Error::make(QStringLiteral("partition.csv"),
                       Tr::tr("Partition CSV line %1: %2").arg(line).arg(message), text);
}

} // namespace

Result<PartitionTable> parsePartitionCsv(const QString &text, quint32 tableOffset)
{
    PartitionTable table;
    quint64 nextOffset = quint64(tableOffset) + 0x1000;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString raw = lines.at(i).trimmed();
        if (raw.isEmpty() || raw.startsWith(QLatin1Char('#')))
            continue;
        QStringList f = expandVars(raw).split(QLatin1Char(','));
        for (QString &x : f)
            x = x.trimmed();
        while (f.size() < 6)
            f << QString();
        const int ln = i + 1;
        Partition p;
        p.name = f.at(0);
        if (p.name.isEmpty())
            return lineError(ln, Tr::tr("the partition has no name"), raw);
        for (const QChar ch : p.name) {
            if (ch.unicode() < 0x20 || ch.unicode() > 0x7E)
                return lineError(
                    ln,
                    Tr::tr("the name \"%1\" has characters other than printable ASCII").arg(p.name),
                    raw);
        }
        if (p.name.toLatin1().size() > 16)
            return lineError(ln, Tr::tr("the name \"%1\" is longer than 16 characters").arg(p.name),
                             raw);
        const QString typeText = f.at(1).toLower();
        int type = -1;
        if (typeNames().contains(typeText)) {
            type = typeNames().value(typeText);
        } else if (const auto n = parseNumber(typeText); n && *n >= 0 && *n <= 0xFE) {
            type = int(*n);
        }
        if (type < 0)
            return lineError(ln, Tr::tr("unknown type \"%1\"").arg(f.at(1)), raw);
        p.type = quint8(type);
        if (f.at(2).isEmpty()) {
            if (type == 0x00)
                return lineError(ln, Tr::tr("an app partition needs a subtype"), raw);
            p.subtype = 0x06;
        } else {
            const auto st = subtypeValue(type, f.at(2));
            if (!st)
                return lineError(ln, Tr::tr("unknown subtype \"%1\"").arg(f.at(2)), raw);
            p.subtype = quint8(*st);
        }
        const quint64 align = type == 0x00 ? 0x10000 : 0x1000;
        if (f.at(3).isEmpty() || f.at(3).compare(QLatin1String("N/A"), Qt::CaseInsensitive) == 0) {
            p.offset = quint32((nextOffset + align - 1) / align * align);
        } else {
            const auto off = parseNumber(f.at(3));
            if (!off || *off < 0 || *off > 0xFFFFFFFFLL)
                return lineError(ln, Tr::tr("bad offset \"%1\"").arg(f.at(3)), raw);
            p.offset = quint32(*off);
        }
        const auto size = parseNumber(f.at(4));
        if (!size)
            return lineError(ln, Tr::tr("bad size \"%1\"").arg(f.at(4)), raw);
        qint64 sz = *size;
        if (sz < 0)
            sz = -sz - qint64(p.offset);
        if (sz <= 0 || sz > 0xFFFFFFFFLL)
            return lineError(ln, Tr::tr("bad size \"%1\"").arg(f.at(4)), raw);
        p.size = quint32(sz);
        for (const QString &flag : f.at(5).split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
            const QString fl = flag.trimmed().toLower();
            if (fl == QLatin1String("encrypted"))
                p.flags |= 0x1;
            else if (fl == QLatin1String("readonly"))
                p.flags |= 0x2;
            else
                return lineError(ln, Tr::tr("unknown flag \"%1\"").arg(flag), raw);
        }
        nextOffset = quint64(p.offset) + p.size;
        table.partitions.append(p);
    }
    if (table.partitions.isEmpty())
        return Error::make(QStringLiteral("partition.csv"),
                           Tr::tr("The partition CSV has no partitions."));
    if (auto v = table.verify(tableOffset); !v)
        return v.error();
    return table;
}

QString partitionTableToCsv(const PartitionTable &table)
{
    QString out = QStringLiteral("# Name, Type, SubType, Offset, Size, Flags\n");
    for (const Partition &p : table.partitions) {
        QStringList flags;
        if (p.encrypted())
            flags << QStringLiteral("encrypted");
        if (p.readonly())
            flags << QStringLiteral("readonly");
        out += QStringLiteral("%1, %2, %3, 0x%4, 0x%5, %6\n")
                   .arg(p.name, p.typeName(), p.subtypeName())
                   .arg(p.offset, 0, 16)
                   .arg(p.size, 0, 16)
                   .arg(flags.join(QLatin1Char(':')));
    }
    return out;
}

} // namespace Forgeline::Image
