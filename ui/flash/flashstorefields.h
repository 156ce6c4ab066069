// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/image/partitiontable.h"

#include <QList>
#include <QObject>

class QComboBox;
class QFormLayout;
class QLayout;
class QLineEdit;
class QWidget;

namespace Forgeline::Ui {

// The Flash workspace's certificate-store inputs: the target layout ("raw", "nvs" or
// "secure-cert") and the private key, CA, NVS CSV template and NVS keys files, with the store
// they build. A QObject rather than a widget: its rows sit in the write form among the
// workspace's own rows (Layout first, the files after Format), so labels stay aligned; it
// shows or hides its rows for the chosen layout.
class FlashStoreFields : public QObject
{
    Q_OBJECT
public:
    // Makes the layout combo the form's first row and appends the four file rows.
    FlashStoreFields(QFormLayout *form, QWidget *box);

    QString layoutName() const;
    QString layoutText() const;
    void setLayoutName(const QString &name);
    void setFiles(const QString &key, const QString &ca, const QString &csv,
                  const QString &nvsKeys);
    QString nvsKeysFile() const;

    // The partition image for the chosen layout, built as the station builds it per board,
    // so one board from Flash and a thousand from Station get byte-identical stores.
    Result<QByteArray> build(const QString &certificateFile, const Image::Partition &partition,
                             const QString &mac) const;

Q_SIGNALS:
    void layoutChanged();
    void inputsChanged();
    void keyFileChanged(const QString &path);

private:
    void updateRows();

    QFormLayout *m_form;
    QComboBox *m_layout = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_ca = nullptr;
    QLineEdit *m_csv = nullptr;
    QLineEdit *m_nvsKeys = nullptr;
    QList<QLayout *> m_rows; // key, CA, CSV, NVS keys: the form rows they sit in
};

} // namespace Forgeline::Ui
