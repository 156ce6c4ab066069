// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/station/recipeeditor.h"

#include "core/station/recipe.h"
#include "ui/common/statuspalette.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTimer>
#include <QVBoxLayout>

namespace Forgeline::Ui {

RecipeEditor::RecipeEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    auto *load = new QPushButton(tr("Load\u2026"), this);
    auto *save = new QPushButton(tr("Save\u2026"), this);
    m_verdict = new QLabel(this);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(new QLabel(tr("Recipe"), this));
    row->addWidget(m_verdict, 1);
    row->addWidget(load);
    row->addWidget(save);
    layout->addLayout(row);
    m_edit = new QPlainTextEdit(this);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setPlaceholderText(tr("Recipe (JSON): flash, verify, provision\u2026 see docs/cli.md"));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setTabChangesFocus(true); // JSON needs no tab characters; keyboard users need Tab
    m_edit->setAccessibleName(tr("Recipe"));
    layout->addWidget(m_edit, 1);

    // Parsing on every keystroke is cheap, but the verdict flickering while typing is not.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &RecipeEditor::validate);
    connect(m_edit, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));

    connect(load, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load recipe"), m_baseDir,
                                                          tr("Recipes (*.json);;All files (*)"));
        if (path.isEmpty())
            return;
        if (auto r = loadFile(path); !r)
            Q_EMIT fileError(r.error().message + QLatin1Char(' ') + r.error().detail);
    });
    connect(save, &QPushButton::clicked, this, [this] {
        QString path = QFileDialog::getSaveFileName(this, tr("Save recipe"), m_baseDir,
                                                    tr("Recipes (*.json)"));
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".json");
        if (auto r = saveFile(path); !r)
            Q_EMIT fileError(r.error().message + QLatin1Char(' ') + r.error().detail);
    });
    validate();
}

QString RecipeEditor::text() const { return m_edit->toPlainText(); }

void RecipeEditor::setText(const QString &json)
{
    m_edit->setPlainText(json);
    validate();
}

QString RecipeEditor::verdict() const { return m_verdict->text(); }

Result<void> RecipeEditor::loadFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("recipe.read"), tr("Cannot read the recipe."),
                           path + QStringLiteral(": ") + f.errorString());
    // A recipe is a few KiB; anything huge is the wrong file, and loading it would hang the editor.
    if (f.size() > 1024 * 1024)
        return Error::make(QStringLiteral("recipe.read"),
                           tr("That file is too large to be a recipe."), path);
    const QByteArray bytes = f.readAll();
    m_baseDir = QFileInfo(path).absolutePath();
    m_filePath = QFileInfo(path).absoluteFilePath();
    setText(QString::fromUtf8(bytes));
    return {};
}

Result<void> RecipeEditor::saveFile(const QString &path)
{
    // QSaveFile: a full disk or a crash mid-save leaves the previous recipe intact.
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::make(QStringLiteral("recipe.write"), tr("Cannot save the recipe."),
                           path + QStringLiteral(": ") + f.errorString());
    f.write(m_edit->toPlainText().toUtf8());
    if (!f.commit())
        return Error::make(QStringLiteral("recipe.write"), tr("Cannot save the recipe."),
                           path + QStringLiteral(": ") + f.errorString());
    m_baseDir = QFileInfo(path).absolutePath();
    m_filePath = QFileInfo(path).absoluteFilePath();
    return {};
}

void RecipeEditor::validate()
{
    m_debounce->stop();
    const QString text = m_edit->toPlainText();
    if (text.trimmed().isEmpty()) {
        m_verdict->setText(tr("empty: write or load a recipe"));
        m_verdict->setStyleSheet(QString());
        return;
    }
    const auto recipe = Station::Recipe::fromJson(text.toUtf8(), m_baseDir, false);
    if (!recipe) {
        m_verdict->setText(
            tr("not usable: %1")
                .arg(recipe.error().detail.isEmpty()
                         ? recipe.error().message
                         : recipe.error().message + QLatin1Char(' ') + recipe.error().detail));
        m_verdict->setStyleSheet(
            QStringLiteral("color: %1;").arg(StatusPalette(palette()).text(Tone::Error).name()));
        return;
    }
    QStringList steps;
    for (const auto step : recipe->steps())
        steps << Station::Recipe::stepName(step);
    m_verdict->setText(tr("OK: %1").arg(steps.join(QStringLiteral(" \u2192 "))));
    m_verdict->setStyleSheet(
        QStringLiteral("color: %1;").arg(StatusPalette(palette()).text(Tone::Success).name()));
}

} // namespace Forgeline::Ui
