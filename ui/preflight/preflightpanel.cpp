// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/preflight/preflightpanel.h"

#include "core/tls/preflightengine.h"
#include "core/tls/targetprofile.h"
#include "ui/common/statuspalette.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Forgeline::Ui {

namespace {

using Status = Tls::PreflightCheck::Status;

Tone toneOf(Status s)
{
    switch (s) {
    case Status::Pass: return Tone::Success;
    case Status::Warn: return Tone::Warning;
    case Status::Fail: return Tone::Error;
    }
    return Tone::Muted;
}

QIcon statusIcon(const QColor &color)
{
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(1, 1, 12, 12);
    return QIcon(pm);
}

QString statusText(Status s)
{
    switch (s) {
    case Status::Pass: return PreflightPanel::tr("Pass");
    case Status::Warn: return PreflightPanel::tr("Warning");
    case Status::Fail: return PreflightPanel::tr("Fails");
    }
    return {};
}

} // namespace

PreflightPanel::PreflightPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("Target:"), this));
    m_targetBox = new QComboBox(this);
    for (const QString &id : Tls::TargetProfiles::ids()) {
        const auto profile = Tls::TargetProfiles::load(id);
        m_targetBox->addItem(profile ? profile->title : id, id);
    }
    m_targetBox->setCurrentIndex(qMax(0, m_targetBox->findData(Tls::TargetProfiles::defaultId())));
    header->addWidget(m_targetBox);
    header->addWidget(new QLabel(tr("Device clock:"), this));
    m_clockBox = new QComboBox(this);
    m_clockBox->addItem(tr("Not set (1970, no SNTP)"), int(Tls::DeviceClock::Unset));
    m_clockBox->addItem(tr("Synced before TLS"), int(Tls::DeviceClock::Synced));
    header->addWidget(m_clockBox);
    header->addStretch(1);
    layout->addLayout(header);

    m_summary = new QLabel(tr("Choose a certificate and key to check them before flashing."), this);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("preflightSummary"));
    layout->addWidget(m_summary);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("preflightChecks"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Check"), tr("Device error"), tr("Finding")});
    m_tree->setRootIsDecorated(true);
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    layout->addWidget(m_tree, 1);

    m_inputs.targetId = Tls::TargetProfiles::defaultId();
    connect(m_targetBox, &QComboBox::currentIndexChanged, this, [this] {
        m_inputs.targetId = m_targetBox->currentData().toString();
        schedule();
    });
    connect(m_clockBox, &QComboBox::currentIndexChanged, this, [this] {
        m_inputs.deviceClock = Tls::DeviceClock(m_clockBox->currentData().toInt());
        schedule();
    });
}

