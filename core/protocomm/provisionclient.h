// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/protocomm/messages.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Forgeline::Protocomm {

class ClientSecurity;
class HttpTransport;

// What proto-ver told us.
struct DeviceInfo
{
    QString raw; // the reply as sent
    bool json = false;
    QString provVersion;      // "v1.1"
    int securityVersion = -1; // from sec_ver, or inferred from cap; -1 unknown
    bool securityFromDevice = false;
    int securityPatch = 0;
    QStringList capabilities;
    bool noPop = false;
    bool noSec = false;
    bool canScan() const { return capabilities.contains(QStringLiteral("wifi_scan")); }
};

Result<DeviceInfo> parseVersionReply(const QByteArray &reply);

// One protocomm session with one device, over one HttpTransport. Every call is async and
// queued behind the previous one. A lost secure session (no reply, closed socket, a reply
// that does not decrypt to the expected message) is re-established once per request with a
// fresh handshake, and notice() says so; the request is then sent again, re-encrypted.
class ProvisionClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    struct Options
    {
        int security = -1; // -1: as the device reports in proto-ver
        QByteArray
            pop; // Security1 PoP or Security2 password; registered with the Redactor by whoever read it
        QByteArray username; // Security2 (SRP6a) username; empty: "wifiprov"; not a secret
        int timeoutMs = 10000;
        int scanTimeoutMs = 30000;
        bool useCookies = true;
        int maxRecoveries = 3; // per client, so a broken device cannot keep us looping
    };

    ProvisionClient(const QString &host, quint16 port, Options options, QObject *parent = nullptr);
    ~ProvisionClient() override;

    // proto-ver, then the security handshake.
    void connectDevice(Callback<DeviceInfo> done);
    void scan(const ScanStartOptions &options, Callback<QList<ScanEntry>> done);
    void setConfig(const WifiConfig &config, Callback<void> done);
    // Ok(true) when the reply said InternalError after this request had to be re-sent: the
    // first copy was applied before its reply was lost.
    void applyConfig(Callback<bool> done);
    void getStatus(Callback<WifiStatus> done);
    void control(CtrlCommand command, Callback<void> done);
    void sendCustom(const QString &endpoint, const QByteArray &data, Callback<QByteArray> done);
    void cancel();

    const DeviceInfo &deviceInfo() const { return m_info; }
    int recoveries() const { return m_recoveries; }
    bool established() const;
    HttpTransport *transport() const { return m_transport; }

Q_SIGNALS:
    void notice(const QString &message); // user-facing
    void trace(const QString &line);     // protocol detail, secrets never included

private:
    using Validator = std::function<bool(const QByteArray &)>;
    struct HandshakeRun
    {
        bool recovering = false;     // re-establishing a session that was lost mid-flow
        bool retried = false;        // step 1 failed once and the handshake started over
        int knocks = 0;              // refused connections so far, while waiting for a restart
        int response0Connection = 0; // the transport connection that answered step 0
        bool step0Resent = false;    // step 0 went out again after a connection closed under it
    };
    void handshake(HandshakeRun run, Callback<void> done);
    void startSession(int level, const QByteArray &pop, const QByteArray &username,
                      Callback<DeviceInfo> done);
    void handshakeStep(const QByteArray &request, HandshakeRun run, Callback<void> done);
    void onHandshakeFailure(int step, HandshakeRun run, const Error &error, Callback<void> done);
    void secure(const QString &endpoint, const QByteArray &plain, int timeoutMs, Validator valid,
                Callback<QByteArray> done, bool recovered = false);
    void recover(const QString &endpoint, const Error &why, std::function<void(Result<void>)> then);
    // Wi-Fi scan after ScanStart: poll ScanStatus until finished, then fetch the results page
    // by page.
    void pollScan(int round, Callback<QList<ScanEntry>> done);
    void fetchScanResults(quint32 start, quint32 total, QList<ScanEntry> results,
                          Callback<QList<ScanEntry>> done);

    Options m_options;
    HttpTransport *m_transport = nullptr;
    std::unique_ptr<ClientSecurity> m_security;
    DeviceInfo m_info;
    int m_recoveries = 0;
    bool m_lastRecovered = false;
    bool m_cancelled = false;
};

// Exit-code class of an error from this module, for the CLI and reports.
enum class FailureKind { Usage, Rejected, Device, Cancelled };
FailureKind classify(const Error &error);

} // namespace Forgeline::Protocomm
