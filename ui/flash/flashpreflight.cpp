// SPDX-License-Identifier: GPL-3.0-or-later
// The Flash workspace's certificate/key preflight wiring: what feeds FlashPreflightFields (the
// payload being written, the store's key, the partitions read from the board) and how its
// answer gates the Write button.
#include "ui/flash/flashworkspace.h"

#include "core/common/guarded.h"
#include "ui/common/statuspalette.h"
#include "ui/flash/flashpreflightfields.h"
#include "ui/preflight/preflightpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace Forgeline::Ui {

QWidget *FlashWorkspace::buildPreflightBox()
{
    m_preflight = new FlashPreflightFields(this);
    connect(m_preflight, &FlashPreflightFields::runStarted, this, guarded(this, [this] {
                // An override answers one result; a new run needs a new decision.
                m_writeAnyway->setChecked(false);
                updateButtons();
            }));
    connect(m_preflight, &FlashPreflightFields::changed, this, &FlashWorkspace::updateButtons);
    return m_preflight;
}

PreflightPanel *FlashWorkspace::preflightPanel() const { return m_preflight->panel(); }

void FlashWorkspace::setPreflightFiles(const QString &cert, const QString &key,
                                       const QString &chain, const QStringList &cas)
{
    m_preflight->setFiles(cert, key, chain, cas);
}

// The file chosen for writing is a certificate or a key: check it, with its partition's size.
void FlashWorkspace::adoptPayloadForPreflight()
{
    m_preflight->adoptPayload(
        m_file->text(), m_partition->currentIndex() >= 0 ? m_partition->currentText() : QString());
}

bool FlashWorkspace::preflightBlocksWrite() const
{
    return m_preflight && m_preflight->blocksWrite(m_writeAnyway->isChecked());
}

bool FlashWorkspace::canWrite() const { return m_write->isEnabled(); }

void FlashWorkspace::setWriteAnyway(bool on) { m_writeAnyway->setChecked(on); }

QString FlashWorkspace::writeGateText() const
{
    return m_preflight ? m_preflight->gateText(m_writeAnyway->isChecked()) : QString();
}

void FlashWorkspace::updateWriteGate()
{
    if (!m_writeGate || !m_preflight)
        return; // during buildUi
    const QString text = writeGateText();
    const bool red = m_preflight->predictsFailure();
    m_writeGate->setText(text);
    m_writeGate->setVisible(!text.isEmpty());
    // Only the text colour is set, so the label keeps following the theme when not red.
    QPalette gatePalette = palette();
    if (red)
        gatePalette.setColor(QPalette::WindowText, StatusPalette(palette()).text(Tone::Error));
    m_writeGate->setPalette(gatePalette);
    m_writeAnyway->setVisible(red);
    m_write->setToolTip(text);
}

} // namespace Forgeline::Ui
