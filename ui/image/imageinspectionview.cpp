// SPDX-License-Identifier: GPL-3.0-or-later
// How the Image workspace presents one inspection: the coloured summary line, the header and
// descriptor rows, the segments, and the failed checks and notes.
#include "ui/image/imageworkspace.h"

#include "core/image/imagechip.h"
#include "ui/common/statuspalette.h"
#include "ui/image/imagesegmentmodel.h"

#include <QFormLayout>
#include <QLabel>
#include <QLayout>
#include <QListWidget>
#include <QTableView>

namespace Forgeline::Ui {

using namespace Image;

namespace {

QString hex32(quint32 v) { return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0')); }

QString revision(quint16 full) { return QStringLiteral("v%1.%2").arg(full / 100).arg(full % 100); }

QString kindTitle(ImageKind kind)
{
    switch (kind) {
    case ImageKind::App: return ImageWorkspace::tr("App image");
    case ImageKind::Bootloader: return ImageWorkspace::tr("Bootloader image");
    case ImageKind::PartitionTable: return ImageWorkspace::tr("Partition table");
    case ImageKind::Nvs: return ImageWorkspace::tr("NVS data");
    case ImageKind::OtaData: return ImageWorkspace::tr("otadata (which OTA app boots)");
    case ImageKind::PreEncrypted: return ImageWorkspace::tr("Pre-encrypted OTA image");
    case ImageKind::EncryptedOrRandom: return ImageWorkspace::tr("Flash-encrypted or random data");
    case ImageKind::Erased: return ImageWorkspace::tr("Erased flash");
    case ImageKind::Unknown: break;
    }
    return ImageWorkspace::tr("Unknown data");
}

} // namespace

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
    const StatusPalette colours(palette());
    const Tone tone = !r.ok() ? Tone::Error : r.warnings.isEmpty() ? Tone::Success : Tone::Warning;
    m_summary->setText(
        QStringLiteral("<b style='color:%1'>%2</b> — %3 <span style='color:%4'>(%5 bytes, %6 "
                       "bits/byte)</span>")
            .arg(colours.text(tone).name(), kindTitle(r.kind).toHtmlEscaped(),
                 r.summary.toHtmlEscaped(), colours.text(Tone::Muted).name())
            .arg(r.size)
            .arg(r.entropy, 0, 'f', 2));
    auto row = [this](const QString &label, const QString &value) {
        auto *v = new QLabel(value);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setWordWrap(true);
        m_header->addRow(label, v);
    };
    auto verdict = [&colours](bool good) {
        return good ? colours.span(Tone::Success, tr("valid"))
                    : colours.span(Tone::Error, tr("INVALID"));
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
            row(tr("Checksum"), QStringLiteral("0x%1 %2")
                                    .arg(img.storedChecksum, 2, 16, QLatin1Char('0'))
                                    .arg(verdict(img.checksumValid)));
        row(tr("SHA-256"), img.sha256Valid
                               ? QStringLiteral("<tt>%1</tt> %2")
                                     .arg(QString::fromLatin1(img.storedSha256.toHex().left(16))
                                              + QStringLiteral("…"),
                                          verdict(*img.sha256Valid))
                               : tr("not appended"));
        if (img.appDesc) {
            const AppDescriptor &d = *img.appDesc;
            row(tr("Project"), QStringLiteral("%1 %2").arg(d.projectName.toHtmlEscaped(),
                                                           d.version.toHtmlEscaped()));
            row(tr("ESP-IDF"), d.idfVersion.toHtmlEscaped());
            row(tr("Built"),
                QStringLiteral("%1 %2").arg(d.date.toHtmlEscaped(), d.time.toHtmlEscaped()));
            row(tr("ELF SHA-256"), QStringLiteral("<tt>%1…</tt>")
                                       .arg(QString::fromLatin1(d.elfSha256.toHex().left(16))));
        }
        if (img.bootloaderDesc) {
            row(tr("Bootloader"), tr("version %1, ESP-IDF %2, built %3")
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
        item->setForeground(colours.text(Tone::Error));
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
