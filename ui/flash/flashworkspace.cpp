// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/flash/flashworkspace.h"

#include "core/common/guarded.h"
#include "core/common/logger.h"
#include "core/flasher/portdiscovery.h"
#include "core/image/certpayload.h"
#include "core/sim/romboardprofile.h"
#include "core/sim/romserialserver.h"
#include "core/sim/virtualfirmware.h"
#include "ui/flash/flashboardbox.h"
#include "ui/flash/flashpreflightfields.h"
#include "ui/flash/flashprogressrow.h"
#include "ui/flash/flashstorefields.h"
#include "ui/flash/partitiontablemodel.h"
#include "ui/preflight/preflightpanel.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>

namespace Forgeline::Ui {

using namespace Flasher;

namespace {
const QString VirtualKey = QStringLiteral("virtual");
} // namespace

FlashWorkspace::FlashWorkspace(QWidget *parent) : QWidget(parent), m_session(new FlashSession(this))
{
    setObjectName(QStringLiteral("flashWorkspace"));
    buildUi();
    connect(m_session, &FlashSession::finished, this, &FlashWorkspace::onFinished);
    connect(m_session, &FlashSession::progress, m_progress,
            [row = m_progress](const QString &, qint64 done, qint64 total, double rate) {
                row->setProgress(done, total, rate);
            });
    connect(m_session, &FlashSession::boardChanged, this,
            guarded(this, [this](const BoardInfo &board) {
                m_boardBox->setBoard(board);
                m_writeForm->setRowVisible(m_flashKeyRow, board.flashEncryptionEnabled());
            }));
    connect(m_session, &FlashSession::backupsChanged, this, &FlashWorkspace::reloadBackups);
    connect(m_session, &FlashSession::stageChanged, this, [this](const QString &s) {
        m_progress->setStage(s);
        Q_EMIT statusMessage(s);
    });
    refreshPorts();
    reloadBackups();
    updateButtons();
}

FlashWorkspace::~FlashWorkspace() = default;

void FlashWorkspace::setBackupDirectory(const QString &dir) { m_session->setBackupDirectory(dir); }

bool FlashWorkspace::isBusy() const { return m_session->isBusy(); }

const BoardInfo &FlashWorkspace::board() const { return m_session->board(); }

void FlashWorkspace::refreshPorts()
{
    const QString current = portText();
    m_port->clear();
    for (const PortEntry &p : discoverPorts())
        m_port->addItem(QStringLiteral("%1 — %2").arg(p.name, p.label), p.name);
    m_port->addItem(m_virtual ? tr("Virtual board (%1)").arg(m_virtual->address())
                              : tr("Virtual board"),
                    VirtualKey);
    if (!current.isEmpty())
        setPortText(current);
}

QString FlashWorkspace::portText() const
{
    const int i = m_port->findText(m_port->currentText());
    if (i >= 0) {
        const QString data = m_port->itemData(i).toString();
        if (data == VirtualKey)
            return m_virtual ? m_virtual->address() : QString();
        return data;
    }
    return m_port->currentText().trimmed();
}

void FlashWorkspace::setPortText(const QString &port)
{
    const int i = m_port->findData(port);
    if (i >= 0)
        m_port->setCurrentIndex(i);
    else
        m_port->setEditText(port);
}

void FlashWorkspace::startVirtualBoard()
{
    if (!m_virtual) {
        Sim::BoardProfile profile = Sim::BoardProfile::defaultProfile();
        // With firmware to run, the board comes with a demo pair in its cert and key
        // partitions, so Monitor shows a handshake the demo server accepts before anything
        // was flashed. Without firmware the partitions stay blank, as they always were.
        QString firmwareProblem;
        const bool firmware = Sim::boardApplicationAvailable();
        if (firmware)
            if (auto r = Sim::addDemoCredentials(profile, QStringLiteral("demo0000")); !r)
                firmwareProblem = r.error().message + QLatin1Char(' ') + r.error().detail;
        auto config = Sim::romBoardConfigFromProfile(profile);
        if (!config) {
            showBanner(false, config.error().message);
            return;
        }
        config->timing = m_virtualTiming;
        m_virtual = new Sim::RomSerialServer(*config, this);
        auto address = m_virtual->listenPty();
        if (!address) {
            showBanner(false,
                       address.error().message + QStringLiteral(" ") + address.error().detail);
            delete m_virtual;
            return;
        }
        if (firmware && firmwareProblem.isEmpty())
            if (auto r = Sim::VirtualFirmware::instance()->attach(*m_virtual, profile.chip); !r)
                firmwareProblem = QStringList{r.error().message, r.error().detail, r.error().fix}
                                      .join(QLatin1Char(' '))
                                      .simplified();
        // The board still flashes without its application; say why Monitor will be quiet.
        if (!firmwareProblem.isEmpty())
            Logger::instance().warning(QStringLiteral("virtual-board"), firmwareProblem);
        connect(m_virtual, &Sim::RomSerialServer::addressChanged, this, [this](const QString &a) {
            refreshPorts();
            Q_EMIT virtualBoardStarted(a);
        });
        Q_EMIT virtualBoardStarted(m_virtual->address());
    }
    refreshPorts();
    m_port->setCurrentIndex(m_port->findData(VirtualKey));
    Q_EMIT statusMessage(tr("Virtual board on %1").arg(m_virtual->address()));
}

// The link; the session fills in the kind, the backup directory and whether to back up.
FlashJobRequest FlashWorkspace::baseRequest() const
{
    FlashJobRequest r;
    r.link.port = portText();
    r.link.baud = m_baud->currentData().toInt();
    return r;
}

void FlashWorkspace::connectBoard()
{
    if (m_port->currentData().toString() == VirtualKey
        && m_port->currentText() == m_port->itemText(m_port->currentIndex()))
        startVirtualBoard();
    if (portText().isEmpty()) {
        showBanner(false, tr("Choose a port first."));
        return;
    }
    if (prepareJob())
        m_session->connectBoard(baseRequest());
    updateButtons();
}

Result<QByteArray> FlashWorkspace::payloadBytes() const
{
    if (layoutName() != QLatin1String("raw"))
        return storeBytes();
    QFile f(m_file->text());
    if (m_file->text().isEmpty() || !f.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("file.read"),
                           tr("Choose a readable certificate or key file."), f.errorString());
    auto fmt = Image::payloadFormatFromName(m_format->currentData().toString());
    if (!fmt)
        return fmt.error();
    const QByteArray bytes = f.readAll();
    // ESP app images (0xE9), and anything for an app partition (an encrypted app has no
    // header), are written as they are; the job checks them against the board.
    const Image::Partition *target = m_table->table().find(m_partition->currentText());
    if (bytes.startsWith('\xE9') || (target && target->type == 0x00))
        return bytes;
    auto p = Image::encodeCertPayload(bytes, *fmt);
    if (!p)
        return p.error();
    return p->bytes;
}

void FlashWorkspace::write()
{
    if (preflightBlocksWrite()) {
        showBanner(false, writeGateText());
        return;
    }
    auto bytes = payloadBytes();
    if (!bytes) {
        showBanner(false, bytes.error().message);
        return;
    }
    FlashJobRequest r = baseRequest();
    r.partition = m_partition->currentText();
    r.payload = *bytes;
    r.setBootPartition = makeBootPartition();
    if (m_session->board().flashEncryptionEnabled() && !m_flashKey->text().isEmpty()) {
        QFile key(m_flashKey->text());
        if (!key.open(QIODevice::ReadOnly)) {
            showBanner(false,
                       tr("Cannot read the flash encryption key: %1").arg(key.errorString()));
            return;
        }
        r.flashEncryptionKey = key.readAll();
    }
    if (m_preflight->configured() && m_preflight->panel()->hasRed())
        Logger::instance().warning(
            QStringLiteral("flash"),
            tr("Preflight override: writing %1 to partition %2 although the preflight predicts a device failure (%3).")
                .arg(QFileInfo(m_file->text()).fileName(), r.partition,
                     m_preflight->failingChecksText()));
    if (prepareJob())
        m_session->write(r);
    updateButtons();
}

void FlashWorkspace::setFlashEncryptionKeyFile(const QString &path) { m_flashKey->setText(path); }

void FlashWorkspace::verify()
{
    FlashJobRequest r = baseRequest();
    r.partition = m_partition->currentText();
    auto bytes = payloadBytes();
    if (!bytes) {
        showBanner(false, bytes.error().message);
        return;
    }
    if (prepareJob())
        m_session->verify(r, *bytes);
    updateButtons();
}

void FlashWorkspace::restoreSelected()
{
    if (QListWidgetItem *item = m_backups->currentItem())
        restoreBackup(item->data(Qt::UserRole).toString());
}

void FlashWorkspace::restoreBackup(const QString &path)
{
    if (prepareJob())
        m_session->restore(baseRequest(), path);
    updateButtons();
}

void FlashWorkspace::cancel() { m_session->cancel(); }

bool FlashWorkspace::prepareJob()
{
    if (m_session->isBusy())
        return false;
    m_banner->setVisible(false);
    m_progress->restart();
    return true;
}

void FlashWorkspace::onFinished(FlashAction action, const Result<FlashJobOutcome> &result)
{
    m_progress->setStage(QString());
    updateButtons();
    if (!result) {
        const Error &e = result.error();
        showBanner(false, e.fix.isEmpty() ? e.message : e.message + QStringLiteral("\n") + e.fix);
        Q_EMIT jobFinished(false);
        return;
    }
    const FlashJobOutcome &o = *result;
    if (o.table) {
        m_table->setTable(*o.table);
        m_preflight->setPartitionTable(*o.table);
        const QString keep = m_partition->currentText();
        m_partition->clear();
        for (int i = 0; i < o.table->partitions.size(); ++i) {
            const Image::Partition &p = o.table->partitions.at(i);
            // Data partitions, and app partitions for app images (checked before writing).
            if (p.type != 0x02 && p.type != 0x03)
                m_partition->addItem(p.name, i);
        }
        const int k = m_partition->findText(keep.isEmpty() ? QStringLiteral("cert") : keep);
        if (k >= 0)
            m_partition->setCurrentIndex(k);
        updateBootSwitchRow();
    }
    switch (action) {
    case FlashAction::Connect:
        showBanner(true,
                   tr("Connected to %1, MAC %2; %n partition(s).", nullptr, m_table->rowCount())
                       .arg(o.board.chipName, o.board.macText()));
        break;
    case FlashAction::Write:
        showBanner(true,
                   tr("%1 written and verified (MD5 %2) in %3 s; board reset. Backup: %4")
                           .arg(o.partition, QString::fromLatin1(o.md5.toHex()))
                           .arg(double(o.elapsedMs) / 1000.0, 0, 'f', 2)
                           .arg(o.backupPath.isEmpty() ? tr("none (turned off)") : o.backupPath)
                       + (bootSwitchText(o).isEmpty() ? QString()
                                                      : QStringLiteral("\n") + bootSwitchText(o)));
        break;
    case FlashAction::Verify: {
        const bool same = m_session->holdsLastPayload(o);
        showBanner(same, same ? tr("%1 holds this file (MD5 %2).")
                                    .arg(o.partition, QString::fromLatin1(o.md5.toHex()))
                              : tr("%1 does not hold this file.").arg(o.partition));
        break;
    }
    case FlashAction::Inspect: showInspection(o); break;
    case FlashAction::Restore:
        showBanner(true,
                   tr("Backup restored to %1 and verified (MD5 %2).")
                       .arg(o.partition.isEmpty() ? QStringLiteral("0x%1").arg(o.address, 0, 16)
                                                  : o.partition,
                            QString::fromLatin1(o.md5.toHex())));
        break;
    case FlashAction::None: break;
    }
    Q_EMIT jobFinished(true);
}

void FlashWorkspace::updatePayloadSummary()
{
    m_payloadInfo->setText(payloadSummary());
    updateButtons();
}

QString FlashWorkspace::payloadSummary() const
{
    if (m_file->text().isEmpty())
        return tr("Choose a file to see its size against the partition.");
    auto bytes = payloadBytes();
    if (!bytes)
        return bytes.error().message;
    const Image::Partition *p = m_table->table().find(m_partition->currentText());
    const QString how = layoutName() != QLatin1String("raw") ? m_stores->layoutText()
                        : bytes->startsWith('\xE9')          ? tr("ESP image")
                                                             : m_format->currentData().toString();
    if (!p)
        return tr("%1 bytes as %2; connect to see the partition size.").arg(bytes->size()).arg(how);
    const bool fits = bytes->size() <= qsizetype(p->size);
    return tr("%1 bytes as %2 into \"%3\" (%4 bytes): %5")
        .arg(bytes->size())
        .arg(how, p->name)
        .arg(p->size)
        .arg(fits ? tr("fits, %1 bytes left").arg(qsizetype(p->size) - bytes->size())
                  : tr("too large"));
}

void FlashWorkspace::updateButtons()
{
    const bool busy = m_session->isBusy();
    const bool connected = !m_session->board().chipName.isEmpty() && m_partition->count() > 0;
    m_connect->setEnabled(!busy);
    m_write->setEnabled(!busy && connected && !m_file->text().isEmpty() && !preflightBlocksWrite());
    m_verify->setEnabled(!busy && connected && !m_file->text().isEmpty());
    m_inspect->setEnabled(!busy && connected);
    m_cancel->setEnabled(busy);
    m_restore->setEnabled(!busy && m_backups->count() > 0);
    updateWriteGate();
}

} // namespace Forgeline::Ui
