// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QComboBox;
class QListView;
class QPushButton;

namespace Forgeline {
class Logger;
}

namespace Forgeline::Ui {

class ActivityFilter;
class ActivityLogModel;

// Dock showing what the application did, newest at the bottom. Fed by the (redacting) logger.
class ActivityPane : public QDockWidget
{
    Q_OBJECT
public:
    explicit ActivityPane(Logger &logger, QWidget *parent = nullptr);

    ActivityLogModel *model() const { return m_model; }
    ActivityFilter *filter() const { return m_filter; }
    QListView *view() const { return m_view; }

    // Selected rows, or every visible row when nothing is selected, one line each.
    QString visibleText() const;

public Q_SLOTS:
    void copyToClipboard();
    void clear();

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void applyLevelFilter(int comboIndex);

    ActivityLogModel *m_model;
    ActivityFilter *m_filter;
    QListView *m_view;
    QComboBox *m_level;
    bool m_followTail = true;
};

} // namespace Forgeline::Ui
