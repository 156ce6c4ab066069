// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace Forgeline::Ui {

// The station recipe as JSON text with Load…/Save… and a live verdict line, so an operator
// sees "recipe OK: identify, claim, flash, …" or the parse error before pressing Start.
// Relative file paths inside a recipe resolve against the folder it was loaded from.
class RecipeEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RecipeEditor(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &json);
    // The folder relative paths in the recipe refer to: where it was loaded or saved.
    QString baseDirectory() const { return m_baseDir; }
    // The file last loaded or saved ("" for text typed or set directly).
    QString filePath() const { return m_filePath; }
    QString verdict() const;

    Result<void> loadFile(const QString &path);
    Result<void> saveFile(const QString &path);

Q_SIGNALS:
    void fileError(const QString &message);

private:
    void validate();

    QPlainTextEdit *m_edit = nullptr;
    QLabel *m_verdict = nullptr;
    QTimer *m_debounce = nullptr;
    QString m_baseDir;
    QString m_filePath;
};

} // namespace Forgeline::Ui
