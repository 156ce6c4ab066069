// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/recordspool.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace Forgeline::Station {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Station::RecordsPool)
};

} // namespace

namespace {

Error spoolError(const QString &message, const QString &path, const QString &why)
{
    return Error::make(QStringLiteral("records.spool"), message, path + QStringLiteral(": ") + why);
}

QList<QByteArray> spoolLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            lines << line;
    return lines;
}

} // namespace

RecordSpool::RecordSpool(QString path) : m_path(std::move(path)) {}

QString RecordSpool::defaultPath(const QString &databaseUrl)
{
    // Without the password: changing it must not strand what waits.
    QUrl url(databaseUrl.trimmed());
    const QString key = url.isValid() ? url.toString(QUrl::RemovePassword) : databaseUrl.trimmed();
    const QByteArray hash
        = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/station-spool-") + QString::fromLatin1(hash)
           + QStringLiteral(".jsonl");
}

Result<void> RecordSpool::append(const StationRecord &record)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile f(m_path);
    // Records name operators and boards: owner-only, like the rest of the station's data.
    if (!f.open(QIODevice::Append))
        return spoolError(Tr::tr("Could not keep the record locally either."), m_path,
                          f.errorString());
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray line = QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact) + '\n';
    // One write() of a whole line: a crash leaves at most a torn last line, skipped on flush.
    if (f.write(line) != line.size() || !f.flush())
        return spoolError(Tr::tr("Could not keep the record locally either."), m_path,
                          f.errorString());
    return {};
}

int RecordSpool::pending() const { return int(spoolLines(m_path).size()); }

Result<int> RecordSpool::flushInto(RecordStore &store)
{
    if (!QFile::exists(m_path))
        return 0;
    const QList<QByteArray> lines = spoolLines(m_path);
    QList<QByteArray> kept;
    int sent = 0;
    for (const QByteArray &line : lines) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (!doc.isObject()) {
            kept << line; // a torn line is kept for a human, never dropped silently
            continue;
        }
        if (store.add(StationRecord::fromJson(doc.object())))
            ++sent;
        else
            kept << line;
    }
    if (kept.isEmpty()) {
        if (!QFile::remove(m_path))
            return spoolError(Tr::tr("Sent the waiting records but could not empty the spool."),
                              m_path, Tr::tr("remove failed"));
        return sent;
    }
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return spoolError(Tr::tr("Could not rewrite the record spool."), m_path, out.errorString());
    for (const QByteArray &line : std::as_const(kept))
        out.write(line + '\n');
    if (!out.commit())
        return spoolError(Tr::tr("Could not rewrite the record spool."), m_path, out.errorString());
    return sent;
}

} // namespace Forgeline::Station
