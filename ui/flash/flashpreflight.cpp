// SPDX-License-Identifier: GPL-3.0-or-later
// The Flash workspace's certificate/key preflight: its inputs, what feeds it (the payload being
// written, the partitions read from the board) and how its answer gates the Write button.
#include "ui/flash/flashworkspace.h"

#include "core/image/certpayload.h"
#include "ui/flash/partitiontablemodel.h"
#include "ui/preflight/preflightpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Forgeline::Ui {

namespace {

// Certificates and keys are small; anything bigger is not one and is not sniffed.
constexpr qint64 SniffLimit = 256 * 1024;

QStringList splitFiles(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

} // namespace

QWidget *FlashWorkspace::buildPreflightBox()
{
    auto *box
        = new QGroupBox(tr("Preflight: will the device accept this certificate and key?"), this);
    box->setObjectName(QStringLiteral("flashPreflight"));
    auto *layout = new QVBoxLayout(box);
    auto *form = new QFormLayout;
    const auto fileRow
        = [this, box, form](const QString &label, const QString &placeholder, bool many) {
              auto *edit = new QLineEdit(box);
              edit->setPlaceholderText(placeholder);
              auto *browse = new QPushButton(tr("Browse…"), box);
              auto *row = new QHBoxLayout;
              row->addWidget(edit, 1);
              row->addWidget(browse);
              form->addRow(label, row);
              connect(browse, &QPushButton::clicked, this, [this, edit, label, many] {
                  const QString filter
                      = tr("Certificates and keys (*.pem *.crt *.cer *.key *.der);;All files (*)");
                  if (many) {
                      const QStringList files
                          = QFileDialog::getOpenFileNames(this, label, QString(), filter);
                      if (!files.isEmpty())
                          edit->setText(files.join(QLatin1Char(';')));
                  } else if (const QString f
                             = QFileDialog::getOpenFileName(this, label, QString(), filter);
                             !f.isEmpty()) {
                      edit->setText(f);
                  }
              });
              // Typing a path must not start a run per keystroke: the panel coalesces, we only feed it.
              connect(edit, &QLineEdit::textChanged, this, &FlashWorkspace::updatePreflightInputs);
              return edit;
          };
    m_pfCert
        = fileRow(tr("Certificate:"), tr("Device certificate (PEM may include the chain)"), false);
    m_pfKey = fileRow(tr("Key:"), tr("Device private key"), false);
    m_pfChain = fileRow(tr("Chain:"),
                        tr("Intermediates, if not in the certificate file (optional)"), false);
    m_pfCa = fileRow(tr("CA:"), tr("CA(s) the server trusts, ';'-separated (optional)"), true);
    layout->addLayout(form);

    m_preflight = new PreflightPanel(box);
    m_preflight->setObjectName(QStringLiteral("flashPreflightPanel"));
    layout->addWidget(m_preflight, 1);
    connect(m_preflight, &PreflightPanel::runStarted, this, [this] {
        // An override answers one result; a new run needs a new decision.
        m_writeAnyway->setChecked(false);
        updateButtons();
    });
    connect(m_preflight, &PreflightPanel::resultChanged, this, [this](bool) { updateButtons(); });
    return box;
}

void FlashWorkspace::setPreflightFiles(const QString &cert, const QString &key,
                                       const QString &chain, const QStringList &cas)
{
    m_pfCert->setText(cert);
    m_pfKey->setText(key);
    m_pfChain->setText(chain);
    m_pfCa->setText(cas.join(QLatin1Char(';')));
}

// The file chosen for writing is a certificate or a key: check it, with its partition's size.
void FlashWorkspace::adoptPayloadForPreflight()
{
    const QString path = m_file->text();
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly) || f.size() > SniffLimit)
        return;
    const QByteArray bytes = f.readAll();
    auto payload = Image::encodeCertPayload(bytes, Image::PayloadFormat::Der);
    if (!payload)
        return;
    // A PEM file may hold something else (a CSR, parameters): only certificates and keys count.
    const bool pem = bytes.contains("-----BEGIN ");
    if (!payload->isPrivateKey && pem && !bytes.contains("-----BEGIN CERTIFICATE-----"))
        return;
    QLineEdit *edit = payload->isPrivateKey ? m_pfKey : m_pfCert;
    QString &autoFilled = payload->isPrivateKey ? m_autoKey : m_autoCert;
    if (edit->text().isEmpty() || edit->text() == autoFilled) {
        autoFilled = path;
        edit->setText(path);
    }
    if (edit->text() == path && m_partition->currentIndex() >= 0)
        (payload->isPrivateKey ? m_keyPartition : m_certPartition) = m_partition->currentText();
    updatePreflightPartitions();
}

