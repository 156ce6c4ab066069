// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/backupstore.h"

#include "core/common/settings.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace Forgeline::Flasher {

namespace {

// A class, so that lupdate files these texts under the context tr() uses.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Flasher::BackupStore)
};

QString metaPathFor(const QString &binPath)
{
    QString p = binPath;
    if (p.endsWith(QLatin1String(".bin")))
        p.chop(4);
    return p + QStringLiteral(".json");
}

// A backup of the `key` partition is the board's previous private key: owner-only, like a key file.
constexpr auto OwnerOnly
    = QFileDevice::Permissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);

Result<void> writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(OwnerOnly)
        || f.write(bytes) != bytes.size() || !f.commit())
        return Error::make(QStringLiteral("backup.write"),
                           Tr::tr("Could not save the backup %1.").arg(path), f.errorString());
    // QSaveFile may carry over an existing file's mode on rename; insist on owner-only.
    if (!QFile::setPermissions(path, OwnerOnly))
        return Error::make(QStringLiteral("backup.write"),
                           Tr::tr("Could not restrict access to the backup %1.").arg(path));
    return {};
}

} // namespace

BackupStore::BackupStore(QString directory)
    : m_dir(directory.isEmpty() ? defaultDirectory() : std::move(directory))
{}

QString BackupStore::defaultDirectory()
{
    const Settings s = Settings::load();
    if (!s.backupDirectory.isEmpty())
        return s.backupDirectory;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/backups");
}

Result<BackupRecord> BackupStore::save(const QString &mac, const QString &chip,
                                       const QString &partition, quint32 offset,
                                       const QByteArray &contents)
{
    const bool existed = QDir(m_dir).exists();
    if (!QDir().mkpath(m_dir))
        return Error::make(QStringLiteral("backup.dir"),
                           Tr::tr("Could not create the backup folder %1.").arg(m_dir));
    if (!existed) // a folder the user chose and shares is theirs to manage; one we create is private
        QFile::setPermissions(m_dir, OwnerOnly | QFileDevice::ExeOwner);
    BackupRecord r;
    r.mac = mac;
    r.chip = chip;
    r.partition = partition;
    r.offset = offset;
    r.size = quint32(contents.size());
    r.md5 = QCryptographicHash::hash(contents, QCryptographicHash::Md5);
    r.created = QDateTime::currentDateTimeUtc();
    QString macPart = mac;
    macPart.remove(QLatin1Char(':'));
    const QString what
        = partition.isEmpty() ? QStringLiteral("0x%1").arg(offset, 0, 16) : partition;
    QString base
        = QStringLiteral("%1/%2_%3_%4")
              .arg(m_dir, macPart, what, r.created.toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
    r.path = base + QStringLiteral(".bin");
    if (auto w = writeFile(r.path, contents); !w)
        return w.error();
    const QJsonObject meta{
        {QStringLiteral("mac"), mac},
        {QStringLiteral("chip"), chip},
        {QStringLiteral("partition"), partition},
        {QStringLiteral("offset"), qint64(offset)},
        {QStringLiteral("size"), qint64(r.size)},
        {QStringLiteral("md5"), QString::fromLatin1(r.md5.toHex())},
        {QStringLiteral("created"), r.created.toString(Qt::ISODateWithMs)},
    };
    if (auto w = writeFile(metaPathFor(r.path), QJsonDocument(meta).toJson()); !w)
        return w.error();
    return r;
}

Result<BackupRecord> BackupStore::load(const QString &path, QByteArray *contents)
{
    QString bin = path;
    if (bin.endsWith(QLatin1String(".json"))) {
        bin.chop(5);
        bin += QStringLiteral(".bin");
    }
    QFile meta(metaPathFor(bin));
    if (!meta.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("backup.meta"),
                           Tr::tr("The backup %1 has no description file beside it.").arg(bin),
                           meta.fileName() + QStringLiteral(": ") + meta.errorString());
    const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
    BackupRecord r;
    r.path = bin;
    r.mac = o.value(QStringLiteral("mac")).toString();
    r.chip = o.value(QStringLiteral("chip")).toString();
    r.partition = o.value(QStringLiteral("partition")).toString();
    r.offset = quint32(o.value(QStringLiteral("offset")).toDouble());
    r.size = quint32(o.value(QStringLiteral("size")).toDouble());
    r.md5 = QByteArray::fromHex(o.value(QStringLiteral("md5")).toString().toLatin1());
    r.created
        = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    if (contents) {
        QFile f(bin);
        if (!f.open(QIODevice::ReadOnly))
            return Error::make(QStringLiteral("backup.read"),
                               Tr::tr("Could not read the backup %1.").arg(bin), f.errorString());
        *contents = f.readAll();
        if (QCryptographicHash::hash(*contents, QCryptographicHash::Md5) != r.md5
            || contents->size() != qsizetype(r.size))
            return Error::make(
                QStringLiteral("backup.corrupt"),
                Tr::tr("The backup %1 is damaged (its MD5 does not match).").arg(bin),
                QStringLiteral("size %1, recorded %2").arg(contents->size()).arg(r.size));
    }
    return r;
}

QList<BackupRecord> BackupStore::list() const
{
    QList<BackupRecord> out;
    const QDir dir(m_dir);
    for (const QFileInfo &fi : dir.entryInfoList({QStringLiteral("*.bin")}, QDir::Files)) {
        if (auto r = load(fi.absoluteFilePath(), nullptr))
            out.append(*r);
    }
    std::sort(out.begin(), out.end(),
              [](const BackupRecord &a, const BackupRecord &b) { return a.created > b.created; });
    return out;
}

} // namespace Forgeline::Flasher