PreflightPanel::~PreflightPanel()
{
    // A run takes milliseconds; waiting keeps the worker from outliving the panel.
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void PreflightPanel::setFiles(const QString &certFile, const QString &keyFile,
                              const QString &chainFile, const QStringList &caFiles,
                              const QString &p12File, const QByteArray &password)
{
    m_inputs.certFile = certFile;
    m_inputs.keyFile = keyFile;
    m_inputs.chainFile = chainFile;
    m_inputs.caFiles = caFiles;
    m_inputs.p12File = p12File;
    m_inputs.password = password;
    schedule();
}

void PreflightPanel::setTarget(const QString &targetId)
{
    const int index = m_targetBox->findData(targetId);
    if (index >= 0 && index != m_targetBox->currentIndex()) {
        m_targetBox->setCurrentIndex(index); // schedules through the signal
        return;
    }
    m_inputs.targetId = targetId;
    schedule();
}

void PreflightPanel::setDeviceClock(Tls::DeviceClock clock)
{
    m_clockBox->setCurrentIndex(m_clockBox->findData(int(clock)));
}

void PreflightPanel::setOverrides(const QStringList &overrides)
{
    m_inputs.overrides = overrides;
    schedule();
}

void PreflightPanel::setPartitionSizes(std::optional<qint64> certPartition,
                                       std::optional<qint64> keyPartition)
{
    m_inputs.partitionSize = certPartition;
    m_inputs.keyPartitionSize = keyPartition;
    schedule();
}

QString PreflightPanel::target() const { return m_inputs.targetId; }

bool PreflightPanel::isRunning() const { return m_thread != nullptr || m_pending; }

// Several setters in a row (files, then target) make one run, on the next event-loop turn.
void PreflightPanel::schedule()
{
    if (m_inputs.p12File.isEmpty() && (m_inputs.certFile.isEmpty() || m_inputs.keyFile.isEmpty()))
        return;
    if (m_pending)
        return;
    m_pending = true;
    QTimer::singleShot(0, this, [this] {
        if (!m_thread)
            startRun();
    });
}

void PreflightPanel::startRun()
{
    m_pending = false;
    m_summary->setText(tr("Checking against %1…").arg(m_targetBox->currentText()));
    auto slot = std::make_shared<std::optional<Result<Tls::PreflightReport>>>();
    m_inFlight = slot;
    const Tls::PreflightInputs inputs = m_inputs; // a copy: the worker never touches panel state
    m_thread
        = QThread::create([slot, inputs] { slot->emplace(Tls::PreflightEngine::run(inputs)); });
    connect(m_thread, &QThread::finished, this, &PreflightPanel::onRunFinished);
    Q_EMIT runStarted();
    m_thread->start();
}

void PreflightPanel::onRunFinished()
{
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    if (m_inFlight && m_inFlight->has_value())
        m_last = std::move(**m_inFlight);
    m_inFlight.reset();
    if (m_pending) { // inputs changed while running: only the newest answer counts
        startRun();
        return;
    }
    showResult();
    Q_EMIT resultChanged(m_hasRed);
}

void PreflightPanel::showResult()
{
    m_tree->clear();
    if (!m_last)
        return;
    // The summaries' catalogued texts carry a colour; the palette's replaces it.
    const StatusPalette colours(palette());
    if (!m_last->ok()) {
        // Files that cannot be read are red: nothing should be written from them.
        m_hasRed = true;
        const Error &e = m_last->error();
        m_summary->setText(
            colours
                .recoloured(tr("<b style='color:#d0332b'>Cannot check these files.</b> %1"),
                            Tone::Error)
                .arg(e.message.toHtmlEscaped()));
        auto *item = new QTreeWidgetItem(m_tree, {tr("Files"), QString(), e.message});
        item->setIcon(0, statusIcon(colours.text(Tone::Error)));
        if (!e.fix.isEmpty())
            new QTreeWidgetItem(item, {tr("Fix"), QString(), e.fix});
        if (!e.detail.isEmpty())
            new QTreeWidgetItem(item, {tr("Detail"), QString(), e.detail});
        item->setExpanded(true);
        return;
    }
    const Tls::PreflightReport &report = m_last->value();
    int fails = 0;
    int warns = 0;
    for (const Tls::PreflightCheck &c : report.checks) {
        fails += c.status == Status::Fail;
        warns += c.status == Status::Warn;
        auto *item = new QTreeWidgetItem(m_tree, {c.title, c.predictedError, c.message});
        item->setIcon(0, statusIcon(colours.text(toneOf(c.status))));
        item->setToolTip(0, QStringLiteral("%1 — %2").arg(statusText(c.status), c.id));
        item->setToolTip(2, c.message); // long findings are elided in the column
        item->setData(0, Qt::UserRole, c.id);
        item->setData(0, Qt::UserRole + 1, int(c.status));
        if (c.status == Status::Fail)
            item->setForeground(1, colours.text(Tone::Error));
        if (!c.predictedError.isEmpty())
            new QTreeWidgetItem(
                item, {tr("Device error"), c.predictedError,
                       QStringLiteral("%1 — %2").arg(c.predictedName, c.predictedMeaning)});
        if (!c.diagnosisId.isEmpty() && c.status != Status::Pass)
            new QTreeWidgetItem(item, {tr("Diagnosis"), QString(), c.diagnosisId});
        if (!c.fix.isEmpty())
            (new QTreeWidgetItem(item, {tr("Fix"), QString(), c.fix}))->setToolTip(2, c.fix);
        item->setExpanded(c.status == Status::Fail);
    }
    m_hasRed = fails > 0;
    if (fails > 0)
        m_summary->setText(
            colours
                .recoloured(
                    tr("<b style='color:#d0332b'>%n check(s) predict a device failure on %1.</b> Writing is refused until fixed or overridden.",
                       nullptr, fails),
                    Tone::Error)
                .arg(report.target.title.toHtmlEscaped()));
    else if (warns > 0)
        m_summary->setText(
            colours
                .recoloured(
                    tr("<b style='color:#e09b12'>No failure predicted on %1; %n warning(s).</b>",
                       nullptr, warns),
                    Tone::Warning)
                .arg(report.target.title.toHtmlEscaped()));
    else
        m_summary->setText(
            colours
                .recoloured(tr("<b style='color:#2e9d4f'>All checks pass on %1.</b>"),
                            Tone::Success)
                .arg(report.target.title.toHtmlEscaped()));
}

} // namespace Forgeline::Ui
