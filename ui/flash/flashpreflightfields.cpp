// SPDX-License-Identifier: GPL-3.0-or-later
// Texts keep the Flash workspace's translation context: they were its own before the preflight
// box became a class, and the zh_CN catalogue files them there.
#include "ui/flash/flashpreflightfields.h"

#include "core/image/certpayload.h"
#include "ui/preflight/preflightpanel.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
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

FlashPreflightFields::FlashPreflightFields(QWidget *parent)
    : QGroupBox(
        QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                    "Preflight: will the device accept this certificate and key?"),
        parent)
{
    setObjectName(QStringLiteral("flashPreflight"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    const auto fileRow = [this, form](const QString &label, const QString &placeholder, bool many) {
        auto *edit = new QLineEdit(this);
        edit->setPlaceholderText(placeholder);
        auto *browse = new QPushButton(
            QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Browse…"), this);
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        form->addRow(label, row);
        connect(browse, &QPushButton::clicked, this, [this, edit, label, many] {
            const QString filter = QCoreApplication::translate(
                "Forgeline::Ui::FlashWorkspace",
                "Certificates and keys (*.pem *.crt *.cer *.key *.der);;All files (*)");
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
        connect(edit, &QLineEdit::textChanged, this, &FlashPreflightFields::updateInputs);
        return edit;
    };
    m_cert = fileRow(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Certificate:"),
                     QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                                 "Device certificate (PEM may include the chain)"),
                     false);
    m_key = fileRow(
        QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Key:"),
        QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Device private key"), false);
    m_chain = fileRow(
        QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "Chain:"),
        QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                    "Intermediates, if not in the certificate file (optional)"),
        false);
    m_ca = fileRow(QCoreApplication::translate("Forgeline::Ui::FlashWorkspace", "CA:"),
                   QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                               "CA(s) the server trusts, ';'-separated (optional)"),
                   true);
    layout->addLayout(form);

    m_panel = new PreflightPanel(this);
    m_panel->setObjectName(QStringLiteral("flashPreflightPanel"));
    layout->addWidget(m_panel, 1);
    connect(m_panel, &PreflightPanel::runStarted, this, &FlashPreflightFields::runStarted);
    connect(m_panel, &PreflightPanel::resultChanged, this, &FlashPreflightFields::changed);
}

void FlashPreflightFields::setFiles(const QString &cert, const QString &key, const QString &chain,
                                    const QStringList &cas)
{
    m_cert->setText(cert);
    m_key->setText(key);
    m_chain->setText(chain);
    m_ca->setText(cas.join(QLatin1Char(';')));
}

void FlashPreflightFields::adoptPayload(const QString &path, const QString &partition)
{
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
    QLineEdit *edit = payload->isPrivateKey ? m_key : m_cert;
    QString &autoFilled = payload->isPrivateKey ? m_autoKey : m_autoCert;
    if (edit->text().isEmpty() || edit->text() == autoFilled) {
        autoFilled = path;
        edit->setText(path);
    }
    if (edit->text() == path && !partition.isEmpty())
        (payload->isPrivateKey ? m_keyPartition : m_certPartition) = partition;
    updatePartitions();
}

void FlashPreflightFields::adoptKey(const QString &path)
{
    if (m_key->text().isEmpty() || m_key->text() == m_autoKey) {
        m_autoKey = path;
        m_key->setText(path);
    }
}

void FlashPreflightFields::setPartitionTable(const Image::PartitionTable &table)
{
    m_table = table;
    updatePartitions();
}

void FlashPreflightFields::updateInputs()
{
    const QStringList files{m_cert->text().trimmed(), m_key->text().trimmed(),
                            m_chain->text().trimmed(), m_ca->text().trimmed()};
    if (files == m_fedFiles)
        return;
    m_fedFiles = files;
    m_panel->setFiles(files.at(0), files.at(1), files.at(2), splitFiles(files.at(3)));
    Q_EMIT changed();
}

// Sizes come from the table read from the board; a partition not chosen yet is found by its
// usual name. Only a change starts a new run.
void FlashPreflightFields::updatePartitions()
{
    const Image::PartitionTable &table = m_table;
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
    m_panel->setPartitionSizes(cert, key);
    Q_EMIT changed();
}

bool FlashPreflightFields::configured() const
{
    return !m_cert->text().trimmed().isEmpty() && !m_key->text().trimmed().isEmpty();
}

bool FlashPreflightFields::blocksWrite(bool overridden) const
{
    if (!configured())
        return false;
    if (m_panel->isRunning() || !m_panel->lastResult())
        return true; // the answer is on its way: writing now would skip it
    return m_panel->hasRed() && !overridden;
}

bool FlashPreflightFields::predictsFailure() const
{
    return configured() && !m_panel->isRunning() && m_panel->lastResult() && m_panel->hasRed();
}

QString FlashPreflightFields::failingChecksText() const
{
    const auto &last = m_panel->lastResult();
    if (!last)
        return {};
    if (!last->ok())
        return QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                           "the files could not be checked: %1")
            .arg(last->error().message);
    QStringList fails;
    for (const Tls::PreflightCheck &c : last->value().checks)
        if (c.status == Tls::PreflightCheck::Status::Fail)
            fails << (c.predictedError.isEmpty()
                          ? c.id
                          : QStringLiteral("%1 %2").arg(c.id, c.predictedError));
    return fails.join(QStringLiteral(", "));
}

QString FlashPreflightFields::gateText(bool overridden) const
{
    if (!configured())
        return {};
    if (m_panel->isRunning() || !m_panel->lastResult())
        return QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                           "Checking the certificate and key before writing…");
    if (!m_panel->hasRed())
        return {};
    if (overridden)
        return QCoreApplication::translate(
                   "Forgeline::Ui::FlashWorkspace",
                   "Overriding the preflight: the device is predicted to fail (%1).")
            .arg(failingChecksText());
    return QCoreApplication::translate("Forgeline::Ui::FlashWorkspace",
                                       "Writing is refused: the preflight predicts the device "
                                       "will fail (%1). Fix the files or the target settings, "
                                       "or tick \"Write anyway\".")
        .arg(failingChecksText());
}

} // namespace Forgeline::Ui
