// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/wifiworld.h"

#include <algorithm>

namespace Forgeline::Sim {

QList<Protocomm::ScanEntry> WifiWorld::scan(int maxEntries) const
{
    QList<WifiNetwork> nets = m_profile.networks;
    std::stable_sort(nets.begin(), nets.end(),
                     [](const WifiNetwork &a, const WifiNetwork &b) { return a.rssi > b.rssi; });
    QList<Protocomm::ScanEntry> out;
    for (const WifiNetwork &n : nets) {
        if (out.size() >= maxEntries)
            break;
        out.append(
            Protocomm::ScanEntry{n.ssid.toUtf8(), quint32(n.channel), n.rssi, n.bssid, n.authMode});
    }
    return out;
}

WifiWorld::Attempt WifiWorld::connect(const Protocomm::WifiConfig &config) const
{
    Attempt a;
    for (const WifiNetwork &n : m_profile.networks) {
        if (n.ssid.toUtf8() != config.ssid)
            continue;
        if (!config.bssid.isEmpty() && config.bssid != n.bssid)
            continue;
        a.network = n;
        // Open networks accept any passphrase; protected ones need the exact one.
        if (n.authMode == 0 || n.passphrase.toUtf8() == config.passphrase) {
            a.connected = true;
        } else {
            a.reason = Protocomm::FailReason::AuthError;
        }
        return a;
    }
    a.reason = Protocomm::FailReason::NetworkNotFound;
    return a;
}

} // namespace Forgeline::Sim
