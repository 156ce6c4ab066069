// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/image/imageconversion.h"
#include "core/image/imageinspector.h"

#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableView;
class QThread;

namespace Forgeline::Ui {

class ImageSegmentModel;

// Drop or open a firmware file and see what it is: kind, header, segments, descriptor, hashes,
// failed checks and notes. Conversions (flash encryption for an address, finding that address,
// pre-encrypted OTA images) take key files picked here and run in a worker thread.
// Widgets in imageworkspaceui.cpp, the inspection's presentation in imageinspectionview.cpp,
// the worker jobs in imageworkspace.cpp.
class ImageWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit ImageWorkspace(QWidget *parent = nullptr);
    ~ImageWorkspace() override;

    // Inspects the file in a worker thread; inspected() follows.
    void openFile(const QString &path);
    QString currentFile() const { return m_path; }
    const std::optional<Image::ImageInspection> &inspection() const { return m_inspection; }

    // The conversion controls, settable from code (tests) as from the UI.
    void setChip(const QString &chipKey);
    void setKeyFile(const QString &path);
    void setAddress(quint32 address);
    void setPreKeyKind(Image::ConversionRequest::KeyKind kind);
    // Runs a conversion of the current file into `outputPath` in a worker thread;
    // conversionFinished() follows. False (and nothing started) while one is running.
    bool startConversion(Image::ConversionRequest::Kind kind, const QString &outputPath);
    bool busy() const { return m_thread != nullptr; }
    QString lastConversionMessage() const;

    ImageSegmentModel *segmentModel() const { return m_segments; }

Q_SIGNALS:
    void inspected();
    void conversionFinished(bool ok);
    void statusMessage(const QString &text);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildUi();
    QWidget *buildConversionBox();
    void chooseFile();
    void chooseKeyFile();
    void runFromButton(Image::ConversionRequest::Kind kind);
    void showInspection();
    void onWorkerFinished();
    void setConversionButtonsEnabled(bool enabled);

    QString m_path;
    std::optional<Image::ImageInspection> m_inspection;

    QLabel *m_fileLabel = nullptr;
    QLabel *m_summary = nullptr;
    QFormLayout *m_header = nullptr;
    QLabel *m_segmentsLabel = nullptr;
    QTableView *m_segmentView = nullptr;
    ImageSegmentModel *m_segments = nullptr;
    QListWidget *m_checks = nullptr;
    QLabel *m_explanation = nullptr;

    QComboBox *m_chip = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QLineEdit *m_address = nullptr;
    QSpinBox *m_cryptConf = nullptr;
    QComboBox *m_preKeyKind = nullptr;
    QList<QPushButton *> m_conversionButtons;
    QLabel *m_conversionResult = nullptr;

    // A worker does one job at a time: an inspection or a conversion.
    struct Job;
    std::shared_ptr<Job> m_job;
    QThread *m_thread = nullptr;
};

} // namespace Forgeline::Ui