void FlashWorkspace::updatePreflightInputs()
{
    const QStringList files{m_pfCert->text().trimmed(), m_pfKey->text().trimmed(),
                            m_pfChain->text().trimmed(), m_pfCa->text().trimmed()};
    if (files == m_fedFiles)
        return;
    m_fedFiles = files;
    m_preflight->setFiles(files.at(0), files.at(1), files.at(2), splitFiles(files.at(3)));
    updateButtons();
}

// Sizes come from the table read from the board; a partition not chosen yet is found by its
// usual name. Only a change starts a new run.
void FlashWorkspace::updatePreflightPartitions()
{
    const Image::PartitionTable &table = m_table->table();
    const auto sizeOf
        = [&table](const QString &chosen,
                   std::initializer_list<const char *> usual) -> std::optional<qint64> {
        if (const Image::Partition *p = table.find(chosen); p && !chosen.isEmpty())
            return qint64(p->size);
        for (const char *name : usual)
            if (const Image::Partition *p = table.find(QString::fromLatin1(name)))
                return qint64(p->size);
        return std::nullopt;
    };
    const auto cert = sizeOf(m_certPartition, {"cert", "client_cert", "certs"});
    const auto key = sizeOf(m_keyPartition, {"key", "priv_key", "client_key"});
    if (cert == m_fedCertSize && key == m_fedKeySize)
        return;
    m_fedCertSize = cert;
    m_fedKeySize = key;
    m_preflight->setPartitionSizes(cert, key);
    updateButtons();
}

bool FlashWorkspace::preflightConfigured() const
{
    if (!m_pfCert)
        return false; // during buildUi
    return !m_pfCert->text().trimmed().isEmpty() && !m_pfKey->text().trimmed().isEmpty();
}

bool FlashWorkspace::preflightBlocksWrite() const
{
    if (!preflightConfigured())
        return false;
    if (m_preflight->isRunning() || !m_preflight->lastResult())
        return true; // the answer is on its way: writing now would skip it
    return m_preflight->hasRed() && !m_writeAnyway->isChecked();
}

bool FlashWorkspace::canWrite() const { return m_write->isEnabled(); }

void FlashWorkspace::setWriteAnyway(bool on) { m_writeAnyway->setChecked(on); }

QString FlashWorkspace::failingChecksText() const
{
    const auto &last = m_preflight->lastResult();
    if (!last)
        return {};
    if (!last->ok())
        return tr("the files could not be checked: %1").arg(last->error().message);
    QStringList fails;
    for (const Tls::PreflightCheck &c : last->value().checks)
        if (c.status == Tls::PreflightCheck::Status::Fail)
            fails << (c.predictedError.isEmpty()
                          ? c.id
                          : QStringLiteral("%1 %2").arg(c.id, c.predictedError));
    return fails.join(QStringLiteral(", "));
}

QString FlashWorkspace::writeGateText() const
{
    if (!preflightConfigured())
        return {};
    if (m_preflight->isRunning() || !m_preflight->lastResult())
        return tr("Checking the certificate and key before writing…");
    if (!m_preflight->hasRed())
        return {};
    if (m_writeAnyway->isChecked())
        return tr("Overriding the preflight: the device is predicted to fail (%1).")
            .arg(failingChecksText());
    return tr("Writing is refused: the preflight predicts the device will fail (%1). Fix the files or the target settings, "
              "or tick \"Write anyway\".")
        .arg(failingChecksText());
}

void FlashWorkspace::updateWriteGate()
{
    if (!m_writeGate)
        return; // during buildUi
    const QString text = writeGateText();
    const bool red = preflightConfigured() && !m_preflight->isRunning() && m_preflight->lastResult()
                     && m_preflight->hasRed();
    m_writeGate->setText(text);
    m_writeGate->setVisible(!text.isEmpty());
    m_writeGate->setStyleSheet(red ? QStringLiteral("QLabel { color: #611a15; }") : QString());
    m_writeAnyway->setVisible(red);
    m_write->setToolTip(text);
}

} // namespace Forgeline::Ui
