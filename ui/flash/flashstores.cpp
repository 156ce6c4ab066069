// SPDX-License-Identifier: GPL-3.0-or-later
// The Flash workspace's certificate stores: write the chosen certificate and key as an NVS or
// esp_secure_cert partition (FlashStoreFields builds it, for this board), and inspect what a
// board's store holds.
#include "ui/flash/flashworkspace.h"

#include "core/common/guarded.h"
#include "core/image/nvskeys.h"
#include "core/image/storeinspect.h"
#include "ui/flash/flashpreflightfields.h"
#include "ui/flash/flashstorefields.h"
#include "ui/flash/partitiontablemodel.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace Forgeline::Ui {

using Flasher::FlashJobRequest;

void FlashWorkspace::buildStoreRows(QFormLayout *form, QWidget *box)
{
    m_stores = new FlashStoreFields(form, box);
    connect(m_stores, &FlashStoreFields::layoutChanged, this, guarded(this, [this] {
                updateLayoutRows();
                // The usual partition for the layout, when the board has it.
                const QString usual = layoutName() == QLatin1String("nvs") ? QStringLiteral("nvs")
                                      : layoutName() == QLatin1String("secure-cert")
                                          ? QStringLiteral("esp_secure_cert")
                                          : QString();
                if (!usual.isEmpty() && m_partition->findText(usual) >= 0)
                    m_partition->setCurrentIndex(m_partition->findText(usual));
                updatePayloadSummary();
            }));
    connect(m_stores, &FlashStoreFields::inputsChanged, this,
            &FlashWorkspace::updatePayloadSummary);
    // The key belongs in the preflight too (as the raw layout's key file would be).
    connect(m_stores, &FlashStoreFields::keyFileChanged, this,
            guarded(this, [this](const QString &path) { m_preflight->adoptKey(path); }));
    updateLayoutRows();
}

// The rows the store fields do not own: Format (raw only) and what the file row is called.
void FlashWorkspace::updateLayoutRows()
{
    const bool raw = layoutName() == QLatin1String("raw");
    m_writeForm->setRowVisible(m_format, raw);
    m_file->setPlaceholderText(raw ? tr("Certificate or key file (PEM or DER)")
                                   : tr("The device certificate (PEM or DER)"));
    // The file row's label says what the file is in this layout.
    for (int row = 0; row < m_writeForm->rowCount(); ++row) {
        QLayoutItem *field = m_writeForm->itemAt(row, QFormLayout::FieldRole);
        QLayoutItem *label = m_writeForm->itemAt(row, QFormLayout::LabelRole);
        if (field && field->layout() && field->layout()->indexOf(m_file) >= 0 && label)
            if (auto *text = qobject_cast<QLabel *>(label->widget()))
                text->setText(raw ? tr("File:") : tr("Certificate:"));
    }
}

void FlashWorkspace::setLayoutName(const QString &name) { m_stores->setLayoutName(name); }

QString FlashWorkspace::layoutName() const
{
    return m_stores ? m_stores->layoutName() : QStringLiteral("raw");
}

void FlashWorkspace::setStoreFiles(const QString &key, const QString &ca, const QString &csv,
                                   const QString &nvsKeys)
{
    m_stores->setFiles(key, ca, csv, nvsKeys);
}

Result<QByteArray> FlashWorkspace::storeBytes() const
{
    const Image::Partition *part = m_table->table().find(m_partition->currentText());
    if (!part)
        return Error::make(QStringLiteral("flash.partition"),
                           tr("Connect and choose the partition the store goes to."));
    return m_stores->build(m_file->text(), *part, m_session->board().macText());
}

void FlashWorkspace::inspectPartition()
{
    if (m_partition->currentIndex() < 0) {
        showBanner(false, tr("Connect and choose a partition to inspect."));
        return;
    }
    FlashJobRequest r = baseRequest();
    r.partition = m_partition->currentText();
    if (prepareJob())
        m_session->inspect(r);
    updateButtons();
}

void FlashWorkspace::showInspection(const Flasher::FlashJobOutcome &o)
{
    std::optional<Image::Nvs::Keys> keys;
    if (!m_stores->nvsKeysFile().isEmpty())
        if (auto k = Image::Nvs::Keys::load(m_stores->nvsKeysFile()))
            keys = *k;
    const Image::StoreInspection seen = Image::inspectStore(o.data, keys);
    m_inspection = seen.text;
    showBanner(!seen.problems, tr("%1: %2").arg(o.partition, seen.headline));
    if (!isVisible())
        return; // tests and the CLI-like callers read inspectionText()
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Partition %1 on %2").arg(o.partition, o.board.macText()));
    auto *layout = new QVBoxLayout(dialog);
    auto *headline = new QLabel(seen.headline, dialog);
    headline->setWordWrap(true);
    headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *text = new QPlainTextEdit(seen.text, dialog);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(headline);
    layout->addWidget(text, 1);
    layout->addWidget(buttons);
    dialog->resize(760, 420);
    dialog->show();
}

} // namespace Forgeline::Ui
