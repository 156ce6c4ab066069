// SPDX-License-Identifier: GPL-3.0-or-later
// The Flash workspace's certificate stores: write the chosen certificate and key as an NVS or
// esp_secure_cert partition (built here, for this board), and inspect what a board's store holds.
#include "ui/flash/flashworkspace.h"

#include "core/image/nvskeys.h"
#include "core/image/storeinspect.h"
#include "core/station/storeimage.h"
#include "ui/flash/partitiontablemodel.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Forgeline::Ui {

using Flasher::FlashJobRequest;

namespace {

QHBoxLayout *fileRow(QLineEdit *edit, QWidget *box, const QString &title, const QString &filter)
{
    auto *row = new QHBoxLayout;
    auto *browse = new QPushButton(FlashWorkspace::tr("Browse…"), box);
    row->addWidget(edit, 1);
    row->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, box, title, filter] {
        const QString f = QFileDialog::getOpenFileName(
            box, title, QFileInfo(edit->text()).absolutePath(), filter);
        if (!f.isEmpty())
            edit->setText(f);
    });
    return row;
}

Result<QByteArray> readInput(const QString &path, const QString &what)
{
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("file.read"),
                           FlashWorkspace::tr("Choose a readable %1.").arg(what), f.errorString());
    return f.readAll();
}

} // namespace

void FlashWorkspace::buildStoreRows(QFormLayout *form, QWidget *box)
{
    m_layout = new QComboBox(box);
    m_layout->setObjectName(QStringLiteral("flashLayout"));
    m_layout->addItem(tr("Raw partition (the file as it is)"), QStringLiteral("raw"));
    m_layout->addItem(tr("NVS partition (from a CSV template)"), QStringLiteral("nvs"));
    m_layout->addItem(tr("esp_secure_cert partition"), QStringLiteral("secure-cert"));
    m_layout->setToolTip(
        tr("Where the firmware looks for its certificate: a raw partition, an NVS key-value "
           "partition, or the esp_secure_cert partition read by esp_secure_cert_mgr."));
    form->insertRow(0, tr("Layout:"), m_layout);

    const QString pem = tr("Certificates and keys (*.pem *.crt *.key *.der);;All files (*)");
    m_storeKey = new QLineEdit(box);
    m_storeKey->setObjectName(QStringLiteral("flashStoreKey"));
    m_storeKey->setPlaceholderText(tr("The device's private key (PEM or DER)"));
    m_storeCa = new QLineEdit(box);
    m_storeCa->setPlaceholderText(tr("Optional: CA certificate stored beside it"));
    m_storeCsv = new QLineEdit(box);
    m_storeCsv->setPlaceholderText(
        tr("nvs_partition_gen CSV; {certificate}, {key}, {mac} are filled in"));
    m_storeKeys = new QLineEdit(box);
    m_storeKeys->setPlaceholderText(
        tr("Optional: nvs_keys file to encrypt with (already on the board)"));
    m_storeRows
        = {fileRow(m_storeKey, box, tr("Private key"), pem),
           fileRow(m_storeCa, box, tr("CA certificate"), pem),
           fileRow(m_storeCsv, box, tr("NVS CSV template"), tr("CSV (*.csv);;All files (*)")),
           fileRow(m_storeKeys, box, tr("NVS keys file"), tr("Keys (*.bin);;All files (*)"))};
    form->addRow(tr("Private key:"), m_storeRows[0]);
    form->addRow(tr("CA certificate:"), m_storeRows[1]);
    form->addRow(tr("CSV template:"), m_storeRows[2]);
    form->addRow(tr("NVS keys:"), m_storeRows[3]);

    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] {
        updateLayoutRows();
        // The usual partition for the layout, when the board has it.
        const QString usual = layoutName() == QLatin1String("nvs") ? QStringLiteral("nvs")
                              : layoutName() == QLatin1String("secure-cert")
                                  ? QStringLiteral("esp_secure_cert")
                                  : QString();
        if (!usual.isEmpty() && m_partition->findText(usual) >= 0)
            m_partition->setCurrentIndex(m_partition->findText(usual));
        updatePayloadSummary();
    });
    for (QLineEdit *edit : {m_storeKey, m_storeCa, m_storeCsv, m_storeKeys})
        connect(edit, &QLineEdit::textChanged, this, &FlashWorkspace::updatePayloadSummary);
    // The key belongs in the preflight too (as the raw layout's key file would be).
    connect(m_storeKey, &QLineEdit::textChanged, this, [this](const QString &path) {
        if (m_pfKey->text().isEmpty() || m_pfKey->text() == m_autoKey) {
            m_autoKey = path;
            m_pfKey->setText(path);
        }
    });
    updateLayoutRows();
}

