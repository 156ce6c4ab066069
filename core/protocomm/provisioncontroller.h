// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/protocomm/messages.h"
#include "core/protocomm/provisionclient.h"
#include "core/protocomm/provisionjob.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace Forgeline::Protocomm {

// Where a session goes and how it is secured, as the operator gave it.
struct SessionTarget
{
    QString endpoint;    // "HOST:PORT" or "[IPv6]:PORT", parsed by core/common/endpoint.h
    int security = -1;   // -1: as the board reports in proto-ver
    QByteArray pop;      // Security 1 PoP or Security 2 password; registered as a secret here
    QByteArray username; // Security 2 username; empty: "wifiprov"
};

// Provisioning one board, free of widgets: owns the secure session (ProvisionClient), the
// provisioning run (ProvisionJob) and what the session learned, and decides what follows
// what (a connect scans when the board can; provisioning without a session connects first).
// The Provision workspace binds to it and only shows what it reports; `forgeline-cli
// provision` runs the whole sequence through run(). Everything is event-loop driven.
// Calls made while busy, and scan()/sendCustom() without an open session, are ignored, as the
// workspace's disabled buttons are; refusals the operator must read come back as an Error.
class ProvisionController : public QObject
{
    Q_OBJECT
public:
    explicit ProvisionController(QObject *parent = nullptr);
    ~ProvisionController() override;

    void setPollInterval(int ms) { m_pollIntervalMs = ms; }
    // The board's name, from its QR code or the virtual board; shown, never sent.
    void setDeviceName(const QString &name) { m_deviceName = name; }
    QString deviceName() const { return m_deviceName; }
    // A different board: what the last connection learned no longer applies.
    void forgetDetectedSecurity() { m_detectedSecurity = -1; }
    // The security the last connection attempt learned from proto-ver (-1: nothing yet).
    int detectedSecurity() const { return m_detectedSecurity; }
    bool isBusy() const { return m_busy; }
    bool isSessionOpen() const;
    // The outcome of the last provisioning run (provision() or run()).
    const ProvisionJob::Outcome &outcome() const;

    // Opens a secure session, then scans when the board can. Only an address that does not
    // parse is refused at once (ErrorCode::EndpointInvalid); the rest is reported by signals.
    Result<void> connectTo(const SessionTarget &target);
    void scan();
    void sendCustom(const QString &endpoint, const QByteArray &data);
    // Sends the credentials over the open session, or connects to `target` first. Refused at
    // once when there is no SSID.
    Result<void> provision(const SessionTarget &target, const QByteArray &ssid,
                           const QByteArray &passphrase);
    // The whole sequence unattended (connect, optional scan, credentials, wait) on a session
    // of its own that closes at the end: the CLI's run.
    void run(const ProvisionJob::Request &request);
    // Stops whatever runs; the run or the step reports a cancelled Error (Error::isCancelled).
    void cancel();

Q_SIGNALS:
    void busyChanged(bool busy);
    void connecting(const QString &address); // the address as parsed and shown
    void connected(const Forgeline::Protocomm::DeviceInfo &info);
    void connectFailed(const Forgeline::Error &error);
    void scanStarted();
    void scanFinished(const QList<Forgeline::Protocomm::ScanEntry> &networks);
    void scanFailed(const Forgeline::Error &error);
    void customReplied(const QByteArray &reply);
    void customFailed(const Forgeline::Error &error);
    void provisionStarted();
    void stepChanged(Forgeline::Protocomm::ProvisionJob::Step step, const QString &text);
    void finished(const Forgeline::Protocomm::ProvisionJob::Outcome &outcome);
    void notice(const QString &message); // user-facing, also logged as a warning
    void trace(const QString &line);     // protocol detail without secrets, also logged

private:
    void setBusy(bool busy);
    Result<void> openSession(const SessionTarget &target, std::function<void()> next);
    void startJob(const ProvisionJob::Request &request, bool onSession);
    void onJobFinished(const ProvisionJob::Outcome &outcome);
    void closeSession();

    QPointer<ProvisionClient> m_client;
    QPointer<ProvisionJob> m_job;
    ProvisionJob::Outcome m_outcome;
    QString m_deviceName;
    int m_pollIntervalMs = 1000;
    int m_detectedSecurity = -1;
    bool m_busy = false;
};

} // namespace Forgeline::Protocomm
