// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/image/imageworkspace.h"

#include "core/image/imagechip.h"
#include "ui/image/imagesegmentmodel.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

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

namespace {

const QColor kRed(0xd0, 0x33, 0x2b);
const QColor kAmber(0xb0, 0x78, 0x00);
const QColor kGreen(0x2e, 0x9d, 0x4f);

QString hex32(quint32 v)
{
    return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
}

QString revision(quint16 full)
{
    return QStringLiteral("v%1.%2").arg(full / 100).arg(full % 100);
}

QString kindTitle(ImageKind kind)
{
    switch (kind) {
    case ImageKind::App:
        return ImageWorkspace::tr("App image");
    case ImageKind::Bootloader:
        return ImageWorkspace::tr("Bootloader image");
    case ImageKind::PartitionTable:
        return ImageWorkspace::tr("Partition table");
    case ImageKind::Nvs:
        return ImageWorkspace::tr("NVS data");
    case ImageKind::OtaData: return ImageWorkspace::tr("otadata (which OTA app boots)");
    case ImageKind::PreEncrypted:
        return ImageWorkspace::tr("Pre-encrypted OTA image");
    case ImageKind::EncryptedOrRandom:
        return ImageWorkspace::tr("Flash-encrypted or random data");
    case ImageKind::Erased:
        return ImageWorkspace::tr("Erased flash");
    case ImageKind::Unknown:
        break;
    }
    return ImageWorkspace::tr("Unknown data");
}

} // namespace

ImageWorkspace::ImageWorkspace(QWidget *parent)
    : QWidget(parent)
    , m_segments(new ImageSegmentModel(this))
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

