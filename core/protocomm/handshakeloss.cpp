// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocomm/handshakeloss.h"

#include "core/protocomm/security.h"

#include <QCoreApplication>

namespace Forgeline::Protocomm {

namespace {

QString transportText(const Error &e)
{
    return e.detail.isEmpty() ? e.message : QStringLiteral("%1 (%2)").arg(e.message, e.detail);
}

} // namespace

HandshakeLoss classifyStepOneFailure(const HandshakeStepOneEvidence &evidence)
{
    const QString &code = evidence.transportError.code;
    const HttpTransport::Delivery &d = evidence.command1;
    if (code == QLatin1String("protocomm.connect"))
        return HandshakeLoss::DeviceUnreachable;
    if (code == QLatin1String("protocomm.timeout"))
        return d.written ? HandshakeLoss::NoAnswer : HandshakeLoss::DeviceUnreachable;
    if (!d.written)
        return HandshakeLoss::SessionLost;
    // With the cookie the device finds the session on any connection; without it only on the
    // socket that opened it.
    if (d.cookieSent || d.connection == evidence.response0Connection)
        return HandshakeLoss::PopRejected;
    return HandshakeLoss::SessionLost;
}

Error stepOneFailureError(const HandshakeStepOneEvidence &evidence)
{
    const HttpTransport::Delivery &d = evidence.command1;
    const QString transport = transportText(evidence.transportError);
    switch (classifyStepOneFailure(evidence)) {
    case HandshakeLoss::PopRejected:
        return popRejectedError(
            QStringLiteral(
                "the device dropped SessionCmd1 on connection #%1, inside the session step 0 opened (%2). Transport: %3")
                .arg(d.connection)
                .arg(d.cookieSent ? QStringLiteral("session cookie sent")
                                  : QStringLiteral("same connection as SessionResp0"),
                     transport),
            evidence.securityVersion);
    case HandshakeLoss::SessionLost: {
        const QString detail
            = d.written
                  ? QStringLiteral(
                        "SessionCmd1 went out on connection #%1 without a session cookie; SessionResp0 came on connection #%2, "
                        "which had been closed in between, so the device had no session for it. Transport: %3")
                        .arg(d.connection)
                        .arg(evidence.response0Connection)
                        .arg(transport)
                  : QStringLiteral("SessionCmd1 never reached the device. Transport: %1")
                        .arg(transport);
        QString fix = QCoreApplication::translate(
            "Protocomm",
            "Do not re-type the PoP. This board keeps the session only on the connection that opened it "
            "(socket-bound session mode), so the whole exchange must stay on one connection: check for anything "
            "that cuts connections (proxy, firewall, weak Wi-Fi) and whether the board rebooted (its serial log "
            "shows a boot banner), then try again.");
        if (!evidence.cookiesEnabled)
            fix += QLatin1Char(' ')
                   + QCoreApplication::translate(
                       "Protocomm",
                       "Session cookies are turned off in this client; with them, boards on ESP-IDF 4.3 or later keep the session across connections.");
        return Error::make(
            QStringLiteral("protocomm.sessionlost"),
            QCoreApplication::translate(
                "Protocomm",
                "The secure session was lost between handshake steps (step 0 to step 1): the connection "
                "was closed and the device no longer had the session, so the PoP was never checked."),
            detail, fix);
    }
    case HandshakeLoss::DeviceUnreachable:
        return Error::make(
            QStringLiteral("protocomm.sessionlost"),
            QCoreApplication::translate(
                "Protocomm",
                "The secure session was lost between handshake steps (step 0 to step 1): the device stopped "
                "accepting connections after step 0 (it may have reset), so the PoP was never checked."),
            QStringLiteral("SessionCmd1 could not be delivered. Transport: %1").arg(transport),
            QCoreApplication::translate(
                "Protocomm",
                "Do not re-type the PoP. Wait for the board to finish booting or power-cycle it, make sure this "
                "computer is still on its access point, then try again."));
    case HandshakeLoss::NoAnswer: break;
    }
    return Error::make(
        QStringLiteral("protocomm.handshake"),
        QCoreApplication::translate(
            "Protocomm",
            "The device did not answer step 1 of the session handshake in time, so the PoP was neither "
            "accepted nor rejected."),
        QStringLiteral("SessionCmd1 went out on connection #%1. Transport: %2")
            .arg(d.connection)
            .arg(transport),
        QCoreApplication::translate(
            "Protocomm", "Check that the board is still running and in range, then try again."));
}

} // namespace Forgeline::Protocomm
