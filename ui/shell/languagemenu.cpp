// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/languagemenu.h"

#include "core/common/settings.h"
#include "core/common/translations.h"

#include <QActionGroup>

namespace Forgeline::Ui {

LanguageMenu::LanguageMenu(QWidget *parent)
    : QMenu(tr("&Language"), parent), m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("languageMenu"));
    m_group->setExclusive(true);
    const QString current = Settings::load().language;
    // A language is named in itself, so whoever cannot read the current one still finds theirs.
    const QList<std::pair<QString, QString>> choices = {
        {QString(), tr("System default")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
    };
    for (const auto &[language, title] : choices) {
        QAction *action = addAction(title);
        action->setObjectName(QStringLiteral("actionLanguage_")
                              + (language.isEmpty() ? QStringLiteral("system") : language));
        action->setCheckable(true);
        action->setChecked(language == current);
        action->setData(language);
        m_group->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, language = language] { choose(language); });
    }
    addSeparator();
    QAction *note = addAction(tr("Applies when Forgeline is restarted"));
    note->setEnabled(false);
}

QString LanguageMenu::checkedLanguage() const
{
    const QAction *checked = m_group->checkedAction();
    return checked ? checked->data().toString() : QString();
}

QAction *LanguageMenu::actionFor(const QString &language) const
{
    for (QAction *a : m_group->actions()) {
        if (a->data().toString() == language)
            return a;
    }
    return nullptr;
}

void LanguageMenu::choose(const QString &language)
{
    Settings s = Settings::load();
    if (s.language == language)
        return;
    s.language = language;
    s.save();
    Q_EMIT statusMessage(
        tr("Language saved: restart Forgeline to use %1.").arg(actionFor(language)->text()));
}

} // namespace Forgeline::Ui
