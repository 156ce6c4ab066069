// SPDX-License-Identifier: GPL-3.0-or-later
// The Flash workspace's widgets and their wiring.
#include "ui/flash/flashworkspace.h"

#include "core/common/settings.h"
#include "ui/flash/flashboardbox.h"
#include "ui/flash/flashprogressrow.h"
#include "ui/flash/partitiontablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Forgeline::Ui {

void FlashWorkspace::buildUi()
{
    auto *root = new QVBoxLayout(this);

    auto *portRow = new QHBoxLayout;
    m_port = new QComboBox(this);
    m_port->setEditable(true);
    m_port->setMinimumWidth(280);
    m_port->setToolTip(
        tr("A serial port, socket://HOST:PORT for a networked port, or the virtual board."));
    auto *refresh = new QPushButton(tr("Refresh"), this);
    m_baud = new QComboBox(this);
    for (int b : {115200, 230400, 460800, 921600})
        m_baud->addItem(QString::number(b), b);
    m_baud->setCurrentText(QString::number(Settings::load().flashBaudRate));
    m_connect = new QPushButton(tr("Connect"), this);
    m_connect->setDefault(true);
    portRow->addWidget(new QLabel(tr("Port:"), this));
    portRow->addWidget(m_port, 1);
    portRow->addWidget(refresh);
    portRow->addWidget(new QLabel(tr("Baud:"), this));
    portRow->addWidget(m_baud);
    portRow->addWidget(m_connect);
    auto *monitor = new QPushButton(tr("Monitor"), this);
    monitor->setObjectName(QStringLiteral("openMonitor"));
    monitor->setToolTip(
        tr("Watch this board's serial log; a failing TLS handshake is diagnosed as it happens."));
    connect(monitor, &QPushButton::clicked, this, [this] { Q_EMIT monitorRequested(portText()); });
    portRow->addWidget(monitor);
    root->addLayout(portRow);

    // Splitters, not fixed boxes: the user trades room between the board/table, the write
    // and preflight forms and the backups; at 1024x768 each starts with what it needs.
    auto *rows = new QSplitter(Qt::Vertical, this);
    rows->setObjectName(QStringLiteral("flashRows"));
    rows->setChildrenCollapsible(false);
    auto *middle = new QSplitter(Qt::Horizontal, rows);
    middle->setChildrenCollapsible(false);
    m_boardBox = new FlashBoardBox(this);
    middle->addWidget(m_boardBox);

    auto *tableBox = new QGroupBox(tr("Partition table"), this);
    auto *tableLayout = new QVBoxLayout(tableBox);
    m_table = new PartitionTableModel(this);
    m_tableView = new QTableView(tableBox);
    m_tableView->setModel(m_table);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tableView->verticalHeader()->hide();
    m_tableView->horizontalHeader()->setStretchLastSection(true);
    // Compact rows, and Tab leaves the table instead of walking its cells.
    m_tableView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_tableView->setTabKeyNavigation(false);
    m_tableView->setAccessibleName(tableBox->title());
    tableLayout->addWidget(m_tableView);
    middle->addWidget(tableBox);
    middle->setStretchFactor(1, 1);

    auto *writeBox = new QGroupBox(tr("Write"), this);
    auto *writeForm = new QFormLayout(writeBox);
    m_partition = new QComboBox(writeBox);
    auto *fileRow = new QHBoxLayout;
    m_file = new QLineEdit(writeBox);
    m_file->setPlaceholderText(tr("Certificate or key file (PEM or DER)"));
    auto *browse = new QPushButton(tr("Browse…"), writeBox);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    m_format = new QComboBox(writeBox);
    m_format->addItem(tr("PEM + NUL (firmware uses strlen+1)"), QStringLiteral("pem-nul"));
    m_format->addItem(tr("PEM as is"), QStringLiteral("pem"));
    m_format->addItem(tr("DER"), QStringLiteral("der"));
    m_format->addItem(tr("Raw file bytes"), QStringLiteral("raw"));
    m_payloadInfo = new QLabel(writeBox);
    m_payloadInfo->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    m_write = new QPushButton(tr("Write"), writeBox);
    m_write->setObjectName(QStringLiteral("flashWrite"));
    m_verify = new QPushButton(tr("Verify"), writeBox);
    m_cancel = new QPushButton(tr("Cancel"), writeBox);
    buttons->addWidget(m_write);
    buttons->addWidget(m_verify);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    m_writeForm = writeForm;
    m_inspect = new QPushButton(tr("Inspect"), writeBox);
    m_inspect->setObjectName(QStringLiteral("flashInspect"));
    m_inspect->setToolTip(tr(
        "Read the chosen partition and show what it holds (NVS, esp_secure_cert: which certificate)."));
    buttons->insertWidget(2, m_inspect);
    writeForm->addRow(tr("Partition:"), m_partition);
    writeForm->addRow(tr("File:"), fileRow);
    writeForm->addRow(tr("Format:"), m_format);
    buildStoreRows(writeForm, writeBox);
    m_flashKey = new QLineEdit(writeBox);
    m_flashKey->setObjectName(QStringLiteral("flashEncryptionKey"));
    m_flashKey->setPlaceholderText(
        tr("Optional: the board's flash encryption key, to check an encrypted app's address"));
    auto *keyRow = new QHBoxLayout;
    auto *keyBrowse = new QPushButton(tr("Browse…"), writeBox);
    keyRow->addWidget(m_flashKey, 1);
    keyRow->addWidget(keyBrowse);
    m_flashKeyRow = keyRow;
    writeForm->addRow(tr("Flash key:"), keyRow);
    writeForm->setRowVisible(keyRow, false);
    connect(keyBrowse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Flash encryption key"), QString(),
                                                       tr("Keys (*.bin);;All files (*)"));
        if (!f.isEmpty())
            m_flashKey->setText(f);
    });
    buildBootSwitchRow(writeForm, writeBox);
    writeForm->addRow(QString(), m_payloadInfo);
    writeForm->addRow(QString(), buttons);
    m_writeGate = new QLabel(writeBox);
    m_writeGate->setObjectName(QStringLiteral("flashWriteGate"));
    m_writeGate->setWordWrap(true);
    m_writeGate->setVisible(false);
    m_writeAnyway = new QCheckBox(
        tr("Write anyway (override the failing preflight; recorded in the activity log)"),
        writeBox);
    m_writeAnyway->setObjectName(QStringLiteral("flashWriteAnyway"));
    m_writeAnyway->setVisible(false);
    writeForm->addRow(QString(), m_writeGate);
    writeForm->addRow(QString(), m_writeAnyway);
    auto *writeRow = new QSplitter(Qt::Horizontal, rows);
    writeRow->setChildrenCollapsible(false);
    writeRow->addWidget(writeBox);
    // The preflight form is taller than a small window's share: it scrolls inside itself.
    auto *preflightScroll = new QScrollArea(writeRow);
    preflightScroll->setWidgetResizable(true);
    preflightScroll->setFrameShape(QFrame::NoFrame);
    preflightScroll->setFocusPolicy(Qt::NoFocus); // Tab goes to the fields, which it scrolls to
    preflightScroll->setWidget(buildPreflightBox());
    writeRow->addWidget(preflightScroll);
    writeRow->setStretchFactor(0, 2);
    writeRow->setStretchFactor(1, 3);

    m_progress = new FlashProgressRow(this);
    root->addWidget(m_progress);

    m_banner = new StatusBanner(this);
    root->addWidget(m_banner);

    auto *backupBox = new QGroupBox(tr("Backups (taken before every write)"), rows);
    auto *backupLayout = new QHBoxLayout(backupBox);
    m_backups = new QListWidget(backupBox);
    m_backups->setAccessibleName(backupBox->title());
    m_restore = new QPushButton(tr("Restore"), backupBox);
    m_restore->setToolTip(
        tr("Write the selected backup back to where it came from (MD5-verified)."));
    backupLayout->addWidget(m_backups, 1);
    backupLayout->addWidget(m_restore, 0, Qt::AlignTop);
    rows->addWidget(middle);
    rows->addWidget(writeRow);
    rows->addWidget(backupBox);
    // The table's share: its header and six rows (the default board's table) in view.
    const int tableNeeds
        = m_tableView->horizontalHeader()->sizeHint().height()
          + 6 * m_tableView->verticalHeader()->defaultSectionSize() + 2 * m_tableView->frameWidth()
          + m_tableView->horizontalScrollBar()->sizeHint().height() + fontMetrics().height() * 3;
    m_tableView->setMinimumHeight(tableNeeds - fontMetrics().height() * 3);
    // Two lines of backups at least (the list scrolls): with a CJK font the write form is
    // taller and three lines pushed the window past 768 pixels.
    m_backups->setMinimumHeight(fontMetrics().height() * 2);
    rows->setStretchFactor(0, 1);
    rows->setStretchFactor(1, 2);
    rows->setStretchFactor(2, 0);
    const int line = fontMetrics().height();
    rows->setSizes({tableNeeds, tableNeeds + line * 4, line * 5});
    root->insertWidget(1, rows, 1);

    connect(refresh, &QPushButton::clicked, this, &FlashWorkspace::refreshPorts);
    connect(m_connect, &QPushButton::clicked, this, &FlashWorkspace::connectBoard);
    connect(m_write, &QPushButton::clicked, this, &FlashWorkspace::write);
    connect(m_verify, &QPushButton::clicked, this, &FlashWorkspace::verify);
    connect(m_inspect, &QPushButton::clicked, this, &FlashWorkspace::inspectPartition);
    connect(m_cancel, &QPushButton::clicked, this, &FlashWorkspace::cancel);
    connect(m_restore, &QPushButton::clicked, this, &FlashWorkspace::restoreSelected);
    connect(m_backups, &QListWidget::itemDoubleClicked, this, &FlashWorkspace::restoreSelected);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(
            this, tr("Certificate or key"), QString(),
            tr("Certificates and keys (*.pem *.crt *.key *.der *.bin);;All files (*)"));
        if (!f.isEmpty())
            setPayloadFile(f);
    });
    connect(m_file, &QLineEdit::textChanged, this, &FlashWorkspace::updatePayloadSummary);
    connect(m_file, &QLineEdit::textChanged, this, &FlashWorkspace::adoptPayloadForPreflight);
    connect(m_writeAnyway, &QCheckBox::toggled, this, &FlashWorkspace::updateButtons);
    connect(m_format, &QComboBox::currentIndexChanged, this, &FlashWorkspace::updatePayloadSummary);
    connect(m_partition, &QComboBox::currentIndexChanged, this, [this] {
        updatePayloadSummary();
        adoptPayloadForPreflight();
        const int row
            = m_partition->currentIndex() >= 0 ? int(m_partition->currentData().toInt()) : -1;
        if (row >= 0)
            m_tableView->selectRow(row);
    });
}

} // namespace Forgeline::Ui
