// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/activity/activitypane.h"

#include "core/common/logger.h"
#include "ui/activity/activityfilter.h"
#include "ui/activity/activitylogmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace Forgeline::Ui {

ActivityPane::ActivityPane(Logger &logger, QWidget *parent)
    : QDockWidget(tr("Activity"), parent),
      m_model(new ActivityLogModel(ActivityLogModel::DefaultCapacity, this)),
      m_filter(new ActivityFilter(this)), m_view(new QListView), m_level(new QComboBox)
{
    setObjectName(QStringLiteral("activityPane")); // key for QMainWindow::saveState
    setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea | Qt::LeftDockWidgetArea);

    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->setObjectName(QStringLiteral("activityView"));
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setWordWrap(false);

    m_level->setObjectName(QStringLiteral("activityLevel"));
    m_level->addItem(tr("Everything"), int(LogEntry::Level::Debug));
    m_level->addItem(tr("Info and above"), int(LogEntry::Level::Info));
    m_level->addItem(tr("Warnings and errors"), int(LogEntry::Level::Warning));
    m_level->addItem(tr("Errors only"), int(LogEntry::Level::Error));
    m_level->setToolTip(tr("Show only messages at or above this level"));

    auto *copy = new QPushButton(tr("Copy"));
    copy->setObjectName(QStringLiteral("activityCopy"));
    copy->setToolTip(tr("Copy the selected lines, or every shown line when none is selected"));
    auto *clearButton = new QPushButton(tr("Clear"));
    clearButton->setObjectName(QStringLiteral("activityClear"));

    auto *levelLabel = new QLabel(tr("&Show:"));
    levelLabel->setBuddy(m_level);

    auto *bar = new QHBoxLayout;
    bar->addWidget(levelLabel);
    bar->addWidget(m_level);
    bar->addStretch(1);
    bar->addWidget(copy);
    bar->addWidget(clearButton);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_level, &QComboBox::currentIndexChanged, this, &ActivityPane::applyLevelFilter);
    connect(copy, &QPushButton::clicked, this, &ActivityPane::copyToClipboard);
    connect(clearButton, &QPushButton::clicked, this, &ActivityPane::clear);

    // Keep the newest line in view unless the user scrolled up to read something.
    QScrollBar *scroll = m_view->verticalScrollBar();
    connect(scroll, &QScrollBar::valueChanged, this,
            [this, scroll](int value) { m_followTail = value >= scroll->maximum(); });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followTail)
            m_view->scrollToBottom();
    });

    m_model->follow(logger);
}

void ActivityPane::applyLevelFilter(int comboIndex)
{
    m_filter->setMinimumLevel(LogEntry::Level(m_level->itemData(comboIndex).toInt()));
}

QString ActivityPane::visibleText() const
{
    QModelIndexList rows
        = m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList{};
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    if (rows.isEmpty()) {
        for (int r = 0; r < m_filter->rowCount(); ++r)
            rows.append(m_filter->index(r, 0));
    }
    QStringList lines;
    lines.reserve(rows.size());
    for (const QModelIndex &idx : std::as_const(rows))
        lines.append(idx.data(Qt::DisplayRole).toString());
    return lines.join(u'\n');
}

void ActivityPane::copyToClipboard()
{
    const QString text = visibleText();
    QApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(
        tr("Copied %n activity line(s)", nullptr, text.isEmpty() ? 0 : int(text.count(u'\n')) + 1));
}

void ActivityPane::clear()
{
    m_model->clear();
    Q_EMIT statusMessage(tr("Activity cleared"));
}

} // namespace Forgeline::Ui
