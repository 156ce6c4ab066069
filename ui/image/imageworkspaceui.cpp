// SPDX-License-Identifier: GPL-3.0-or-later
// The Image workspace's widgets and their wiring: the file row, the inspection panes, the
// conversion box, and the file pickers and drop target that feed them.
#include "ui/image/imageworkspace.h"

#include "core/image/imagechip.h"
#include "ui/image/imagesegmentmodel.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
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
#include <QVBoxLayout>

namespace Forgeline::Ui {

using namespace Image;
using Kind = ConversionRequest::Kind;
using KeyKind = ConversionRequest::KeyKind;

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

} // namespace Forgeline::Ui
