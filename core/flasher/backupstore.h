// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Forgeline::Flasher {

struct BackupRecord
{
    QString path; // the .bin with the partition's bytes
    QString mac;  // "24:6f:28:a1:b2:c3"
    QString chip;
    QString partition; // "" when written by address
    quint32 offset = 0;
    quint32 size = 0;
    QByteArray md5; // of the .bin, checked on load
    QDateTime created;
};

// Partition backups taken before every overwrite: <dir>/<mac>_<partition>_<time>.bin with a
// .json beside it saying where the bytes came from, so a restore needs only the file.
class BackupStore
{
public:
    explicit BackupStore(QString directory = {});
    static QString defaultDirectory(); // Settings::backupDirectory or <app data>/backups
    QString directory() const { return m_dir; }

    Result<BackupRecord> save(const QString &mac, const QString &chip, const QString &partition,
                              quint32 offset, const QByteArray &contents);
    QList<BackupRecord> list() const; // newest first
    // Reads a backup (.bin or .json path) and checks its bytes against the recorded MD5.
    static Result<BackupRecord> load(const QString &path, QByteArray *contents);

private:
    QString m_dir;
};

} // namespace Forgeline::Flasher
