// SPDX-License-Identifier: GPL-3.0-or-later
// The Flash workspace's banner, its backups list and the accessors the shell and tests use
// (kept apart from the job flow in flashworkspace.cpp).
#include "ui/flash/flashworkspace.h"

#include "core/flasher/flashsession.h"
#include "ui/flash/partitiontablemodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>

namespace Forgeline::Ui {

using namespace Flasher;

void FlashWorkspace::reloadBackups()
{
    m_backups->clear();
    for (const BackupRecord &r : m_session->backups()) {
        auto *item = new QListWidgetItem(
            tr("%1  %2  %3 (%4 bytes at 0x%5)")
                .arg(r.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), r.mac,
                     r.partition.isEmpty() ? tr("region") : r.partition)
                .arg(r.size)
                .arg(r.offset, 0, 16),
            m_backups);
        item->setData(Qt::UserRole, r.path);
        item->setToolTip(r.path);
    }
    if (m_backups->count() > 0)
        m_backups->setCurrentRow(0);
    updateButtons();
}

void FlashWorkspace::showBanner(bool ok, const QString &text)
{
    m_banner->showMessage(ok ? Tone::Success : Tone::Error, text);
    Q_EMIT statusMessage(text);
}

QString FlashWorkspace::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void FlashWorkspace::setPayloadFile(const QString &path) { m_file->setText(path); }

void FlashWorkspace::selectPartition(const QString &name)
{
    const int i = m_partition->findText(name);
    if (i >= 0)
        m_partition->setCurrentIndex(i);
}

void FlashWorkspace::setFormat(const QString &name)
{
    const int i = m_format->findData(name);
    if (i >= 0)
        m_format->setCurrentIndex(i);
}

int FlashWorkspace::partitionCount() const { return m_table->rowCount(); }

int FlashWorkspace::backupCount() const { return m_backups->count(); }

QString FlashWorkspace::newestBackup() const
{
    return m_backups->count() ? m_backups->item(0)->data(Qt::UserRole).toString() : QString();
}

} // namespace Forgeline::Ui
