// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/aboutdialog.h"

#include "core/common/buildinfo.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Forgeline::Ui {

namespace {

struct VersionRow
{
    const char *objectName;
    QString label;
    QString value;
};

QList<VersionRow> versionRows()
{
    return {
        {"versionForgeline", AboutDialog::tr("Forgeline"), BuildInfo::applicationVersion()},
        {"versionQt", AboutDialog::tr("Qt"), BuildInfo::qtVersion()},
        {"versionOpenSsl", AboutDialog::tr("OpenSSL"), BuildInfo::openSslVersion()},
        {"versionProtobuf", AboutDialog::tr("protobuf"), BuildInfo::protobufVersion()},
        {"versionZlib", AboutDialog::tr("zlib"), BuildInfo::zlibVersion()},
    };
}

} // namespace

QString AboutDialog::versionsText()
{
    QStringList lines;
    const QList<VersionRow> rows = versionRows();
    for (const VersionRow &row : rows)
        lines.append(row.label % QStringLiteral(": ") % row.value);
    return lines.join(u'\n');
}

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Forgeline"));

    auto *icon = new QLabel;
    const int side = fontMetrics().height() * 4;
    icon->setPixmap(
        QIcon(QStringLiteral(":/forgeline/icons/org.forgeline.Forgeline.svg")).pixmap(side, side));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(QStringLiteral("<b>Forgeline</b>"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    title->setFont(big);
    auto *blurb
        = new QLabel(tr("Flash certificates and keys into ESP32 boards, provision their Wi-Fi, "
                        "and explain their TLS errors."));
    blurb->setWordWrap(true);
    auto *licence
        = new QLabel(tr("Free software under the GNU General Public License, version 3 or later."));
    licence->setWordWrap(true);

    auto *versions = new QFormLayout;
    const QList<VersionRow> rows = versionRows();
    for (const VersionRow &row : rows) {
        auto *value = new QLabel(row.value);
        value->setObjectName(QString::fromLatin1(row.objectName));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        versions->addRow(row.label % u':', value);
    }

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(blurb);
    text->addLayout(versions);
    text->addWidget(licence);

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *copy = buttons->addButton(tr("Copy versions"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("aboutCopyVersions"));
    connect(copy, &QPushButton::clicked, this,
            [] { QApplication::clipboard()->setText(versionsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    setMinimumWidth(fontMetrics().averageCharWidth() * 64); // room for the OpenSSL line on one row
    layout->addLayout(top);
    layout->addWidget(buttons);
}

} // namespace Forgeline::Ui