void ImageWorkspace::buildUi()
{
    auto *open = new QPushButton(tr("Open file…"));
    open->setObjectName(QStringLiteral("openImageButton"));
    connect(open, &QPushButton::clicked, this, &ImageWorkspace::chooseFile);
    m_fileLabel = new QLabel(tr("Drop a firmware file here, or open one."));
    m_fileLabel->setObjectName(QStringLiteral("imageFileLabel"));
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *top = new QHBoxLayout;
    top->addWidget(open);
    top->addWidget(m_fileLabel, 1);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("imageSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    auto *headerBox = new QGroupBox(tr("Header and descriptor"));
    m_header = new QFormLayout(headerBox);
    m_header->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_segmentView = new QTableView;
    m_segmentView->setObjectName(QStringLiteral("imageSegments"));
    m_segmentView->setModel(m_segments);
    m_segmentView->verticalHeader()->hide();
    m_segmentView->horizontalHeader()->setSectionResizeMode(ImageSegmentModel::Region,
                                                            QHeaderView::Stretch);
    m_segmentView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_segmentView->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(headerBox);
    m_segmentsLabel = new QLabel(tr("Segments"));
    leftLayout->addWidget(m_segmentsLabel);
    leftLayout->addWidget(m_segmentView, 1);

    m_checks = new QListWidget;
    m_checks->setObjectName(QStringLiteral("imageChecks"));
    m_checks->setAccessibleName(tr("Checks"));
    m_checks->setWordWrap(true);
    m_explanation = new QLabel;
    m_explanation->setObjectName(QStringLiteral("imageExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_explanation);
    rightLayout->addWidget(new QLabel(tr("Checks and notes")));
    rightLayout->addWidget(m_checks, 1);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(buildConversionBox());
    showInspection();
}

QWidget *ImageWorkspace::buildConversionBox()
{
    auto *box = new QGroupBox(tr("Convert (writes a new file; the original is kept)"));
    m_chip = new QComboBox;
    m_chip->setObjectName(QStringLiteral("imageChip"));
    for (const QString &key : imageChipKeys())
        m_chip->addItem(QString::fromLatin1(imageChipByKey(key)->name), key);
    m_keyFile = new QLineEdit;
    m_keyFile->setObjectName(QStringLiteral("imageKeyFile"));
    m_keyFile->setPlaceholderText(tr("Key file (flash encryption key, PEM or HMAC key)"));
    auto *browse = new QPushButton(tr("Key…"));
    connect(browse, &QPushButton::clicked, this, &ImageWorkspace::chooseKeyFile);
    m_address = new QLineEdit(QStringLiteral("0x10000"));
    m_address->setObjectName(QStringLiteral("imageAddress"));
    // Room for any 32-bit address: the row squeezed it to "000" in an 816-pixel-wide window.
    const int addressWidth = fontMetrics().horizontalAdvance(QStringLiteral("0x00000000000"));
    m_address->setMinimumWidth(addressWidth);
    m_address->setMaximumWidth(addressWidth);
    m_cryptConf = new QSpinBox;
    m_cryptConf->setRange(0, 15);
    m_cryptConf->setValue(15);
    m_cryptConf->setDisplayIntegerBase(16);
    m_cryptConf->setPrefix(QStringLiteral("0x"));
    m_cryptConf->setToolTip(tr("ESP32 only: the FLASH_CRYPT_CONFIG eFuse"));
    m_preKeyKind = new QComboBox;
    m_preKeyKind->setObjectName(QStringLiteral("imagePreKeyKind"));
    m_preKeyKind->addItem(tr("RSA-3072 public key"), int(KeyKind::RsaPublic));
    m_preKeyKind->addItem(tr("Device P-256 public key (ECIES)"), int(KeyKind::DevicePublic));
    m_preKeyKind->addItem(tr("Device HMAC key (ECIES)"), int(KeyKind::DeviceHmac));
    m_preKeyKind->addItem(tr("RSA or device private key"), int(KeyKind::RsaOrDevicePrivate));

    auto *row1 = new QHBoxLayout;
    row1->addWidget(new QLabel(tr("Chip")));
    row1->addWidget(m_chip);
    row1->addWidget(new QLabel(tr("Address")));
    row1->addWidget(m_address);
    row1->addWidget(new QLabel(tr("FLASH_CRYPT_CONFIG")));
    row1->addWidget(m_cryptConf);
    row1->addWidget(new QLabel(tr("OTA key")));
    row1->addWidget(m_preKeyKind);
    row1->addStretch(1);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(m_keyFile, 1);
    row2->addWidget(browse);

    auto *row3 = new QHBoxLayout;
    const QList<std::pair<Kind, QString>> actions = {
        {Kind::FlashEncrypt, tr("Flash-encrypt…")}, {Kind::FlashDecrypt, tr("Flash-decrypt…")},
        {Kind::FindOffset, tr("Find offset")},      {Kind::PreEncrypt, tr("Pre-encrypt OTA…")},
        {Kind::PreDecrypt, tr("Pre-decrypt OTA…")},
    };
    for (const auto &[kind, text] : actions) {
        auto *b = new QPushButton(text);
        b->setObjectName(QStringLiteral("imageAction%1").arg(int(kind)));
        connect(b, &QPushButton::clicked, this, [this, k = kind] { runFromButton(k); });
        m_conversionButtons << b;
        row3->addWidget(b);
    }
    row3->addStretch(1);
    m_conversionResult = new QLabel;
    m_conversionResult->setObjectName(QStringLiteral("imageConversionResult"));
    m_conversionResult->setWordWrap(true);
    m_conversionResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *v = new QVBoxLayout(box);
    v->addLayout(row1);
    v->addLayout(row2);
    v->addLayout(row3);
    v->addWidget(m_conversionResult);
    setConversionButtonsEnabled(false);
    return box;
}

void ImageWorkspace::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open firmware file"), QString(),
                                                      tr("Firmware (*.bin *.img);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void ImageWorkspace::chooseKeyFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose key file"), QString(), tr("Keys (*.bin *.pem *.key);;All files (*)"));
    if (!path.isEmpty())
        setKeyFile(path);
}

void ImageWorkspace::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ImageWorkspace::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        openFile(urls.first().toLocalFile());
        event->acceptProposedAction();
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

void ImageWorkspace::setKeyFile(const QString &path)
{
    m_keyFile->setText(path);
}

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

QString ImageWorkspace::lastConversionMessage() const
{
    return m_conversionResult->text();
}

void ImageWorkspace::runFromButton(Kind kind)
{
    QString output;
    if (kind != Kind::FindOffset) {
        const QFileInfo in(m_path);
        const QString suggestion
            = in.dir().filePath(in.completeBaseName()
                                + (kind == Kind::FlashEncrypt     ? QStringLiteral("-encrypted")
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
        m_conversionResult->setText(
            tr("<span style='color:#d0332b'>The address is not a number.</span>"));
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
            m_summary->setText(QStringLiteral("<b style='color:#d0332b'>%1</b>")
                                   .arg(job->inspection
                                            ? job->inspection->error().message.toHtmlEscaped()
                                            : tr("The file could not be read.")));
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
            QStringLiteral("<span style='color:#d0332b'>%1</span>").arg(message.toHtmlEscaped()));
        Q_EMIT statusMessage(message);
    } else {
        const ConversionOutcome &o = job->outcome->value();
        QString text = o.message.toHtmlEscaped();
        if (job->request.kind != Kind::FindOffset) {
            text += tr(" → %1: %2")
                        .arg(QFileInfo(job->request.output).fileName().toHtmlEscaped(),
                             o.result.summary.toHtmlEscaped());
        }
        m_conversionResult->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                                        .arg((ok ? kGreen : kRed).name(), text));
        Q_EMIT statusMessage(o.message);
    }
    Q_EMIT conversionFinished(ok);
}

void ImageWorkspace::setConversionButtonsEnabled(bool enabled)
{
    for (QPushButton *b : std::as_const(m_conversionButtons))
        b->setEnabled(enabled);
}

void ImageWorkspace::showInspection()
{
    while (m_header->rowCount() > 0)
        m_header->removeRow(0);
    m_checks->clear();
    m_explanation->clear();
    m_segments->setSegments({});
    setConversionButtonsEnabled(!m_path.isEmpty());
    if (!m_inspection) {
        if (m_path.isEmpty())
            m_summary->setText(
                tr("<b>No file.</b> Open or drop an app, bootloader, partition table, "
                   "NVS image, pre-encrypted OTA image or a dump read from a board."));
        m_segmentView->setVisible(false);
        m_segmentsLabel->setVisible(false);
        return;
    }
    const ImageInspection &r = *m_inspection;
    const QColor color = !r.ok() ? kRed : r.warnings.isEmpty() ? kGreen : kAmber;
    m_summary->setText(
        QStringLiteral("<b style='color:%1'>%2</b> — %3 <span style='color:gray'>(%4 bytes, %5 "
                       "bits/byte)</span>")
            .arg(color.name(), kindTitle(r.kind).toHtmlEscaped(), r.summary.toHtmlEscaped())
            .arg(r.size)
            .arg(r.entropy, 0, 'f', 2));
    auto row = [this](const QString &label, const QString &value) {
        auto *v = new QLabel(value);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setWordWrap(true);
        m_header->addRow(label, v);
    };
    auto verdict = [](bool good) {
        return good ? QStringLiteral("<span style='color:#2e9d4f'>%1</span>").arg(tr("valid"))
                    : QStringLiteral("<span style='color:#d0332b'>%1</span>").arg(tr("INVALID"));
    };
    if (r.image) {
        const AppImage &img = *r.image;
        const ImageChip *chip = imageChipById(img.chipId);
        row(tr("Chip"),
            chip ? QStringLiteral("%1 (id %2)").arg(QString::fromLatin1(chip->name)).arg(img.chipId)
                 : tr("unknown (id %1)").arg(img.chipId));
        row(tr("Entry point"), hex32(img.entry));
        row(tr("Flash"), QStringLiteral("%1, %2").arg(img.flashModeName(), img.flashSizeName()));
        row(tr("Chip revision"),
            tr("%1 to %2")
                .arg(revision(img.minRevisionFull),
                     img.maxRevisionFull == 0xFFFF ? tr("any") : revision(img.maxRevisionFull)));
        if (img.length > 0)
            row(tr("Checksum"),
                QStringLiteral("0x%1 %2")
                    .arg(img.storedChecksum, 2, 16, QLatin1Char('0'))
                    .arg(verdict(img.checksumValid)));
        row(tr("SHA-256"),
            img.sha256Valid ? QStringLiteral("<tt>%1</tt> %2")
                                  .arg(QString::fromLatin1(img.storedSha256.toHex().left(16))
                                           + QStringLiteral("…"),
                                       verdict(*img.sha256Valid))
                            : tr("not appended"));
        if (img.appDesc) {
            const AppDescriptor &d = *img.appDesc;
            row(tr("Project"),
                QStringLiteral("%1 %2").arg(d.projectName.toHtmlEscaped(),
                                            d.version.toHtmlEscaped()));
            row(tr("ESP-IDF"), d.idfVersion.toHtmlEscaped());
            row(tr("Built"),
                QStringLiteral("%1 %2").arg(d.date.toHtmlEscaped(), d.time.toHtmlEscaped()));
            row(tr("ELF SHA-256"),
                QStringLiteral("<tt>%1…</tt>")
                    .arg(QString::fromLatin1(d.elfSha256.toHex().left(16))));
        }
        if (img.bootloaderDesc) {
            row(tr("Bootloader"),
                tr("version %1, ESP-IDF %2, built %3")
                    .arg(img.bootloaderDesc->version)
                    .arg(img.bootloaderDesc->idfVersion.toHtmlEscaped(),
                         img.bootloaderDesc->dateTime.toHtmlEscaped()));
        }
        for (const SignatureBlock &s : img.signatures)
            row(tr("Signature %1").arg(s.index),
                QStringLiteral("%1 %2").arg(s.algorithm(), verdict(s.crcValid && s.digestMatches)));
        if (chip)
            setChip(QString::fromLatin1(chip->key)); // the conversions' default chip
        m_segments->setSegments(img.segments);
        m_segmentView->resizeColumnsToContents();
    }
    m_segmentView->setVisible(r.image.has_value());
    m_segmentsLabel->setVisible(r.image.has_value());
    if (r.preEncrypted) {
        row(tr("Scheme"), r.preEncrypted->schemeName());
        row(tr("Encrypted size"), QStringLiteral("%L1 bytes").arg(r.preEncrypted->binSize));
    }
    if (r.partitionTable)
        row(tr("Partitions"), QString::number(r.partitionTable->partitions.size()));
    if (r.kind == ImageKind::Nvs)
        row(tr("Pages in use"), QString::number(r.nvsPages));
    for (const QString &f : r.failures) {
        auto *item = new QListWidgetItem(tr("Failed: %1").arg(f));
        item->setForeground(kRed);
        m_checks->addItem(item);
    }
    for (const QString &w : r.warnings)
        m_checks->addItem(w);
    if (r.failures.isEmpty() && r.image)
        m_checks->insertItem(0, tr("Every check passed."));
    m_explanation->setText(r.explanation);
    // Lay the new rows out now, so what is shown (and grabbed) is complete.
    m_header->activate();
    layout()->activate();
}

} // namespace Forgeline::Ui