void FlashWorkspace::updateLayoutRows()
{
    const QString layout = layoutName();
    const bool raw = layout == QLatin1String("raw");
    const bool nvs = layout == QLatin1String("nvs");
    m_writeForm->setRowVisible(m_format, raw);
    m_writeForm->setRowVisible(m_storeRows[0], !raw);
    m_writeForm->setRowVisible(m_storeRows[1], layout == QLatin1String("secure-cert"));
    m_writeForm->setRowVisible(m_storeRows[2], nvs);
    m_writeForm->setRowVisible(m_storeRows[3], nvs);
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

void FlashWorkspace::setLayoutName(const QString &name)
{
    const int i = m_layout->findData(name);
    if (i >= 0)
        m_layout->setCurrentIndex(i);
}

QString FlashWorkspace::layoutName() const
{
    return m_layout ? m_layout->currentData().toString() : QStringLiteral("raw");
}

void FlashWorkspace::setStoreFiles(const QString &key, const QString &ca, const QString &csv,
                                   const QString &nvsKeys)
{
    m_storeKey->setText(key);
    m_storeCa->setText(ca);
    m_storeCsv->setText(csv);
    m_storeKeys->setText(nvsKeys);
}

// The same builder the station uses for each board, so one board from Flash and a thousand
// from Station get byte-identical stores for the same inputs.
Result<QByteArray> FlashWorkspace::storeBytes() const
{
    const Image::Partition *part = m_table->table().find(m_partition->currentText());
    if (!part)
        return Error::make(QStringLiteral("flash.partition"),
                           tr("Connect and choose the partition the store goes to."));
    auto cert = readInput(m_file->text(), tr("certificate file"));
    if (!cert)
        return cert.error();
    auto key = readInput(m_storeKey->text(), tr("private key file"));
    if (!key)
        return key.error();
    Station::FlashItem item;
    item.partition = part->name;
    if (layoutName() == QLatin1String("nvs")) {
        item.source = Station::FlashItem::Source::Nvs;
        auto csv = readInput(m_storeCsv->text(), tr("CSV template"));
        if (!csv)
            return csv.error();
        item.nvsCsv = QString::fromUtf8(*csv);
        item.nvsBaseDir = QFileInfo(m_storeCsv->text()).absolutePath();
        if (!m_storeKeys->text().isEmpty()) {
            // Encrypting with keys already on the board: Flash writes one partition, so it
            // never makes fresh keys here (the station does, and writes nvs_keys too).
            item.keysPartition = QStringLiteral("nvs_keys");
            item.keysFile = m_storeKeys->text();
        }
    } else {
        item.source = Station::FlashItem::Source::SecureCert;
        if (!m_storeCa->text().isEmpty()) {
            auto ca = readInput(m_storeCa->text(), tr("CA certificate file"));
            if (!ca)
                return ca.error();
            item.secureCertCa = *ca;
        }
    }
    Station::BoardValues values;
    values.certificate = *cert;
    values.privateKey = *key;
    values.mac = m_board.macText();
    values.pairId = QFileInfo(m_file->text()).completeBaseName();
    auto images = Station::buildStoreImage(item, values, part->size);
    if (!images)
        return images.error();
    return images->image;
}

void FlashWorkspace::inspectPartition()
{
    if (m_partition->currentIndex() < 0) {
        showBanner(false, tr("Connect and choose a partition to inspect."));
        return;
    }
    FlashJobRequest r = baseRequest(FlashJobRequest::Kind::Read);
    r.partition = m_partition->currentText();
    run(Action::Inspect, r);
}

void FlashWorkspace::showInspection(const Flasher::FlashJobOutcome &o)
{
    std::optional<Image::Nvs::Keys> keys;
    if (!m_storeKeys->text().isEmpty())
        if (auto k = Image::Nvs::Keys::load(m_storeKeys->text()))
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
