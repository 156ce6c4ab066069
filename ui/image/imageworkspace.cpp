// SPDX-License-Identifier: GPL-3.0-or-later
// The Image workspace's work: inspecting a file and running a conversion, one at a time in a
// worker thread, and presenting what comes back.
#include "ui/image/imageworkspace.h"

#include "ui/common/statuspalette.h"
#include "ui/image/imagesegmentmodel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

namespace Forgeline::Ui {

using namespace Image;
using Kind = ConversionRequest::Kind;
using KeyKind = ConversionRequest::KeyKind;

struct ImageWorkspace::Job
{
    bool conversion = false;
    ConversionRequest request;
    std::optional<Result<ImageInspection>> inspection;
    std::optional<Result<ConversionOutcome>> outcome;
};

ImageWorkspace::ImageWorkspace(QWidget *parent)
    : QWidget(parent), m_segments(new ImageSegmentModel(this))
{
    setObjectName(QStringLiteral("imageWorkspace"));
    setAcceptDrops(true);
    buildUi();
}

ImageWorkspace::~ImageWorkspace()
{
    if (m_thread) {
        // The worker holds only its own copies; wait so it never outlives the process.
        m_thread->wait();
        delete m_thread;
    }
}

void ImageWorkspace::openFile(const QString &path)
{
    if (m_thread)
        return;
    m_path = path;
    m_fileLabel->setText(QFileInfo(path).fileName());
    m_fileLabel->setToolTip(path);
    m_summary->setText(tr("Reading…"));
    auto job = std::make_shared<Job>();
    m_job = job;
    m_thread = QThread::create([job, path] { job->inspection.emplace(inspectFile(path)); });
    connect(m_thread, &QThread::finished, this, &ImageWorkspace::onWorkerFinished);
    setConversionButtonsEnabled(false);
    m_thread->start();
}

void ImageWorkspace::setChip(const QString &chipKey)
{
    const int i = m_chip->findData(chipKey);
    if (i >= 0)
        m_chip->setCurrentIndex(i);
}

void ImageWorkspace::setKeyFile(const QString &path) { m_keyFile->setText(path); }

void ImageWorkspace::setAddress(quint32 address)
{
    m_address->setText(QStringLiteral("0x%1").arg(address, 0, 16));
}

void ImageWorkspace::setPreKeyKind(KeyKind kind)
{
    const int i = m_preKeyKind->findData(int(kind));
    if (i >= 0)
        m_preKeyKind->setCurrentIndex(i);
}

QString ImageWorkspace::lastConversionMessage() const { return m_conversionResult->text(); }

void ImageWorkspace::runFromButton(Kind kind)
{
    QString output;
    if (kind != Kind::FindOffset) {
        const QFileInfo in(m_path);
        const QString suggestion
            = in.dir().filePath(in.completeBaseName()
                                + (kind == Kind::FlashEncrypt ? QStringLiteral("-encrypted")
                                   : kind == Kind::PreEncrypt ? QStringLiteral("-ota")
                                                              : QStringLiteral("-decrypted"))
                                + QStringLiteral(".bin"));
        output = QFileDialog::getSaveFileName(this, tr("Save result as"), suggestion);
        if (output.isEmpty())
            return;
    }
    startConversion(kind, output);
}

bool ImageWorkspace::startConversion(Kind kind, const QString &outputPath)
{
    if (m_thread || m_path.isEmpty())
        return false;
    ConversionRequest r;
    r.kind = kind;
    r.input = m_path;
    r.output = outputPath;
    r.keyFile = m_keyFile->text();
    r.chip = m_chip->currentData().toString();
    r.flashCryptConfig = m_cryptConf->value();
    bool ok = false;
    r.address = m_address->text().trimmed().toUInt(&ok, 0);
    if (!ok && (kind == Kind::FlashEncrypt || kind == Kind::FlashDecrypt)) {
        // The catalogued text carries a colour; the palette's replaces it.
        m_conversionResult->setText(StatusPalette(palette()).recoloured(
            tr("<span style='color:#d0332b'>The address is not a number.</span>"), Tone::Error));
        return false;
    }
    if (kind == Kind::PreEncrypt || kind == Kind::PreDecrypt)
        r.keyKind = KeyKind(m_preKeyKind->currentData().toInt());
    if (kind == Kind::PreDecrypt && r.keyKind != KeyKind::DeviceHmac)
        r.keyKind = KeyKind::RsaOrDevicePrivate;
    if (kind == Kind::PreEncrypt && r.keyKind == KeyKind::RsaOrDevicePrivate)
        r.keyKind = KeyKind::DevicePublic;
    auto job = std::make_shared<Job>();
    job->conversion = true;
    job->request = r;
    m_job = job;
    m_conversionResult->setText(tr("Working…"));
    setConversionButtonsEnabled(false);
    m_thread = QThread::create([job] { job->outcome.emplace(runConversion(job->request)); });
    connect(m_thread, &QThread::finished, this, &ImageWorkspace::onWorkerFinished);
    m_thread->start();
    return true;
}

void ImageWorkspace::onWorkerFinished()
{
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    const std::shared_ptr<Job> job = std::move(m_job);
    if (!job)
        return;
    if (!job->conversion) {
        if (job->inspection && job->inspection->ok()) {
            m_inspection = job->inspection->value();
        } else {
            m_inspection.reset();
            m_summary->setText(
                QStringLiteral("<b>%1</b>")
                    .arg(StatusPalette(palette()).span(
                        Tone::Error, job->inspection
                                         ? job->inspection->error().message.toHtmlEscaped()
                                         : tr("The file could not be read."))));
        }
        showInspection();
        Q_EMIT inspected();
        return;
    }
    setConversionButtonsEnabled(!m_path.isEmpty());
    const bool ok = job->outcome && job->outcome->ok() && job->outcome->value().found;
    if (!job->outcome || !job->outcome->ok()) {
        const QString message
            = job->outcome ? job->outcome->error().message : tr("The conversion stopped.");
        m_conversionResult->setText(
            StatusPalette(palette()).span(Tone::Error, message.toHtmlEscaped()));
        Q_EMIT statusMessage(message);
    } else {
        const ConversionOutcome &o = job->outcome->value();
        QString text = o.message.toHtmlEscaped();
        if (job->request.kind != Kind::FindOffset) {
            text += tr(" → %1: %2")
                        .arg(QFileInfo(job->request.output).fileName().toHtmlEscaped(),
                             o.result.summary.toHtmlEscaped());
        }
        m_conversionResult->setText(
            StatusPalette(palette()).span(ok ? Tone::Success : Tone::Error, text));
        Q_EMIT statusMessage(o.message);
    }
    Q_EMIT conversionFinished(ok);
}

void ImageWorkspace::setConversionButtonsEnabled(bool enabled)
{
    for (QPushButton *b : std::as_const(m_conversionButtons))
        b->setEnabled(enabled);
}

} // namespace Forgeline::Ui
