// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace Forgeline::Flasher {

// A bit slice of one register the ROM loader can READ_REG.
struct RegisterBits
{
    quint32 address = 0;
    int shift = 0;
    int bits = 0;
};

// An eFuse field spread over one or more slices; the first slice holds the most
// significant bits (esptool's "(hi << 3) + low").
struct EfuseField
{
    QList<RegisterBits> parts;
    bool isEmpty() const { return parts.isEmpty(); }
    int width() const;
    quint32 value(const QHash<quint32, quint32> &registers) const;
    // Sets this field's bits to `v` in `registers` (the virtual board's eFuse image).
    void store(QHash<quint32, quint32> &registers, quint32 v) const;
};

// Where a chip keeps its wafer version (and, for the ESP32, its package), as read by
// esptool's targets/<chip>.py. Loaded from chips.json ("revision").
struct RevisionLayout
{
    struct Condition
    {
        EfuseField field;
        quint32 equals = 0;
    };
    struct PackageName
    {
        QString name;
        QString singleCore; // name when the second core is disabled
        QString major3;     // name on a v3 wafer
    };
    EfuseField major;
    QHash<quint32, int> majorMap; // raw field value to major version; unlisted values read as 0
    EfuseField minor;
    QList<Condition> zeroWhen; // all hold: the chip is v0.0 whatever the fields say
    EfuseField package;
    EfuseField singleCore;
    QHash<quint32, PackageName> packageNames;
    QString unknownPackage;
    QString source;
    QString simDefault; // the virtual board's revision unless its profile says otherwise
    quint32 simPackage = 0;

    bool isEmpty() const { return major.isEmpty() || minor.isEmpty(); }
    // Every register the decoder needs, each once, in a stable order.
    QList<quint32> registers() const;
    static RevisionLayout fromJson(const QJsonObject &o);
};

struct ChipRevision
{
    bool known = false;
    int major = 0;
    int minor = 0;
    QString description; // "ESP32-D0WD-V3 (revision v3.0)"

    int number() const { return major * 100 + minor; } // the image header's min/max revision form
    QString text() const;                              // "v3.0", or "unknown"
};

// Decodes the revision from the registers read; `chipName` names chips without a package table.
ChipRevision decodeChipRevision(const RevisionLayout &layout, const QString &chipName,
                                const QHash<quint32, quint32> &registers);

// The register bits a chip of this revision (and package) shows; false if the layout cannot
// express it (a major version outside the field or the map).
bool encodeChipRevision(const RevisionLayout &layout, int major, int minor, quint32 package,
                        QHash<quint32, quint32> &registers);

// "v3.0" / "3.0" / "v0.4" to {major, minor}; false if malformed.
bool parseRevisionText(const QString &text, int *major, int *minor);

} // namespace Forgeline::Flasher
