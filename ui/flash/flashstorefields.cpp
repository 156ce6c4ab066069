// SPDX-License-Identifier: GPL-3.0-or-later
// Texts keep the Flash workspace's translation context: they were its own before these rows
// became a class, and the zh_CN catalogue files them there.
#include "ui/flash/flashstorefields.h"

#include "core/station/storeimage.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace Forgeline::Ui {

namespace {

QHBoxLayout *fileRow(QLineEdit *edit, QWidget *box, const QString &title, const QString &filter)
{
    auto *row = new QHBoxLayout;
    auto *browse = new QPushButton(
        QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Browse…"), box);
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
        return Error::make(
            QStringLiteral("file.read"),
            QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Choose a readable %1.")
                .arg(what),
            f.errorString());
    return f.readAll();
}

} // namespace

FlashStoreFields::FlashStoreFields(QFormLayout *form, QWidget *box) : QObject(box), m_form(form)
{
    m_layout = new QComboBox(box);
    m_layout->setObjectName(QStringLiteral("flashLayout"));
    m_layout->addItem(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                                  "Raw partition (the file as it is)"),
                      QStringLiteral("raw"));
    m_layout->addItem(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                                  "NVS partition (from a CSV template)"),
                      QStringLiteral("nvs"));
    m_layout->addItem(
        QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "esp_secure_cert partition"),
        QStringLiteral("secure-cert"));
    m_layout->setToolTip(QCoreApplication::translate(
        "Forgeline::Ui::FlashWorkspace",
        "Where the firmware looks for its certificate: a raw partition, an NVS key-value "
        "partition, or the esp_secure_cert partition read by esp_secure_cert_mgr."));
    form->insertRow(0, QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Layout:"),
                    m_layout);

    const QString pem = QCoreApplication::translate(
        "Forgeline::Ui::FlashWorkspace",
        "Certificates and keys (*.pem *.crt *.key *.der);;All files (*)");
    m_key = new QLineEdit(box);
    m_key->setObjectName(QStringLiteral("flashStoreKey"));
    m_key->setPlaceholderText(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                                          "The device's private key (PEM or DER)"));
    m_ca = new QLineEdit(box);
    m_ca->setPlaceholderText(QCoreApplication::translate(
        "Forgeline::Ui::FlashWorkspace", "Optional: CA certificate stored beside it"));
    m_csv = new QLineEdit(box);
    m_csv->setPlaceholderText(QCoreApplication::translate(
        "Forgeline::Ui::FlashWorkspace",
        "nvs_partition_gen CSV; {certificate}, {key}, {mac} are filled in"));
    m_nvsKeys = new QLineEdit(box);
    m_nvsKeys->setPlaceholderText(QCoreApplication::translate(
        "Forgeline::Ui::FlashWorkspace",
        "Optional: nvs_keys file to encrypt with (already on the board)"));
    m_rows = {
        fileRow(m_key, box,
                QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Private key"), pem),
        fileRow(m_ca, box,
                QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "CA certificate"),
                pem),
        fileRow(m_csv, box,
                QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "NVS CSV template"),
                QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                            "CSV (*.csv);;All files (*)")),
        fileRow(m_nvsKeys, box,
                QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "NVS keys file"),
                QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                            "Keys (*.bin);;All files (*)"))};
    form->addRow(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Private key:"),
                 m_rows[0]);
    form->addRow(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "CA certificate:"),
                 m_rows[1]);
    form->addRow(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "CSV template:"),
                 m_rows[2]);
    form->addRow(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "NVS keys:"),
                 m_rows[3]);

    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] {
        updateRows();
        Q_EMIT layoutChanged();
    });
    for (QLineEdit *edit : {m_key, m_ca, m_csv, m_nvsKeys})
        connect(edit, &QLineEdit::textChanged, this, &FlashStoreFields::inputsChanged);
    connect(m_key, &QLineEdit::textChanged, this, &FlashStoreFields::keyFileChanged);
    updateRows();
}

void FlashStoreFields::updateRows()
{
    const QString layout = layoutName();
    const bool nvs = layout == QLatin1String("nvs");
    m_form->setRowVisible(m_rows[0], layout != QLatin1String("raw"));
    m_form->setRowVisible(m_rows[1], layout == QLatin1String("secure-cert"));
    m_form->setRowVisible(m_rows[2], nvs);
    m_form->setRowVisible(m_rows[3], nvs);
}

QString FlashStoreFields::layoutName() const { return m_layout->currentData().toString(); }

QString FlashStoreFields::layoutText() const { return m_layout->currentText(); }

void FlashStoreFields::setLayoutName(const QString &name)
{
    const int i = m_layout->findData(name);
    if (i >= 0)
        m_layout->setCurrentIndex(i);
}

void FlashStoreFields::setFiles(const QString &key, const QString &ca, const QString &csv,
                                const QString &nvsKeys)
{
    m_key->setText(key);
    m_ca->setText(ca);
    m_csv->setText(csv);
    m_nvsKeys->setText(nvsKeys);
}

QString FlashStoreFields::nvsKeysFile() const { return m_nvsKeys->text(); }

Result<QByteArray> FlashStoreFields::build(const QString &certificateFile,
                                           const Image::Partition &partition,
                                           const QString &mac) const
{
    auto cert
        = readInput(certificateFile, QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                                                 "certificate file"));
    if (!cert)
        return cert.error();
    auto key = readInput(m_key->text(), QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                                                    "private key file"));
    if (!key)
        return key.error();
    Station::FlashItem item;
    item.partition = partition.name;
    if (layoutName() == QLatin1String("nvs")) {
        item.source = Station::FlashItem::Source::Nvs;
        auto csv = readInput(m_csv->text(), QCoreApplication::translate(
                                                "Forgeline::Ui::FlashWorkspace", "CSV template"));
        if (!csv)
            return csv.error();
        item.nvsCsv = QString::fromUtf8(*csv);
        item.nvsBaseDir = QFileInfo(m_csv->text()).absolutePath();
        if (!m_nvsKeys->text().isEmpty()) {
            // Encrypting with keys already on the board: Flash writes one partition, so it
            // never makes fresh keys here (the station does, and writes nvs_keys too).
            item.keysPartition = QStringLiteral("nvs_keys");
            item.keysFile = m_nvsKeys->text();
        }
    } else {
        item.source = Station::FlashItem::Source::SecureCert;
        if (!m_ca->text().isEmpty()) {
            auto ca = readInput(m_ca->text(),
                                QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                                            "CA certificate file"));
            if (!ca)
                return ca.error();
            item.secureCertCa = *ca;
        }
    }
    Station::BoardValues values;
    values.certificate = *cert;
    values.privateKey = *key;
    values.mac = mac;
    values.pairId = QFileInfo(certificateFile).completeBaseName();
    auto images = Station::buildStoreImage(item, values, partition.size);
    if (!images)
        return images.error();
    return images->image;
}

} // namespace Forgeline::Ui
