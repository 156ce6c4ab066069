// SPDX-License-Identifier: GPL-3.0-or-later
// The Provision workspace's QR intake: a USB barcode scanner types the payload into whichever
// field has focus; the field gets its text back and the payload fills PoP, username, security.
#include "ui/provision/provisionworkspace.h"

#include "core/protocomm/provisioncontroller.h"
#include "core/protocomm/qrpayload.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSignalBlocker>

namespace Forgeline::Ui {

using namespace Forgeline::Protocomm;

void ProvisionWorkspace::watchForQrPayload(QLineEdit *edit)
{
    m_lastPlainText.insert(edit, edit->text());
    connect(edit, &QLineEdit::textChanged, this, [this, edit](const QString &text) {
        if (!text.contains(QLatin1Char('{')) && !text.contains(QLatin1String("data="))) {
            m_lastPlainText.insert(edit, text);
            return;
        }
        // A scanner types one character at a time, possibly after what the field held:
        // act once the JSON is complete.
        const qsizetype brace = text.indexOf(QLatin1Char('{'));
        const QString candidate
            = brace > 0 && !text.contains(QLatin1String("data=")) ? text.mid(brace) : text;
        if (looksLikeQrPayload(candidate) && candidate.trimmed().endsWith(QLatin1Char('}')))
            applyQrPayload(edit, candidate);
    });
}

void ProvisionWorkspace::applyQrPayload(QLineEdit *edit, const QString &text)
{
    Result<QrPayload> qr = parseQrPayload(text); // registers the PoP before anything else sees it
    {
        const QSignalBlocker block(edit);
        edit->setText(m_lastPlainText.value(edit));
    }
    if (!qr) {
        showBanner(qr.error().message + QLatin1Char(' ') + qr.error().fix, Tone::Error);
        return;
    }
    if (!qr->pop.isEmpty())
        m_pop->setText(qr->pop);
    if (!qr->username.isEmpty())
        m_username->setText(qr->username);
    if (qr->security) {
        const int index = m_security->findData(*qr->security);
        m_security->setCurrentIndex(index >= 0 ? index : 0);
    }
    m_controller->setDeviceName(qr->name);
    updateUsernameRow();
    if (qr->transport == QLatin1String("ble")) {
        showBanner(
            tr("QR code for %1: this board provisions over Bluetooth LE, which Forgeline does not support yet.")
                .arg(qr->name),
            Tone::Error);
        return;
    }
    showBanner(tr("QR code for %1 read. Join its Wi-Fi access point %1, then press Connect.")
                   .arg(qr->name),
               Tone::Info);
    log(tr("QR code read for %1").arg(qr->name));
}

} // namespace Forgeline::Ui
